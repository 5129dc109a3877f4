import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, pdfText } from "./support";
import { card, expectLive, openDemoWorkshop } from "./workshopSupport";

const OVERDUE = "Tell people their budget amount before planning starts";

test("a manager filters to overdue, updates an action from the plan, a live workshop sees it, and the printed report has it", async ({ page, browser }) => {
  const workshopPath = await openDemoWorkshop(page);

  // A second person has the live workshop open.
  const workshopContext = await browser.newContext({ storageState: await page.context().storageState() });
  const workshop = await workshopContext.newPage();
  await workshop.goto(workshopPath);
  await expectLive(workshop);
  await expect(card(workshop, OVERDUE).getByLabel("Status")).toHaveValue("in-progress");

  await page.goto(`${workshopPath}/plan`);
  await expect(page.getByRole("heading", { level: 1, name: /Tracking: Action plan 2026/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "This plan at a glance" })).toContainText("1 overdue");
  await expectNoAxeViolations(page, "plan");

  await page.getByLabel("Show").selectOption("overdue");
  await page.getByRole("button", { name: "Show these actions" }).click();
  await expect(page).toHaveURL(/show=overdue/);
  const rows = page.getByRole("region", { name: "Actions in this plan" }).locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(OVERDUE);
  await expect(rows.first()).toContainText("Overdue");
  await expectNoAxeViolations(page, "plan filtered to overdue");

  await page.getByRole("checkbox", { name: `Select “${OVERDUE}”` }).check();
  await page.getByLabel("Status", { exact: true }).selectOption("complete");
  await page.getByLabel("Due date").fill("2027-03-31");
  await page.getByRole("button", { name: "Apply to selected actions" }).click();
  await expect(page.getByText("Changed 1 action.")).toBeVisible();

  // The workshop sees it live, without a reload.
  await expect(card(workshop, OVERDUE).getByLabel("Status")).toHaveValue("complete");

  // The action page has the history with who did it.
  await page.goto(`${workshopPath}/plan`);
  await page.getByRole("link", { name: OVERDUE }).click();
  await expect(page.getByRole("heading", { level: 1, name: OVERDUE })).toBeVisible();
  await expect(page.getByText(/Demo Facilitator changed the status from “In progress” to “Complete”/)).toBeVisible();
  await expectNoAxeViolations(page, "action page");
  await page.getByLabel("What has happened?").fill("Budget amount now in the first letter");
  await page.getByRole("button", { name: "Save progress update" }).click();
  await expect(page.getByText("Your progress update has been saved.")).toBeVisible();
  await expect(page.getByText("Budget amount now in the first letter")).toBeVisible();

  // The printed report (Chromium's own PDF) contains the action and its new status.
  await page.goto(`${workshopPath}/report`);
  await expectNoAxeViolations(page, "report");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  const text = await pdfText(await page.pdf({ format: "A4", printBackground: true }));
  expect(text).toContain("Northmoor Council (demo)");
  expect(text).toContain(OVERDUE);
  expect(text).toMatch(/Tell people their budget amount before planning starts.*Complete/);

  await page.emulateMedia({ media: "screen" });
  await page.goto("/orgs/demo/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: /Progress across/ })).toBeVisible();
  await expectNoAxeViolations(page, "dashboard");
  await page.goto("/notifications");
  await expectNoAxeViolations(page, "notifications");
  await page.goto("/orgs/demo/settings");
  await expectNoAxeViolations(page, "status settings");
  await workshopContext.close();
});
