// A progress update in the browser: pressing Save twice records one update, the form empties after
// saving, and the author corrects a typo with the earlier wording left in the history.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support";
import { openDemoWorkshop } from "./workshopSupport";

test.use({ timezoneId: "Pacific/Auckland" });

const ACTION = "Ask about feeling safe at every review";

test("a double-clicked Save records one update, the form empties, and the author can correct it", async ({ page }) => {
  const workshopPath = await openDemoWorkshop(page);
  await page.goto(`${workshopPath}/plan`);
  await page.getByRole("link", { name: ACTION }).click();
  await expect(page.getByRole("heading", { level: 1, name: ACTION })).toBeVisible();

  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: ACTION })).toBeVisible();

  const note = `Question added to the review form ${Date.now().toString(36)}`;
  await page.getByLabel("What has happened?").fill(note);
  await page.getByRole("button", { name: "Save progress update" }).dblclick();
  await expect(page.getByText("Your progress update has been saved.")).toBeVisible();
  await expect(page.getByLabel("What has happened?")).toHaveValue("");

  const history = page.getByRole("region", { name: "History" });
  const entries = history.locator("ol.timeline > li").filter({ hasText: note });
  await expect(entries).toHaveCount(1);
  await page.reload();
  await expect(entries).toHaveCount(1);

  await entries.getByRole("link", { name: "Correct this update" }).click();
  await expect(entries.getByLabel("Corrected update")).toBeFocused();
  await entries.getByLabel("Corrected update").fill(`${note} (asked at 12 of 14 reviews)`);
  await entries.getByRole("button", { name: "Save correction" }).click();
  await expect(page.getByText("Your correction has been saved.")).toBeVisible();
  await expect(history).toContainText(`before that it said “${note}” and now says “${note} (asked at 12 of 14 reviews)”.`);
  await expectNoAxeViolations(page, "action page after a correction");
  expect(errors).toEqual([]);
});
