/** Today's date (YYYY-MM-DD) in England, where every council using the app is. */
export function todayInEngland(now: Date = new Date()): string {
  return now.toLocaleDateString("en-CA", { timeZone: "Europe/London" });
}
