// Which browser a guest joined from: a random id in a signed cookie that outlives the guest's session
// (signing out does not clear it), so a removed guest cannot rejoin the workshop from the same browser.
// Guests have no account, so another browser gets in until the code is replaced (decision record 011).
import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { appSettings } from "./appSettings.server";

const DEVICE_DAYS = 30;

function deviceCookie() {
  const settings = appSettings();
  return createCookie("poet_device", {
    httpOnly: true,
    sameSite: "lax",
    secure: settings.secureCookies,
    path: "/",
    secrets: [settings.sessionSecret],
    maxAge: DEVICE_DAYS * 86_400,
  });
}

/** The browser's device id from its signed cookie, or null when it has none (or a forged one). */
export async function readGuestDevice(request: Request): Promise<string | null> {
  const value: unknown = await deviceCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{16,64}$/.test(value) ? value : null;
}

/** The browser's device id (a new one if it has none) and the Set-Cookie header that keeps it. */
export async function guestDevice(request: Request): Promise<{ id: string; setCookie: string }> {
  const id = (await readGuestDevice(request)) ?? randomBytes(18).toString("base64url");
  return { id, setCookie: await deviceCookie().serialize(id) };
}
