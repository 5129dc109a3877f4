// How evidence numbers read on the page: whole percentages, signed points, small p-values in words.

/** England's figure as published ("67%", "over 80%", "at least two thirds"), or "no national figure". */
export function englandText(f: { national: number | null; nationalText?: string | null }): string {
  if (f.national === null) return "no national figure";
  return f.nationalText ?? percentText(f.national);
}

/** "52%", or an en dash when there is no figure. */
export function percentText(value: number | null): string {
  return value === null ? "–" : `${Math.round(value)}%`;
}

/** "45% to 59%", or an en dash when there is no interval. */
export function intervalText(low: number | null, high: number | null): string {
  return low === null || high === null ? "–" : `${Math.round(low)}% to ${Math.round(high)}%`;
}

/** "+13 points" / "−15 points" (a real minus sign, read correctly by screen readers). */
export function pointsText(difference: number | null): string {
  if (difference === null) return "–";
  const rounded = Math.round(difference);
  return rounded > 0 ? `+${rounded} points` : rounded < 0 ? `−${Math.abs(rounded)} points` : "0 points";
}

/** p- and q-values: three decimals, or "below 0.001". */
export function probabilityText(value: number | null): string {
  if (value === null) return "–";
  return value < 0.001 ? "below 0.001" : value.toFixed(3);
}

export function peopleText(n: number): string {
  return n === 1 ? "1 person" : `${n.toLocaleString("en-GB")} people`;
}

/** How many people answered, or "fewer than 10: not shown" when the council's disclosure rule withholds it. */
export function answersText(n: number | null, fewerThan = 10): string {
  return n === null ? `fewer than ${fewerThan}: not shown` : n.toLocaleString("en-GB");
}
