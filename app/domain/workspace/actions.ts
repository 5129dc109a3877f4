// Reading and writing actions in a workspace document. Readers never throw: a bad value is reported.
import { generateKeyBetween } from "fractional-indexing";
import * as Y from "yjs";
import type { z } from "zod";
import { actionsOf, type ActionField, type ActionMap, type ActionMapValue } from "./document";
import {
  actionIdSchema,
  actionStatusSchema,
  actionValuesSchema,
  isoDateSchema,
  newActionSchema,
  ownerIdSchema,
  ownerLinkSchema,
  personNameSchema,
  ragSchema,
  stringListSchema,
  type ActionValues,
  type NewAction,
} from "./schema";

/** An action as read from the document: values (with safe fallbacks) and whether they all passed. */
export type ActionView = ActionValues & {
  id: string;
  /** false = "needs review": at least one stored value broke its rule; problems says which. */
  valid: boolean;
  problems: string[];
};

const FALLBACK: ActionValues = {
  title: "",
  description: "",
  status: "not-started",
  rag: "green",
  owner: "",
  ownerId: null,
  partners: [],
  due: null,
  findingIds: [],
  mirIds: [],
  votes: {},
  order: "a0",
  createdBy: "",
  createdAt: new Date(0).toISOString(),
};

function plain(value: unknown): unknown {
  if (value instanceof Y.Text) return value.toString();
  if (value instanceof Y.Array) return value.toArray();
  if (value instanceof Y.Map) return Object.fromEntries(value.entries());
  return value;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Reads one action map; every field is checked on its own so one bad value does not hide the rest. */
export function readAction(id: string, map: ActionMap): ActionView {
  const problems: string[] = [];
  const values = { ...FALLBACK } as Record<ActionField, unknown>;
  const shape = actionValuesSchema.shape;
  for (const field of Object.keys(shape) as ActionField[]) {
    const raw = plain(map.get(field));
    if (raw === undefined && (field === "due" || field === "ownerId" || field === "recordedBy")) {
      values[field] = field === "recordedBy" ? undefined : null;
      continue;
    }
    if (field === "ownerId") continue; // read below, once the owner's name is known
    const parsed = (shape[field] as z.ZodTypeAny).safeParse(raw);
    if (parsed.success) values[field] = parsed.data;
    else problems.push(`${field}: ${describe(raw)} ${parsed.error.issues[0]?.message ?? "is not valid"}`);
  }
  const rawLink = map.get("ownerId");
  const link = rawLink === undefined ? null : ownerLinkSchema.safeParse(plain(rawLink));
  if (link && !link.success) problems.push(`ownerId: ${describe(plain(rawLink))} is not an owner link`);
  values.ownerId = link?.success && link.data.name === values.owner ? link.data.id : null;
  return { id, ...(values as ActionValues), valid: problems.length === 0, problems };
}

/** Every action of the document, in board order (then id, so the order is total). */
export function readActions(doc: Y.Doc): ActionView[] {
  const list: ActionView[] = [];
  actionsOf(doc).forEach((map, id) => {
    if (map instanceof Y.Map) list.push(readAction(id, map));
    else list.push({ id, ...FALLBACK, valid: false, problems: [`action: ${describe(plain(map))} is not an action`] });
  });
  return list.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The findings any action links to, as readActions would give them, without reading every other field. */
export function linkedFindingIds(doc: Y.Doc): Set<string> {
  const linked = new Set<string>();
  actionsOf(doc).forEach((map) => {
    if (!(map instanceof Y.Map)) return;
    const parsed = stringListSchema.safeParse(plain(map.get("findingIds")));
    if (parsed.success) for (const id of parsed.data) linked.add(id);
  });
  return linked;
}

function lastOrder(doc: Y.Doc): string | null {
  let last: string | null = null;
  actionsOf(doc).forEach((map) => {
    const order = map instanceof Y.Map ? map.get("order") : undefined;
    if (typeof order === "string" && (last === null || order > last)) last = order;
  });
  return last;
}

function orderAfter(after: string | null): string {
  try {
    return generateKeyBetween(after, null);
  } catch {
    // A malformed key in the document: start a fresh sequence rather than fail.
    return generateKeyBetween(null, null);
  }
}

function randomId(): string {
  return globalThis.crypto.randomUUID();
}

/** Adds an action with validated fields in one transaction and returns its id. */
export function createAction(doc: Y.Doc, input: NewAction, origin?: unknown): string {
  const fields = newActionSchema.parse(input);
  const id = fields.id ?? randomId();
  doc.transact(() => {
    const map: ActionMap = new Y.Map<ActionMapValue>();
    const list = (items: string[]) => Y.Array.from(items);
    map.set("title", new Y.Text(fields.title));
    map.set("description", new Y.Text(fields.description));
    map.set("status", fields.status);
    map.set("rag", fields.rag);
    map.set("owner", fields.owner);
    if (fields.ownerId) map.set("ownerId", { id: fields.ownerId, name: fields.owner });
    map.set("partners", list(fields.partners));
    map.set("due", fields.due);
    map.set("findingIds", list(fields.findingIds));
    map.set("mirIds", list(fields.mirIds));
    map.set("votes", new Y.Map<number>());
    map.set("order", orderAfter(fields.after === undefined ? lastOrder(doc) : fields.after));
    map.set("createdBy", fields.createdBy);
    map.set("createdAt", fields.createdAt ?? new Date().toISOString());
    if (fields.recordedBy) map.set("recordedBy", fields.recordedBy);
    actionsOf(doc).set(id, map);
  }, origin);
  return id;
}

/**
 * The plain fields a tracking form may change; each is validated before it is written. `ownerId` goes
 * with `owner`: a new owner without one is a free-text name, and any member id it had is cleared.
 */
export type ActionChange = Partial<{ status: string; rag: string; owner: string; ownerId: string | null; due: string | null }>;

const changeRules = {
  status: actionStatusSchema,
  rag: ragSchema,
  owner: personNameSchema,
  ownerId: ownerIdSchema.nullable(),
  due: isoDateSchema.nullable(),
} as const;

/** Applies validated plain-field changes to an existing action; throws a readable error for a bad value or a missing action. */
export function updateAction(doc: Y.Doc, id: string, change: ActionChange, origin?: unknown): void {
  actionIdSchema.parse(id);
  const map = actionsOf(doc).get(id);
  if (!(map instanceof Y.Map)) throw new Error(`There is no action ${id} in this plan.`);
  const entries = Object.entries(change) as [keyof typeof changeRules, unknown][];
  const parsed = entries.map(([field, value]) => {
    const result = changeRules[field].safeParse(value);
    if (!result.success) throw new Error(`${field}: ${describe(value)} ${result.error.issues[0]?.message ?? "is not valid"}`);
    return [field, result.data] as const;
  });
  if ("owner" in change && !("ownerId" in change)) parsed.push(["ownerId", null] as const);
  const owner = parsed.find(([field]) => field === "owner")?.[1] as string | undefined;
  doc.transact(() => {
    for (const [field, value] of parsed) {
      if (field !== "ownerId") map.set(field, value);
      else if (value === null) {
        if (map.has("ownerId")) map.delete("ownerId");
      } else map.set("ownerId", { id: value, name: owner ?? String(plain(map.get("owner")) ?? "") });
    }
  }, origin);
}

/** Removes an action (its notes and history stay). */
export function deleteAction(doc: Y.Doc, id: string, origin?: unknown): void {
  doc.transact(() => actionsOf(doc).delete(id), origin);
}

/** Sets one participant's vote count on an action. */
export function setVotes(doc: Y.Doc, id: string, participant: string, count: number, origin?: unknown): void {
  const map = actionsOf(doc).get(id);
  const votes = map instanceof Y.Map ? map.get("votes") : undefined;
  if (!(votes instanceof Y.Map)) throw new Error(`There is no action ${id} with votes in this plan.`);
  doc.transact(() => {
    if (count <= 0) votes.delete(participant);
    else votes.set(participant, count);
  }, origin);
}

/** Total votes on an action. */
export function totalVotes(view: Pick<ActionView, "votes">): number {
  return Object.values(view.votes).reduce((sum, count) => sum + count, 0);
}
