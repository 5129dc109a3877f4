import AxeBuilder from "@axe-core/playwright";
import { expect, type Cookie, type Page } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * axe on the page as it is now. A page without frames (every page of the app) is checked in the page itself
 * with one axe.run (legacy mode), which checks exactly what the default does there, without opening a blank
 * tab for every check to put the frames' results together; a page with frames gets the default. Only
 * violations come back node by node (axe sums passes and the rest up in one node per rule): the rules and
 * what fails are the same. On the workshop board this halves the time of a check.
 */
export function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).setLegacyMode(page.frames().length === 1);
}

/** Runs axe (WCAG 2.x A and AA rules) on the page as it is now and fails on any violation. */
export async function expectNoAxeViolations(page: Page, label = page.url()) {
  const results = await axe(page).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

export const DEMO = { email: "facilitator@northmoor.example", password: "northmoor-demo-2026" };

/** Who this worker has signed in on its app, by email: the session's cookies and the page sign-in led to. */
const signedIn = new Map<string, { cookies: Cookie[]; landing: string }>();

/** Signs in with the form, as a person does, and waits until the page says they are signed in. */
export async function signInWithForm(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/**
 * Signs this person in on the page's browser context and leaves it on the page sign-in leads to. The first
 * time in a worker, and whenever that session has ended since (a test signed out), it is the sign-in form;
 * after that the context is given the same session's cookies, as a second tab of the same browser has them.
 * That spares each test a page load, a form post and a password hash; the form itself is still used once per
 * worker and checked on its own in accounts.spec and workshop-restart.spec.
 */
export async function signIn(page: Page, email: string, password: string) {
  const kept = signedIn.get(email);
  if (kept) {
    await page.context().addCookies(kept.cookies);
    await page.goto(kept.landing);
    // The page is rendered on the server: signed in or not, it says so as soon as it has loaded.
    if (await page.getByRole("button", { name: "Sign out" }).isVisible()) return;
    await page.context().clearCookies();
  }
  await signInWithForm(page, email, password);
  signedIn.set(email, { cookies: await page.context().cookies(), landing: new URL(page.url()).pathname });
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

/** All of a printed PDF's text, whitespace collapsed. */
export async function pdfText(bytes: Buffer): Promise<string> {
  return (await pdfPages(bytes)).join(" ");
}
