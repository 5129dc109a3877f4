// A finding across every round: on the demo council, a second round is imported, then the finding page's run
// chart (an SVG with a text alternative) and its table show one row per round, at 320 px with nothing
// scrolling sideways and no axe violation; the dashboard's "did it work?" reads at 320 px too.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { adult2014, generateDemoRound, respondentsToCsv } from "../../app/domain/poet";
import { DEMO, expectNoAxeViolations, signIn } from "./support";

const roundName = `POET run chart ${Date.now().toString(36)}`;

async function expectNoSidewaysScroll(page: Page, label: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${label} scrolls sideways`).toBeLessThanOrEqual(0);
}

test("a finding's run chart lists every round with its interval and reads at 320 px", async ({ page }) => {
  test.setTimeout(180_000);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "poet-upload-")), "second-round.csv");
  writeFileSync(file, respondentsToCsv(adult2014, generateDemoRound({ seed: 23, respondents: 300 }).respondents));

  await signIn(page, DEMO.email, DEMO.password);
  await page.goto("/orgs/demo/rounds/new");
  await page.getByLabel("Name of this round").fill(roundName);
  await page.getByLabel("Results file (CSV or XLSX)").setInputFiles(file);
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByRole("heading", { name: `Imported ${roundName}` })).toBeFocused({ timeout: 60_000 });
  await page.getByRole("link", { name: `See the findings of ${roundName}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: roundName })).toBeVisible();
  await page.locator('main a[href*="/findings/"]').first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Round by round" })).toBeVisible();

  await page.setViewportSize({ width: 320, height: 800 });
  await expect(page.getByRole("img", { name: /^Run chart: .+ round by round: \d+% in / })).toBeVisible();
  const table = page.getByRole("table", { name: /: figures by round$/ });
  await expect(table.getByRole("columnheader")).toHaveText(["Round", "Date", "Percent", "95% interval", "Answered (n)"]);
  const newest = table.getByRole("row", { name: new RegExp(`^${roundName} `) });
  await expect(newest.getByRole("cell").nth(1)).toHaveText(/^\d+%$/);
  await expect(newest.getByRole("cell").nth(2)).toHaveText(/^\d+% to \d+%$/);
  // The demo's own round and the one just imported (and any other round of the council): one row each.
  expect(await table.locator("tbody tr").count()).toBeGreaterThanOrEqual(2);
  await expectNoSidewaysScroll(page, "finding page with its run chart");
  await expectNoAxeViolations(page, "finding page with its run chart (320 px)");

  await page.goto("/orgs/demo/dashboard");
  await expect(page.getByRole("heading", { level: 2, name: "Did it work?" })).toBeVisible();
  await expectNoSidewaysScroll(page, "dashboard");
  await expectNoAxeViolations(page, "dashboard (320 px)");
});
