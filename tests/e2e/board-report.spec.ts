import { expect, test } from "@playwright/test";
import { DEMO, expectNoAxeViolations, pdfPages, signIn } from "./support";

test("the board paper prints with a title page, page numbers, charts with their figures and each action's findings; the easy-read version passes axe", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto("/orgs/demo");
  await page.getByRole("link", { name: "Action plan 2026 (demo)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Action plan 2026 (demo)" })).toBeVisible();
  const workspace = new URL(page.url()).pathname.split("/")[2];

  await page.goto(`/w/${workspace}/report`);
  await expect(page.getByRole("heading", { level: 1, name: /Action plan 2026 \(demo\)/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Actions by status\./ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Actions by status: the figures" })).toBeVisible();
  await expectNoAxeViolations(page, "board report");

  // The first action that cites a finding: its finding in plain words must reach the printed page.
  const withFinding = page.locator(".report-action").filter({ has: page.getByRole("heading", { level: 4, name: "Why: what people told us" }) }).first();
  const finding = ((await withFinding.locator("ul").first().locator("li").first().textContent()) ?? "").replace(/\s+/g, " ").trim();
  expect(finding.length).toBeGreaterThan(10);
  const coProduced = ((await page.locator(".report-coproduced").textContent()) ?? "").trim();
  expect(coProduced).toMatch(/^Co-produced with \d+ /);

  await page.emulateMedia({ media: "print" });
  const pages = await pdfPages(await page.pdf({ format: "A4", printBackground: true }));
  expect(pages.length).toBeGreaterThan(2);
  // Title page: council, plan, date and the co-produced line, and it is the whole first page.
  expect(pages[0]).toContain("Northmoor Council (demo)");
  expect(pages[0]).toContain("Progress report to the board");
  expect(pages[0]).toContain(coProduced);
  expect(pages[0]).not.toContain("Summary");
  expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
  // Every page carries the council's name and its number.
  pages.forEach((text, i) => {
    expect(text).toContain("Northmoor Council (demo)");
    expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
  });
  const all = pages.join(" ");
  expect(pages[1]).toContain("Summary");
  expect(all).toMatch(/Actions by status.*Status Actions.*Total/);
  expect(all).toContain(finding);

  await page.emulateMedia({ media: "screen" });
  await page.goto(`/w/${workspace}/report?view=easy`);
  await expect(page.getByRole("heading", { level: 2, name: "How we are doing" })).toBeVisible();
  await expect(page.getByText(/^We said we would do \d+ things?\.$/)).toBeVisible();
  await expectNoAxeViolations(page, "easy-read report");
});
