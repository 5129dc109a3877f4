// An owner sets up the council's identity provider; a member of staff then signs in through it, end to end in
// Chromium against a real OpenID Connect provider run on this machine (ADR 025).
import { expect, test } from "@playwright/test";
import { startOidcProvider, type RunningProvider } from "../support/oidcProvider";
import { DEMO, expectNoAxeViolations, signIn } from "./support";

let idp: RunningProvider;
const domain = `northmoor-${Date.now().toString(36)}.gov.uk`;

test.beforeAll(async ({}, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  idp = await startOidcProvider([`${baseURL}/auth/oidc/callback`], { "sam.jones": { email: `sam.jones@${domain}`, email_verified: true, name: "Sam Jones" } });
});
test.afterAll(async () => idp?.close());

test("an owner connects the council's identity provider and a member of staff signs in with it", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto("/orgs/demo/settings");
  await page.getByRole("link", { name: "Sign in with your council account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in with your council account" })).toBeVisible();
  await expectNoAxeViolations(page, "identity provider settings");
  await page.getByLabel("Issuer URL").fill(idp.issuer);
  await page.getByLabel("Client (application) id").fill(idp.clientId);
  await page.getByLabel("Client secret").fill(idp.clientSecret);
  await page.getByLabel("Email domains it covers").fill(`sam.jones@${domain}`);
  await page.getByRole("button", { name: "Save and check" }).click();
  await expect(page.getByText("looks like an email address")).toBeVisible();
  await expect(page.getByLabel("Issuer URL")).toHaveValue(idp.issuer);
  await page.getByLabel("Client secret").fill(idp.clientSecret);
  await page.getByLabel("Email domains it covers").fill(domain);
  await page.getByLabel("Co-producer (also edits plans)").check();
  await page.getByRole("button", { name: "Save and check" }).click();
  await expect(page.getByText(`People with @${domain} addresses can now use`)).toBeVisible();
  await expect(page.getByText("A secret is saved and never shown")).toBeVisible();
  await expectNoAxeViolations(page, "identity provider saved");

  const staff = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const person = await staff.newPage();
  person.on("pageerror", (error) => errors.push(error.message));
  await person.goto("/login");
  await person.getByRole("link", { name: "Sign in with your council account" }).click();
  await expectNoAxeViolations(person, "council sign-in at 320 px");
  await person.getByLabel("Your work email address").fill(`someone@elsewhere-${domain}`);
  await person.getByRole("button", { name: "Continue to your council's sign-in" }).click();
  await expect(person.getByText(`No council here signs in people with @elsewhere-${domain} addresses`)).toBeVisible();
  await expectNoAxeViolations(person, "council sign-in refused");

  await person.getByLabel("Your work email address").fill(`sam.jones@${domain}`);
  await person.getByRole("button", { name: "Continue to your council's sign-in" }).click();
  // The provider's own pages (oidc-provider's development sign-in and consent).
  await expect(person).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
  await person.locator('input[name="login"]').fill("sam.jones");
  await person.locator('input[name="password"]').fill("any password");
  await person.getByRole("button", { name: "Sign-in" }).click();
  await person.getByRole("button", { name: "Continue" }).click();

  await expect(person).toHaveURL(/\/orgs\/demo$/);
  await expect(person.getByRole("button", { name: "Sign out" })).toBeVisible();
  await person.goto("/account");
  await expect(person.getByText(`sam.jones@${domain}`)).toBeVisible();

  await page.goto("/orgs/demo/members");
  await expect(page.getByRole("row", { name: /Sam Jones/ })).toContainText("Co-producer");
  await staff.close();
  expect(errors).toEqual([]);
});
