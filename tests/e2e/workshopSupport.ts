// Shared steps for the live workshop tests: the demo plan, join codes, guests, cards.
import { expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support";

/** Signs the demo facilitator in and opens the demo plan's live workshop; returns its path. */
export async function openDemoWorkshop(page: Page): Promise<string> {
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto("/orgs/demo");
  await page.getByRole("link", { name: "Action plan 2026 (demo)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Action plan 2026 (demo)" })).toBeVisible();
  await expectLive(page);
  return new URL(page.url()).pathname;
}

/** Waits until the page is hydrated and its live connection has synced. */
export async function expectLive(page: Page) {
  await expect(page.getByTestId("connection")).toContainText("Live", { timeout: 15_000 });
}

/** A guest in a fresh browser context, joined with a new code and on the workshop page. */
export async function joinAsGuest(
  browser: Browser,
  facilitator: Page,
  workshopPath: string,
  name: string,
  /** Runs on the guest's context before it opens any page (say, to route its WebSocket). */
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<Page> {
  await facilitator.goto(`${workshopPath}/access`);
  await facilitator.getByRole("button", { name: "Create a join code" }).click();
  const code = (await facilitator.locator(".join-code").first().textContent())!.trim();
  await facilitator.goto(workshopPath);
  await expectLive(facilitator);
  const context = await browser.newContext();
  await prepare?.(context);
  const guest = await context.newPage();
  await guest.goto("/join");
  await guest.getByLabel("Workshop code").fill(code);
  await guest.getByLabel("Your name").fill(name);
  await guest.getByRole("button", { name: "Join the workshop" }).click();
  await expect(guest.getByRole("heading", { level: 1, name: "Action plan 2026 (demo)" })).toBeVisible();
  await expectLive(guest);
  return guest;
}

/** The card of the action whose title is exactly `title`. */
export function card(page: Page, title: string): Locator {
  return page.locator(`article.action-card[data-action-title="${title.replace(/"/g, '\\"')}"]`);
}

/** A locator for the same card that keeps working when its title changes. */
export async function pinned(page: Page, located: Locator): Promise<Locator> {
  await expect(located).toBeVisible();
  const id = await located.getAttribute("id");
  return page.locator(`[id="${id}"]`);
}

/** Adds an action with this title from the board's form and returns its card (by id). */
export async function addAction(page: Page, title: string): Promise<Locator> {
  await page.getByLabel("New action").fill(title);
  await page.getByRole("button", { name: "Add action" }).click();
  return pinned(page, card(page, title));
}

const NOTICE_TYPE = 20; // app/collab/changeRefused.ts

/** Routes the guest's live connection so the test can hold back what the server sends for a moment. */
export function holdable() {
  const held: Array<() => void> = [];
  let holding = false;
  let noticeHeld = false;
  return {
    route: async (context: BrowserContext) => {
      await context.routeWebSocket(/\/collab\//, (ws) => {
        const server = ws.connectToServer();
        server.onMessage((message) => {
          if (!holding) return ws.send(message);
          if (typeof message !== "string" && message[0] === NOTICE_TYPE) noticeHeld = true;
          held.push(() => ws.send(message));
        });
      });
    },
    hold: () => (holding = true),
    noticeHeld: () => noticeHeld,
    release: () => {
      holding = false;
      for (const send of held.splice(0)) send();
    },
  };
}
