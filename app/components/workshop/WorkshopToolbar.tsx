// Connection, presence, undo/redo and display settings, kept together at the top of the board.
import type { Undo } from "~/collab/useUndo";
import type { Connection } from "~/collab/useWorkspaceDoc";
import { ConnectionStatus } from "./ConnectionStatus";
import { PresenceList } from "./PresenceList";
import { useWorkshop } from "./WorkshopContext";

type Props = {
  connection: Connection;
  undo: Undo;
  easyRead: boolean;
  setEasyRead: (on: boolean) => void;
  following: boolean;
  setFollowing: (on: boolean) => void;
};

export function WorkshopToolbar({ connection, undo, easyRead, setEasyRead, following, setFollowing }: Props) {
  const { live, me, peers } = useWorkshop();
  return (
    <div className="workshop__toolbar">
      <ConnectionStatus connection={connection} live={live} />
      {live ? (
        <>
          <PresenceList peers={peers} />
          <div className="button-row workshop__tools" role="group" aria-label="Board tools">
            {me.canEdit ? (
              <>
                <button type="button" className="button button--secondary" onClick={undo.undo} disabled={!undo.canUndo} aria-keyshortcuts="Control+Z Meta+Z">
                  Undo my last change
                </button>
                <button type="button" className="button button--secondary" onClick={undo.redo} disabled={!undo.canRedo} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z">
                  Redo
                </button>
              </>
            ) : null}
            <button type="button" className="button button--secondary" aria-pressed={easyRead} onClick={() => setEasyRead(!easyRead)}>
              Large text and easy read
            </button>
            {me.canFacilitate ? null : (
              <button type="button" className="button button--secondary" aria-pressed={following} onClick={() => setFollowing(!following)}>
                Follow the facilitator
              </button>
            )}
          </div>
        </>
      ) : null}
    </div>
  );
}
