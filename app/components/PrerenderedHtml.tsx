// HTML a loader rendered once and shares between requests (docs/decisions/030, addendum), shown without
// React rendering it again on the server or the client.
//
// A document request must not ship it twice (in the page and again in the loader data the browser
// hydrates from), so its loader leaves the loader data's copy out and hands the HTML to this request's
// render through the load context (`pageHtml`, one map per request, never shared). The browser, hydrating,
// reads the same HTML back from the page. A data request (client navigation, the live refresh) has no
// page, so there the HTML is in the loader data.
import type { AppLoadContext } from "@remix-run/node";
import { createContext, useContext } from "react";

const HandedOver = createContext<ReadonlyMap<string, string> | null>(null);
/** entry.server.tsx: this request's hand-over map. */
export const PrerenderedHtmlProvider = HandedOver.Provider;

/**
 * What a loader puts in its data for the HTML `html` shown in the element `id`: the HTML itself on a data
 * request, null on a document request (handed over through the context instead).
 */
export function handOverHtml(context: AppLoadContext | undefined, id: string, html: string): string | null {
  if (!context?.documentRequest || !context.pageHtml) return html;
  context.pageHtml.set(id, html);
  return null;
}

/** The element holding handed-over HTML: `html` from the loader data, else the server's hand-over, else (hydrating) the page's own. */
export function PrerenderedHtml({ id, html, className, onClick }: { id: string; html: string | null; className?: string; onClick?: React.MouseEventHandler<HTMLDivElement> }) {
  const handedOver = useContext(HandedOver);
  const content = html ?? (typeof document === "undefined" ? handedOver?.get(id) : document.getElementById(id)?.innerHTML) ?? "";
  // onClick only delegates clicks on the links inside (Enter on a link is a click too); the div itself is not interactive.
  return <div id={id} className={className} onClick={onClick} dangerouslySetInnerHTML={{ __html: content }} />;
}
