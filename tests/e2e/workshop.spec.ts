// The live workshop in two and three browsers: co-typing, findings into actions, focus, voting, undo, lock.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support";
import { addAction, card, expectLive, joinAsGuest, openDemoWorkshop, pinned } from "./workshopSupport";

const stamp = () => Date.now().toString(36);

test("opened straight from a link, the board the server sent is taken over by the live board without a hydration error", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  const path = await openDemoWorkshop(page);
  await page.goto(path); // a full page load: the server's board, then hydration
  await expectLive(page);
  await expect(page.locator(".board__list .action-card").first().getByLabel("Action title")).toBeEditable();
  expect(problems.filter((p) => /hydrat|Minified React error|did not match/i.test(p))).toEqual([]);
});

test("two people typing in the same title at once lose no characters, and each sees who else is in it", async ({ page, browser }) => {
  const path = await openDemoWorkshop(page);
  await expectNoAxeViolations(page, "workshop (facilitator)");
  const guest = await joinAsGuest(browser, page, path, "Sam");
  await expectNoAxeViolations(guest, "workshop (guest)");
  await expect(page.getByRole("region", { name: /Here now/ })).toContainText("Sam");
  await expect(page.getByRole("region", { name: /Here now/ })).toContainText("Guest");
  const start = `Letters ${stamp()}`;
  const mine = (await addAction(page, start)).getByLabel("Action title");
  const theirs = (await pinned(guest, card(guest, start))).getByLabel("Action title");
  await expect(theirs).toHaveValue(start);

  await mine.click();
  await mine.press("End");
  await theirs.click();
  await theirs.press("Home");
  await expect(page.getByText("Sam is editing this too")).toBeVisible();
  await expectNoAxeViolations(page, "workshop with someone in the same field");
  await Promise.all([mine.pressSequentially(" in plain English", { delay: 15 }), theirs.pressSequentially("Easy-read ", { delay: 15 })]);
  const expected = `Easy-read ${start} in plain English`;
  await expect.poll(async () => [await mine.inputValue(), await theirs.inputValue()]).toEqual([expected, expected]);
  await guest.context().close();
});

test("a finding turned into an action appears for everyone, and focus moves everyone to it", async ({ page, browser }) => {
  const path = await openDemoWorkshop(page);
  const sam = await joinAsGuest(browser, page, path, "Sam");
  const kim = await joinAsGuest(browser, page, path, "Kim");
  await expectLive(page);
  const finding = page.locator("article.finding").first();
  const findingId = await finding.getAttribute("id");
  const sentence = (await finding.locator("h3").textContent())!;
  const before = await page.locator("article.action-card").count();
  await finding.getByRole("button", { name: "Turn into an action" }).click();
  await expect(page.getByLabel("Action title").and(page.locator(":focus"))).toHaveValue(/^(Find out why|Keep doing what works|Look into)/);
  for (const other of [sam, kim]) {
    await expect(other.locator("article.action-card")).toHaveCount(before + 1);
    await expect(other.locator(`[id="${findingId}"]`)).not.toContainText("No actions yet");
  }

  const last = page.locator("article.finding:visible").last();
  const lastId = await last.getAttribute("id");
  await last.getByRole("button", { name: "Focus everyone here" }).click();
  for (const other of [sam, kim]) {
    await expect(other.getByRole("region", { name: /The facilitator asks everyone to look at/ })).toBeVisible();
    await expect(other.locator(`[id="${lastId}"]`)).toHaveClass(/is-focused/);
    await expect(other.locator(`[id="${lastId}"]`)).toBeInViewport();
  }
  await expectNoAxeViolations(sam, "workshop with a focus");
  expect(sentence.length).toBeGreaterThan(10);
  await page.getByRole("button", { name: "Clear the focus" }).click();
  await expect(sam.getByRole("region", { name: /The facilitator asks everyone to look at/ })).toHaveCount(0);

  // Following the facilitator: Kim's page goes wherever the facilitator is working.
  await kim.getByRole("button", { name: "Follow the facilitator" }).click();
  await expect(kim.getByRole("button", { name: "Follow the facilitator" })).toHaveAttribute("aria-pressed", "true");
  await kim.evaluate(() => window.scrollTo(0, 0));
  const lastCard = page.locator("article.action-card").last();
  const lastCardId = await lastCard.getAttribute("id");
  await lastCard.getByLabel("Action title").focus();
  await expect(kim.locator(`[id="${lastCardId}"]`)).toBeInViewport();
  await sam.context().close();
  await kim.context().close();
});

