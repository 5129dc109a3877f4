// Dates and times print as England reads them wherever the server or the browser is: a page rendered on a
// server in UTC and hydrated by a browser in Auckland must print the same day (a mismatch breaks the page).
import { describe, expect, it } from "vitest";
import { dateInEngland, dateTimeInEngland, dayInEngland, longDateInEngland, timeInEngland, todayInEngland } from "~/domain/tracking/today";

describe("dates and times in England", () => {
  // 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time) and midday on 1 July in Auckland.
  const summerNight = "2026-06-30T23:30:00Z";
  // 11:30 UTC on 7 December is 11:30 in London (no summer time) but already 8 December in Auckland.
  const winterMorning = "2026-12-07T11:30:00Z";

  it("prints the day England was on, not the day in UTC or elsewhere", () => {
    expect(dateInEngland(summerNight)).toBe("01/07/2026");
    expect(longDateInEngland(summerNight)).toBe("1 July 2026");
    expect(dayInEngland(summerNight)).toBe("2026-07-01");
    expect(todayInEngland(new Date(summerNight))).toBe("2026-07-01");
    expect(dateInEngland(new Date(winterMorning))).toBe("07/12/2026");
    expect(longDateInEngland(winterMorning)).toBe("7 December 2026");
  });

  it("prints England's clock time, following summer time", () => {
    expect(timeInEngland(summerNight)).toBe("00:30");
    expect(timeInEngland(winterMorning)).toBe("11:30");
    expect(dateTimeInEngland(winterMorning)).toBe("7 Dec 2026, 11:30");
  });
});
