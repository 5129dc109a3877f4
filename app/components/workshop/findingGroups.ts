// Folding a round's findings by question: the everyone-finding heads each question, the groups' follow.
import type { FindingView } from "./types";

const RANK: Record<string, number> = { weakness: 0, strength: 1 };
const rank = (f: FindingView) => RANK[f.classification] ?? 2;

export type QuestionFindings = {
  questionId: string;
  question: string;
  /** The finding about everyone who answered, when the board has it. */
  head: FindingView | null;
  /** The question's findings for groups of people: weaknesses, then strengths, then the rest. */
  more: FindingView[];
};

/**
 * One entry per question, ordered by how much it needs action: the everyone-finding's classification first
 * (a weakness for everyone before a strength), then how many groups' findings are weaknesses.
 */
export function groupByQuestion(findings: readonly FindingView[]): QuestionFindings[] {
  const byQuestion = new Map<string, QuestionFindings>();
  for (const f of findings) {
    const entry = byQuestion.get(f.questionId) ?? { questionId: f.questionId, question: f.question, head: null, more: [] };
    if (f.groupId === "all") entry.head = f;
    else entry.more.push(f);
    byQuestion.set(f.questionId, entry);
  }
  const entries = [...byQuestion.values()];
  for (const e of entries) e.more.sort((a, b) => rank(a) - rank(b));
  const weak = (e: QuestionFindings) => e.more.filter((f) => f.classification === "weakness").length;
  // Without an everyone-finding, a question ranks by its groups' best finding.
  const headRank = (e: QuestionFindings) => (e.head ? rank(e.head) : Math.min(2, ...e.more.map(rank)) + 0.5);
  return entries.sort((a, b) => headRank(a) - headRank(b) || weak(b) - weak(a));
}

/** "3: 2 need action, 1 strength" — how many findings a folded question holds, and of which kinds. */
export function summariseGroups(more: readonly FindingView[]): string {
  const needs = more.filter((f) => f.classification === "weakness").length;
  const strengths = more.filter((f) => f.classification === "strength").length;
  const other = more.length - needs - strengths;
  const parts = [needs ? `${needs} need${needs === 1 ? "s" : ""} action` : "", strengths ? `${strengths} strength${strengths === 1 ? "" : "s"}` : "", other ? `${other} other` : ""].filter(Boolean);
  return `${more.length} (${parts.join(", ")})`;
}
