// The lock in two browsers: a change a participant makes as the board locks is rolled back on their screen
// with a message saying why, without reconnecting, and never lands; undo and its shortcut wait for unlock.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support";
import { addAction, card, holdable, joinAsGuest, openDemoWorkshop, pinned } from "./workshopSupport";

const stamp = () => Date.now().toString(36);

test("a change made as the board locks is rolled back with the reason, stays live, and never lands", async ({ page, browser }) => {
  const path = await openDemoWorkshop(page);
  const wire = holdable();
  const sam = await joinAsGuest(browser, page, path, "Sam", wire.route);
  const title = `Pause me ${stamp()}`;
  const mine = (await addAction(page, title)).getByLabel("Action title");
  const theirs = (await pinned(sam, card(sam, title))).getByLabel("Action title");
  await expect(theirs).toHaveValue(title);

  // Sam has not heard about the lock yet when they type: the server refuses the change.
  wire.hold();
  await page.getByRole("button", { name: "Lock the board" }).click();
  await theirs.click();
  await theirs.press("End");
  await theirs.pressSequentially(" and more", { delay: 20 });
  await expect.poll(() => wire.noticeHeld(), { message: "the server answered Sam's change with a refusal" }).toBe(true);
  wire.release();

  await expect(sam.getByRole("alert")).toContainText("The facilitator has paused editing, so your last change was not saved.");
  await expect(theirs).toHaveValue(title);
  await expect(sam.getByTestId("connection")).toContainText("Live");
  await expect(sam.getByText("The facilitator has locked the board for a moment.").first()).toBeVisible();
  await expectNoAxeViolations(sam, "a refused change while locked");
  await expect(mine).toHaveValue(title);

  await page.getByRole("button", { name: "Unlock the board" }).click();
  await expect(sam.getByRole("alert")).toHaveCount(0);
  // The barrier: an edit Sam makes after unlocking arrives; the refused one never does.
  await theirs.click();
  await theirs.press("End");
  await theirs.pressSequentially(" (agreed)", { delay: 20 });
  await expect(mine).toHaveValue(`${title} (agreed)`);
  await expect(theirs).toHaveValue(`${title} (agreed)`);
  await sam.reload();
  await expect(card(sam, `${title} (agreed)`)).toBeVisible();
  await sam.context().close();
});

test("undo and its keyboard shortcut wait while the board is locked", async ({ page, browser }) => {
  const path = await openDemoWorkshop(page);
  const sam = await joinAsGuest(browser, page, path, "Sam");
  const title = `Keep me ${stamp()}`;
  const mine = await addAction(page, title);
  const theirs = await pinned(sam, card(sam, title));
  await theirs.getByLabel("Owner").fill("Priya");
  await theirs.getByLabel("Owner").press("Enter");
  await expect(mine.getByLabel("Owner")).toHaveValue("Priya");

  await page.getByRole("button", { name: "Lock the board" }).click();
  await expect(sam.getByText("The facilitator has locked the board for a moment.").first()).toBeVisible();
  await expect(sam.getByRole("button", { name: "Undo my last change" })).toBeDisabled();
  await sam.locator("body").press("Control+z");
  await sam.keyboard.press("Control+Z");
  await expect(theirs.getByLabel("Owner")).toHaveValue("Priya");
  await expect(sam.getByTestId("connection")).toContainText("Live");

  await page.getByRole("button", { name: "Unlock the board" }).click();
  await expect(sam.getByRole("button", { name: "Undo my last change" })).toBeEnabled();
  // The barrier: the undo Sam makes now arrives; the ones tried while locked never did.
  await sam.getByRole("button", { name: "Undo my last change" }).click();
  await expect(mine.getByLabel("Owner")).toHaveValue("");
  await expect(theirs.getByLabel("Owner")).toHaveValue("");
  await sam.context().close();
});
