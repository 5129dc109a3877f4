// Built once: toLocaleDateString builds a formatter on every call (~0.3 ms), and the plan table and the
// dashboard ask for every action's day.
const ENGLAND_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });
const ENGLAND_MOMENT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

/** Today's date (YYYY-MM-DD) in England, where every council using the app is. */
export function todayInEngland(now: Date = new Date()): string {
  return ENGLAND_DAY.format(now);
}

/**
 * A moment as people in England read it ("7 Dec 2026, 09:30"). The time zone is fixed so the server's
 * HTML and the browser's hydration print the same text wherever either runs.
 */
export function dateTimeInEngland(iso: string): string {
  return ENGLAND_MOMENT.format(new Date(iso));
}

/** The calendar day (YYYY-MM-DD) in England on which a stored moment fell. */
export function dayInEngland(iso: string): string {
  return todayInEngland(new Date(iso));
}
