// Summaries the benchmarks print.
const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
export const median = (values: readonly number[]) => sorted(values)[Math.floor(values.length / 2)]!;
export const p95 = (values: readonly number[]) => sorted(values)[Math.floor(values.length * 0.95)]!;
