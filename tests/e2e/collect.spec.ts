// Collecting POET answers, in real Chromium: a council opens collections and prints personal-code
// letters; a person answers the easy-read budget holder form at 320 px by keyboard only, with and
// without JavaScript; a carer answers from a personal code that then refuses reuse; the council's
// counts move as each answer arrives. axe checks every page and state on the way.
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { openCollection } from "./collectSupport";
import { DEMO, expectNoAxeViolations, signIn } from "./support";

const PHONE = { width: 320, height: 640 };
const HOLDER_QUESTIONS = 25;

let council: BrowserContext;
let owner: Page;
/** The holder collection's round page, left open by the council while people answer: never reloaded. */
let live: Page;
let holderLink: string;
let holderCollectionUrl: string;
let carerCodes: string[];

/** Presses Tab until the element has focus: how a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, limit = 60) {
  const visited: string[] = [];
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
    visited.push(await page.evaluate(() => `${document.activeElement?.tagName}#${document.activeElement?.id}:${document.activeElement?.textContent?.slice(0, 20)}`));
  }
  throw new Error(`Tab never reached ${target} on ${page.url()}; focus went: ${visited.join(" | ")}`);
}

async function expectFitsWidth(page: Page) {
  // A locator's evaluate runs in Playwright's own world, so it works with the page's JavaScript off.
  const overflow = await page.locator("html").evaluate((html) => html.scrollWidth - html.clientWidth);
  expect(overflow, `page is wider than the screen at ${page.url()}`).toBeLessThanOrEqual(0);
}

/**
 * axe needs JavaScript in the page. With it off, the same server-rendered page is loaded again (same
 * URL, same cookies, a GET that changes nothing) in a context where axe can run.
 */
async function expectAccessible(page: Page, label: string) {
  if (!noScript.has(page)) return expectNoAxeViolations(page, label);
  const mirror = await page.context().browser()!.newContext({ viewport: page.viewportSize() ?? PHONE });
  await mirror.addCookies(await page.context().cookies());
  const copy = await mirror.newPage();
  await copy.goto(page.url());
  await expectNoAxeViolations(copy, `${label} (page served without JavaScript)`);
  await mirror.close();
}
const noScript = new WeakSet<Page>();

/** The easy-read holder form, start to finish, by keyboard only. */
async function answerEasyReadHolderForm(page: Page, label: string) {
  await page.goto(holderLink);
  await expect(page.getByRole("heading", { level: 2, name: "Before you start" })).toBeVisible();
  await expectAccessible(page, `${label}: start page`);
  await expectFitsWidth(page);
  await tabTo(page, page.getByRole("radio", { name: "Standard wording" }));
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: /^Easy read/ })).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "I agree — start the questions" }));
  await page.keyboard.press("Enter");

  for (let n = 1; n <= HOLDER_QUESTIONS; n++) {
    await expect(page.getByText(`Question ${n} of ${HOLDER_QUESTIONS}`, { exact: true })).toBeVisible();
    const choices = page.getByRole("radiogroup").or(page.getByRole("group")).first();
    await expect(choices.getByRole("radio", { name: "I don't know" })).toBeVisible();
    if (n === 1 || n === 13 || n === HOLDER_QUESTIONS) {
      await expectAccessible(page, `${label}: question ${n}`);
      await expectFitsWidth(page);
    }
    if (n === 3) {
      // Save and come back later, then carry on from the start page.
      await tabTo(page, page.getByRole("button", { name: "Save and come back later" }));
      await page.keyboard.press("Enter");
      await expect(page.getByRole("heading", { level: 1, name: "Your answers are saved" })).toBeVisible();
      await expectAccessible(page, `${label}: saved`);
      await tabTo(page, page.getByRole("link", { name: "Carry on now" }));
      await page.keyboard.press("Enter");
      await expect(page.getByText("Your saved answers are still here.")).toBeVisible();
      await expect(page.getByRole("radio", { name: /^Easy read/ })).toBeChecked();
      await tabTo(page, page.getByRole("button", { name: "Carry on with the questions" }));
      await page.keyboard.press("Enter");
      await expect(page.getByText(`Question 1 of ${HOLDER_QUESTIONS}`, { exact: true })).toBeVisible();
      await expect(page.getByRole("radio", { name: "Better", exact: true })).toBeChecked();
      for (const next of [2, 3]) {
        await tabTo(page, page.getByRole("button", { name: "Next", exact: true }));
        await page.keyboard.press("Enter");
        await expect(page.getByText(`Question ${next} of ${HOLDER_QUESTIONS}`, { exact: true })).toBeVisible();
      }
    }
    // First radio takes focus; ArrowDown moves to and picks the second answer ("Better" / "Easy" / "No" …).
    await tabTo(page, page.getByRole("radio").first());
    await page.keyboard.press("ArrowDown");
    await tabTo(page, page.getByRole("button", { name: "Next", exact: true }));
    await page.keyboard.press("Enter");
  }
  await expect(page.getByRole("heading", { level: 1, name: "About you" })).toBeVisible();
  await expect(page.getByText(`You answered ${HOLDER_QUESTIONS} of ${HOLDER_QUESTIONS} questions.`)).toBeVisible();
  await expectAccessible(page, `${label}: about you`);
  await expectFitsWidth(page);
  const age = page.getByRole("group", { name: "How old are you?" });
  await tabTo(page, age.getByRole("radio", { name: "I do not want to say" }));
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(age.getByRole("radio", { name: "18-64" })).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Send my answers" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Thank you, your answers have been sent" })).toBeVisible();
  await expectAccessible(page, `${label}: thank you`);
}

