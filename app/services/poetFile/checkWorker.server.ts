// A worker thread's entry (see checkInWorker.server.ts): checks one import, sends the people back in
// batches so that no single message costs the main thread more than a few milliseconds to receive, then exits.
import { parentPort } from "node:worker_threads";
import { checkImport, type ImportCheckJob } from "./checkImport.server";
import type { WorkerMessage } from "./checkInWorker.server";

const BATCH = 2_000;

const port = parentPort!;
const send = (message: WorkerMessage) => port.postMessage(message);

port.once("message", async (job: ImportCheckJob) => {
  const check = await checkImport(job, (fraction) => send({ type: "progress", fraction }));
  if (check.parsed.ok && check.parsed.kind === "respondents") {
    const { respondents } = check.parsed;
    for (let i = 0; i < respondents.length; i += BATCH) send({ type: "respondents", batch: respondents.slice(i, i + BATCH) });
    send({ type: "done", check: { ...check, parsed: { ...check.parsed, respondents: [] } } });
  } else {
    send({ type: "done", check });
  }
});
