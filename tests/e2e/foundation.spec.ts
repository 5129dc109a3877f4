import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

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
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
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
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});