/** The open round page's count moves to `count` by itself (it refreshes its data every 10 s), without a reload. */
async function expectLiveCount(count: number) {
  await expect(live.getByText(`Still collecting: ${count} answer${count === 1 ? "" : "s"} so far.`)).toBeVisible({ timeout: 30_000 });
  expect(await live.evaluate(() => "stillTheSamePage" in window), "the round page moved without being reloaded").toBe(true);
  await expectNoAxeViolations(live, `round page, live, ${count} answer${count === 1 ? "" : "s"}`);
}

async function phoneContext(browser: Browser, javaScriptEnabled: boolean) {
  return browser.newContext({ viewport: PHONE, javaScriptEnabled });
}

test.describe.serial("collecting POET answers", () => {
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(240_000); // two collections, letters and a live round page, with axe on each
    council = await browser.newContext();
    owner = await council.newPage();
    await signIn(owner, DEMO.email, DEMO.password);
    await owner.goto("/orgs/demo/collections");
    await expectNoAxeViolations(owner, "collections page");
    holderCollectionUrl = await openCollection(owner, "Reviews 2027, budget holders", "Budget holder form");
    await expectNoAxeViolations(owner, "collection page");
    holderLink = await owner.getByLabel("Open link address").inputValue();
    live = await council.newPage();
    await live.goto(holderCollectionUrl);
    await live.getByRole("link", { name: "See the findings so far" }).click();
    await expect(live.getByText("Still collecting: 0 answers so far.")).toBeVisible();
    // A mark on this document: were the page reloaded or left, it would be gone.
    await live.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    await openCollection(owner, "Reviews 2027, carers", "Carer form");
    await owner.getByLabel("How many new codes").fill("2");
    await owner.getByRole("button", { name: "Make codes and print letters" }).click();
    await expect(owner.getByRole("heading", { level: 1, name: "Letters for Reviews 2027, carers" })).toBeVisible();
    await expect(owner.getByRole("img", { name: /^QR code that opens .*\/survey\/[A-Z0-9]{4}-[A-Z0-9]{4}$/ })).toHaveCount(2);
    await expectNoAxeViolations(owner, "letters page");
    carerCodes = await owner.locator(".letter__code").allTextContents();
    expect(carerCodes).toHaveLength(2);
  });
  test.afterAll(async () => council.close());

  test("a person completes the easy-read budget holder form at 320 px by keyboard only", async ({ browser }) => {
    test.setTimeout(360_000);
    const context = await phoneContext(browser, true);
    await answerEasyReadHolderForm(await context.newPage(), "with JavaScript");
    await context.close();
    await expectLiveCount(1);
    await owner.goto(holderCollectionUrl);
    await expect(owner.getByRole("heading", { level: 2, name: "Answers so far: 1" })).toBeVisible();
  });

  test("the same person's form works without JavaScript", async ({ browser }) => {
    test.setTimeout(360_000);
    const context = await phoneContext(browser, false);
    const page = await context.newPage();
    noScript.add(page);
    await answerEasyReadHolderForm(page, "without JavaScript");
    await context.close();
    await expectLiveCount(2);
    await owner.goto(holderCollectionUrl);
    await expect(owner.getByRole("heading", { level: 2, name: "Answers so far: 2" })).toBeVisible();
    await expect(owner.getByRole("row", { name: "Open link 2" })).toBeVisible();
  });

  test("a carer answers from a personal code, all on one page, and the code then refuses reuse", async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/survey");
    await expectNoAxeViolations(page, "enter a code");
    await page.getByLabel("Your code").fill("not-a-code");
    await page.getByRole("button", { name: "Go to my survey" }).click();
    await expect(page.getByText("That code does not work.")).toBeVisible();
    await expectNoAxeViolations(page, "enter a code, with an error");
    await page.getByLabel("Your code").fill(carerCodes[0]!.toLowerCase());
    await page.getByRole("button", { name: "Go to my survey" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "POET survey for carers" })).toBeVisible();
    await page.getByRole("radio", { name: "All the questions on one page" }).check();
    await page.getByRole("button", { name: "I agree — start the questions" }).click();
    await expect(page.getByText("Question 13 of 13", { exact: true })).toBeVisible();
    await expectNoAxeViolations(page, "carer form, all on one page");
    const groups = page.getByRole("group", { name: /^Question \d+ of 13/ });
    await expect(groups).toHaveCount(13);
    for (let i = 0; i < 13; i++) await groups.nth(i).getByRole("radio").first().check();
    await page.getByLabel("Email address (optional)").fill("not an email");
    await page.getByRole("button", { name: "Send my answers" }).click();
    await expect(page.getByRole("alert")).toContainText("Check the contact details");
    await expect(page.getByText("Enter an email address like name@example.com, or leave it empty.")).toBeVisible();
    await expectNoAxeViolations(page, "carer form with a contact problem");
    await page.getByLabel("Email address (optional)").fill("carer@example.com");
    await page.getByRole("button", { name: "Send my answers" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Thank you, your answers have been sent" })).toBeVisible();
    await expect(page.getByRole("link", { name: "take your answers back" })).toBeVisible();

    await page.goto(`/survey/${carerCodes[0]}`);
    await expect(page.getByText("This personal code has already been used to send answers")).toBeVisible();
    await expectNoAxeViolations(page, "used personal code");
    await context.close();
  });

  test("the council sees findings so far while collecting; closing freezes the round and refuses the next person", async ({ browser }) => {
    await owner.goto(holderCollectionUrl);
    await owner.getByRole("link", { name: "See the findings so far" }).click();
    await expect(owner.getByText("Still collecting: 2 answers so far.")).toBeVisible();
    await expect(owner.getByText(/too few to say\.$/)).toBeVisible();
    await expectNoAxeViolations(owner, "round page while collecting");

    await owner.goto("/orgs/demo/collections");
    await owner.getByRole("link", { name: "Reviews 2027, carers" }).click();
    await expect(owner.getByRole("row", { name: "Personal code 1" })).toBeVisible();
    await owner.getByRole("button", { name: "Close the collection" }).click();
    await expect(owner.getByText("This collection is closed. People who try to answer are told so.")).toBeVisible();
    await expectNoAxeViolations(owner, "closed collection");

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`/survey/${carerCodes[1]}`);
    await expect(page.getByText("This survey has closed, so it cannot take any more answers.")).toBeVisible();
    await expectNoAxeViolations(page, "closed survey");
    await context.close();
  });

  test("a reviewer prints the paper form and types a sheet in by keyboard", async () => {
    await owner.goto(holderCollectionUrl);
    await owner.getByRole("link", { name: "Print the paper form" }).click();
    await expect(owner.getByRole("heading", { level: 1, name: "POET survey for people with a personal budget" })).toBeVisible();
    await expectNoAxeViolations(owner, "paper form");
    await owner.getByRole("link", { name: "Type in answers from paper" }).click();
    await expect(owner.getByRole("heading", { level: 1, name: "Type in a paper form" })).toBeVisible();
    await expectNoAxeViolations(owner, "data entry");
    await owner.getByLabel("Sheet number").fill("17");
    await owner.getByRole("radio").first().focus();
    await owner.keyboard.press("ArrowDown");
    await owner.keyboard.press("Tab");
    await owner.keyboard.press("ArrowDown");
    await owner.keyboard.press("ArrowDown");
    await owner.getByRole("button", { name: "Save this sheet" }).click();
    await expect(owner.getByText("Sheet 17 entered. 3 answers so far.")).toBeVisible();
    await expectNoAxeViolations(owner, "data entry after a sheet");
    await owner.goto(holderCollectionUrl);
    await expect(owner.getByRole("row", { name: "Paper form 1" })).toBeVisible();
  });
});
