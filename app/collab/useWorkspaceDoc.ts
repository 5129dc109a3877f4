// The browser's copy of a workspace document: seeded from the server render, cached in IndexedDB,
// kept live over the y-websocket protocol, with a connection state people cannot miss.
import { useRevalidator } from "@remix-run/react";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { fromBase64 } from "./base64";
import { changedThings } from "./changedThings";
import { MESSAGE_CHANGE_REFUSED, readChangeRefused, type ChangeRefused } from "./changeRefused";
import { trackConfirmed } from "./confirmedCopy";
import { unsavedChanges, type UnsavedChange } from "./unsavedChanges";
import { SERVER_RENDER } from "./origins";

export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "offline" | "refused";
/** `unsent`: how many things (actions, notes, the session) have changes not yet shared. */
export type Connection = { status: ConnectionStatus; unsent: number; reason: string | null };
/** The server refused this person's last change (say, the board is locked): why, and a count so a repeat shows again. */
export type RefusedChange = { reason: string; count: number };
/** What a refusal took off this person's screen, kept (on this device too) until they dismiss it. */
export type UnsavedWork = { why: ChangeRefused["why"]; reason: string; changes: UnsavedChange[] };

const unsavedKey = (workspaceId: string) => `poet-unsaved:${workspaceId}`;

function readUnsaved(workspaceId: string): UnsavedWork | null {
  try {
    const stored = JSON.parse(localStorage.getItem(unsavedKey(workspaceId)) ?? "null") as UnsavedWork | null;
    return stored && typeof stored.reason === "string" && typeof stored.why === "string" && Array.isArray(stored.changes) ? stored : null;
  } catch {
    return null;
  }
}

/** The server closes with this when the person's access changed (a new role): reconnect and be checked again. */
const ACCESS_CHANGED = 4000;
/**
 * The server closed this person's connection for a breach a moment ago (too many presence updates, an
 * oversize message): the reason says "Reconnecting in N s: why". The page shows it and reconnects then,
 * rather than knocking (ADR 033).
 */
const COOLING_DOWN = 4429;

/** The seconds a cool-down reason names (1–600; 10 if it names none). */
export function coolDownSeconds(reason: string): number {
  const seconds = Number(/^Reconnecting in (\d{1,4}) s\b/.exec(reason)?.[1] ?? 10);
  return Math.min(600, Math.max(1, seconds));
}

// useLayoutEffect warns on the server; the provider only ever exists in the browser.
const useBrowserLayoutEffect = typeof document === "undefined" ? useEffect : useLayoutEffect;

function docOf(state: string): Y.Doc {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, fromBase64(state), SERVER_RENDER);
  return doc;
}

// On the server, the documents recent renders read, by plan and state: a room opening the same version of a
// plan renders from one copy, so what its panels read from it (docValue) is read once. The server only
// reads it (the live provider and every edit exist in the browser); a copy that changes anyway is dropped.
const RENDER_DOCS_KEPT = 8;
const renderDocs = new Map<string, Y.Doc>();

function serverRenderDoc(workspaceId: string, state: string): Y.Doc {
  const key = `${workspaceId}\n${state}`;
  const kept = renderDocs.get(key);
  if (kept) return kept;
  const doc = docOf(state);
  doc.on("beforeTransaction", () => renderDocs.delete(key));
  renderDocs.set(key, doc);
  if (renderDocs.size > RENDER_DOCS_KEPT) renderDocs.delete(renderDocs.keys().next().value!);
  return doc;
}