test("a vote round: votes per person, hidden until revealed, then shown to everyone", async ({ page, browser }) => {
  test.slow(); // two browsers and a server round trip per vote, with axe checks between
  const path = await openDemoWorkshop(page);
  const sam = await joinAsGuest(browser, page, path, "Sam");
  const title = `Vote on me ${stamp()}`;
  const mine = await addAction(page, title);
  const theirs = await pinned(sam, card(sam, title));
  await page.getByLabel("Votes each").fill("2");
  await page.getByRole("button", { name: "Start a new vote" }).click();
  await expect(sam.getByTestId("votes-left")).toContainText("used 0 of your 2 votes");
  await expectNoAxeViolations(sam, "voting open");
  // Each vote is saved by the server; the count and the announcement come back before the next press.
  await theirs.getByRole("button", { name: `Add a vote for ${title}` }).click();
  await expect(theirs.getByText("Your votes: 1")).toBeVisible();
  await expect(sam.getByTestId("announcer")).toContainText(`You have 1 vote on ${title}`);
  await theirs.getByRole("button", { name: `Add a vote for ${title}` }).click();
  await expect(theirs.getByText("Your votes: 2")).toBeVisible();
  await theirs.getByRole("button", { name: `Add a vote for ${title}` }).click();
  await expect(sam.getByTestId("announcer")).toContainText("You have used all your votes");
  await expect(sam.getByTestId("votes-left")).toContainText("used 2 of your 2 votes");
  await expect(theirs.getByText("Your votes: 2")).toBeVisible();
  await mine.getByRole("button", { name: `Add a vote for ${title}` }).click();
  await expect(page.getByTestId("vote-total")).toHaveCount(0);
  await expect(sam.getByTestId("vote-total")).toHaveCount(0);

  await page.getByRole("button", { name: "Close voting" }).click();
  await page.getByRole("button", { name: "Reveal the votes" }).click();
  await expect(mine.getByTestId("vote-total")).toHaveText("3");
  await expect(theirs.getByTestId("vote-total")).toHaveText("3");
  await expect(theirs.getByText(/Voted:/)).toHaveCount(0);
  await expectNoAxeViolations(sam, "votes revealed");
  await page.getByRole("button", { name: "Hide the totals" }).click();
  await sam.context().close();
});

test("undo takes back only your own change, never someone else's", async ({ page, browser }) => {
  const path = await openDemoWorkshop(page);
  const sam = await joinAsGuest(browser, page, path, "Sam");
  const title = `Undo me ${stamp()}`;
  const mine = await addAction(page, title);
  const theirs = await pinned(sam, card(sam, title));
  await mine.getByLabel("Status").selectOption("in-progress");
  await expect(sam.getByTestId("announcer")).toContainText(`Demo Facilitator moved '${title}' to In progress.`);
  await theirs.getByLabel("Owner").fill("Priya");
  await theirs.getByLabel("Owner").press("Enter");
  await expect(mine.getByLabel("Owner")).toHaveValue("Priya");

  await page.getByRole("button", { name: "Undo my last change" }).click();
  await expect(mine.getByLabel("Status")).toHaveValue("not-started");
  await expect(theirs.getByLabel("Status")).toHaveValue("not-started");
  await expect(mine.getByLabel("Owner")).toHaveValue("Priya");
  await page.keyboard.press("Control+Shift+Z");
  await expect(theirs.getByLabel("Status")).toHaveValue("in-progress");
  await sam.keyboard.press("Control+Z");
  await expect(mine.getByLabel("Owner")).toHaveValue("");
  await expect(mine.getByLabel("Status")).toHaveValue("in-progress");
  await sam.context().close();
});

test("the facilitator locks the board, times the group and records an idea for someone", async ({ page, browser }) => {
  const path = await openDemoWorkshop(page);
  const sam = await joinAsGuest(browser, page, path, "Sam");
  await page.getByRole("button", { name: "Lock the board" }).click();
  await expect(sam.getByText("The facilitator has locked the board for a moment.").first()).toBeVisible();
  await expect(sam.getByRole("button", { name: "Add action" })).toHaveCount(0);
  await expect(sam.getByLabel("Action title").first()).toHaveAttribute("readonly", "");
  await expectNoAxeViolations(sam, "board locked");
  await page.getByRole("button", { name: "Unlock the board" }).click();
  await expect(sam.getByRole("button", { name: "Add action" })).toBeVisible();

  await page.getByLabel("Minutes").selectOption("2");
  await page.getByRole("button", { name: "Start timer" }).click();
  await expect(sam.getByRole("region", { name: "Timer" })).toContainText(/[12]:\d\d/);
  await expectNoAxeViolations(sam, "timer running");
  await page.getByRole("button", { name: "Stop timer" }).click();
  await expect(sam.getByRole("region", { name: "Timer" })).toHaveCount(0);

  const idea = `Bus passes for carers ${stamp()}`;
  await page.getByLabel("Whose idea is it?").fill("Pat Jones");
  await page.getByLabel("Their idea").fill(idea);
  await page.getByRole("button", { name: "Add their idea" }).click();
  await expect(card(sam, idea)).toContainText("Idea from Pat Jones (recorded by Demo Facilitator)");
  await expect(sam.getByRole("region", { name: "Facilitator tools" })).toHaveCount(0);
  await sam.context().close();
});
