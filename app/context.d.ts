import "@remix-run/node";
import type { CollabControl } from "~/services/collabControl";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Short id of this HTTP request; shown as the reference on error pages and in the log. */
    requestId: string;
    /** The client's address (behind a trusted proxy, the forwarded one): for the audit log and rate limits. */
    clientIp: string;
    /** Nonce for this response's inline scripts (Content-Security-Policy). */
    cspNonce: string;
    /** The live-collaboration server: close sockets on access changes, make server-side edits. */
    collab: CollabControl;
    /** A browser's page load (not a `?_data` request of client-side navigation): loaders may hand HTML to its render. */
    documentRequest: boolean;
    /** HTML this request's loaders rendered for its page, by element id (components/PrerenderedHtml.tsx). */
    pageHtml: Map<string, string>;
  }
}
