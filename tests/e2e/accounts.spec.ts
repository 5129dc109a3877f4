import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support";

test("sign up, set up a council, invite a colleague who accepts in another browser, and a guest joins then is removed", async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  await page.goto("/");
  await expectNoAxeViolations(page, "home (signed out)");
  await page.getByRole("link", { name: "Create an account" }).first().click();
  await expectNoAxeViolations(page, "sign up");

  // A weak password is refused with a message tied to the field, and focus goes to it.
  await page.getByLabel("Your name").fill("Morgan Reed");
  await page.getByLabel("Email address").fill(`morgan.${stamp}@example.test`);
  await page.getByLabel("Choose a password").fill("password123");
  await page.getByRole("button", { name: "Create account" }).click();
  const password = page.getByLabel("Choose a password");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toBeFocused();
  await expect(page.getByText("one of the most common")).toBeVisible();
  await expectNoAxeViolations(page, "sign up with an error");
  await password.fill("orchard lantern pebble swift");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { name: "Set up your council" })).toBeVisible();
  await expectNoAxeViolations(page, "new council");
  await page.getByLabel("Council name").fill(`Riverton Council ${stamp}`);
  await page.getByRole("button", { name: "Create council" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Riverton Council ${stamp}` })).toBeVisible();
  await expectNoAxeViolations(page, "council home");

  await page.getByRole("link", { name: "Members", exact: true }).click();
  await expectNoAxeViolations(page, "members");
  await page.getByLabel("Role", { exact: true }).selectOption("member");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByLabel("Link").inputValue();
  expect(link).toContain("/invite/");

  // A second person, in a second browser context, accepts and sees the council.
  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  await colleague.goto(link);
  await expect(colleague.getByRole("heading", { name: `Join Riverton Council ${stamp}` })).toBeVisible();
  await expectNoAxeViolations(colleague, "invitation");
  await colleague.getByRole("link", { name: "Create an account to join" }).click();
  await colleague.getByLabel("Your name").fill("Sam Okafor");
  await colleague.getByLabel("Email address").fill(`sam.${stamp}@example.test`);
  await colleague.getByLabel("Choose a password").fill("harbour violet copper reed");
  await colleague.getByRole("button", { name: "Create account" }).click();
  await colleague.getByRole("button", { name: "Join as Sam Okafor" }).click();
  await expect(colleague.getByRole("heading", { level: 1, name: `Riverton Council ${stamp}`, exact: true })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("cell", { name: "Sam Okafor", exact: true })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Role for Sam Okafor" })).toHaveValue("member");

  // A plan, a join code, and a guest who joins without an account.
  await page.getByRole("link", { name: "Overview" }).click();
  await page.getByText("Start a new action plan").click();
  await page.getByLabel("Plan name").fill("Action plan 2027");
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Action plan 2027" })).toBeVisible();
  await page.getByRole("link", { name: "Join codes and guests" }).click();
  await expectNoAxeViolations(page, "join codes");
  await page.getByRole("button", { name: "Create a join code" }).click();
  const code = (await page.locator(".join-code").first().textContent())!.trim();

  const guestContext = await browser.newContext();
  const guest = await guestContext.newPage();
  await guest.goto("/");
  await guest.getByRole("link", { name: "Join a workshop with a code" }).click();
  await expectNoAxeViolations(guest, "join");
  await guest.getByLabel("Workshop code").fill(code.toLowerCase());
  await guest.getByLabel("Your name").fill("Jordan");
  await guest.getByRole("button", { name: "Join the workshop" }).click();
  await expect(guest.getByRole("heading", { level: 1, name: "Action plan 2027" })).toBeVisible();
  await expect(guest.getByRole("link", { name: "Guest: Jordan" })).toBeVisible();

  await page.reload();
  await page.getByRole("button", { name: "Remove Jordan" }).click();
  await expect(page.getByText("Jordan has been removed and cannot join again from their browser.")).toBeVisible();
  await guest.reload();
  await expect(guest.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await page.goto("/account");
  await expectNoAxeViolations(page, "account");
  await colleagueContext.close();
  await guestContext.close();
});

test("sign-in errors are announced and keyboard-reachable", async ({ page }) => {
  await page.goto("/login");
  await expectNoAxeViolations(page, "sign in");
  await page.getByLabel("Email address").fill("nobody@example.test");
  await page.getByLabel("Password", { exact: true }).fill("wrong password here");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert")).toContainText("That email and password do not match an account.");
  await expectNoAxeViolations(page, "sign in with an error");
});
