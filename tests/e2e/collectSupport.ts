// Shared by the collection browser tests: opening a collection as the demo council.
import { expect, type Page } from "@playwright/test";

/** Opens a collection from the collections page and returns its page's address. */
export async function openCollection(page: Page, name: string, form: "Budget holder form" | "Carer form") {
  await page.goto("/orgs/demo/collections");
  await page.getByLabel("Name", { exact: true }).fill(name);
  // The adult set's form (other question sets have forms with similar names, e.g. "Health budget holder form").
  await page.getByRole("radio", { name: `${form} (Adult social care)`, exact: true }).check();
  await page.getByRole("button", { name: "Open the collection" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url();
}
