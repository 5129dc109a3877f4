// Hostile and odd uploads through the real import route: a file too big to read, zip bombs, names and
// headings that used to break the import. Each gets a message the person can act on, nothing is written,
// and the thread that serves everyone else keeps answering while the file is being refused.
import { performance } from "node:perf_hooks";
import { setInterval } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { MAX_ROWS } from "~/services/poetFile/index.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { demoCsv } from "../../support/evidence";
import { xlsxOfRows, zipBombWorkbook } from "../../support/hostileWorkbooks";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";
import { pageText } from "./pageText";

type Answer = { status: number; body: { status: string; problems?: { row: number | null; column: string | null; message: string }[]; fileName?: string } };

describe("import limits and odd files", () => {
  let running: RunningApp;
  let world: World;
  let facilitator: Visitor;

  beforeAll(async () => {
    running = await startTestApp();
    world = await createWorld();
    facilitator = await new Visitor(running.baseUrl).signIn(world.facilitator.email, PASSWORD);
  });
  afterAll(async () => running.close());

  const form = (name: string, content: Uint8Array | string, roundName = "Limits test") => {
    const data = new FormData();
    data.set("roundName", roundName);
    data.set("results", new File([typeof content === "string" ? content : new Uint8Array(content)], name, { type: "application/octet-stream" }));
    data.set("benchmark", new File([], ""));
    return data;
  };
  const upload = async (name: string, content: Uint8Array | string, roundName?: string): Promise<Answer> => {
    const response = await facilitator.postMultipart(`/orgs/${world.a.org.slug}/rounds/upload`, form(name, content, roundName));
    return { status: response.status, body: (await response.json()) as Answer["body"] };
  };
  const rounds = () => db().poetRound.count({ where: { orgId: world.a.org.id } });
  const messages = (answer: Answer) => (answer.body.problems ?? []).map((p) => p.message);

  /**
   * Uploads a file and, until its answer comes, keeps asking the same server for its health page at a
   * steady rhythm. Returns the upload's answer, how many health answers came while it was pending, and how
   * busy the server's main thread was meanwhile (the test runs in the server's process).
   */
  async function uploadWhileOthersAsk(name: string, content: Uint8Array): Promise<Answer & { answeredMeanwhile: number; mainThreadBusy: number }> {
    const before = performance.eventLoopUtilization();
    let pending = true;
    const answered = new AbortController();
    const answer = upload(name, content).finally(() => {
      pending = false;
      answered.abort();
    });
    let answeredMeanwhile = 0;
    // An explicit rhythm, not a wait: a person's browser asks about every 25 ms instead of in a tight loop
    // that would itself keep the thread busy. Nothing waits on a timer for an outcome and no assertion
    // depends on the rhythm's length: the first request goes at once, the loop ends on the upload's answer
    // (the condition), and a request in flight is always awaited, so a slow machine only asks fewer times.
    const rhythm = setInterval(25, undefined, { signal: answered.signal });
    try {
      do {
        const health = await fetch(`${running.baseUrl}/healthz`);
        expect(health.status).toBe(200);
        if (pending) answeredMeanwhile++;
      } while (pending && !(await rhythm.next()).done);
    } catch (error) {
      if (!(error instanceof Error && error.name === "AbortError")) throw error;
    }
    const mainThreadBusy = performance.eventLoopUtilization(before).utilization;
    return { ...(await answer), answeredMeanwhile, mainThreadBusy };
  }

  it(`a workbook of ${(MAX_ROWS + 1).toLocaleString("en-GB")} rows is refused with the row limit, and the server keeps answering others meanwhile`, async () => {
    const rows = [["respondent_id", "survey", "O_QOL"], ...Array.from({ length: MAX_ROWS + 1 }, (_, i) => [`P${i}`, "Budget holder", "better"])];
    const workbook = xlsxOfRows(rows);
    const before = await rounds();
    const answer = await uploadWhileOthersAsk("everyone.xlsx", workbook);
    expect(answer.status).toBe(400);
    expect(messages(answer)).toEqual([`The file has more than ${MAX_ROWS.toLocaleString("en-GB")} rows. Split it into smaller files (for example one per survey) and import each one.`]);
    expect(answer.answeredMeanwhile).toBeGreaterThan(0);
    // The reading happened on another thread: the main thread spent most of the time waiting.
    expect(answer.mainThreadBusy).toBeLessThan(0.5);
    expect(await rounds()).toBe(before);
  });

  it("a zip bomb that declares its size is refused before anything is inflated", async () => {
    const bomb = await zipBombWorkbook(1024, "honest");
    const answer = await uploadWhileOthersAsk("bomb.xlsx", bomb);
    expect(answer.status).toBe(400);
    expect(messages(answer)).toEqual([
      "This file expands to more than 200 MB when opened, which is far more than a survey needs, so we did not open it. Copy only the sheet with the answers into a new workbook, or save it as CSV, then import that.",
    ]);
    expect(answer.answeredMeanwhile).toBeGreaterThan(0);
    // No main-thread share here: nothing is read, and since the worker is bundled (ADR 023) the refusal is so
    // quick that the share would measure receiving the upload and the health requests, not reading the file.
  });

  it("a zip bomb that lies about its size is stopped as soon as it inflates past what it said", async () => {
    const bomb = await zipBombWorkbook(1024, "lying");
    const before = await rounds();
    const answer = await uploadWhileOthersAsk("small-looking.xlsx", bomb);
    expect(answer.status).toBe(400);
    expect(messages(answer)).toEqual([
      "We could not open this file as an Excel workbook: its part xl/worksheets/sheet1.xml expands to more than it says. Save it again from Excel as .xlsx, or as CSV.",
    ]);
    expect(answer.answeredMeanwhile).toBeGreaterThan(0);
    expect(answer.mainThreadBusy).toBeLessThan(0.5);
    expect(await rounds()).toBe(before);
  });

  it("a file name with a semicolon and an equals sign imports, and the round shows the name as it was", async () => {
    const name = "north; wave=2.csv";
    const answer = await upload(name, demoCsv(41, 30), "Odd file name");
    expect(answer.status).toBe(201);
    const round = await db().poetRound.findFirstOrThrow({ where: { orgId: world.a.org.id, name: "Odd file name" } });
    expect(round.fileName).toBe(name);
    const bad = await upload("north; wave=3.csv", demoCsv(42, 30).replace(/,better(?=[,\r\n])/, ",betterish"));
    expect(bad.status).toBe(400);
    expect(bad.body.fileName).toBe("north; wave=3.csv");
  });

  it("a report row of 0 positive out of 0 people is refused with its row and column", async () => {
    const csv = "question,group,positive,total\nO_QOL,all,40,50\nO_SAFE,all,0,0\n";
    const before = await rounds();
    const answer = await upload("report.csv", csv);
    expect(answer.status).toBe(400);
    expect(answer.body.problems).toEqual([
      { row: 3, column: "total", value: "0", message: "Row 3, column `total`: a total of 0 people cannot give a percentage — leave this row out if nobody answered O_SAFE, or enter how many people answered." },
    ]);
    expect(await rounds()).toBe(before);
  });

  it("a heading that is not valid UTF-8 is reported with its column letter and how to fix it", async () => {
    const lines = demoCsv(43, 20).split("\n");
    const headings = lines[0]!.split(",");
    const column = headings.indexOf("O_SAFE");
    const encoder = new TextEncoder();
    // The rest of the file is UTF-8 (an accented id), and one heading has a stray byte Excel never writes in UTF-8.
    lines[1] = lines[1]!.replace(/^[^,]+/, "José-1");
    const bytes = Buffer.concat([
      Buffer.from(encoder.encode(headings.slice(0, column).join(",") + ",O_SA")),
      Buffer.from([0xff]),
      Buffer.from(encoder.encode("FE," + headings.slice(column + 1).join(",") + "\n" + lines.slice(1).join("\n"))),
    ]);
    const before = await rounds();
    const answer = await upload("stray-byte.csv", new Uint8Array(bytes));
    expect(answer.status).toBe(400);
    const letter = String.fromCharCode(65 + column);
    expect(messages(answer)).toContain(
      `The heading of column ${letter} has characters that are not readable text (shown as �: 'O_SA�FE'). Retype that heading and save the file again (in Excel choose "CSV UTF-8" or "Excel Workbook"), then import it.`,
    );
    expect(await rounds()).toBe(before);
  });
});
