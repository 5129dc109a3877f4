// Shared by the collection browser tests: opening a collection as the demo council.
import { expect, type Page } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

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

/** Each page's text from a PDF Chromium printed, whitespace collapsed. */
export async function pdfPages(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" ").replace(/\s+/g, " "));
  }
  return pages;
}
