// The workspace document's field rules: one zod schema per stored value, shared by browser and server.
import { z } from "zod";

/** Where an action stands. "blocked" is kept apart from RAG: it says why work stopped, RAG says how worried we are. */
export const ACTION_STATUSES = ["not-started", "in-progress", "blocked", "complete"] as const;
export const RAG_RATINGS = ["green", "amber", "red"] as const;

export const actionStatusSchema = z.enum(ACTION_STATUSES);
export const ragSchema = z.enum(RAG_RATINGS);
export type ActionStatus = z.infer<typeof actionStatusSchema>;
export type Rag = z.infer<typeof ragSchema>;

/** A calendar date as YYYY-MM-DD that really exists (no 2026-02-30). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-03-31")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, "is not a real date");

export const actionIdSchema = z.string().min(1).max(64);
export const personNameSchema = z.string().max(200);
/** A user id (owners chosen from the council's members). */
export const ownerIdSchema = z.string().min(1).max(64);
/**
 * How the document stores an owner's account: the id with the name it was chosen under, in one value, so
 * two people changing the owner at once can never leave one person's name linked to another's account
 * (the link counts only while the owner is still that name).
 */
export const ownerLinkSchema = z.object({ id: ownerIdSchema, name: personNameSchema });
export const stringListSchema = z.array(z.string().max(200)).max(500);
export const orderKeySchema = z.string().min(1).max(200);
export const voteCountSchema = z.number().int().min(0).max(1000);
/** When the action was created, as an ISO timestamp. */
export const timestampSchema = z.string().datetime({ offset: true });

/** The plain values of one action, as a reader sees them after validation. */
export const actionValuesSchema = z.object({
  title: z.string().max(2000),
  description: z.string().max(20_000),
  status: actionStatusSchema,
  rag: ragSchema,
  owner: personNameSchema,
  /** The council member `owner` names, when it was chosen from the council's members (null: a free-text name). */
  ownerId: ownerIdSchema.nullable(),
  partners: stringListSchema,
  due: isoDateSchema.nullable(),
  findingIds: stringListSchema,
  mirIds: stringListSchema,
  votes: z.record(z.string(), voteCountSchema),
  order: orderKeySchema,
  createdBy: personNameSchema,
  createdAt: timestampSchema,
  /** Who typed it in when a facilitator recorded the idea on behalf of `createdBy` (absent otherwise). */
  recordedBy: personNameSchema.optional(),
});
export type ActionValues = z.infer<typeof actionValuesSchema>;

/** What a caller may give when creating an action; everything but the title has a default. */
export const newActionSchema = z.object({
  id: actionIdSchema.optional(),
  title: z.string().max(2000),
  description: z.string().max(20_000).default(""),
  status: actionStatusSchema.default("not-started"),
  rag: ragSchema.default("green"),
  owner: personNameSchema.default(""),
  ownerId: ownerIdSchema.nullable().default(null),
  partners: stringListSchema.default([]),
  due: isoDateSchema.nullable().default(null),
  findingIds: stringListSchema.default([]),
  mirIds: stringListSchema.default([]),
  createdBy: personNameSchema.default(""),
  recordedBy: personNameSchema.optional(),
  createdAt: timestampSchema.optional(),
  /** Place the new action after this order key (default: after every other action). */
  after: orderKeySchema.nullable().optional(),
});
export type NewAction = z.input<typeof newActionSchema>;

export const sessionSchema = z.object({
  focus: z.string().max(200).nullable(),
  timer: z
    .object({ endsAt: timestampSchema.nullable(), durationSeconds: z.number().int().min(0).max(86_400) })
    .nullable(),
  voting: z.object({
    open: z.boolean(),
    votesPerPerson: z.number().int().min(0).max(100),
    anonymous: z.boolean(),
    /** Totals stay hidden until the facilitator reveals them (absent = hidden). */
    revealed: z.boolean().optional(),
  }),
  /** The facilitator has made the board read-only for a moment. */
  locked: z.boolean(),
});
export type SessionState = z.infer<typeof sessionSchema>;
