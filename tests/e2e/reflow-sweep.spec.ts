// Every page an owner, a council member and a guest can reach, at 320 CSS px wide (WCAG 1.4.10): nothing
// scrolls sideways, the browser logs no errors (React hydration errors included) and axe finds nothing.
import { expect, type Page } from "@playwright/test";
import { test } from "@playwright/test";
import { expectNoAxeViolations } from "./support";
import { openDemoWorkshop } from "./workshopSupport";

test.describe.configure({ timeout: 600_000 });
test.use({ viewport: { width: 320, height: 640 } });

/** Collects console errors and uncaught exceptions from now on. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}

/** How far the page is wider than the window (0 when it reflows), and the widest element that pokes out. */
async function overflowOf(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    const excess = root.scrollWidth - root.clientWidth;
    let culprit = "";
    if (excess > 0) {
      for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        if (box.right > root.clientWidth + 1 && box.width > 0) culprit = `${element.tagName.toLowerCase()}.${[...element.classList].join(".")} (${Math.round(box.right)} px)`;
      }
    }
    return { excess, culprit };
  });
}

/** Visits each path: it must answer, reflow at 320 px and pass axe. */
async function sweep(page: Page, paths: string[], who: string) {
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), `${who}: ${path}`).toBeLessThan(400);
    await page.waitForLoadState("networkidle");
    expect.soft(await overflowOf(page), `${who}: ${path} scrolls sideways at 320 px`).toEqual({ excess: 0, culprit: "" });
    // Axe is checked once the page is wide enough to read (a page that overflows fails above).
    if ((await overflowOf(page)).excess === 0) await expectNoAxeViolations(page, `${who}: ${path} at 320 px`);
  }
}

/** The first link on the current page whose address matches. */
async function firstLink(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  const found = hrefs.find((href) => pattern.test(href));
  expect(found, `a link matching ${pattern} on ${page.url()}`).toBeTruthy();
  return found!.split("#")[0]!;
}

test("every page an owner, a member and a guest can reach reflows at 320 px without errors", async ({ page, browser }) => {
  const errors = watchErrors(page);
  const workshop = await openDemoWorkshop(page);
  await page.goto(`${workshop}/plan`);
  const action = await firstLink(page, /^\/w\/[^/]+\/actions\/[^/?#]+$/);
  await page.goto("/orgs/demo");
  const round = await firstLink(page, /^\/orgs\/demo\/rounds\/[^/?#]+$/);
  await page.goto(round);
  const finding = await firstLink(page, /\/findings\/[^/?#]+$/);
  const ownerPages = [
    "/orgs/demo",
    "/orgs/demo/dashboard",
    "/orgs/demo/members",
    "/orgs/demo/settings",
    "/orgs/demo/question-wording",
    "/orgs/demo/audit",
    "/orgs/demo/collections",
    "/orgs/demo/rounds/new",
    "/orgs/demo/rounds/upload",
    round,
    finding,
    workshop,
    `${workshop}/plan`,
    `${workshop}/access`,
    `${workshop}/settings`,
    `${workshop}/publish`,
    `${workshop}/report`,
    action,
    "/account",
    "/notifications",
    "/orgs/new",
  ];
  await sweep(page, ownerPages, "owner");

  // A co-producer: invited by the owner, signed up in another browser.
  await page.goto("/orgs/demo/members");
  await page.getByLabel("Role", { exact: true }).selectOption("member");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByLabel("Link").inputValue();
  const memberContext = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const member = await memberContext.newPage();
  const memberErrors = watchErrors(member);
  const stamp = Date.now().toString(36);
  await member.goto(link);
  await member.getByRole("link", { name: "Create an account to join" }).click();
  await member.getByLabel("Your name").fill("Priya Shah");
  await member.getByLabel("Email address").fill(`priya.${stamp}@example.test`);
  await member.getByLabel("Choose a password").fill("harbour violet copper reed");
  await member.getByRole("button", { name: "Create account" }).click();
  await member.getByRole("button", { name: "Join as Priya Shah" }).click();
  await expect(member.getByRole("heading", { level: 1, name: "Northmoor Council (demo)", exact: true })).toBeVisible();
  await sweep(member, ["/orgs/demo", "/orgs/demo/dashboard", round, finding, workshop, `${workshop}/plan`, action, "/account", "/notifications"], "member");

  // A guest with a join code.
  await page.goto(`${workshop}/access`);
  await page.getByRole("button", { name: "Create a join code" }).click();
  const code = (await page.locator(".join-code").first().textContent())!.trim();
  const guestContext = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const guest = await guestContext.newPage();
  const guestErrors = watchErrors(guest);
  await guest.goto("/join");
  await guest.getByLabel("Workshop code").fill(code);
  await guest.getByLabel("Your name").fill("Jo");
  await guest.getByRole("button", { name: "Join the workshop" }).click();
  await expect(guest.getByRole("heading", { level: 1, name: "Action plan 2026 (demo)" })).toBeVisible();
  // The guest reads the evidence of their plan's own round (linked from the board), not any council round.
  const planRound = await firstLink(guest, /\/orgs\/demo\/rounds\/[^/?#]+/);
  await sweep(guest, [workshop, `${planRound.split("?")[0]}?view=easy`, `${workshop}/plan`], "guest");

  expect([...errors, ...memberErrors, ...guestErrors]).toEqual([]);
  await memberContext.close();
  await guestContext.close();
});
