// Undo and redo of this person's own board edits only (never someone else's, never votes or timers).
import { useEffect, useState } from "react";
import * as Y from "yjs";
import { actionsOf, notesOf } from "~/domain/workspace";
import { LOCAL_EDIT } from "./origins";

/**
 * An UndoManager over actions and notes that only tracks this browser's LOCAL_EDIT transactions.
 * Typing merges into one undo step; anything else (a status, a move, a new action) is a step of its own.
 */
export function createBoardUndo(doc: Y.Doc): { undo: Y.UndoManager; dispose: () => void } {
  let lastWasTyping = false;
  let undo: Y.UndoManager | null = null;
  // Registered before the UndoManager's own handler, so it runs first and can cut the step.
  const separateSteps = (transaction: Y.Transaction) => {
    if (transaction.origin !== LOCAL_EDIT || transaction.changed.size === 0) return;
    const typing = [...transaction.changed.keys()].every((type) => type instanceof Y.Text);
    if (!typing || !lastWasTyping) undo?.stopCapturing();
    lastWasTyping = typing;
  };
  doc.on("afterTransaction", separateSteps);
  const manager = new Y.UndoManager([actionsOf(doc), notesOf(doc)], { trackedOrigins: new Set([LOCAL_EDIT]), captureTimeout: 600 });
  undo = manager;
  return {
    undo: manager,
    dispose: () => {
      doc.off("afterTransaction", separateSteps);
      manager.destroy();
    },
  };
}

export type Undo = { undo: () => void; redo: () => void; canUndo: boolean; canRedo: boolean };

/**
 * createBoardUndo for a page, with Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y. While `paused` (the board is
 * locked) the history is kept but nothing undoes or redoes — buttons, keys and the browser's own undo in a
 * field alike — so a locked board is never changed behind the facilitator's back.
 */
export function useUndo(doc: Y.Doc, enabled: boolean, paused = false): Undo {
  const [manager, setManager] = useState<Y.UndoManager | null>(null);
  const [state, setState] = useState({ canUndo: false, canRedo: false });

  useEffect(() => {
    if (!enabled) return;
    const { undo, dispose } = createBoardUndo(doc);
    const update = () => setState({ canUndo: undo.canUndo(), canRedo: undo.canRedo() });
    undo.on("stack-item-added", update);
    undo.on("stack-item-popped", update);
    undo.on("stack-cleared", update);
    setManager(undo);
    return () => {
      dispose();
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
      if (paused) return;
      if (key === "y" || event.shiftKey) manager.redo();
      else manager.undo();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [manager, paused]);

  return {
    undo: () => (paused ? undefined : manager?.undo()),
    redo: () => (paused ? undefined : manager?.redo()),
    canUndo: manager !== null && !paused && state.canUndo,
    canRedo: manager !== null && !paused && state.canRedo,
  };
}
