// A removed guest's page says so in plain words and stops trying to reconnect; they cannot rejoin with
// the same code until the facilitator lets them back in. A member made viewer loses the edit controls at once.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support";
import { joinAsGuest, openDemoWorkshop } from "./workshopSupport";

test("a removed guest sees why, the page stops reconnecting, and the code no longer lets them in", async ({ page, browser }) => {
  const workshop = await openDemoWorkshop(page);
  const name = `Robin ${Date.now().toString(36)}`;
  const guest = await joinAsGuest(browser, page, workshop, name);
  const code = (await page.goto(`${workshop}/access`), (await page.locator(".join-code").first().textContent())!.trim());

  // Every socket the guest's page opens, in order; a marker socket of our own goes last (see below).
  const opened: string[] = [];
  await guest.context().routeWebSocket(/\/collab\//, (ws) => {
    opened.push(new URL(ws.url()).pathname);
    ws.connectToServer();
  });
  await guest.clock.install();
  await guest.reload();
  await expect(guest.getByTestId("connection")).toContainText("Live", { timeout: 15_000 });
  const socketsBeforeRemoval = opened.length;

  await page.getByRole("button", { name: `Remove ${name}` }).click();
  await expect(page.getByText(`${name} has been removed and cannot join again from their browser.`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Removed guests" })).toBeVisible();
  await expectNoAxeViolations(page, "access page after removing a guest");
  await expect(guest.getByRole("alert")).toContainText("Not connected. You have been removed from this workshop. Ask the facilitator if you think this is a mistake.");
  await expect(guest.getByLabel("New action"), "the board no longer takes edits").toHaveCount(0);
  await expectNoAxeViolations(guest, "removed guest");

  // Run the page's clock a minute on: any reconnect timer would have fired. Then open a marker socket;
  // once it is seen, a reconnect attempt made before it would have been seen too.
  await guest.clock.runFor(60_000);
  await guest.evaluate(() => void new WebSocket(`${location.origin.replace("http", "ws")}/collab/marker`));
  await expect.poll(() => opened.includes("/collab/marker")).toBe(true);
  expect(opened.slice(socketsBeforeRemoval)).toEqual(["/collab/marker"]);

  await guest.goto(`/join?code=${code}`);
  await guest.getByLabel("Your name").fill(name);
  await guest.getByRole("button", { name: "Join the workshop" }).click();
  await expect(guest.getByText("The facilitator removed you from this workshop, so you cannot join it again.")).toBeVisible();

  await page.getByRole("button", { name: `Let back in ${name}` }).click();
  await expect(page.getByText(`${name} can join again with a working code.`)).toBeVisible();
  await expectNoAxeViolations(page, "access page after letting a guest back in");
  await guest.getByLabel("Your name").fill(name);
  await guest.getByRole("button", { name: "Join the workshop" }).click();
  await expect(guest.getByRole("heading", { level: 1, name: "Action plan 2026 (demo)" })).toBeVisible();
  await guest.context().close();
});

test("a member made viewer while on the board loses the edit controls without reloading", async ({ page, browser }) => {
  const workshop = await openDemoWorkshop(page);
  const stamp = Date.now().toString(36);
  const name = `Kit Member ${stamp}`;
  await page.goto("/orgs/demo/members");
  await page.getByLabel("Role", { exact: true }).selectOption("member");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByLabel("Link").inputValue();

  const colleague = await (await browser.newContext()).newPage();
  await colleague.goto(link);
  await colleague.getByRole("link", { name: "Create an account to join" }).click();
  await colleague.getByLabel("Your name").fill(name);
  await colleague.getByLabel("Email address").fill(`kit.${stamp}@example.test`);
  await colleague.getByLabel("Choose a password").fill("harbour violet copper reed");
  await colleague.getByRole("button", { name: "Create account" }).click();
  await colleague.getByRole("button", { name: `Join as ${name}` }).click();
  // Joining lands on the council's page: only then is the colleague a member (going on earlier raced the join).
  // Exactly its name: the invitation page's own heading, "Join Northmoor Council (demo)", contains it.
  await expect(colleague.getByRole("heading", { level: 1, name: "Northmoor Council (demo)", exact: true })).toBeVisible();
  await colleague.goto(workshop);
  await expect(colleague.getByTestId("connection")).toContainText("Live", { timeout: 15_000 });
  await expect(colleague.getByLabel("New action")).toBeVisible();

  await page.reload();
  await page.getByRole("combobox", { name: `Role for ${name}` }).selectOption("viewer");
  await page.getByRole("button", { name: `Save role for ${name}` }).click();
  await expect(page.getByText(`${name} is now viewer (read only).`)).toBeVisible();
  await expect(colleague.getByLabel("New action"), "the page now offers what a viewer may do").toHaveCount(0);
  await expect(colleague.getByTestId("connection")).toContainText("Live", { timeout: 15_000 });
  await colleague.context().close();
});
