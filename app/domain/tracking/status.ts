// Action statuses as a council names them, with how far along each counts (RAG stays separate).
import { ACTION_STATUSES, type ActionStatus } from "~/domain/workspace/schema";

export type StatusSetting = { status: ActionStatus; label: string; percent: number };

export const DEFAULT_STATUS_SETTINGS: readonly StatusSetting[] = [
  { status: "not-started", label: "Not started", percent: 0 },
  { status: "in-progress", label: "In progress", percent: 50 },
  { status: "blocked", label: "Blocked", percent: 25 },
  { status: "complete", label: "Complete", percent: 100 },
];

export const RAG_LABELS: Readonly<Record<string, string>> = { green: "Green: on track", amber: "Amber: some issues", red: "Red: significant problems" };
export const RAG_SHORT = { green: "Green", amber: "Amber", red: "Red" } as const;
/** Shapes that go with the RAG words, so colour is never the only signal. */
export const RAG_SHAPES: Readonly<Record<string, string>> = { green: "●", amber: "▲", red: "■" };
/** The default status names, for places that have no council settings to hand. */
export const STATUS_LABELS: Readonly<Record<string, string>> = Object.fromEntries(DEFAULT_STATUS_SETTINGS.map((s) => [s.status, s.label]));

/** The council's settings merged over the defaults, in the fixed status order. */
export function statusSettings(overrides: readonly { status: string; label: string; percent: number }[]): StatusSetting[] {
  return ACTION_STATUSES.map((status) => {
    const base = DEFAULT_STATUS_SETTINGS.find((s) => s.status === status)!;
    const own = overrides.find((o) => o.status === status);
    return own ? { status, label: own.label, percent: own.percent } : base;
  });
}

export function statusLabel(settings: readonly StatusSetting[], status: string): string {
  return settings.find((s) => s.status === status)?.label ?? "Needs review";
}

/** Percent done: a manual figure from the latest progress update wins, otherwise the status default. */
export function effectivePercent(settings: readonly StatusSetting[], status: string, manual: number | null | undefined): number {
  if (manual !== null && manual !== undefined) return Math.max(0, Math.min(100, manual));
  return settings.find((s) => s.status === status)?.percent ?? 0;
}
