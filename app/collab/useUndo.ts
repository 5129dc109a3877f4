// Undo and redo of this person's own board edits only (never someone else's, never votes or timers).
import { useEffect, useState } from "react";
import * as Y from "yjs";
import { actionsOf, notesOf } from "~/domain/workspace";
import { LOCAL_EDIT } from "./origins";

export type Undo = { undo: () => void; redo: () => void; canUndo: boolean; canRedo: boolean };

/** An UndoManager over actions and notes that tracks LOCAL_EDIT transactions, with Ctrl/Cmd+Z and Shift+Z. */
export function useUndo(doc: Y.Doc, enabled: boolean): Undo {
  const [manager, setManager] = useState<Y.UndoManager | null>(null);
  const [state, setState] = useState({ canUndo: false, canRedo: false });

  useEffect(() => {
    if (!enabled) return;
    const undo = new Y.UndoManager([actionsOf(doc), notesOf(doc)], { trackedOrigins: new Set([LOCAL_EDIT]), captureTimeout: 600 });
    const update = () => setState({ canUndo: undo.canUndo(), canRedo: undo.canRedo() });
    undo.on("stack-item-added", update);
    undo.on("stack-item-popped", update);
    undo.on("stack-cleared", update);
    setManager(undo);
    return () => {
      undo.destroy();
      setManager(null);
    };
  }, [doc, enabled]);

  useEffect(() => {
    if (!manager) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key !== "z" && key !== "y") return;
      event.preventDefault();
      if (key === "y" || event.shiftKey) manager.redo();
      else manager.undo();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [manager]);

  return {
    undo: () => manager?.undo(),
    redo: () => manager?.redo(),
    ...state,
  };
}
