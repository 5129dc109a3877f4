const DEFAULT = "/";
// Only used to resolve a path against; never shown or followed.
const OWN = "http://own.invalid";

/**
 * A same-site path to go to next, percent-encoded so it is always a valid Location header; anything
 * else (other sites, protocol-relative, odd schemes, control characters) becomes the fallback.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string = DEFAULT): string {
  if (!to || typeof to !== "string") return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\") || /[\u0000-\u001f\u007f]/.test(to)) return fallback;
  if (!URL.canParse(to, OWN)) return fallback;
  // Resolving against our own origin both catches tricks that leave it and encodes characters such as
  // "é" or "→" that a Location header cannot carry as they are.
  const url = new URL(to, OWN);
  if (url.origin !== OWN) return fallback;
  return url.pathname + url.search + url.hash;
}
