// Small hooks of the workshop page: hydration, a remembered preference, a batched announcer, presence.
import { useCallback, useEffect, useRef, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import { presenceUser } from "~/collab/presenceIdentity";
import type { RefusedChange } from "~/collab/useWorkspaceDoc";
import type { WorkshopMe } from "./types";

/** False on the server and in the first browser render (so hydration matches), true after. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** A yes/no setting kept on this device (easy read, follow the facilitator). */
export function usePreference(name: string): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(false);
  useEffect(() => setValue(localStorage.getItem(name) === "on"), [name]);
  const set = useCallback(
    (next: boolean) => {
      setValue(next);
      localStorage.setItem(name, next ? "on" : "off");
    },
    [name],
  );
  return [value, set];
}

/** The current message for a polite live region; several changes within a second are read together. */
export function useAnnouncer(): [string, (message: string) => void] {
  const [message, setMessage] = useState("");
  const queue = useRef<string[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const announce = useCallback((line: string) => {
    queue.current.push(line);
    if (timer.current) return;
    timer.current = setTimeout(() => {
      const lines = [...new Set(queue.current)];
      queue.current = [];
      timer.current = null;
      setMessage(lines.length > 3 ? `${lines.slice(-3).join(" ")} And ${lines.length - 3} more changes.` : lines.join(" "));
    }, 700);
  }, []);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return [message, announce];
}

/** Publishes who this person is to everyone else here. */
export function usePresenceIdentity(awareness: Awareness | null, me: WorkshopMe): void {
  useEffect(() => {
    if (!awareness) return;
    // Peers see what the server fills in from who we are (server/collab/poetPresence.ts); this is our own view.
    awareness.setLocalStateField("user", presenceUser({ key: me.key, name: me.name, guest: me.guest, facilitator: me.canFacilitate }));
  }, [awareness, me.key, me.name, me.guest, me.canFacilitate]);
}

/**
 * The server's last refusal of this person's change (the board was locked), shown until the board unlocks.
 * It is shown in a role="alert" element, which screen readers announce as it appears.
 */
export function useShownRefusal(refused: RefusedChange | null, locked: boolean): RefusedChange | null {
  const [shown, setShown] = useState<RefusedChange | null>(null);
  useEffect(() => {
    if (refused) setShown(refused);
  }, [refused]);
  useEffect(() => {
    if (!locked) setShown(null);
  }, [locked]);
  return shown;
}
