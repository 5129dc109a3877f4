// Removing an action that has votes, and undoing it, in two browsers (ADR 023): a facilitator's Ctrl+Z
// brings the action back with its votes for everyone — voting open, revealed, or the board locked; a
// participant cannot remove a voted action, and their undo that would do so is rolled back on their screen
// with a plain message, staying live.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support";
import { addAction, card, expectLive, joinAsGuest, openDemoWorkshop, pinned } from "./workshopSupport";

const stamp = () => Date.now().toString(36);

async function startVote(page: Page) {
  await page.getByLabel("Votes each").fill("3");
  await page.getByRole("button", { name: "Start a new vote" }).click();
}

async function voteOn(target: Locator, title: string, times: number) {
  for (let i = 1; i <= times; i++) {
    await target.getByRole("button", { name: `Add a vote for ${title}` }).click();
    await expect(target.getByText(`Your votes: ${i}`)).toBeVisible();
  }
}

async function removeCard(target: Locator) {
  await target.locator("details summary").click();
  await target.getByRole("button", { name: /Remove this action/ }).click();
}

test("a facilitator's undo brings a removed action back with its votes, while voting is open, revealed and locked", async ({ page, browser }) => {
  test.slow();
  const path = await openDemoWorkshop(page);
  const sam = await joinAsGuest(browser, page, path, "Sam");
  const title = `Voted on ${stamp()}`;
  const mine = await addAction(page, title);
  await startVote(page);
  const theirs = await pinned(sam, card(sam, title));
  await voteOn(theirs, title, 2);

  // Voting open: Sam is told why they cannot remove it; the facilitator removes it and undoes.
  await theirs.locator("details summary").click();
  await expect(theirs.getByText("This action has votes from the room, so only a facilitator can remove it.")).toBeVisible();
  await expect(theirs.getByRole("button", { name: /Remove this action/ })).toHaveCount(0);
  await removeCard(mine);
  await expect(card(sam, title)).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(card(sam, title)).toBeVisible();
  await expect(theirs.getByText("Your votes: 2")).toBeVisible();
  await expect(page.getByTestId("connection")).toContainText("Live");
  await expect(page.getByRole("alert")).toHaveCount(0);

  // Revealed: the total comes back with the action.
  await page.getByRole("button", { name: "Close voting" }).click();
  await page.getByRole("button", { name: "Reveal the votes" }).click();
  await expect(theirs.getByTestId("vote-total")).toHaveText("2");
  await removeCard(mine);
  await expect(card(sam, title)).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(mine.getByTestId("vote-total")).toHaveText("2");
  await expect(theirs.getByTestId("vote-total")).toHaveText("2");

  // Locked: the facilitator's own undo is not held back by their lock.
  await page.getByRole("button", { name: "Lock the board" }).click();
  await expect(sam.getByText("The facilitator has locked the board for a moment.").first()).toBeVisible();
  await removeCard(mine);
  await expect(card(sam, title)).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(theirs.getByTestId("vote-total")).toHaveText("2");
  await page.getByRole("button", { name: "Unlock the board" }).click();
  await expectNoAxeViolations(sam, "a voted action a guest cannot remove");

  // What everyone sees is what the server holds: a fresh page shows the action with its votes.
  await sam.reload();
  await expectLive(sam);
  await expect((await pinned(sam, card(sam, title))).getByTestId("vote-total")).toHaveText("2");
  await page.getByRole("button", { name: "Hide the totals" }).click();
  await sam.context().close();
});

test("a participant's undo that would remove an action others voted on is rolled back with the reason, staying live", async ({ page, browser }) => {
  const path = await openDemoWorkshop(page);
  const sam = await joinAsGuest(browser, page, path, "Sam");
  const title = `Sam's idea ${stamp()}`;
  const theirs = await addAction(sam, title);
  const mine = await pinned(page, card(page, title));
  await startVote(page);
  await voteOn(mine, title, 1);
  await expect(theirs.getByText("This action has votes from the room, so only a facilitator can remove it.")).toBeAttached();

  // Sam's last own change is creating the action: undoing it would remove the room's votes.
  await sam.locator("body").press("Control+z");
  await expect(sam.getByRole("alert")).toContainText("That action has votes from the room, so only a facilitator can remove it.");
  await expect(card(sam, title)).toBeVisible();
  await expect(sam.getByTestId("connection")).toContainText("Live");
  await expectNoAxeViolations(sam, "an undo refused because the action has votes");
  // The barrier: an edit Sam makes after the refusal arrives; the removal never did.
  const field = (await pinned(sam, card(sam, title))).getByLabel("Action title");
  await field.click();
  await field.press("End");
  await field.pressSequentially(" (kept)", { delay: 20 });
  await expect(mine.getByLabel("Action title")).toHaveValue(`${title} (kept)`);
  await expect(mine.getByText("Your votes: 1")).toBeVisible();
  await page.getByRole("button", { name: "Close voting" }).click();
  await sam.context().close();
});
