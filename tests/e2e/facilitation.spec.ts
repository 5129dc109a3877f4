// Facilitation in four browsers sharing one set-up: the facilitator, a co-producer (invited member), a guest
// who joined with a code, and the room screen. A silent round's ideas stay hidden until revealed, then merge
// into one action for everyone; a vote's results are ranked and the top actions become priorities; the room
// screen follows focus and timer. Axe in every state, at 320 px and at 200% zoom (640 px wide).
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { DEMO, expectNoAxeViolations, signIn } from "./support";
import { addAction, card, expectLive, joinAsGuest, pinned } from "./workshopSupport";

test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const NARROW = { width: 320, height: 800 };
const ZOOMED = { width: 640, height: 900 }; // a 1280 px window at 200%

let facilitator: Page;
let coProducer: Page;
let guest: Page;
let screen: Page;
let path: string;
const contexts: BrowserContext[] = [];

/** Axe on the page as it is, then at 320 px and at 200% zoom, then back to its own size. */
async function expectAccessible(page: Page, label: string) {
  const size = page.viewportSize()!;
  await expectNoAxeViolations(page, label);
  for (const viewport of [NARROW, ZOOMED]) {
    await page.setViewportSize(viewport);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${label} at ${viewport.width}px scrolls sideways`).toBe(0);
    await expectNoAxeViolations(page, `${label} at ${viewport.width}px`);
  }
  await page.setViewportSize(size);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000); // four browsers on a shared machine
  const own = await browser.newContext();
  contexts.push(own);
  facilitator = await own.newPage();
  // A co-producer: the facilitator invites a member, who accepts in their own browser.
  await signIn(facilitator, DEMO.email, DEMO.password);
  await facilitator.goto("/orgs/demo/members");
  await facilitator.getByLabel("Role", { exact: true }).selectOption("member");
  await facilitator.getByRole("button", { name: "Create invitation link" }).click();
  const invitation = await facilitator.getByLabel("Link").inputValue();
  const theirs = await browser.newContext();
  contexts.push(theirs);
  coProducer = await theirs.newPage();
  await coProducer.goto(invitation);
  await coProducer.getByRole("link", { name: "Create an account to join" }).click();
  await coProducer.getByLabel("Your name").fill("Cass Ahmed");
  await coProducer.getByLabel("Email address").fill(`cass.${stamp}@example.test`);
  await coProducer.getByLabel("Choose a password").fill("harbour violet copper reed");
  await coProducer.getByRole("button", { name: "Create account" }).click();
  await coProducer.getByRole("button", { name: "Join as Cass Ahmed" }).click();
  // Joining lands on the council's page ("Sign out" shows as soon as the account exists, before the join).
  await expect(coProducer.getByRole("heading", { level: 1, name: "Northmoor Council (demo)", exact: true })).toBeVisible();

  await facilitator.goto("/orgs/demo");
  await facilitator.getByRole("link", { name: "Action plan 2026 (demo)" }).click();
  await expectLive(facilitator);
  path = new URL(facilitator.url()).pathname;
  guest = await joinAsGuest(browser, facilitator, path, "Sam");
  contexts.push(guest.context());
  await coProducer.goto(path);
  await expectLive(coProducer);
  // The room screen: the facilitator signed in on the room's computer.
  const room = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(room);
  screen = await room.newPage();
  await signIn(screen, DEMO.email, DEMO.password);
  await screen.goto(`${path}/present`);
  await expectLive(screen);
});

test.afterAll(async () => {
  for (const context of contexts) await context.close();
});

test("the room screen shows how to join and who is here, and follows the focus and the timer", async () => {
  test.slow(); // four browsers, axe at three sizes
  await expect(screen.getByRole("heading", { level: 1, name: "Action plan 2026 (demo)" })).toBeVisible();
  await expect(screen.getByTestId("presenter-code")).toHaveText(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
  await expect(screen.getByRole("img", { name: /QR code that opens the join page/ })).toBeVisible();
  const people = screen.getByTestId("presenter-people");
  await expect(people).toContainText("Sam");
  await expect(people).toContainText("Cass Ahmed");
  await expect(people).toContainText("Demo Facilitator");
  await expectAccessible(screen, "room screen");

  const title = `Look here ${stamp}`;
  const focused = await addAction(facilitator, title);
  await focused.getByRole("button", { name: /Focus everyone here/ }).click();
  await expect(screen.getByTestId("presenter-focus")).toHaveText(`Action: ${title}`);
  await facilitator.getByLabel("Minutes").selectOption("3");
  await facilitator.getByRole("button", { name: "Start timer" }).click();
  // Right from its first frame the clock shows the time left of a 3-minute timer, never 0:00 or a stale value.
  await expect(screen.getByTestId("presenter-timer")).toHaveText(/^(3:00|2:[0-5]\d)$/);
  await expectAccessible(screen, "room screen with a focus and a timer");
  await facilitator.getByRole("button", { name: "Stop timer" }).click();
  await expect(screen.getByText("No timer is running.")).toBeVisible();
  await focused.getByRole("button", { name: /Stop focusing here/ }).click();
  await expect(screen.getByTestId("presenter-focus")).toHaveText("Nothing in particular yet.");
});

test("a silent round's ideas stay with their authors until revealed, then merge into one action for everyone", async () => {
  test.slow();
  const samIdea = `Drop-in at the library ${stamp}`;
  const cassIdea = `Letters in easy read ${stamp}`;
  await guest.getByLabel("Your idea").fill(samIdea);
  await guest.getByRole("button", { name: "Add my idea" }).click();
  await expect(guest.getByTestId("my-hidden-ideas")).toContainText(samIdea);
  await coProducer.getByLabel("Your idea").fill(cassIdea);
  await coProducer.getByRole("button", { name: "Add my idea" }).click();
  await expect(coProducer.getByTestId("my-hidden-ideas")).toContainText(cassIdea);
  await expectAccessible(guest, "workshop with a hidden idea (guest)");

  // Barrier: an edit the guest is allowed to share, made after their idea, reaches the others first...
  const barrier = `After my idea ${stamp}`;
  await addAction(guest, barrier);
  for (const other of [coProducer, facilitator, screen]) await expect(other.getByTestId("hidden-idea-count").or(other.getByTestId("presenter-hidden-ideas"))).toContainText("2 ideas written so far");
  await expect(card(coProducer, barrier)).toBeVisible();
  await expect(card(facilitator, barrier)).toBeVisible();
  // ...and still nobody else has the words of either idea.
  await expect(coProducer.getByText(samIdea)).toHaveCount(0);
  await expect(guest.getByText(cassIdea)).toHaveCount(0);
  await expect(facilitator.getByText(samIdea)).toHaveCount(0);
  await expect(screen.getByText(samIdea)).toHaveCount(0);
  await expect(guest.getByRole("button", { name: "Reveal everyone's ideas" })).toHaveCount(0);

  await facilitator.getByRole("button", { name: "Reveal everyone's ideas" }).click();
  for (const page of [guest, coProducer, facilitator]) {
    await expect(page.getByTestId("revealed-ideas")).toContainText(samIdea);
    await expect(page.getByTestId("revealed-ideas")).toContainText(cassIdea);
  }
  await expect(screen.getByText(cassIdea)).toBeVisible();
  await expect(guest.getByTestId("my-hidden-ideas")).toHaveCount(0);
  await expect(guest.getByRole("checkbox", { name: samIdea })).toHaveCount(0);
  await expectAccessible(facilitator, "workshop with revealed ideas (facilitator)");
  await expectAccessible(guest, "workshop with revealed ideas (guest)");

  // Grouping by keyboard: tick both, name the action, merge.
  const merged = `Reach people where they are ${stamp}`;
  await facilitator.getByRole("checkbox", { name: samIdea }).check();
  await facilitator.getByRole("checkbox", { name: cassIdea }).check();
  await facilitator.getByLabel("Title of the merged action (optional)").fill(merged);
  await facilitator.getByRole("button", { name: "Merge the chosen ideas into one action (2)" }).click();
  for (const page of [guest, coProducer, facilitator]) {
    await expect(card(page, merged)).toHaveCount(1);
    await expect(page.getByTestId("revealed-ideas")).toHaveCount(0);
  }
  const mergedCard = await pinned(coProducer, card(coProducer, merged));
  await mergedCard.locator("details summary").click();
  await expect(mergedCard.getByLabel("Description")).toHaveValue(`• ${samIdea}\n• ${cassIdea}`);
  await expectAccessible(coProducer, "workshop after merging ideas (co-producer)");
});

test("after a vote the results are ranked for everyone, the board sorts by votes and the top actions become priorities", async () => {
  test.slow();
  const first = `Most wanted ${stamp}`;
  const second = `Also wanted ${stamp}`;
  await addAction(facilitator, first);
  await addAction(facilitator, second);
  await facilitator.getByLabel("Votes each").fill("2");
  await facilitator.getByRole("button", { name: "Start a new vote" }).click();
  await expect(guest.getByTestId("votes-left")).toContainText("used 0 of your 2 votes");
  const vote = async (page: Page, title: string) => {
    const target = await pinned(page, card(page, title));
    const before = await target.getByText(/Your votes: \d+/).textContent().catch(() => "Your votes: 0");
    await target.getByRole("button", { name: `Add a vote for ${title}` }).click();
    await expect(target.getByText(`Your votes: ${Number(before?.match(/\d+/)?.[0] ?? 0) + 1}`)).toBeVisible();
  };
  await vote(guest, first);
  await vote(guest, first);
  await vote(coProducer, first);
  await vote(coProducer, second);
  await facilitator.getByRole("button", { name: "Close voting" }).click();
  await facilitator.getByRole("button", { name: "Reveal the votes" }).click();

  for (const page of [guest, coProducer, facilitator]) {
    const ranking = page.getByTestId("vote-ranking").getByRole("listitem");
    await expect(ranking.nth(0)).toContainText(`1. ${first}: 3 votes`);
    await expect(ranking.nth(1)).toContainText(`2. ${second}: 1 vote`);
  }
  const rows = screen.getByTestId("presenter-ranking").getByRole("listitem");
  await expect(rows.nth(0)).toContainText(`${first} 3 votes`);
  await expect(rows.nth(1)).toContainText(`${second} 1 vote`);
  await expect(guest.getByRole("button", { name: `Priority : ${first}` })).toHaveCount(0);

  // Sorting is this person's view: the board's own order does not change for anyone else.
  await coProducer.getByLabel("Show actions in").selectOption("votes");
  await expect(coProducer.locator("article.action-card").first()).toHaveAttribute("data-action-title", first);
  await expect(coProducer.locator("article.action-card").nth(1)).toHaveAttribute("data-action-title", second);
  await expectAccessible(coProducer, "board sorted by votes (co-producer)");

  await facilitator.getByRole("button", { name: `Priority : ${first}` }).click();
  await expect(facilitator.getByRole("button", { name: `Priority : ${first}` })).toHaveAttribute("aria-pressed", "true");
  for (const page of [guest, coProducer]) await expect(page.getByTestId("plan-priorities")).toHaveText(first);
  await expect(screen.getByTestId("presenter-priorities")).toHaveText(first);
  await expectAccessible(facilitator, "vote results with a priority (facilitator)");
  await expectAccessible(screen, "room screen with ranked results and priorities");
  await facilitator.getByRole("button", { name: "Hide the totals" }).click();
  await expect(guest.getByTestId("vote-ranking")).toHaveCount(0);

  // The priority reaches tracking (a sortable Priority column, a filter) and the board paper: the co-producer
  // opens them in a new tab, the board stays open.
  const tracking = await coProducer.context().newPage();
  await tracking.goto(`${path}/plan`);
  await tracking.getByRole("columnheader", { name: /Priority/ }).getByRole("link").click();
  await expect(tracking.getByRole("columnheader", { name: /Priority/ })).toHaveAttribute("aria-sort", "ascending");
  const firstRow = tracking.getByRole("region", { name: "Actions in this plan" }).getByRole("row").nth(1);
  await expect(firstRow).toContainText("Priority 1");
  await expect(firstRow).toContainText(first);
  await tracking.getByLabel("Show", { exact: true }).selectOption("priorities");
  await tracking.getByRole("button", { name: "Show these actions" }).click();
  await expect(tracking.getByTestId("plan-priority")).toHaveText(["Priority 1"]);
  await expectAccessible(tracking, "tracking, priorities only (co-producer)");
  await tracking.goto(`${path}/report`);
  await expect(tracking.getByTestId("report-priorities").getByRole("listitem")).toHaveText([first]);
  await expect(tracking.locator("li.report-action").filter({ has: tracking.getByRole("heading", { name: first }) })).toContainText("Priority 1");
  await expectNoAxeViolations(tracking, "board paper with a priority");
  await tracking.goto(`${path}/report?view=easy`);
  await expect(tracking.getByTestId("easy-priorities").getByRole("listitem")).toHaveText([first]);
  await expectNoAxeViolations(tracking, "easy-read board paper with a priority");
  await tracking.close();
});
