// Polls a condition until it holds (or fails the test with a description after the timeout). The default is
// generous: on a busy 2-core machine a projection can wait out SQLite's lock and retry before it lands.
export async function waitFor(condition: () => boolean | Promise<boolean>, description: string, timeoutMs = 25_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}
