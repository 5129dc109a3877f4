// Collecting away from the office, in real Chromium: an assisted review recorded with no signal (the
// page itself opening from the device), the tab closed, then reopened online, and the answers
// arrive exactly once. axe checks every page and state on the way.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { openCollection } from "./collectSupport";
import { DEMO, expectNoAxeViolations, signIn } from "./support";

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
    test.setTimeout(120_000);
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
});
