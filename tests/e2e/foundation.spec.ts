import { expect, test } from "@playwright/test";
import { axe } from "./support";

test("the health check is green on the running app", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true, db: "sqlite" });
});

test("the home page says what the product is for and has no accessibility violations", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("POET Action Planner");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Turn what people told you into better lives");
  await expect(page.getByRole("main")).toContainText("POET survey results");
  const results = await axe(page).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations).toEqual([]);
});

test("keyboard users can skip straight to the main content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("an unknown address shows a calm, accessible 'page not found'", async ({ page }) => {
  const response = await page.goto("/this/does/not/exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page).toHaveTitle(/Page not found/);
  const results = await axe(page).analyze();
  expect(results.violations).toEqual([]);
});

test("a form that arrives as something other than a form shows an accessible page saying what went wrong and a way back", async ({ page }) => {
  await page.goto("/login");
  // What a broken browser extension or a hand-made form sends: the sign-in fields as plain text.
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login"),
    page.evaluate(() => {
      const form = document.createElement("form");
      form.method = "post";
      form.action = "/login";
      form.enctype = "text/plain";
      const field = Object.assign(document.createElement("input"), { type: "hidden", name: "email", value: "someone@example.org" });
      form.append(field);
      document.body.append(form);
      form.submit();
    }),
  ]);
  expect(response.status()).toBe(415);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not read what was sent");
  await expect(page).toHaveTitle(/We could not read what was sent/);
  await expect(page.getByRole("main")).toContainText("Reload the page and try again");
  const results = await axe(page).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations).toEqual([]);
  await page.getByRole("link", { name: "Reload the page" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/sign in/i);
});
