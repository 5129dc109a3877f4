// A facilitator renames a plan, archives it (it leaves the list and turns read-only) and restores it.
import { expect, test } from "@playwright/test";
import { DEMO, expectNoAxeViolations, signIn } from "./support";

test("a facilitator renames, archives and restores a plan", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await signIn(page, DEMO.email, DEMO.password);
  const stamp = Date.now().toString(36);
  await page.goto("/orgs/demo");
  await page.getByText("Start a new action plan").click();
  await page.getByLabel("Plan name").fill(`Short breaks ${stamp}`);
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Short breaks ${stamp}` })).toBeVisible();

  await page.goto(`${new URL(page.url()).pathname}/plan`);
  await page.getByRole("link", { name: "Plan settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Plan settings" })).toBeVisible();
  await expectNoAxeViolations(page, "plan settings");
  await page.getByLabel("Plan name").fill(`Short breaks for carers ${stamp}`);
  await page.getByRole("button", { name: "Rename the plan" }).click();
  await expect(page.getByText("The plan has been renamed.")).toBeVisible();

  await page.getByRole("button", { name: "Archive this plan" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "This plan is archived" })).toBeVisible();
  await expectNoAxeViolations(page, "archived plan settings");
  await page.goto("/orgs/demo");
  const archived = page.getByRole("region", { name: "Archived plans" });
  await expect(archived.getByRole("link", { name: `Short breaks for carers ${stamp}`, exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Action plans" }).getByRole("link", { name: `Short breaks for carers ${stamp}`, exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page, "council page with an archived plan");

  await archived.getByRole("link", { name: `Restore Short breaks for carers ${stamp}` }).click();
  await page.getByRole("button", { name: "Restore this plan" }).click();
  await expect(page.getByText("The plan has been restored.")).toBeVisible();
  await page.goto("/orgs/demo");
  await expect(page.getByRole("region", { name: "Action plans" }).getByRole("link", { name: `Short breaks for carers ${stamp}`, exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

test("a facilitator deletes a plan after typing its name", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await signIn(page, DEMO.email, DEMO.password);
  const name = `Trial plan ${Date.now().toString(36)}`;
  await page.goto("/orgs/demo");
  await page.getByText("Start a new action plan").click();
  await page.getByLabel("Plan name").fill(name);
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.goto(`${new URL(page.url()).pathname}/settings`);

  const confirm = page.getByLabel(`To confirm, type the plan’s name: ${name}`);
  await confirm.fill("Trial plan");
  await page.getByRole("button", { name: "Delete this plan for good" }).click();
  await expect(page.getByText(`Type the plan’s name exactly as shown, “${name}”, to delete it.`)).toBeVisible();
  await expect(page.getByLabel("Plan name")).toHaveValue(name);
  await expectNoAxeViolations(page, "plan settings with a mistyped name");

  await page.getByLabel(`To confirm, type the plan’s name: ${name}`).fill(name);
  await page.getByRole("button", { name: "Delete this plan for good" }).click();
  await expect(page.getByRole("status").filter({ hasText: `The plan “${name}” has been deleted.` })).toBeVisible();
  await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page, "council page after deleting a plan");
  expect(errors).toEqual([]);
});
