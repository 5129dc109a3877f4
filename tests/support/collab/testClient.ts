// A real y-websocket WebsocketProvider (Node `ws` as the WebSocket) with what tests want to observe.
import { WebsocketProvider } from "y-websocket";
import WebSocket from "ws";
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
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}
