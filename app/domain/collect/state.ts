// Whether a collection takes answers now. Closing (by hand or by date) freezes its round for good.
import { longDateInEngland } from "~/domain/tracking/today";
export type CollectionTimes = { opensAt: Date; closesAt: Date | null; closedAt: Date | null };
export type CollectionState = "not-yet-open" | "open" | "closed";

/** The state of a collection at a moment. */
export function collectionState(c: CollectionTimes, now: Date): CollectionState {
  if (c.closedAt && c.closedAt <= now) return "closed";
  if (c.closesAt && c.closesAt <= now) return "closed";
  if (c.opensAt > now) return "not-yet-open";
  return "open";
}

/** What a person is told when a collection is not taking answers, in plain words. */
export function notTakingAnswers(state: Exclude<CollectionState, "open">, c: CollectionTimes): string {
  if (state === "not-yet-open") return `This survey is not open yet. It opens on ${longDateInEngland(c.opensAt)}.`;
  return "This survey has closed, so it cannot take any more answers. Thank you for wanting to take part. If you want to tell the council something, please contact them directly.";
}

export const SOURCES = ["link", "code", "assisted", "paper"] as const;
export type ResponseSource = (typeof SOURCES)[number];
export const SOURCE_LABELS: Record<ResponseSource | "import", string> = {
  link: "Open link",
  code: "Personal code",
  assisted: "Assisted in a review",
  paper: "Paper form",
  import: "Imported file",
};
