// The live connection's state in words, shape and colour, always on screen.
import type { Connection } from "~/collab/useWorkspaceDoc";

const SHAPES: Record<Connection["status"], string> = { connected: "●", connecting: "◌", reconnecting: "◌", offline: "▲", refused: "■" };

function describe(connection: Connection): string {
  // Counted as things changed (an action, a note), however many keystrokes went into them.
  const unsent = connection.unsent === 1 ? "1 change waiting, not shared yet" : `${connection.unsent} changes waiting, not shared yet`;
  switch (connection.status) {
    case "connected":
      return "Live: changes are shared as you make them";
    case "connecting":
      return "Connecting…";
    case "reconnecting":
      // A cool-down after a breach carries the server's words ("Reconnecting in 10 s: …", ADR 033).
      if (connection.reason) return connection.unsent ? `${connection.reason} ${unsent}` : connection.reason;
      return connection.unsent ? `Reconnecting: ${unsent}` : "Reconnecting…";
    case "offline":
      return connection.unsent
        ? `Offline: ${unsent}. They are kept on this device and shared when you are back online`
        : "Offline: changes will be shared when you are back online";
    case "refused":
      // The server's reason is a sentence that already says what to do (e.g. "You have been removed…").
      return `Not connected. ${connection.reason ?? "The server refused the live connection. Reload the page or sign in again."}`;
  }
}

/** A status line; no live region of its own for routine changes, but offline and refusals are alerts. */
export function ConnectionStatus({ connection, live }: { connection: Connection; live: boolean }) {
  if (!live) return null;
  const urgent = connection.status === "offline" || connection.status === "refused";
  const degraded = connection.status !== "connected" && connection.status !== "connecting";
  return (
    <>
      <p className={`connection connection--${connection.status}`} role={urgent ? "alert" : "status"} data-testid="connection">
        <span aria-hidden="true" className="connection__shape">
          {SHAPES[connection.status]}
        </span>{" "}
        {describe(connection)}
      </p>
      {/* A copy pinned to the screen while the connection is down, wherever the person has scrolled to
          (hidden from screen readers, who already heard the alert above). A sticky toolbar would cover focused cards. */}
      {degraded ? (
        <p className={`connection connection--float connection--${connection.status}`} aria-hidden="true">
          <span className="connection__shape">{SHAPES[connection.status]}</span> {describe(connection)}
        </p>
      ) : null}
    </>
  );
}
