import "@remix-run/node";
import type { HtmlOnly } from "~/components/htmlOnly";
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
    /** Whether this is a document request, and what its loaders keep for the HTML only (components/htmlOnly). */
    htmlOnly?: HtmlOnly;
  }
}
