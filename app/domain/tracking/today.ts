// Every date and time the app prints is England's (Europe/London), whatever the time zone of the server or
// the browser: the server's HTML and the browser's hydration must print the same text, and a council in
// England reads its own calendar. Formatters are built once: toLocaleDateString builds one on every call
// (~0.3 ms), and the plan table and the dashboard ask for every action's day.
const ZONE = "Europe/London";
const ENGLAND_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
const ENGLAND_MOMENT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: ZONE });
const ENGLAND_DATE = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, day: "2-digit", month: "2-digit", year: "numeric" });
const ENGLAND_LONG_DATE = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, day: "numeric", month: "long", year: "numeric" });
const ENGLAND_TIME = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

type Moment = string | Date;
const asDate = (m: Moment) => (typeof m === "string" ? new Date(m) : m);

/** Today's date (YYYY-MM-DD) in England, where every council using the app is. */
export function todayInEngland(now: Date = new Date()): string {
  return ENGLAND_DAY.format(now);
}

/** A moment as people in England read it ("7 Dec 2026, 09:30"). */
export function dateTimeInEngland(moment: Moment): string {
  return ENGLAND_MOMENT.format(asDate(moment));
}

/** The calendar day (YYYY-MM-DD) in England on which a stored moment fell. */
export function dayInEngland(moment: Moment): string {
  return todayInEngland(asDate(moment));
}

/** The day a moment fell on in England, short ("07/12/2026"). */
export function dateInEngland(moment: Moment): string {
  return ENGLAND_DATE.format(asDate(moment));
}

/** The day a moment fell on in England, in words ("7 December 2026"). */
export function longDateInEngland(moment: Moment): string {
  return ENGLAND_LONG_DATE.format(asDate(moment));
}

/** The time of day in England ("09:30"). */
export function timeInEngland(moment: Moment): string {
  return ENGLAND_TIME.format(asDate(moment));
}
