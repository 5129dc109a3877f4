// The plan table's rows as HTML, rendered once per content instead of once per request: a room opening the
// plan table together gets the same rows, so the server renders them once (React was the largest share of
// the page's CPU after the database). Only the server imports this.
//
// What may be shared: the key is a digest of everything the rows show (the rows themselves, the plan, the
// edit right that adds the tick boxes, the council's stale threshold), and the HTML is a function of exactly
// that, so a person only ever gets the HTML of the rows their own request computed after its access check.
// Nothing about the person is in it unless it is in their rows (then the digest is theirs alone).
import { createHash } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { renderedOnce } from "~/services/renderedOnce.server";
import { PlainLink, PlanRows, type PlanRowsProps } from "./PlanRows";

/** Contents kept (a few plans, sorts and filters at once); the oldest goes first. */
const KEPT = 16;
const rendered = renderedOnce<object>(KEPT);
/** One owner for every plan: the key is the digest of everything the rows show. */
const ALL_PLANS = {};

export function planRowsHtml(props: PlanRowsProps): string {
  const key = createHash("sha256").update(JSON.stringify([props.workspaceId, props.canEdit, props.staleAfterDays, props.rows])).digest("base64");
  return rendered(ALL_PLANS, key, () => renderToStaticMarkup(<PlanRows {...props} Anchor={PlainLink} />));
}
