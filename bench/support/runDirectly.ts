// Lets a benchmark file also run on its own (npx tsx --expose-gc bench/<name>.ts) as well as through
// bench/index.ts: when the file is the process's entry point, runs it and exits with its outcome.
export function runWhenEntryPoint(moduleUrl: string, run: () => Promise<void>): void {
  if (moduleUrl !== `file://${process.argv[1]}`) return;
  run().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
