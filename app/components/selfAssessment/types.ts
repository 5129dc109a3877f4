// What the self-assessment page is given by its loader (plain data).
import type { MirRating } from "~/domain/workspace";

export type PlanFinding = { id: string; sentence: string; easyRead: string; classification: string; href: string };
/** The earlier year the result is compared with: this plan's, or the council's latest from another plan. */
export type EarlierYear = { year: number; planName: string; samePlan: boolean; ratings: Record<string, MirRating> };
/** What the page answers a live (fetcher) post with. */
export type AssessmentAnswer = { ok: true; message: string; actionId?: string } | { ok: false; message: string };
