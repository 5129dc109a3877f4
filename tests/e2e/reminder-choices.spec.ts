// The account page's weekly-reminder choices, by keyboard, kept after a reload, with axe on the page.
import { expect, test } from "@playwright/test";
import { DEMO, expectNoAxeViolations, signIn } from "./support";

test("a person switches the facilitator round-up on and their own digest off, by keyboard", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto("/account#reminders-heading");
  const reminders = page.getByRole("region", { name: "Weekly reminders by email" });
  await expectNoAxeViolations(page, "account page");
  const own = reminders.getByRole("checkbox", { name: "Actions I own" });
  const roundUp = reminders.getByRole("checkbox", { name: "Round-up of every plan I facilitate" });
  const ownBefore = await own.isChecked();
  await own.focus();
  await page.keyboard.press("Space");
  await roundUp.check();
  await reminders.getByRole("button", { name: "Save reminder choices" }).click();
  await expect(page.getByText(ownBefore ? "Each week we will email you the facilitator round-up." : "Each week we will email you the digest of actions you own and the facilitator round-up.")).toBeVisible();
  await page.reload();
  await expect(own).toBeChecked({ checked: !ownBefore });
  await expect(roundUp).toBeChecked();
  // Put the demo account back as it was for other tests.
  if (ownBefore) await own.check();
  else await own.uncheck();
  await roundUp.uncheck();
  await reminders.getByRole("button", { name: "Save reminder choices" }).click();
  await expect(page.getByText(/Saved\./)).toBeVisible();
});
