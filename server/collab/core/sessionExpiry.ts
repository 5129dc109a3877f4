// A socket lives no longer than the login session it was opened with: at the session's expiry it is closed
// with the same final close a refused reconnect would get (4401). Each instance closes its own sockets, so
// no message between instances is needed. Deleted sessions are closed by revocation.ts instead.
import { CloseCode } from "./closeCodes";

export const SESSION_ENDED_REASON = "Your session has ended. Sign in again, or rejoin with the workshop code.";
/** setTimeout fires at once for delays above this (about 24.8 days); longer waits are taken in steps. */
const MAX_TIMER_MS = 2_147_483_647;

type Closable = { close(code: number, reason: string): void; onClose(listener: () => void): void };

/** Closes `connection` when `expiresAt` (ms since the epoch) passes; nothing when the session has no expiry. */
export function closeAtSessionEnd(connection: Closable, expiresAt: number | null | undefined): void {
  if (expiresAt === null || expiresAt === undefined) return;
  let timer: NodeJS.Timeout | undefined;
  const check = () => {
    const left = expiresAt - Date.now();
    if (left <= 0) return connection.close(CloseCode.unauthorized, SESSION_ENDED_REASON);
    timer = setTimeout(check, Math.min(left, MAX_TIMER_MS)); // re-checks: a timer may fire a millisecond early
    timer.unref();
  };
  check();
  connection.onClose(() => clearTimeout(timer));
}
