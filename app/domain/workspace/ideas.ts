// A silent ideas round. Ideas are written privately and kept by the server (not in this document) until a
// facilitator reveals them all at once; the server then writes each into the `ideas` map (idea id → its
// words and place), where everyone sees them, and the facilitator merges chosen ideas into actions.
// Nobody's page writes an idea into the document: only facilitators may remove one (when merging).
import * as Y from "yjs";
import { z } from "zod";
import { createAction } from "./actions";
import { sessionOf } from "./document";

export const IDEAS_KEY = "ideas";
/** session key: how many ideas are written and not yet revealed (a number the server keeps; no words). */
export const HIDDEN_IDEAS_KEY = "hiddenIdeas";
export const MAX_IDEA_LENGTH = 500;
/** The most hidden ideas one person may have waiting at once. */
export const MAX_HIDDEN_IDEAS_EACH = 30;

export const ideaTextSchema = z
  .string({ required_error: "Write your idea first." })
  .trim()
  .min(1, "Write your idea first.")
  .max(MAX_IDEA_LENGTH, `Keep an idea to ${MAX_IDEA_LENGTH} characters or fewer; split a long one into two ideas.`);

const revealedSchema = z.object({ text: z.string().max(MAX_IDEA_LENGTH), n: z.number().int().min(0) });
export type RevealedIdea = { id: string; text: string; n: number };

export function ideasOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(IDEAS_KEY);
}

/** The revealed ideas still waiting to be merged, in the order they were revealed (bad entries skipped). */
export function readIdeas(doc: Y.Doc): RevealedIdea[] {
  const ideas: RevealedIdea[] = [];
  ideasOf(doc).forEach((value, id) => {
    const parsed = revealedSchema.safeParse(value);
    if (parsed.success) ideas.push({ id, ...parsed.data });
  });
  return ideas.sort((a, b) => a.n - b.n || a.id.localeCompare(b.id));
}

/** How many ideas are written and still hidden (0 when the server has not said). */
export function readHiddenIdeaCount(doc: Y.Doc): number {
  const value = sessionOf(doc).get(HIDDEN_IDEAS_KEY);
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : 0;
}

/** The server's write when a round is revealed: each idea into the document, after any already there. */
export function writeRevealedIdeas(doc: Y.Doc, ideas: readonly { id: string; text: string }[], origin?: unknown): void {
  const map = ideasOf(doc);
  doc.transact(() => {
    let n = readIdeas(doc).reduce((max, idea) => Math.max(max, idea.n + 1), 0);
    for (const idea of ideas) if (!map.has(idea.id)) map.set(idea.id, { text: idea.text.slice(0, MAX_IDEA_LENGTH), n: n++ });
  }, origin);
}

/** The server's count of hidden ideas, for everyone's "n ideas written so far". */
export function writeHiddenIdeaCount(doc: Y.Doc, count: number, origin?: unknown): void {
  const session = sessionOf(doc);
  if (session.get(HIDDEN_IDEAS_KEY) !== count) doc.transact(() => session.set(HIDDEN_IDEAS_KEY, count), origin);
}

/**
 * Turns chosen revealed ideas into one action, in one change: its title is `title` (or the first idea's words)
 * and its description lists every idea; the ideas leave the list. Returns the new action's id, or null when
 * none of the ids is a revealed idea.
 */
export function mergeIdeas(doc: Y.Doc, ids: readonly string[], by: { title?: string; createdBy: string }, origin?: unknown): string | null {
  const chosen = readIdeas(doc).filter((idea) => ids.includes(idea.id));
  if (chosen.length === 0) return null;
  const title = by.title?.trim() || chosen[0]!.text;
  const description = chosen.length > 1 || title !== chosen[0]!.text ? chosen.map((idea) => `• ${idea.text}`).join("\n") : "";
  let id: string | null = null;
  doc.transact(() => {
    id = createAction(doc, { title, description, createdBy: by.createdBy });
    for (const idea of chosen) ideasOf(doc).delete(idea.id);
  }, origin);
  return id;
}
