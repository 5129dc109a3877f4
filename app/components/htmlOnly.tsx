// A large value a page needs once, on its first paint, written into the page's HTML as an inert data block
// instead of into its loader data. Remix serialises loader data several times on the way into the HTML
// (to JSON, back, to JSON again, then escaped for a script): for the workshop's plan state, 125 KB each time
// a person opens the page. A value kept for the HTML is written once, as it is.
//
// Only a document request (the browser loading the page) has HTML to carry it: a data request (a page change
// within the app, a revalidation) gets the value in its loader data as before. The server says which the
// request is (`htmlOnly` in the load context); the loader asks `keepForHtml`, and the page's component reads
// it with `useHtmlOnly` and renders `<HtmlOnlyData>` where the value goes. In the browser, hydrating, the
// value is read back from that element, so the page hydrates to exactly what the server sent.
import type { AppLoadContext } from "@remix-run/node";
import { createContext, useContext } from "react";

/** Per request, made by the server: whether it is a document request, and what its loaders kept for the HTML. */
export type HtmlOnly = { document: boolean; values: Map<string, string> };

const HtmlOnlyContext = createContext<HtmlOnly | null>(null);
export const HtmlOnlyProvider = HtmlOnlyContext.Provider;

/** Only base64 goes into a data block: nothing in it can end the element or be read as markup. */
const SAFE = /^[A-Za-z0-9+/=]*$/;

/**
 * Keeps `value` (base64) for this request's HTML under `id` and returns null, or (a data request, or no
 * server context: a test calling the loader) returns `value` to be sent as loader data.
 */
export function keepForHtml(context: AppLoadContext | undefined, id: string, value: string): string | null {
  const htmlOnly = context?.htmlOnly;
  if (!htmlOnly?.document || !SAFE.test(value)) return value;
  htmlOnly.values.set(id, value);
  return null;
}

/** The value: from loader data when it came that way, else from this render's request (server) or the page (browser). */
export function useHtmlOnly(id: string, fromLoader: string | null): string {
  const htmlOnly = useContext(HtmlOnlyContext);
  if (fromLoader !== null) return fromLoader;
  if (typeof document === "undefined") return htmlOnly?.values.get(id) ?? "";
  return document.getElementById(id)?.textContent ?? "";
}

/** The inert element carrying a kept value (rendered only when the loader data did not carry it). */
export function HtmlOnlyData({ id, value }: { id: string; value: string }) {
  return <script type="application/octet-stream" id={id} dangerouslySetInnerHTML={{ __html: SAFE.test(value) ? value : "" }} />;
}

/**
 * HTML a loader rendered once and shares between requests (docs/decisions/030, addendum), shown without React
 * rendering it again on the server or the client. On a document request it is handed to this request's render
 * (not put in the loader data too) and returns null; on a data request (client navigation, the live refresh)
 * the HTML itself goes in the loader data.
 */
export function handOverHtml(context: AppLoadContext | undefined, id: string, html: string): string | null {
  const htmlOnly = context?.htmlOnly;
  if (!htmlOnly?.document) return html;
  htmlOnly.values.set(id, html);
  return null;
}

/** The element holding handed-over HTML: `html` from the loader data, else the server's hand-over, else (hydrating) the page's own. */
export function PrerenderedHtml({ id, html, className, onClick }: { id: string; html: string | null; className?: string; onClick?: React.MouseEventHandler<HTMLDivElement> }) {
  const htmlOnly = useContext(HtmlOnlyContext);
  const content = html ?? (typeof document === "undefined" ? htmlOnly?.values.get(id) : document.getElementById(id)?.innerHTML) ?? "";
  // onClick only delegates clicks on the links inside (Enter on a link is a click too); the div itself is not interactive.
  return <div id={id} className={className} onClick={onClick} dangerouslySetInnerHTML={{ __html: content }} />;
}
