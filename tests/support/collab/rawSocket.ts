// A bare WebSocket that speaks (or mis-speaks) the protocol byte by byte, for abuse tests.
import WebSocket from "ws";

export type RawSocket = { ws: WebSocket; opened: Promise<void>; closed: Promise<{ code: number; reason: string }>; received: Uint8Array[] };

export function openRawSocket(url: string, workspaceId: string, as = "raw"): RawSocket {
  const ws = new WebSocket(`${url}/${workspaceId}?as=${as}`);
  const received: Uint8Array[] = [];
  ws.on("message", (data: Buffer) => received.push(new Uint8Array(data)));
  ws.on("error", () => undefined);
  const opened = new Promise<void>((resolve) => ws.once("open", () => resolve()));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() })));
  return { ws, opened, closed, received };
}
