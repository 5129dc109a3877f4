// A real y-websocket WebsocketProvider (Node `ws` as the WebSocket) with what tests want to observe.
import { WebsocketProvider } from "y-websocket";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { MESSAGE_CHANGE_REFUSED, readChangeRefused, type ChangeRefused } from "~/collab/changeRefused";
import { waitFor } from "./waitFor";

export type TestClient = {
  name: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close events the server sent (code and reason), oldest first. */
  closes: Array<{ code: number; reason: string }>;
  /** "Your change was refused" notices the server sent (app/collab/changeRefused.ts), oldest first. */
  refusals: ChangeRefused[];
  text(): string;
  type(text: string): void;
  synced(): Promise<void>;
  /**
   * Sends a sync step 1 on this socket and waits for the server's answer: everything this client sent before
   * has then been handled by the server (a barrier for "that change was dropped" assertions).
   */
  roundTrip(): Promise<void>;
  destroy(): void;
};

export type ClientOptions = { doc?: Y.Doc; as?: string; role?: "editor" | "participant" | "viewer" | "refused" | "guest"; connect?: boolean; headers?: Record<string, string> };

/** A WebSocket class that adds headers (e.g. a foreign Origin) to the upgrade request. */
function socketWithHeaders(headers: Record<string, string>): typeof WebSocket {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  } as unknown as typeof WebSocket;
}

export function connectClient(url: string, workspaceId: string, options: ClientOptions = {}): TestClient {
  const name = options.as ?? "alice";
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(url, workspaceId, doc, {
    params: { as: name, role: options.role ?? "editor" },
    WebSocketPolyfill: (options.headers ? socketWithHeaders(options.headers) : WebSocket) as unknown as typeof globalThis.WebSocket,
    disableBc: true, // Node has BroadcastChannel: without this, clients in one process would bypass the server.
    maxBackoffTime: 300,
    connect: options.connect ?? true,
  });
  const closes: TestClient["closes"] = [];
  const refusals: ChangeRefused[] = [];
  provider.messageHandlers[MESSAGE_CHANGE_REFUSED] = (_encoder, decoder) => {
    const notice = readChangeRefused(decoder);
    if (notice) refusals.push(notice);
  };
  // Count the server's sync step 2 answers on this socket (roundTrip waits for the next one).
  let answers = 0;
  const handleSync = provider.messageHandlers[0]!;
  provider.messageHandlers[0] = (encoder, decoder, ...rest) => {
    const peek = decoding.clone(decoder);
    if (decoding.readVarUint(peek) === syncProtocol.messageYjsSyncStep2) answers += 1;
    handleSync(encoder, decoder, ...rest);
  };
  provider.on("connection-close", (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    name,
    doc,
    provider,
    closes,
    refusals,
    text: () => doc.getText("body").toString(),
    type: (text) => doc.getText("body").insert(doc.getText("body").length, text),
    synced: () => waitFor(() => provider.synced, `${name} synced`),
    roundTrip: async () => {
      const before = answers;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeSyncStep1(encoder, doc);
      provider.ws!.send(encoding.toUint8Array(encoder));
      await waitFor(() => answers > before, `${name}'s round trip to the server`);
    },
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}
