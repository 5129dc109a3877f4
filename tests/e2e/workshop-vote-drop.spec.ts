// A vote whose request fails as it is sent (the network drops while the browser still thinks it is online)
// never takes the board away (ADR 027): the vote stays not cast, the person is told in plain words, focus
// stays on the button, and voting again counts exactly once for everyone, also when the first request did
// reach the server and only its answer was lost.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support";
import { addAction, card, holdable, joinAsGuest, openDemoWorkshop, pinned } from "./workshopSupport";

const VOTES = /\/w\/[^/]+\/votes$/;
const DROPPED = "Your vote was not sent because the connection dropped. Vote again when the board says Live.";

test("a vote lost to a dropped connection leaves the board, is said plainly, and voting again counts once", async ({ page, browser }) => {
  test.slow(); // two browsers, a held live connection and axe
  const path = await openDemoWorkshop(page);
  const wire = holdable();
  const sam = await joinAsGuest(browser, page, path, "Sam", wire.route);
  const title = `Vote through a drop ${Date.now().toString(36)}`;
  const mine = await addAction(page, title);
  await page.getByLabel("Votes each").fill("2");
  await page.getByRole("button", { name: "Start a new vote" }).click();
  const theirs = await pinned(sam, card(sam, title));
  const add = theirs.getByRole("button", { name: `Add a vote for ${title}` });

  // The request never leaves: the board stays, the vote is not cast, the reason is announced, focus stays.
  await sam.route(VOTES, (route) => route.abort("internetdisconnected"));
  await add.focus();
  await sam.keyboard.press("Enter");
  await expect(sam.getByTestId("announcer")).toContainText(DROPPED);
  await expect(theirs.getByTestId("vote-problem")).toHaveText(DROPPED);
  await expect(sam.getByRole("heading", { level: 1, name: "Action plan 2026 (demo)" })).toBeVisible();
  await expect(theirs.getByText("Your votes: 0")).toBeVisible();
  await expect(add).toBeFocused();
  await expectNoAxeViolations(sam, "a vote lost to a dropped connection");

  // The network is back: voting again counts once, and the message goes.
  await sam.unroute(VOTES);
  await sam.keyboard.press("Enter");
  await expect(theirs.getByText("Your votes: 1")).toBeVisible();
  await expect(sam.getByTestId("announcer")).toContainText(`You have 1 vote on ${title}.`);
  await expect(theirs.getByTestId("vote-problem")).toHaveCount(0);

  // The request arrives but its answer is lost, and Sam votes again before the board hears of the first:
  // the server counts the vote once and says so.
  wire.hold();
  await sam.route(VOTES, async (route) => {
    await route.fetch();
    await route.abort("internetdisconnected");
  });
  await sam.keyboard.press("Enter");
  await expect(theirs.getByTestId("vote-problem")).toHaveText(DROPPED);
  await expect(theirs.getByText("Your votes: 1")).toBeVisible();
  await sam.unroute(VOTES);
  await sam.keyboard.press("Enter");
  await expect(sam.getByTestId("announcer")).toContainText(`That vote was already counted: you have 2 votes on ${title}.`);
  await expect(theirs.getByText("Your votes: 2")).toBeVisible();
  wire.release();
  await expect(sam.getByTestId("votes-left")).toContainText("used 2 of your 2 votes");
  await expect(theirs.getByText("Your votes: 2")).toBeVisible();
  await expect(add).toBeFocused();

  // Everyone sees exactly Sam's two votes.
  await page.getByRole("button", { name: "Close voting" }).click();
  await page.getByRole("button", { name: "Reveal the votes" }).click();
  await expect(mine.getByTestId("vote-total")).toHaveText("2");
  await expect(theirs.getByTestId("vote-total")).toHaveText("2");
  await page.getByRole("button", { name: "Hide the totals" }).click();
  await sam.context().close();
});