/** A Y.Doc holding `initialState` at once (no blank first paint), and the live provider once mounted. */
export function useWorkspaceDoc(workspaceId: string, initialState: string) {
  const [doc, setDoc] = useState(() => (typeof document === "undefined" ? serverRenderDoc(workspaceId, initialState) : docOf(initialState)));
  const [refusedChange, setRefusedChange] = useState<RefusedChange | null>(null);
  const [unsaved, setUnsaved] = useState<UnsavedWork | null>(null);
  useEffect(() => setUnsaved(readUnsaved(workspaceId)), [workspaceId]);
  const dismissUnsaved = () => {
    setUnsaved(null);
    try {
      localStorage.removeItem(unsavedKey(workspaceId));
    } catch {
      // Private browsing without storage: nothing was kept.
    }
  };
  const [provider, setProvider] = useState<WebsocketProvider | null>(null);
  const [connection, setConnection] = useState<Connection>({ status: "connecting", unsent: 0, reason: null });
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;

  // A layout effect with a matching teardown: StrictMode's second mount gets a fresh provider after the
  // first is destroyed, so there is never more than one socket.
  useBrowserLayoutEffect(() => {
    const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/collab`;
    const live = new WebsocketProvider(url, workspaceId, doc, { connect: false, maxBackoffTime: 4000 });
    const cache = new IndexeddbPersistence(`poet-workspace:${workspaceId}`, doc);
    const confirmed = trackConfirmed(doc, live);
    let replaced = false;
    // A change the server refused is rolled back by swapping in a copy of what the server confirmed (ADR 009):
    // no reconnect loop, and the change can never land later. The device cache holds the refused change
    // too, so it is cleared first, or the next visit would offer it again.
    live.messageHandlers[MESSAGE_CHANGE_REFUSED] = (_encoder, decoder) => {
      const notice = readChangeRefused(decoder);
      if (!notice || replaced) return;
      replaced = true;
      const fresh = confirmed.freshCopy();
      setRefusedChange((previous) => ({ reason: notice.reason, count: (previous?.count ?? 0) + 1 }));
      // The person's own words go with the rollback: keep them, on this device too, until they dismiss them.
      const changes = unsavedChanges(doc, fresh);
      if (changes.length > 0) {
        const kept: UnsavedWork = { why: notice.why, reason: notice.reason, changes: [...(readUnsaved(workspaceId)?.changes ?? []), ...changes] };
        setUnsaved(kept);
        try {
          localStorage.setItem(unsavedKey(workspaceId), JSON.stringify(kept));
        } catch {
          // No storage: they are still shown until the page is left.
        }
      }
      void cache.clearData().finally(() => setDoc(fresh));
    };
    // The things (actions, notes, the session) changed while the changes could not be sent, not keystrokes.
    const unsentThings = new Set<string>();
    let unsent = 0;
    let everConnected = false;
    let refusal: string | null = null;
    // A cool-down after a breach: why, and the timer that reconnects when it ends.
    let pause: string | null = null;
    let resume: ReturnType<typeof setTimeout> | null = null;
    const publish = () => {
      const online = navigator.onLine;
      const connected = live.wsconnected && live.synced;
      const status: ConnectionStatus = refusal
        ? "refused"
        : !online
          ? "offline"
          : connected
            ? "connected"
            : everConnected || pause
              ? "reconnecting"
              : "connecting";
      setConnection({ status, unsent, reason: refusal ?? (connected ? null : pause) });
    };
    const onTransaction = (transaction: Y.Transaction) => {
      const origin = transaction.origin;
      if (origin === live || origin === cache || origin === SERVER_RENDER || transaction.changed.size === 0) return;
      if (!(live.wsconnected && live.synced)) {
        for (const thing of changedThings(doc, transaction)) unsentThings.add(thing);
        if (unsentThings.size !== unsent) {
          unsent = unsentThings.size;
          publish();
        }
      }
    };
    const onSync = (synced: boolean) => {
      if (synced) {
        everConnected = true;
        unsentThings.clear();
        unsent = 0; // the sync exchange carries whatever this copy had that the server lacked
      }
      publish();
    };
    // The socket reconnects with the new role by itself; reloading the page's data makes the page offer
    // what that role allows (a member made viewer loses the edit controls).
    const onConnectionClose = (event: { code: number } | null) => {
      if (event?.code === ACCESS_CHANGED) revalidate.current();
    };
    const onClosed = (event: { code: number; reason: string }) => {
      if (event.code === COOLING_DOWN) {
        pause = event.reason || "Reconnecting in 10 s.";
        if (resume) clearTimeout(resume);
        resume = setTimeout(() => {
          resume = null;
          if (navigator.onLine && !refusal) live.connect();
          publish();
        }, coolDownSeconds(pause) * 1000);
        publish();
        return;
      }
      refusal = event.reason || "The server refused the live connection.";
      publish();
    };
    const onStatus = () => {
      if (live.wsconnected) pause = null;
      publish();
    };
    const goOffline = () => {
      live.disconnect();
      publish();
    };
    const goOnline = () => {
      if (!refusal && !resume) live.connect();
      publish();
    };
    doc.on("afterTransaction", onTransaction);
    live.on("sync", onSync);
    live.on("status", onStatus);
    live.on("closed", onClosed);
    live.on("connection-close", onConnectionClose);
    window.addEventListener("offline", goOffline);
    window.addEventListener("online", goOnline);
    if (navigator.onLine) live.connect();
    setProvider(live);
    publish();
    return () => {
      if (resume) clearTimeout(resume);
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
      doc.off("afterTransaction", onTransaction);
      confirmed.destroy();
      live.destroy();
      live.awareness.destroy();
      void cache.destroy();
      setProvider(null);
    };
  }, [doc, workspaceId]);

  // Unsent changes are kept on this device, but the person should know before they leave.
  useEffect(() => {
    if (connection.unsent === 0) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [connection.unsent]);

  return { doc, provider, connection, refusedChange, unsaved, dismissUnsaved };
}
