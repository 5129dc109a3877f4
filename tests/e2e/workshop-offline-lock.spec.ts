// A participant edits offline while the facilitator locks the board (ADR 023): on reconnecting they are told
// which of their changes were not saved and why, their words are there to copy (after a reload too, until
// they close it), the page stays live (no reconnect loop), and nothing of theirs lands on unlock.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support";
import { addAction, card, expectLive, joinAsGuest, openDemoWorkshop, pinned } from "./workshopSupport";

const stamp = () => Date.now().toString(36);

test("offline edits meeting a locked board: what was not saved is named, the words kept to copy, no reconnect loop", async ({ page, browser }) => {
  test.slow();
  const path = await openDemoWorkshop(page);
  const title = `Shared ${stamp()}`;
  const mine = await addAction(page, title);
  const sam = await joinAsGuest(browser, page, path, "Sam");
  await sam.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const theirs = await pinned(sam, card(sam, title));

  await sam.context().setOffline(true);
  await expect(sam.getByTestId("connection")).toContainText("Offline");
  const field = theirs.getByLabel("Action title");
  await field.click();
  await field.press("End");
  await field.pressSequentially(" and a plain letter");
  const idea = `Sam's offline idea ${stamp()}`;
  await addAction(sam, idea);
  await expect(sam.getByTestId("connection")).toContainText("Offline: 2 changes waiting");

  await page.getByRole("button", { name: "Lock the board" }).click();
  await sam.context().setOffline(false);

  const panel = sam.getByTestId("unsaved-work");
  await expect(panel.getByRole("heading", { name: "Not saved: 2 of your changes" })).toBeVisible();
  await expect(panel).toContainText("The facilitator locked the board before these changes reached it");
  await expect(panel.getByRole("listitem")).toHaveText([`Your changes to “${title}” (title)`, `A new action: “${idea}”`]);
  const words = panel.getByLabel("Your words, to copy");
  await expect(words).toHaveValue(new RegExp(`${title} and a plain letter[\\s\\S]*New action:\\n${idea}`));
  await panel.getByRole("button", { name: "Copy my words" }).click();
  await expect(panel.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await sam.evaluate(() => navigator.clipboard.readText())).toContain(`${title} and a plain letter`);
  // Rolled back to what the server holds, and live: no reconnect loop.
  await expect(field).toHaveValue(title);
  await expect(card(sam, idea)).toHaveCount(0);
  await expect(sam.getByTestId("connection")).toContainText("Live");
  await expectNoAxeViolations(sam, "offline changes refused by the lock");

  // Kept on this device until Sam closes it.
  await sam.reload();
  await expectLive(sam);
  await expect(sam.getByTestId("unsaved-work").getByRole("listitem")).toHaveCount(2);

  await page.getByRole("button", { name: "Unlock the board" }).click();
  await expect(sam.getByText("The facilitator has locked the board for a moment.")).toHaveCount(0);
  // The barrier: an edit Sam makes after unlocking arrives; the refused ones never do.
  const again = (await pinned(sam, card(sam, title))).getByLabel("Action title");
  await again.click();
  await again.press("End");
  await again.pressSequentially(" (agreed)", { delay: 20 });
  await expect(mine.getByLabel("Action title")).toHaveValue(`${title} (agreed)`);
  await expect(card(page, idea)).toHaveCount(0);
  await sam.getByTestId("unsaved-work").getByRole("button", { name: "I have kept them: close this" }).click();
  await expect(sam.getByTestId("unsaved-work")).toHaveCount(0);
  await sam.reload();
  await expectLive(sam);
  await expect(sam.getByTestId("unsaved-work")).toHaveCount(0);
  await sam.context().close();
});
