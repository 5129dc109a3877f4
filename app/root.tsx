import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useNonce } from "~/components/Nonce";
import { unreadCount } from "~/models/notification.server";
import { getPrincipal } from "~/services/auth.server";
import styles from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.ico" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const principal = await getPrincipal(request);
  const who =
    principal?.kind === "user"
      ? { kind: "user" as const, name: principal.user.name, unread: await unreadCount(principal.user.id) }
      : principal?.kind === "guest"
        ? { kind: "guest" as const, name: principal.guest.displayName, workspaceId: principal.guest.workspaceId }
        : null;
  return { requestId: context.requestId, who };
}

function AccountNav() {
  const data = useRouteLoaderData<typeof loader>("root");
  const who = data?.who;
  return (
    <nav aria-label="Account" className="account-nav">
      <ul>
        {who?.kind === "user" ? (
          <>
            <li>
              <a href="/">Your councils</a>
            </li>
            <li>
              <a href="/notifications">{who.unread ? `Notifications (${who.unread} new)` : "Notifications"}</a>
            </li>
            <li>
              <a href="/account">{who.name}</a>
            </li>
          </>
        ) : null}
        {who?.kind === "guest" ? (
          <li>
            <a href={`/w/${who.workspaceId}`}>Guest: {who.name}</a>
          </li>
        ) : null}
        {who ? (
          <li>
            <form method="post" action="/logout">
              <button type="submit" className="link-button">
                {who.kind === "guest" ? "Leave" : "Sign out"}
              </button>
            </form>
          </li>
        ) : (
          <>
            <li>
              <a href="/join">Join a workshop</a>
            </li>
            <li>
              <a href="/login">Sign in</a>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}

function Document({ title, children }: { title?: string; children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {title ? <title>{title}</title> : null}
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <header className="site-header">
          <a href="/" className="brand">
            POET Action Planner
          </a>
          <AccountNav />
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>POET Action Planner: from survey evidence to better lives.</p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <Document>
      <Outlet />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const rootData = useRouteLoaderData<typeof loader>("root");
  const location = useLocation();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Document title="Page not found – POET Action Planner">
        <h1>Page not found</h1>
        <p>We could not find that page. It may have moved, or the link may be mistyped.</p>
        <p>
          <a href="/">Go to the home page</a>
        </p>
      </Document>
    );
  }
  if (isRouteErrorResponse(error) && (error.status === 400 || error.status === 413 || error.status === 415)) {
    // What was sent could not be read (readForm.server): say so, and offer the page again, fresh.
    return (
      <Document title="We could not read what was sent – POET Action Planner">
        <h1>We could not read what was sent</h1>
        <p>{typeof error.data === "string" && error.data ? error.data : "Nothing was saved. Reload the page and try again."}</p>
        <p>
          <a href={location.pathname + location.search}>Reload the page</a>
        </p>
        <p>
          <a href="/">Go to the home page</a>
        </p>
      </Document>
    );
  }
  if (isRouteErrorResponse(error)) {
    return (
      <Document title="Something went wrong – POET Action Planner">
        <h1>{error.status === 403 ? "You do not have access to this" : "Something went wrong"}</h1>
        <p>{typeof error.data === "string" && error.data ? error.data : error.statusText}</p>
        <p>
          <a href="/">Go to the home page</a>
        </p>
      </Document>
    );
  }
  const reference = rootData?.requestId ?? "not available";
  return (
    <Document title="Something went wrong – POET Action Planner">
      <h1>Sorry, something went wrong on our side</h1>
      <p>Nothing you saved has been lost. Please try again in a moment.</p>
      <p>
        If it keeps happening, tell your council’s support team this reference: <strong className="reference">{reference}</strong>
      </p>
      <p>
        <a href="/">Go to the home page</a>
      </p>
    </Document>
  );
}
