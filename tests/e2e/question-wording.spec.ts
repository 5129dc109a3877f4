// An owner loads the council's official wording of the children's services questions on a phone-width
// screen (320 CSS px): a file with a problem is refused with the row to fix, a good file is loaded and
// its questions are listed as the council's, and going back to ours puts the approximate marker back.
import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectNoAxeViolations, signIn } from "./support";

test.use({ viewport: { width: 320, height: 640 } });

const file = (text: string) => ({ name: "children-wording.csv", mimeType: "text/csv", buffer: Buffer.from(text) });

async function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
}

test("an owner loads, checks and reverts the council's question wording at 320 px", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto("/orgs/demo/settings");
  await page.getByRole("link", { name: "Load or check your question wording" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Question wording" })).toBeVisible();
  const section = page.getByRole("region", { name: "Children's services" });
  await expect(section.getByText("Every question uses our approximate wording.")).toBeVisible();
  expect(await sidewaysScroll(page)).toBe(0);
  await expectNoAxeViolations(page, "question wording at 320 px");

  const input = page.getByLabel("Official wording of Children's services (CSV or Excel)");
  await input.setInputFiles(file("code,standard,easy_read\nY_SAFE,Has your support helped you feel safe?,Do you feel safe?\nX_NOT_A_CODE,Some wording,Easy\n"));
  await page.getByRole("button", { name: "Load wording for Children's services" }).click();
  await expect(page.getByText("Nothing was changed: children-wording.csv has a problem.")).toBeVisible();
  await expect(page.getByText("Row 3, column `code`: 'X_NOT_A_CODE' is not a question of Children's services")).toBeVisible();
  expect(await sidewaysScroll(page)).toBe(0);
  await expectNoAxeViolations(page, "question wording refused at 320 px");

  await page.getByLabel("Official wording of Children's services (CSV or Excel)").setInputFiles(file("code,standard,easy_read\nY_SAFE,Has your support helped you feel safe?,Do you feel safe?\n"));
  await page.getByRole("button", { name: "Load wording for Children's services" }).click();
  await expect(page.getByText("Loaded your wording of 1 question of Children's services.")).toBeVisible();
  await expect(section.getByText("Your wording is loaded for 1 of 21 questions.")).toBeVisible();
  await section.getByText("The 21 questions and the wording shown").click();
  const safe = section.getByRole("listitem").filter({ hasText: "Y_SAFE" });
  await expect(safe).toContainText("Your wording");
  await expect(safe).toContainText("Has your support helped you feel safe?");
  await expect(section.getByRole("listitem").filter({ hasText: "Y_HAPPY" })).toContainText("Our approximate wording");
  expect(await sidewaysScroll(page)).toBe(0);
  await expectNoAxeViolations(page, "question wording loaded at 320 px");

  await page.getByRole("button", { name: "Go back to our wording for Children's services" }).click();
  await expect(page.getByText("Went back to our wording for Children's services: 1 question, marked approximate again.")).toBeVisible();
  await expect(section.getByText("Every question uses our approximate wording.")).toBeVisible();
  await expectNoAxeViolations(page, "question wording reverted at 320 px");
  expect(errors).toEqual([]);
});
