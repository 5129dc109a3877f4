// One person's editor for the collaboration benchmark: a y-websocket provider for our server and the
// reference, a HocuspocusProvider (its own socket each, as in a browser) for Hocuspocus.
import { HocuspocusProvider } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { connectClient } from "../../tests/support/collab/testClient";
import { waitFor } from "../../tests/support/collab/waitFor";

export type Protocol = "y-websocket" | "hocuspocus";
export type BenchClient = { name: string; doc: Y.Doc; synced(): Promise<void>; destroy(): void };

export function connectBenchClient(protocol: Protocol, url: string, room: string, name: string): BenchClient {
  if (protocol === "y-websocket") return connectClient(url, room, { as: name });
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ url, name: room, document: doc, WebSocketPolyfill: WebSocket } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  return {
    name,
    doc,
    synced: () => waitFor(() => provider.isSynced, `${name} synced`),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}
