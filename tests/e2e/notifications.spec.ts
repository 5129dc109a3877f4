// The notifications page renders on the server and hydrates in the browser without React throwing it away.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support";
import { addAction, card, joinAsGuest, openDemoWorkshop, pinned } from "./workshopSupport";

// Far from the server's zone, so any time printed differently on each side would show as a hydration error.
test.use({ timezoneId: "Pacific/Auckland" });

function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

test("a contributor reads a 'you said, we did' notification on a page that logs no console errors", async ({ page, browser }) => {
  const path = await openDemoWorkshop(page);
  const sam = await joinAsGuest(browser, page, path, "Sam");
  const title = `Bus passes ${Date.now().toString(36)}`;
  const mine = await addAction(page, title);
  // The plan table reads the projection: once the new action is there, Sam's change is a move from
  // "not started" (made within the projection's batching window, it would be the action's first state).
  const planTable = await page.context().newPage();
  await expect(async () => {
    await planTable.goto(`${path}/plan`);
    await expect(planTable.getByRole("link", { name: title })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await planTable.close();
  await (await pinned(sam, card(sam, title))).getByLabel("Status").selectOption("blocked");
  // Sam's change has reached the server once it is back on the facilitator's board.
  await expect(mine.getByLabel("Status")).toHaveValue("blocked");
  await sam.context().close();

  const errors = collectConsoleErrors(page);
  const notification = page.getByRole("link", { name: new RegExp(`“${title}” is now blocked \\(changed by Sam\\)`) });
  await expect(async () => {
    await page.goto("/notifications");
    await expect(notification).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();

  // Hydrated: the form submits through React and the page updates in place.
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByText("You are up to date.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark as unread" }).first()).toBeVisible();
  await expectNoAxeViolations(page, "notifications");
  expect(errors).toEqual([]);
});
