import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Short id of this HTTP request; shown as the reference on error pages and in the log. */
    requestId: string;
  }
}
