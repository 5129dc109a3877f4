// The device's queue of answers recorded in assisted reviews (docs/decisions/022): kept in localStorage,
// so closing the tab, the browser or the laptop loses nothing; each answer carries a random key the
// server stores it under, so sending it again after a lost reply never counts it twice.

export type QueuedAnswer = {
  key: string;
  /** The form's fields as name/value pairs, exactly as the no-JavaScript form would post them. */
  fields: [string, string][];
  /** Set when the server refused it for good (closed collection, bad answer): kept to show, not resent. */
  refused?: string;
};

export type SendOutcome = "sent" | "offline" | "signed-out" | "refused";

const storageKey = (collectionId: string) => `poet-assist-queue:${collectionId}`;

export function readQueue(collectionId: string): QueuedAnswer[] {
  try {
    const raw = window.localStorage.getItem(storageKey(collectionId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as QueuedAnswer[]).filter((q) => typeof q?.key === "string" && Array.isArray(q.fields)) : [];
  } catch {
    return [];
  }
}

export function writeQueue(collectionId: string, queue: readonly QueuedAnswer[]): void {
  if (queue.length === 0) window.localStorage.removeItem(storageKey(collectionId));
  else window.localStorage.setItem(storageKey(collectionId), JSON.stringify(queue));
}

/** Adds one recorded answer to the device's queue and returns the new queue. */
export function enqueue(collectionId: string, fields: [string, string][]): QueuedAnswer[] {
  const queue = [...readQueue(collectionId), { key: newKey(), fields }];
  writeQueue(collectionId, queue);
  return queue;
}

function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Removes one answer from the queue as stored now (another tab may have changed it meanwhile). */
function settle(collectionId: string, key: string, refused?: string) {
  const queue = readQueue(collectionId);
  writeQueue(
    collectionId,
    refused === undefined ? queue.filter((q) => q.key !== key) : queue.map((q) => (q.key === key ? { ...q, refused } : q)),
  );
}

/**
 * Sends every waiting answer, one at a time, oldest first. Stops at the first one that cannot go
 * (no connection, or signed out) so they keep their order; reports how it ended.
 */
export async function sendQueue(collectionId: string, sendUrl: string, onChange: () => void): Promise<SendOutcome> {
  let outcome: SendOutcome = "sent";
  for (const item of readQueue(collectionId)) {
    if (item.refused) {
      outcome = "refused";
      continue;
    }
    let response: Response;
    try {
      response = await fetch(sendUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        credentials: "same-origin",
        body: JSON.stringify({ key: item.key, fields: item.fields }),
      });
    } catch {
      return "offline";
    }
    if (response.status === 401) return "signed-out";
    const body = (await response.json().catch(() => null)) as { status?: string; message?: string } | null;
    if (response.ok && (body?.status === "sent" || body?.status === "already-sent")) settle(collectionId, item.key);
    else if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
      settle(collectionId, item.key, body?.message ?? "The server refused these answers.");
      outcome = "refused";
    } else return "offline";
    onChange();
  }
  return outcome;
}

/** Forgets answers the server refused for good, after the worker has read why. */
export function dropRefused(collectionId: string): QueuedAnswer[] {
  const queue = readQueue(collectionId).filter((q) => !q.refused);
  writeQueue(collectionId, queue);
  return queue;
}
