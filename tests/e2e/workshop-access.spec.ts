// The live workshop for everyone: offline and back, keyboard only, small screens, easy read, no JavaScript.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO, expectNoAxeViolations, signIn } from "./support";
import { addAction, card, expectLive, joinAsGuest, openDemoWorkshop, pinned } from "./workshopSupport";

const stamp = () => Date.now().toString(36);

/** Presses Tab until `target` has focus (fails after `max` presses): proves it is reachable by keyboard. */
async function tabTo(page: Page, target: Locator, { max = 120, back = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error("could not reach the control with Tab");
}

async function expectVisibleFocus(page: Page) {
  const outline = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return { outline: style.outlineStyle, width: parseFloat(style.outlineWidth), shadow: style.boxShadow };
  });
  expect(outline.outline !== "none" && outline.width > 0, `focus is visible: ${JSON.stringify(outline)}`).toBe(true);
}

test("offline edits survive a reload and reach everyone when back online", async ({ page, browser }) => {
  const path = await openDemoWorkshop(page);
  const sam = await joinAsGuest(browser, page, path, "Sam");
  const title = `Offline ${stamp()}`;
  const mine = await addAction(page, title);
  const theirs = await pinned(sam, card(sam, title));
  let socketsBlocked = false;
  await sam.context().routeWebSocket(/\/collab\//, (ws) => (socketsBlocked ? ws.close() : ws.connectToServer()));
  await sam.reload();
  await expectLive(sam);

  socketsBlocked = true;
  await sam.context().setOffline(true);
  await expect(sam.getByTestId("connection")).toContainText("Offline");
  await theirs.getByLabel("Action title").click();
  await theirs.getByLabel("Action title").press("End");
  await theirs.getByLabel("Action title").pressSequentially(" (typed offline)");
  await expect(sam.getByTestId("connection")).toContainText("not shared yet");
  await expect(sam.locator(".connection--float"), "the state stays on screen wherever Sam scrolls").toBeInViewport();
  await expectNoAxeViolations(sam, "offline with unsent changes");

  // Back on the network, but the live connection still refused: the reload must come from this device's copy.
  await sam.context().setOffline(false);
  sam.once("dialog", (dialog) => void dialog.accept());
  await sam.reload();
  await expect(theirs.getByLabel("Action title")).toHaveValue(`${title} (typed offline)`);
  await expect(mine.getByLabel("Action title")).toHaveValue(title);

  socketsBlocked = false;
  await expect(sam.getByTestId("connection")).toContainText("Live", { timeout: 20_000 });
  await expect(mine.getByLabel("Action title")).toHaveValue(`${title} (typed offline)`);
  await sam.context().close();
});

test("keyboard only: turn a finding into an action, set it up, move it and undo", async ({ page, browser }) => {
  const path = await openDemoWorkshop(page);
  const sam = await joinAsGuest(browser, page, path, "Sam");
  const turn = sam.locator("article.finding").first().getByRole("button", { name: "Turn into an action" });
  await sam.getByRole("heading", { name: "What the survey found" }).click();
  await tabTo(sam, turn);
  await expectVisibleFocus(sam);
  await sam.keyboard.press("Enter");
  const title = `Keyboard action ${stamp()}`;
  await sam.keyboard.press("Control+A");
  await sam.keyboard.type(title);
  const added = await pinned(sam, card(sam, title));
  await sam.keyboard.press("Tab");
  await expect(added.getByLabel("Status")).toBeFocused();
  await sam.keyboard.press("ArrowDown");
  await expect(added.getByLabel("Status")).toHaveValue("in-progress");
  await expect(card(page, title).getByLabel("Status")).toHaveValue("in-progress");
  await sam.keyboard.press("Tab");
  await expect(added.getByRole("radio", { name: /Green/ })).toBeFocused();
  await sam.keyboard.press("ArrowRight");
  await expect(added.getByRole("radio", { name: /Amber/ })).toBeChecked();

  const up = added.getByRole("button", { name: new RegExp(`move ${title} up`) });
  await tabTo(sam, up, { back: true });
  await expectVisibleFocus(sam);
  const position = async () => (await added.locator(".action-card__position").textContent())!.trim();
  const was = await position();
  await sam.keyboard.press("Enter");
  await expect.poll(position).not.toBe(was);
  await expect(up).toBeFocused();
  await expect(page.getByTestId("announcer")).toContainText(`Sam moved '${title}' on the board.`);
  await sam.keyboard.press("Control+Z");
  await expect.poll(position).toBe(was);
  await expectNoAxeViolations(sam, "after keyboard flow");
  await sam.context().close();
});

test("actions can be reordered by dragging", async ({ page }) => {
  await openDemoWorkshop(page);
  const first = await addAction(page, `Drag A ${stamp()}`);
  const second = await addAction(page, `Drag B ${stamp()}`);
  const position = async (c: Locator) => (await c.locator(".action-card__position").textContent())!.trim().split(" ")[0];
  const target = Number(await position(first));
  await second.locator(".drag-handle").dragTo(first);
  await expect.poll(() => position(second)).toBe(String(target));
  await expect.poll(() => position(first)).toBe(String(target + 1));
});

test("large text and easy read; at 320 px wide and at 200% zoom no control overflows", async ({ browser }) => {
  for (const viewport of [{ width: 320, height: 800 }, { width: 640, height: 900 }]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await openDemoWorkshop(page);
    await page.locator("article.action-card details").first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await page.locator("article.finding details").first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
    for (const easy of [false, true]) {
      if (easy) await page.getByRole("button", { name: "Large text and easy read" }).click();
      const overflowing = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const controls = [...document.querySelectorAll<HTMLElement>("main button, main input, main select, main textarea, main a, main summary, main label")];
        return {
          page: document.documentElement.scrollWidth - width,
          controls: controls
            .filter((el) => el.offsetParent !== null && !el.closest(".visually-hidden"))
            .filter((el) => {
              const box = el.getBoundingClientRect();
              return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
            })
            .map((el) => `${el.tagName.toLowerCase()} ${el.id || el.textContent?.trim().slice(0, 40)}`),
        };
      });
      expect(overflowing, `${viewport.width}px, easy read ${easy}`).toEqual({ page: 0, controls: [] });
      await expectNoAxeViolations(page, `workshop at ${viewport.width}px, easy read ${easy}`);
    }
    await expect(page.getByRole("button", { name: "Large text and easy read" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator("article.finding h3").first()).toContainText(/in every 100|In our area/);
    await page.getByRole("button", { name: "Large text and easy read" }).click();
    await context.close();
  }
});

test("without JavaScript: a read-only plan and a status form that every live browser sees at once", async ({ browser, page }) => {
  const path = await openDemoWorkshop(page);
  const title = `No script ${stamp()}`;
  const live = await addAction(page, title);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await signIn(plain, DEMO.email, DEMO.password);
  await plain.goto(path);
  await expect(plain.getByText("Turn on JavaScript to work on it live")).toBeVisible();
  const staticCard = plain.locator("article.action-card", { has: plain.getByRole("heading", { name: title }) });
  await staticCard.getByLabel(`Status of ${title}`).selectOption("blocked");
  await staticCard.getByRole("button", { name: `Save status of ${title}` }).click();
  await expect(plain.getByText("Status saved. Everyone in the workshop can see it.")).toBeVisible();
  await expect(live.getByLabel("Status")).toHaveValue("blocked");
  await expect(page.getByTestId("announcer")).toContainText(`moved '${title}' to Blocked.`);
  await context.close();

  // axe needs script in the page, so check the same server-rendered view with the app's scripts failing to load.
  const failedScripts = await browser.newContext();
  const view = await failedScripts.newPage();
  await failedScripts.route(/\/build\/.*\.js$/, (route) => route.abort());
  await signIn(view, DEMO.email, DEMO.password);
  await view.goto(path);
  await expect(view.getByText("Turn on JavaScript to work on it live")).toBeVisible();
  await expectNoAxeViolations(view, "workshop without JavaScript");
  await failedScripts.close();
});
