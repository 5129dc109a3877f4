// Binds a plain <input> or <textarea> to a Y.Text with small splices, so two people typing in one
// field lose no characters and each keeps their own caret.
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { LOCAL_EDIT } from "./origins";
import { moveCaret, spliceBetween, type DeltaOp } from "./textDiff";

type Field = HTMLInputElement | HTMLTextAreaElement;

/** A ref callback for the field; the field shows and edits `text` from then on. */
export function useYText(text: Y.Text | null, readOnly = false): (element: Field | null) => void {
  const [field, setField] = useState<Field | null>(null);

  useEffect(() => {
    if (!field || !text) return;
    let known = text.toString();
    if (field.value !== known) field.value = known;

    const onInput = () => {
      const next = field.value;
      const splice = spliceBetween(known, next, field.selectionEnd);
      known = next;
      if (!splice || readOnly) return;
      text.doc?.transact(() => {
        if (splice.remove > 0) text.delete(splice.index, splice.remove);
        if (splice.insert) text.insert(splice.index, splice.insert);
      }, LOCAL_EDIT);
    };

    const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.local && transaction.origin === LOCAL_EDIT && field.value === text.toString()) return;
      const next = text.toString();
      known = next;
      if (field.value === next) return;
      const focused = document.activeElement === field;
      const start = field.selectionStart;
      const end = field.selectionEnd;
      field.value = next;
      if (focused && start !== null && end !== null) {
        const delta = event.delta as DeltaOp[];
        field.setSelectionRange(moveCaret(start, delta), moveCaret(end, delta));
      }
    };

    field.addEventListener("input", onInput);
    text.observe(onChange);
    return () => {
      field.removeEventListener("input", onInput);
      text.unobserve(onChange);
    };
  }, [field, text, readOnly]);

  return setField;
}
