// A section whose heading is a disclosure button: open or folded, remembered on this device for this person.
import { useCallback, useEffect, useLayoutEffect, useState, type ReactNode } from "react";

// useLayoutEffect warns on the server; on the client it reads the remembered choice before the first paint.
const useBrowserLayoutEffect = typeof document === "undefined" ? useEffect : useLayoutEffect;

/** Whether a section is folded, kept in localStorage under `storageKey` (open until someone folds it). */
export function useFolded(storageKey: string): [boolean, (folded: boolean) => void] {
  const [folded, setFolded] = useState(false);
  useBrowserLayoutEffect(() => {
    try {
      setFolded(localStorage.getItem(storageKey) === "folded");
    } catch {
      // Storage can be off (private windows, policies): the section simply starts open.
    }
  }, [storageKey]);
  const set = useCallback(
    (next: boolean) => {
      setFolded(next);
      try {
        localStorage.setItem(storageKey, next ? "folded" : "open");
      } catch {
        // Not remembered, but still folded for this visit.
      }
    },
    [storageKey],
  );
  return [folded, set];
}

type Props = {
  /** The section's id; the heading is `${id}-heading` and the body `${id}-body`. */
  id: string;
  className: string;
  heading: string;
  /** Shown after the heading while folded, e.g. "Timer running". */
  foldedHint?: string;
  storageKey: string;
  children: ReactNode;
};

export function CollapsibleSection({ id, className, heading, foldedHint, storageKey, children }: Props) {
  const [folded, setFolded] = useFolded(storageKey);
  return (
    <section id={id} className={`${className} collapsible${folded ? " is-folded" : ""}`} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="collapsible__heading">
        <button type="button" className="collapsible__toggle" aria-expanded={!folded} aria-controls={`${id}-body`} onClick={() => setFolded(!folded)}>
          <span aria-hidden="true" className="collapsible__shape">
            {folded ? "▸" : "▾"}
          </span>
          {heading}
        </button>
      </h2>
      {folded && foldedHint ? <p className="hint collapsible__hint">{foldedHint}</p> : null}
      <div id={`${id}-body`} hidden={folded}>
        {children}
      </div>
    </section>
  );
}
