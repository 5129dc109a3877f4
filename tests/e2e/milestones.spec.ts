// Milestones in the browser: a refused date is explained and focused, a step is added, ticked done, and
// summarised on the plan table; the action page passes axe and logs no console errors.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support";
import { openDemoWorkshop } from "./workshopSupport";

const ACTION = "Ask about feeling safe at every review";

test("a facilitator adds a milestone, ticks it done, and the plan table counts it", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    // The refused date answers 400 on purpose; the browser reports that as a failed load.
    if (message.type() === "error" && !message.text().includes("status of 400")) errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  const workshopPath = await openDemoWorkshop(page);
  await page.goto(`${workshopPath}/plan`);
  await page.getByRole("link", { name: ACTION }).click();
  const milestones = page.getByRole("region", { name: "Milestones" });
  const step = `Review form updated ${Date.now().toString(36)}`;

  await milestones.getByLabel("Step").fill(step);
  await milestones.getByRole("button", { name: "Add milestone" }).click();
  await expect(milestones.getByText("Enter a real date as year-month-day, like 2027-03-14")).toBeVisible();
  await expect(milestones.getByLabel("Due date")).toBeFocused();
  await expect(milestones.getByLabel("Step")).toHaveValue(step);

  await milestones.getByLabel("Due date").fill("2099-03-14");
  await milestones.getByRole("button", { name: "Add milestone" }).click();
  await expect(page.getByText("The milestone has been added.")).toBeVisible();
  await expect(milestones.getByText(`To do: ${step} — due 14 Mar 2099`)).toBeVisible();
  await expectNoAxeViolations(page, "action page with a milestone");

  await milestones.getByRole("button", { name: `Mark done: ${step}` }).click();
  await expect(milestones.getByText(`Done: ${step} — due 14 Mar 2099`)).toBeVisible();
  await expect(page.getByRole("region", { name: "History" }).getByText(`marked the milestone “${step} (due 2099-03-14)” done`)).toBeVisible();

  await page.goto(`${workshopPath}/plan`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: ACTION }) });
  await expect(row).toContainText(/\d+ of \d+ milestones? done/);
  expect(errors).toEqual([]);
});
