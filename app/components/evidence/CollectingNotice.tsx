// On a round that a collection is still filling: how many answers so far, that findings move as more
// arrive, and that under 10 answers is too few to say. With JavaScript the page refreshes its data
// every few seconds while the collection is open; without it, reloading shows the latest.
import { Link, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";

export type CollectingStatus = { collectionId: string; state: "open" | "not-yet-open" | "closed"; total: number; closedAt: string | null };

const REFRESH_MS = 10_000;

export function useLiveWhileCollecting(open: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle") revalidator.revalidate();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [open, revalidator]);
}

export function CollectingNotice({ orgSlug, status }: { orgSlug: string; status: CollectingStatus }) {
  const answers = `${status.total} answer${status.total === 1 ? "" : "s"}`;
  const link = <Link to={`/orgs/${orgSlug}/collections/${status.collectionId}`}>the collection</Link>;
  if (status.state === "closed") {
    return (
      <div className="notice notice--success">
        <p>
          {`Collected in the app: ${answers}. The collection is closed, so these findings are final and can feed action plans. See `}
          {link}.
        </p>
      </div>
    );
  }
  return (
    <div className="notice notice--warning">
      <p>
        <strong>{`Still collecting: ${answers} so far.`}</strong> These findings change as answers arrive. A question with fewer than 10 answers is too few to say anything
        about. See {link}.
      </p>
    </div>
  );
}
