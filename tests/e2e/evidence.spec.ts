import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { adult2014, generateDemoRound, respondentsToCsv } from "../../app/domain/poet";
import { DEMO, expectNoAxeViolations, signIn } from "./support";

function writeCsv(name: string, content: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "poet-upload-")), name);
  writeFileSync(file, content);
  return file;
}

/** Records every text the page's polite status regions announce, for checking what a screen reader hears. */
async function recordAnnouncements(page: Page) {
  await page.evaluate(() => {
    const heard: string[] = ((window as unknown as { heard: string[] }).heard = []);
    new MutationObserver(() => {
      for (const region of document.querySelectorAll('[role="status"]')) {
        const text = region.textContent?.trim() ?? "";
        if (text && heard.at(-1) !== text) heard.push(text);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { heard: string[] }).heard);
}

test("import a round with visible progress, read its findings in both views, filter by group and open a finding", async ({ page }) => {
  // Five axe runs over long findings pages and two imports, each checked in a worker thread of its own.
  test.setTimeout(180_000);
  const csv = respondentsToCsv(adult2014, generateDemoRound({ seed: 7, respondents: 300 }).respondents);
  const goodFile = writeCsv("poet-2027.csv", csv);
  const badFile = writeCsv("poet-typo.csv", csv.replace(/,better(?=[,\r\n])/, ",betterish"));

  await signIn(page, DEMO.email, DEMO.password);
  await page.getByRole("link", { name: "Northmoor Council (demo)" }).first().click();
  await page.getByRole("link", { name: "Import POET results" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import POET results" })).toBeVisible();
  await expect(page.getByLabel("Name of this round")).toHaveValue(/^POET round [A-Z][a-z]+ \d{4}$/);
  await expectNoAxeViolations(page, "import page");

  // A file with a mistake: the problem list gets focus, names row, column and value, and nothing is imported.
  await page.getByLabel("Results file (CSV or XLSX)").setInputFiles(badFile);
  await page.getByRole("button", { name: "Check and import" }).click();
  const problems = page.getByRole("heading", { name: "1 problem in the results file poet-typo.csv: nothing was imported" });
  await expect(problems).toBeFocused();
  await expect(page.getByRole("cell", { name: "betterish", exact: true })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "What we expected" })).toBeVisible();
  await expectNoAxeViolations(page, "import page with a problem list");

  // The good file, over a slow connection so the progress bar can be seen and heard.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 24 * 1024 });
  const heard = await recordAnnouncements(page);
  await page.getByLabel("Name of this round").fill("POET round 2027");
  await page.getByLabel("Results file (CSV or XLSX)").setInputFiles(goodFile);
  await page.getByRole("button", { name: "Check and import" }).click();
  const bar = page.getByRole("progressbar", { name: "Uploading poet-2027.csv" });
  await expect(bar).toBeVisible();
  await expect(page.getByText(/^\d+%$/)).toBeVisible();
  const imported = page.getByRole("heading", { name: "Imported POET round 2027" });
  await expect(imported).toBeFocused({ timeout: 30_000 });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await expect(page.getByText(/^300 people: \d+ budget holders, \d+ carers\.$/)).toBeVisible();
  const announcements = await heard();
  expect(announcements).toContain("Upload 50% done.");
  expect(announcements).toContain("Upload finished. Checking 300 rows…");
  await expectNoAxeViolations(page, "import page after a good import");

  await page.getByRole("link", { name: "See the findings of POET round 2027" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "POET round 2027" })).toBeVisible();
  await expect(page.getByText(/^300 people · imported/)).toBeVisible();
  await expect(page.getByText("approximate national figures from published POET reports")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^Weaknesses: areas to act on/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /feeling safe\?: here \d+%/ })).toBeVisible();
  await expectNoAxeViolations(page, "findings");

  // Easy read, by keyboard: a real toggle button that says whether it is on.
  const easy = page.getByRole("button", { name: "Easy read" });
  await expect(easy).toHaveAttribute("aria-pressed", "false");
  await easy.focus();
  await page.keyboard.press("Enter");
  await expect(easy).toHaveAttribute("aria-pressed", "true");
  await expect(easy).toBeFocused();
  await expect(page).toHaveURL(/view=easy/);
  await expect(page.getByRole("heading", { level: 2, name: /^Things to make better/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Do you feel safer since you got your budget?" })).toBeVisible();
  await expectNoAxeViolations(page, "findings, easy read");
  await page.keyboard.press("Space");
  await expect(easy).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByRole("heading", { level: 2, name: /^Weaknesses/ })).toBeVisible();
  await page.keyboard.press("Space");
  await expect(easy).toHaveAttribute("aria-pressed", "true");

  // The group filter, by keyboard: choose carers, tab to Show, press Enter; easy read is kept.
  const filter = page.getByLabel("Show results for");
  await filter.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(filter).toHaveValue("survey:carer");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Show", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/group=survey%3Acarer/);
  await expect(page).toHaveURL(/view=easy/);
  await expect(page.getByText(/^Carers: \d+ people\./)).toBeVisible();
  await expect(page.getByRole("link", { name: "Do you feel safer since you got your budget?" })).toHaveCount(0);

  // One finding's own page.
  await page.getByRole("region", { name: /^About the same as England/ }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/findings\/[A-Z_]+~survey%3Acarer$/);
  await expect(page.getByText("Group: Carers")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "The numbers" })).toBeVisible();
  await expect(page.getByRole("img", { name: /\(Carers\): here \d+%/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "The same question for each group" })).toBeVisible();
  await expectNoAxeViolations(page, "finding page");
});

test("without JavaScript: the import is a plain form post, easy read is a link and the group filter a GET form", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const file = writeCsv("no-js.csv", respondentsToCsv(adult2014, generateDemoRound({ seed: 8, respondents: 60 }).respondents));
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto("/orgs/demo/rounds/new");
  await page.getByLabel("Name of this round").fill("Round sent without JavaScript");
  await page.getByLabel("Results file (CSV or XLSX)").setInputFiles(file);
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByRole("heading", { name: "Imported Round sent without JavaScript" })).toBeVisible();
  await page.getByRole("link", { name: "See the findings of Round sent without JavaScript" }).click();

  await page.getByRole("link", { name: "Show easy read" }).click();
  await expect(page).toHaveURL(/view=easy/);
  await expect(page.getByRole("heading", { level: 2, name: /^Things to make better/ })).toBeVisible();
  await page.getByLabel("Show results for").selectOption("age:65-plus");
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(/group=age%3A65-plus&view=easy/);
  await expect(page.getByText(/^Aged 65 and over: \d+ people\./)).toBeVisible();
  await page.getByRole("link", { name: "Show the standard wording" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^Weaknesses/ })).toBeVisible();
  await expect(page).toHaveURL(/group=age%3A65-plus$/);
  await context.close();
});
