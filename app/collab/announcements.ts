// Turns other people's changes into short sentences for a polite live region: status, RAG, owner,
// new and removed actions, board order and facilitator moves. Never keystrokes.
import { useEffect, useRef } from "react";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { actionsOf, readAction, sessionOf, type ActionMap } from "~/domain/workspace";

import { RAG_LABELS, STATUS_LABELS } from "~/domain/tracking/status";

/**
 * The Yjs client that wrote a transaction: the one client whose clock moved (public Transaction state
 * vectors). Null when several did, as when a reconnecting client catches up on everyone's edits at once.
 */
export function writerOf(transaction: Pick<Y.Transaction, "beforeState" | "afterState">): number | null {
  let writer: number | null = null;
  for (const [client, clock] of transaction.afterState) {
    if (clock <= (transaction.beforeState.get(client) ?? 0)) continue;
    if (writer !== null) return null;
    writer = client;
  }
  return writer;
}

function titleOf(map: unknown): string {
  if (!(map instanceof Y.Map)) return "an action";
  const title = readAction("", map as ActionMap).title.trim();
  return title ? `'${title.length > 60 ? `${title.slice(0, 57)}...` : title}'` : "an untitled action";
}

/** Sentences for the changes of one remote transaction; `nameOf` gives a writer's name when they are here. */
export function describeRemoteChanges(
  events: ReadonlyArray<Y.YEvent<Y.AbstractType<unknown>>>,
  nameOf: (client: number | null) => string,
  statusLabels: Readonly<Record<string, string>> = STATUS_LABELS,
): string[] {
  const lines: string[] = [];
  for (const event of events) {
    const target = event.target;
    const who = nameOf(writerOf(event.transaction));
    if (!(target instanceof Y.Map)) continue;
    if (event.path.length === 0 && target === target.doc?.getMap("actions")) {
      event.changes.keys.forEach((change, key) => {
        if (change.action === "add") lines.push(`${who} added ${titleOf(target.get(key))}.`);
        if (change.action === "delete") lines.push("An action was removed.");
      });
    } else if (event.path.length === 1) {
      event.changes.keys.forEach((_change, key) => {
        const value = target.get(key);
        const title = titleOf(target);
        if (key === "status") lines.push(`${who} moved ${title} to ${statusLabels[String(value)] ?? STATUS_LABELS[String(value)] ?? "a status that needs review"}.`);
        if (key === "rag") lines.push(`${who} rated ${title} ${RAG_LABELS[String(value)] ?? "with a rating that needs review"}.`);
        if (key === "owner") lines.push(value ? `${who} made ${String(value)} the owner of ${title}.` : `${who} removed the owner of ${title}.`);
        if (key === "due") lines.push(value ? `${who} set ${title} due on ${String(value)}.` : `${who} removed the due date of ${title}.`);
        if (key === "order") lines.push(`${who} moved ${title} on the board.`);
      });
    }
  }
  return lines;
}

/** Session changes everyone should hear about (the session map and its nested voting map). */
export function describeSessionChange(event: Y.YEvent<Y.AbstractType<unknown>>): string[] {
  const lines: string[] = [];
  const map = event.target;
  if (!(map instanceof Y.Map)) return lines;
  const voting = event.path[0] === "voting";
  event.changes.keys.forEach((_change, key) => {
    const value = map.get(key);
    if (!voting && key === "locked") lines.push(value === true ? "The facilitator has locked the board for a moment." : "The board is open for editing again.");
    if (!voting && key === "timer") lines.push(value ? "The facilitator started the timer." : "The timer was stopped.");
    if (voting && key === "open") lines.push(value === true ? "Voting is open." : "Voting is closed.");
    if (voting && key === "revealed" && value === true) lines.push("The votes have been revealed.");
  });
  return lines;
}

/** Calls `announce` with a sentence for each change someone else makes. */
export function useRemoteAnnouncements(
  doc: Y.Doc,
  awareness: Awareness | null,
  announce: (message: string) => void,
  statusLabels: Readonly<Record<string, string>> = STATUS_LABELS,
): void {
  const labels = useRef(statusLabels);
  labels.current = statusLabels;
  useEffect(() => {
    const nameOf = (client: number | null) => {
      const user = client === null ? undefined : (awareness?.getStates().get(client)?.user as { name?: unknown } | undefined);
      return typeof user?.name === "string" ? user.name : "Someone";
    };
    const onActions = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction) => {
      if (transaction.local) return;
      for (const line of describeRemoteChanges(events, nameOf, labels.current)) announce(line);
    };
    const onSession = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction) => {
      if (transaction.local) return;
      for (const event of events) for (const line of describeSessionChange(event)) announce(line);
    };
    actionsOf(doc).observeDeep(onActions);
    sessionOf(doc).observeDeep(onSession);
    return () => {
      actionsOf(doc).unobserveDeep(onActions);
      sessionOf(doc).unobserveDeep(onSession);
    };
  }, [doc, awareness, announce]);
}
