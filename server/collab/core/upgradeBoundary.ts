// The one failure boundary of the upgrade path: whatever a request carries, it ends in an HTTP answer (or
// a close code once upgraded) for that one socket, logged with context, and never in an exception that
// escapes the `upgrade` event and stops the process.
import type http from "node:http";
import type { Duplex } from "node:stream";
import type { CollabLog } from "./log";

/** A request refused before the upgrade, with the status and a reason the client can act on. */
export class UpgradeRefusal extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 503,
    reason: string,
  ) {
    super(reason);
  }
}

const STATUS_TEXT: Record<number, string> = { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable" };

/** Answers a not-yet-upgraded socket with a plain HTTP status and reason, then closes it. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string, headers: Record<string, string> = {}): void {
  if (socket.destroyed) return;
  const body = `${reason}\n`;
  const head = [`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? "Error"}`, "Connection: close", "Content-Type: text/plain; charset=utf-8", `Content-Length: ${Buffer.byteLength(body)}`];
  for (const [name, value] of Object.entries(headers)) head.push(`${name}: ${value}`);
  try {
    socket.end(`${head.join("\r\n")}\r\n\r\n${body}`);
  } catch {
    socket.destroy();
  }
}

/**
 * Runs one upgrade's handling inside the boundary. `handle` may throw or reject: an UpgradeRefusal answers
 * with its status, anything else with 500 (logged as a bug). Socket errors are swallowed here, once, so a
 * peer resetting the connection mid-handshake cannot raise an unhandled "error" event either.
 */
export function withinUpgradeBoundary(log: CollabLog, request: http.IncomingMessage, socket: Duplex, handle: () => void | Promise<void>): void {
  socket.on("error", () => undefined);
  const fail = (error: unknown) => {
    if (error instanceof UpgradeRefusal) {
      log.info("collab upgrade refused", { status: error.status, reason: error.message, url: safeUrl(request.url) });
      refuseUpgrade(socket, error.status, error.message);
      return;
    }
    log.error("collab upgrade failed", { url: safeUrl(request.url), error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    refuseUpgrade(socket, 500, "Unexpected server error; try again.");
  };
  try {
    const result = handle();
    if (result) result.catch(fail);
  } catch (error) {
    fail(error);
  }
}

/** The request target as logged: bounded, so a huge hostile URL cannot flood the log. */
function safeUrl(url: string | undefined): string {
  return (url ?? "").slice(0, 200);
}
