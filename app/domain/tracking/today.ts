/** Today's date (YYYY-MM-DD) in England, where every council using the app is. */
export function todayInEngland(now: Date = new Date()): string {
  return now.toLocaleDateString("en-CA", { timeZone: "Europe/London" });
}

/**
 * A moment as people in England read it ("7 Dec 2026, 09:30"). The time zone is fixed so the server's
 * HTML and the browser's hydration print the same text wherever either runs.
 */
export function dateTimeInEngland(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });
}

/** The calendar day (YYYY-MM-DD) in England on which a stored moment fell. */
export function dayInEngland(iso: string): string {
  return todayInEngland(new Date(iso));
}
