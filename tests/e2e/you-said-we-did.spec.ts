// Co-production for the people in the room and the people surveyed: a guest reads the evidence of their
// plan (and nothing else of the council), sees the actions that answer a finding, and the plan's public
// "you said, we did" page shows an action's new status without JavaScript; its feed is valid Atom.
// One shared set-up: a facilitator context and a guest context on the demo plan. Axe in every state, at 320 px
// and at 200% zoom (640 CSS px), with nothing scrolling sideways.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { parseAtomFeed } from "../support/atom";
import { expectNoAxeViolations } from "./support";
import { card, expectLive, joinAsGuest, openDemoWorkshop, pinned } from "./workshopSupport";

const NARROW = { width: 320, height: 800 };
const ZOOMED = { width: 640, height: 900 }; // a 1280 px window at 200%

/** Axe and no sideways scrolling at 320 px and at 200% zoom; the page is left at 320 px as it was. */
async function expectAccessible(page: Page, label: string) {
  for (const [size, name] of [[NARROW, "320 px"], [ZOOMED, "200%"]] as const) {
    await page.setViewportSize(size);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${label} at ${name} scrolls sideways`).toBe(0);
    await expectNoAxeViolations(page, `${label} at ${name}`);
  }
  await page.setViewportSize(NARROW);
}
const title = `Clearer budget letters ${Date.now().toString(36)}`;

test.describe.configure({ mode: "serial" });
// Axe at two sizes in every state, two browsers, on a shared machine: every test gets the long timeout.
test.beforeEach(() => test.slow());

let facilitator: Page;
let guest: Page;
let workshopPath: string;
let findingSentence: string;

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  const context: BrowserContext = await browser.newContext({ viewport: NARROW });
  facilitator = await context.newPage();
  workshopPath = await openDemoWorkshop(facilitator);
  guest = await joinAsGuest(browser, facilitator, workshopPath, "Sam");
  await guest.setViewportSize(NARROW);
  // The guest turns the first finding into an action: it answers that finding.
  const finding = guest.locator("article.finding").first();
  findingSentence = (await finding.locator("h3").textContent())!.trim();
  await finding.getByRole("button", { name: "Turn into an action" }).click();
  // The new card's title has focus: name the action there.
  const added = guest.locator("input:focus");
  await expect(added).toHaveAttribute("id", /^action-.+-title$/);
  await added.fill(title);
  await pinned(guest, card(guest, title));
  await pinned(facilitator, card(facilitator, title));
});

test.afterAll(async () => {
  await guest?.context().close();
  await facilitator?.context().close();
});

test("the guest reads the evidence of their plan, easy read first, and is refused everything else of the council", async () => {
  const finding = guest.locator("article.finding").filter({ hasText: findingSentence }).first();
  await expect(finding.getByRole("list", { name: /Actions that answer it/ })).toContainText(`${title} – Not started`);
  await expectAccessible(guest, "workshop with an answered finding (guest)");

  await finding.getByRole("link", { name: /See the evidence/ }).click();
  await expect(guest.getByRole("heading", { level: 2, name: "What it says" })).toBeVisible();
  await expect(guest.getByRole("heading", { level: 3, name: "Easy read" })).toBeVisible();
  const answers = guest.getByRole("region", { name: "What we are doing about it" });
  await expect(answers.getByRole("link", { name: title })).toBeVisible();
  await expect(guest.getByRole("navigation", { name: "Your workshop" })).toBeVisible();
  await expect(guest.getByRole("link", { name: "Members" })).toHaveCount(0);
  await expectAccessible(guest, "finding page (guest)");

  await guest.getByRole("link", { name: /^All findings of/ }).click();
  await expect(guest).toHaveURL(/view=easy/);
  await expect(guest.getByRole("heading", { level: 2, name: /Things to make better|Things that are going well/ }).first()).toBeVisible();
  await expectAccessible(guest, "round findings in easy read (guest)");

  // Everything else of the council: the council's pages ask for an account, other rounds do not exist.
  for (const path of ["/orgs/demo", "/orgs/demo/dashboard", "/orgs/demo/members", "/orgs/demo/rounds/new"]) {
    await guest.goto(path);
    await expect(guest.getByRole("heading", { level: 1, name: "Sign in" }), path).toBeVisible();
  }
  await expectAccessible(guest, "refused: sign in (guest)");
  const response = await guest.goto("/orgs/demo/rounds/not-this-plans-round");
  expect(response?.status()).toBe(404);
  await expect(guest.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expectAccessible(guest, "refused: another round (guest)");

  await guest.goto(workshopPath);
  await expectLive(guest);
});

test("the public page shows an action's new status without JavaScript, prints, and its feed is valid Atom", async ({ browser }) => {
  await facilitator.goto(`${workshopPath}/publish`);
  await expect(facilitator.getByRole("radio", { name: "Off" })).toBeChecked();
  await expectAccessible(facilitator, "publish settings, off");
  await facilitator.getByRole("radio", { name: "Public" }).check();
  await facilitator.getByRole("button", { name: "Save" }).click();
  await expect(facilitator.getByText("Saved.")).toBeVisible();
  const address = (await facilitator.getByRole("link", { name: /\/you-said-we-did\// }).textContent())!.trim();
  await expectAccessible(facilitator, "publish settings, public");

  const reader = await browser.newContext({ javaScriptEnabled: false, viewport: NARROW });
  const page = await reader.newPage();
  await page.goto(address);
  await expect(page.getByRole("heading", { level: 1, name: "You said, we did" })).toBeVisible();
  const item = page.locator(".said-did__action").filter({ hasText: title });
  await expect(item).toContainText("Status: Not started");

  // The facilitator moves the action on the live board; the page, reloaded, says so within seconds.
  await facilitator.goto(workshopPath);
  await expectLive(facilitator);
  await card(facilitator, title).getByLabel("Status").selectOption("in-progress");
  await expect(async () => {
    await page.reload();
    await expect(item).toContainText("Status: In progress", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  // Axe needs script in the page: the same address, same state, read with JavaScript on.
  const checker = await browser.newContext({ viewport: NARROW });
  const checked = await checker.newPage();
  await checked.goto(address);
  await expect(checked.locator(".said-did__action").filter({ hasText: title })).toContainText("Status: In progress");
  await expectAccessible(checked, "you said, we did");
  await checked.getByRole("link", { name: "Show easy read" }).click();
  await expect(checked.getByRole("heading", { level: 1, name: "You told us. This is what we are doing." })).toBeVisible();
  await expect(checked.locator(".said-did__action").filter({ hasText: title })).toContainText("We have started");
  await expectAccessible(checked, "you said, we did, easy read");
  await checked.emulateMedia({ media: "print" });
  await expect(checked.locator(".site-header")).toBeHidden();
  await expect(checked.getByRole("link", { name: /Atom feed/ })).toBeHidden();
  await expectAccessible(checked, "you said, we did, easy read, printed");

  const feed = await page.request.get(`${address}/feed.xml`);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const parsed = parseAtomFeed(await feed.text());
  expect(parsed.entries.find((e) => e.title.startsWith(title))?.title).toBe(`${title}: In progress`);

  await checker.close();
  await reader.close();
});

test("joining, a guest may ask to hear back by email; an address without the consent box is refused with how to fix it", async ({ browser }) => {
  const context = await browser.newContext({ viewport: NARROW });
  const page = await context.newPage();
  await page.goto("/join");
  await expectAccessible(page, "join form");
  await page.getByLabel("Workshop code").fill("ABC-123");
  await page.getByLabel("Your name").fill("Kim");
  await page.getByLabel("Your email address (optional)").fill("kim@example.test");
  await page.getByRole("button", { name: "Join the workshop" }).click();
  const consent = page.getByRole("checkbox", { name: "Yes, email me when an action I helped shape changes" });
  await expect(page.getByText("Tick this box if you want us to email you, or clear the email address.")).toBeVisible();
  await expect(consent).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page, "join form with a consent error");
  await context.close();
});
