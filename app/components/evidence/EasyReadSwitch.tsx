// The page-level easy-read switch: a link to `?view=easy` without JavaScript, a real toggle button
// (aria-pressed) once JavaScript runs. The view lives in the URL so it can be shared and bookmarked.
import { Link, useSearchParams } from "@remix-run/react";
import { useHydrated } from "./useHydrated";

export function EasyReadSwitch({ easy }: { easy: boolean }) {
  const hydrated = useHydrated();
  const [params, setParams] = useSearchParams();
  const next = new URLSearchParams(params);
  if (easy) next.delete("view");
  else next.set("view", "easy");
  const query = next.toString();
  if (!hydrated) {
    return (
      <Link className="button button--secondary" to={query ? `?${query}` : "?"} preventScrollReset>
        {easy ? "Show the standard wording" : "Show easy read"}
      </Link>
    );
  }
  return (
    <button type="button" className="button button--secondary toggle" aria-pressed={easy} onClick={() => setParams(next, { replace: true, preventScrollReset: true })}>
      Easy read
    </button>
  );
}

/** True when the URL asks for the easy-read view. */
export function isEasyView(params: URLSearchParams): boolean {
  return params.get("view") === "easy";
}
