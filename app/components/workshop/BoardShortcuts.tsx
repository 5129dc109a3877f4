// Getting to "New action" in a few keystrokes: a skip link first in the page's content, a shortcut (Alt+N),
// and a visible list of the board's keyboard shortcuts.
import { useEffect } from "react";
import { useWorkshop } from "./WorkshopContext";

export const NEW_ACTION_INPUT_ID = "new-action-title";
export const NEW_ACTION_SHORTCUT = "Alt+N";

/** Moves focus to the "New action" field; false when there is none (the person may not edit, or the board is locked). */
function focusNewAction(): boolean {
  const input = document.getElementById(NEW_ACTION_INPUT_ID);
  if (!(input instanceof HTMLInputElement)) return false;
  input.scrollIntoView({ block: "center" });
  input.focus();
  return true;
}

/** Alt+N (Option+N on a Mac: the key, not the character it types) from anywhere on the board. */
function isNewActionShortcut(event: KeyboardEvent): boolean {
  return event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.code === "KeyN";
}

/** The skip link, shown when focused; only for people who can add actions on the live board. */
export function SkipToNewAction() {
  const { live, editable } = useWorkshop();
  if (!live || !editable) return null;
  return (
    <a
      className="skip-link workshop__skip"
      href={`#${NEW_ACTION_INPUT_ID}`}
      onClick={(event) => {
        if (focusNewAction()) event.preventDefault();
      }}
    >
      Skip to new action
    </a>
  );
}

/** Listens for the shortcut while the board is live and editable, and says where focus went. */
export function useNewActionShortcut() {
  const { live, editable, announce } = useWorkshop();
  useEffect(() => {
    if (!live || !editable) return;
    const onKey = (event: KeyboardEvent) => {
      if (!isNewActionShortcut(event) || event.defaultPrevented) return;
      event.preventDefault();
      if (focusNewAction()) announce("New action: type what needs doing, then press Enter to add it.");
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [live, editable, announce]);
}

/** The shortcut's listener, as a component so the page need not hold the hook. */
export function BoardShortcuts() {
  useNewActionShortcut();
  return null;
}

/** The board's keyboard shortcuts, on screen for everyone (not only in a screen reader's list). */
export function KeyboardHelp() {
  const { live, editable, me } = useWorkshop();
  if (!live) return null;
  return (
    <details className="keyboard-help">
      <summary>Keyboard shortcuts</summary>
      <dl>
        {editable ? (
          <>
            <dt>
              <kbd>Alt</kbd> + <kbd>N</kbd>
            </dt>
            <dd>Go to “New action” (on a Mac, <kbd>Option</kbd> + <kbd>N</kbd>). The first link on the page, “Skip to new action”, goes there too.</dd>
          </>
        ) : null}
        {me.canEdit ? (
          <>
            <dt>
              <kbd>Ctrl</kbd> + <kbd>Z</kbd>
            </dt>
            <dd>Undo your last change (on a Mac, <kbd>Cmd</kbd> + <kbd>Z</kbd>)</dd>
            <dt>
              <kbd>Ctrl</kbd> + <kbd>Shift</kbd> + <kbd>Z</kbd>
            </dt>
            <dd>Redo</dd>
          </>
        ) : null}
        <dt>
          <kbd>Tab</kbd>
        </dt>
        <dd>Move to the next control; on an action card, the move up and move down buttons change its place on the board</dd>
      </dl>
    </details>
  );
}
