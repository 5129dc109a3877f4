// Collecting away from the office, in real Chromium: an assisted review recorded with no signal (the
// page itself opening from the device), the tab closed, then reopened online, and the answers
// arrive exactly once; a paper form printed to PDF, read back, and typed in twice, with a reviewer
// settling where the two entries differ. axe checks every page and state on the way.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { openCollection } from "./collectSupport";
import { DEMO, expectNoAxeViolations, pdfPages, signIn } from "./support";

let council: BrowserContext;
let owner: Page;

test.describe.serial("collecting in reviews and on paper", () => {
  test.beforeAll(async ({ browser }) => {
    council = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    owner = await council.newPage();
    await signIn(owner, DEMO.email, DEMO.password);
  });
  test.afterAll(async () => council.close());

  test("an assisted review is recorded offline, the tab closed, reopened online, and the answers arrive once", async () => {
    test.setTimeout(300_000);
    const collectionUrl = await openCollection(owner, "Home visits 2027", "Budget holder form");
    await owner.getByRole("link", { name: "Record answers in a review" }).click();
    const heading = owner.getByRole("heading", { level: 1, name: "Record answers in a review" });
    await expect(heading).toBeVisible();
    await expect(owner.getByRole("status")).toHaveText("No answers waiting to send.");
    await expect(owner.getByText("Ready to work offline: this page will open on this device even with no connection.")).toBeVisible();
    await expectNoAxeViolations(owner, "assisted review, online");
    const assistUrl = owner.url();

    // No signal: the page still opens, from the copy kept on the device.
    await council.setOffline(true);
    const reloaded = await owner.reload();
    expect(reloaded?.fromServiceWorker(), "the page came from the device's copy").toBe(true);
    await expect(heading).toBeVisible();
    await expect(owner.getByRole("status")).toHaveText("No answers waiting to send.");
    const people = [
      { answer: 1, age: "18-64" },
      { answer: 2, age: "65+" },
    ];
    for (const [i, person] of people.entries()) {
      await owner.getByRole("group", { name: /^Question 1 of 25/ }).getByRole("radio").nth(person.answer).check();
      await owner.getByRole("group", { name: /^Question 2 of 25/ }).getByRole("radio").first().check();
      await owner.getByRole("button", { name: "Save these answers" }).click();
      await expect(owner.getByRole("status")).toContainText(`${i + 1} answer${i === 0 ? "" : "s"} waiting to send.`);
      await expect(owner.getByRole("group", { name: /^Question 1 of 25/ }).getByRole("radio", { checked: true })).toHaveCount(0);
    }
    await expect(owner.getByRole("status")).toContainText("No connection: they are kept on this device and sent when the connection is back, even if you close this page.");
    await expectNoAxeViolations(owner, "assisted review, offline with answers waiting");
    await owner.close();

    // Back in the office: opening the page sends what waited, once.
    await council.setOffline(false);
    owner = await council.newPage();
    await owner.goto(assistUrl);
    await expect(owner.getByRole("status")).toContainText("No answers waiting to send.");
    await expect(owner.getByRole("status")).toContainText("Sent from this page: 2.");
    await expectNoAxeViolations(owner, "assisted review, all sent");
    await owner.goto(collectionUrl);
    await expect(owner.getByRole("heading", { level: 2, name: "Answers so far: 2" })).toBeVisible();
    await expect(owner.getByRole("row", { name: "Assisted in a review 2" })).toBeVisible();
    // Opening the page again sends nothing more.
    await owner.goto(assistUrl);
    await expect(owner.getByRole("status")).toHaveText("No answers waiting to send.");
    await owner.goto(collectionUrl);
    await expect(owner.getByRole("heading", { level: 2, name: "Answers so far: 2" })).toBeVisible();
  });

  test("a paper form printed to PDF has every question; typed in twice, a difference is settled by a reviewer before it counts", async () => {
    test.setTimeout(300_000);
    const collectionUrl = await openCollection(owner, "Carer reviews on paper", "Carer form");
    await owner.getByRole("link", { name: "Print the paper form" }).click();
    await owner.getByRole("link", { name: "Easy read wording" }).click();
    await expect(owner.getByRole("heading", { level: 1, name: "Questions for carers" })).toBeVisible();
    await expectNoAxeViolations(owner, "paper form, easy read");
    await owner.emulateMedia({ media: "print" });
    const text = (await pdfPages(await owner.pdf({ format: "A4" }))).join(" ");
    await owner.emulateMedia({ media: null });
    const questions = await owner.locator(".paper-form__questions > li > .paper-form__question").allTextContents();
    expect(questions).toHaveLength(13);
    for (const question of questions) expect(text, `the printed form has "${question}"`).toContain(question.replace(/\s+/g, " ").trim());
    expect(text).toContain("Sheet number (for the council)");
    expect(text).not.toContain("Type in answers from paper");

    await owner.getByRole("link", { name: "Type in answers from paper" }).click();
    await owner.getByRole("button", { name: "Turn second entry on" }).click();
    await expect(owner.getByText("On: each sheet is typed in twice")).toBeVisible();
    const enter = async (firstQuestionChoice: number) => {
      await owner.getByLabel("Sheet number").fill("C-1");
      await owner.getByRole("group", { name: /^Question 1 of 13/ }).getByRole("radio").nth(firstQuestionChoice).check();
      await owner.getByRole("group", { name: /^Question 2 of 13/ }).getByRole("radio").first().check();
      await owner.getByRole("button", { name: "Save this sheet" }).click();
    };
    await enter(0);
    await expect(owner.getByRole("status").filter({ hasText: "Sheet C-1 entered once." })).toBeVisible();
    await expect(owner.getByText("Waiting for a second entry: sheet C-1.")).toBeVisible();
    await expectNoAxeViolations(owner, "data entry, waiting for a second entry");
    await enter(1);
    await expect(owner.getByRole("status").filter({ hasText: "Sheet C-1 entered a second time, but 1 answer differs from the first entry." })).toBeVisible();
    await expectNoAxeViolations(owner, "data entry, entries differ");
    await owner.getByRole("link", { name: "Check the differences" }).click();
    await expect(owner.getByRole("heading", { level: 2, name: "Sheet C-1: 1 difference" })).toBeVisible();
    await expectNoAxeViolations(owner, "sheets to check");
    await owner.getByRole("radio", { name: /\(second entry\)$/ }).check();
    await owner.getByRole("button", { name: "Count sheet C-1 with these answers" }).click();
    await expect(owner.getByRole("status").filter({ hasText: "Sheet C-1 checked and counted." })).toBeVisible();
    await expect(owner.getByText("No sheets to check")).toBeVisible();
    await expectNoAxeViolations(owner, "sheets to check, all settled");
    await owner.goto(collectionUrl);
    await expect(owner.getByRole("row", { name: "Paper form 1" })).toBeVisible();
    await expect(owner.getByRole("heading", { level: 2, name: "Answers so far: 1" })).toBeVisible();
  });
});
