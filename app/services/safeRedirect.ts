const DEFAULT = "/";

/** A same-site path to go to next; anything else (other sites, protocol-relative, odd schemes) becomes the default. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string = DEFAULT): string {
  if (!to || typeof to !== "string") return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\") || /[\r\n\t]/.test(to)) return fallback;
  return to;
}
