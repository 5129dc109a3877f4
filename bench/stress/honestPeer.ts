// An honest participant: the real y-websocket client (WebsocketProvider, Node `ws`) with a session cookie,
// counting what the server pushes to it so a flood aimed at the room shows up here.
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

export type PeerTraffic = { bytes: number; awarenessBytes: number; frames: number };

export type HonestPeer = {
  name: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  traffic: PeerTraffic;
  synced(timeoutMs?: number): Promise<void>;
  destroy(): void;
};

export type Credentials = { cookie: string; origin: string };

function countingSocket(headers: Record<string, string>, traffic: PeerTraffic): typeof WebSocket {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
      this.on("message", (data: ArrayBuffer | Buffer) => {
        const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
        traffic.frames += 1;
        traffic.bytes += bytes.length;
        if (bytes[0] === 1) traffic.awarenessBytes += bytes.length;
      });
    }
  } as unknown as typeof WebSocket;
}

export async function waitUntil(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function connectPeer(wsBase: string, workspaceId: string, name: string, credentials: Credentials, presence?: unknown): HonestPeer {
  const doc = new Y.Doc();
  const traffic: PeerTraffic = { bytes: 0, awarenessBytes: 0, frames: 0 };
  const provider = new WebsocketProvider(wsBase, workspaceId, doc, {
    WebSocketPolyfill: countingSocket({ Cookie: credentials.cookie, Origin: credentials.origin }, traffic) as unknown as typeof globalThis.WebSocket,
    disableBc: true, // Node has BroadcastChannel: without this, peers in one process would bypass the server.
    maxBackoffTime: 500,
  });
  provider.awareness.setLocalState(presence ?? null);
  return {
    name,
    doc,
    provider,
    traffic,
    synced: (timeoutMs = 30_000) => waitUntil(() => provider.synced, `${name} to sync`, timeoutMs),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}
