// The Making it Real self-assessment as a workshop stage, in three browsers: the facilitator (wide screen), a
// council co-producer (200% zoom: 640 CSS px) and a guest who joined with a code (320 px). The facilitator opens
// the stage, everyone rates by the server, the facilitator sets one agreed rating and finishes; every screen then
// shows the same ratings, and so do the printed board paper (read back from the PDF) and the Word version.
import { expect, test, type Browser, type Page } from "@playwright/test";
import JSZip from "jszip";
import { expectNoAxeViolations, pdfText } from "./support";
import { expectLive, joinAsGuest, openDemoWorkshop } from "./workshopSupport";

const NARROW = { width: 320, height: 800 };
const ZOOMED = { width: 640, height: 900 };

/** Nothing on the page is wider than the screen: no sideways scrolling at 320 px or 200%. */
async function expectNoOverflow(page: Page, label: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${label}: page wider than the screen`).toBe(0);
}

/** A co-producer: invited into the demo council as a member, signed up in a new browser at 200% zoom. */
async function coProducer(browser: Browser, facilitator: Page): Promise<Page> {
  await facilitator.goto("/orgs/demo/members");
  await facilitator.getByLabel("Role", { exact: true }).selectOption("member");
  await facilitator.getByRole("button", { name: "Create invitation link" }).click();
  const link = await facilitator.getByLabel("Link").inputValue();
  const context = await browser.newContext({ viewport: ZOOMED });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByRole("link", { name: "Create an account to join" }).click();
  await page.getByLabel("Your name").fill("Priya Shah");
  await page.getByLabel("Email address").fill(`priya.${Date.now()}@example.test`);
  await page.getByLabel("Choose a password").fill("harbour violet copper reed");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("button", { name: "Join as Priya Shah" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Northmoor Council (demo)", exact: true })).toBeVisible();
  return page;
}

const statement = (page: Page, id: string) => page.locator(`li.sa-statement[data-statement="${id}"]`);

async function rate(page: Page, id: string, rating: "Not yet" | "Getting there" | "Doing well") {
  const item = statement(page, id);
  await item.getByRole("button", { name: rating, exact: true }).click();
  await expect(item.getByRole("button", { name: rating, exact: true })).toHaveAttribute("aria-pressed", "true");
}

/** The saved result as one screen shows it: statement id → rating and how it was decided. */
async function resultOn(page: Page): Promise<string[]> {
  await expect(page.getByRole("heading", { level: 2, name: "Result for 2026" })).toBeVisible();
  return page.locator(".sa-result-list li").evaluateAll((items) => items.map((li) => `${li.getAttribute("data-statement")}: ${li.querySelector("[data-testid=result-rating]")?.textContent}`));
}

test("the self-assessment round ends with the same ratings on every screen and in the board paper, Word and easy read", async ({ browser, page: facilitator }) => {
  // Three browsers, a whole round and a printed report on a shared 2-core machine.
  test.setTimeout(600_000);
  const workshop = await openDemoWorkshop(facilitator);
  const workspace = workshop.split("/")[2];
  const coproducer = await coProducer(browser, facilitator);
  const guest = await joinAsGuest(browser, facilitator, workshop, "Robin");
  await guest.setViewportSize(NARROW);

  // Before the stage opens: everyone can read it, only the facilitator can open it.
  await facilitator.goto(`${workshop}/self-assessment`);
  await expectLive(facilitator);
  await expect(facilitator.getByTestId("stage-status")).toContainText("Not started");
  await expectNoAxeViolations(facilitator, "self-assessment, not started (facilitator)");
  await coproducer.goto(`${workshop}/self-assessment`);
  await expectLive(coproducer);
  await expect(coproducer.getByRole("button", { name: /Open the self-assessment/ })).toHaveCount(0);

  await facilitator.getByLabel("Year this self-assessment is for").fill("2026");
  await facilitator.getByRole("button", { name: "Open the self-assessment" }).click();
  await expect(facilitator.getByTestId("stage-status")).toContainText("Open for rating: the self-assessment for 2026");
  // The guest, on the board, is told and follows the link.
  await expect(guest.getByRole("status").filter({ hasText: "The Making it Real self-assessment for 2026 is open." })).toBeVisible();
  await guest.getByRole("link", { name: "Rate the statements" }).click();
  await expectLive(guest);
  await expect(coproducer.getByTestId("stage-status")).toContainText("Open for rating");

  // Ratings from three people, through the server.
  await rate(guest, "WF-I2", "Not yet");
  await rate(coproducer, "WF-I2", "Not yet");
  await rate(facilitator, "WF-I2", "Getting there");
  await rate(guest, "AC-I1", "Doing well");
  await rate(coproducer, "AC-I1", "Doing well");
  await rate(guest, "AC-I1", "Getting there"); // changes the guest's mind: still one rating
  await expect(statement(facilitator, "WF-I2")).toContainText("Ratings: Not yet 2, Getting there 1, Doing well 0.");
  await expect(statement(guest, "AC-I1")).toContainText("Ratings: Not yet 0, Getting there 1, Doing well 1.");
  // The guest cannot set the agreed rating; the facilitator can.
  await expect(statement(guest, "AC-I1").getByLabel("Agreed rating (facilitator)")).toHaveCount(0);
  await statement(facilitator, "AC-I1").getByLabel("Agreed rating (facilitator)").selectOption("doing-well");
  await statement(facilitator, "AC-I1").getByRole("button", { name: /^Set/ }).click();
  await expect(statement(guest, "AC-I1").getByTestId("group-rating")).toHaveText("Doing well");
  await expect(statement(guest, "AC-I1")).toContainText("(agreed by the group)");

  // Evidence and a comment from the co-producer reach the guest.
  const details = statement(coproducer, "WC-I6").locator("summary");
  await details.click();
  const evidence = statement(coproducer, "WC-I6").getByLabel("Link a finding as evidence");
  const finding = (await evidence.locator("option").nth(1).textContent())!.replace(/^(To act on|Strength): /, "");
  await evidence.selectOption({ index: 1 });
  await statement(coproducer, "WC-I6").getByRole("button", { name: "Link", exact: true }).click();
  await statement(coproducer, "WC-I6").getByLabel("Your comment").fill("The out-of-hours number is hard to find.");
  await statement(coproducer, "WC-I6").getByRole("button", { name: "Add comment" }).click();
  await expect(statement(coproducer, "WC-I6").getByLabel("Your comment")).toHaveValue("");
  await statement(guest, "WC-I6").locator("summary").click();
  await expect(statement(guest, "WC-I6").getByRole("link", { name: finding })).toBeVisible();
  await expect(statement(guest, "WC-I6")).toContainText("Priya Shah: The out-of-hours number is hard to find.");
  await rate(coproducer, "WC-I6", "Not yet");

  for (const [who, label] of [[facilitator, "facilitator"], [coproducer, "co-producer at 200%"], [guest, "guest at 320 px"]] as const) {
    await expectNoOverflow(who, `open stage, ${label}`);
    await expectNoAxeViolations(who, `self-assessment open (${label})`);
  }

  await facilitator.getByRole("button", { name: "Finish and save the ratings" }).click();
  const expected = ["AC-I1: Doing well", "WC-I6: Not yet", "WF-I2: Not yet"];
  for (const [who, label] of [[facilitator, "facilitator"], [coproducer, "co-producer at 200%"], [guest, "guest at 320 px"]] as const) {
    expect((await resultOn(who)).sort(), label).toEqual(expected);
    await expect(who.getByTestId("stage-status")).toContainText("Finished: the self-assessment for 2026 was saved");
    await expect(statement(who, "WF-I2").getByRole("button", { name: "Not yet", exact: true })).toHaveCount(0);
    await expectNoOverflow(who, `finished, ${label}`);
    await expectNoAxeViolations(who, `self-assessment finished (${label})`);
  }
  // "Not yet" statements suggest actions.
  await expect(guest.locator(".sa-suggestions li")).toHaveCount(2);
  await expect(guest.locator('.sa-suggestions li[data-statement="WF-I2"]').getByRole("button", { name: /^Create an action/ })).toBeVisible();

  // The board paper, printed: the same ratings.
  const text = (id: string) => statement(facilitator, id).locator("h3").textContent().then((t) => (t ?? "").trim());
  const [wf, ac, wc] = [await text("WF-I2"), await text("AC-I1"), await text("WC-I6")];
  await facilitator.goto(`/w/${workspace}/report`);
  const section = facilitator.locator(".report-self-assessment");
  await expect(section.getByRole("heading", { level: 2, name: "Making it Real self-assessment 2026" })).toBeVisible();
  await expect(section.getByRole("img", { name: /Making it Real statements by rating \(2026\)\. Not yet: 2; Getting there: 0; Doing well: 1/ })).toBeVisible();
  await expectNoAxeViolations(facilitator, "board report with the self-assessment");
  await facilitator.emulateMedia({ media: "print" });
  const printed = await pdfText(await facilitator.pdf({ format: "A4", printBackground: true }));
  await facilitator.emulateMedia({ media: "screen" });
  expect(printed).toContain("Making it Real self-assessment 2026");
  for (const [words, rating] of [[wf, "Not yet"], [ac, "Doing well"], [wc, "Not yet"]]) expect(printed.replace(/\s+/g, " ")).toContain(`${words} ${rating}`);

  const response = await facilitator.request.get(`/w/${workspace}/report.docx`);
  expect(response.status()).toBe(200);
  const xml = await (await JSZip.loadAsync(await response.body())).file("word/document.xml")!.async("string");
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""));
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  const wordText = paragraphs.map(unescape);
  expect(wordText).toContain("Making it Real self-assessment 2026");
  expect(wordText.some((p) => p.startsWith(`${wf} Not yet`))).toBe(true);
  expect(wordText.some((p) => p.startsWith(`${ac} Doing well (agreed)`))).toBe(true);
  expect(wordText.some((p) => p.startsWith(`${wc} Not yet`))).toBe(true);

  await facilitator.goto(`/w/${workspace}/report?view=easy`);
  await expect(facilitator.getByRole("heading", { level: 2, name: "How we think we are doing (2026)" })).toBeVisible();
  await expect(facilitator.getByText(`${ac} We are doing this well.`)).toBeVisible();
  await expectNoAxeViolations(facilitator, "easy-read report with the self-assessment");
  await coproducer.context().close();
  await guest.context().close();
});
