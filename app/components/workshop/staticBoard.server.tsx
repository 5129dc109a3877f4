// The no-JavaScript board as HTML, rendered once per plan version and what it shows, instead of once per
// request: a room arriving together gets the same 100 cards, so the server renders them once (React was
// most of the workshop page's CPU). Only the server imports this.
//
// What may be shared: the cards show the plan's actions (one version of one plan's document: the cache is
// held by that version's action list, docValue's, and goes with it), the council's status names, findings
// and Making it Real wording, and whether the status forms are offered (edit rights). The person is not in
// it: the cards are rendered with a nameless `me` that has only the edit right. Who may see the plan at all
// is the loader's check, made on every request before any of this runs.
import { renderToStaticMarkup } from "react-dom/server";
import type { ActionView } from "~/domain/workspace";
import { renderedOnce } from "~/services/renderedOnce.server";
import { StaticBoardItems } from "./StaticActionCard";
import { WorkshopContext, type Workshop } from "./WorkshopContext";

/** Variants kept per version (a version is seen by editors and viewers, in one wording at a time). */
const VARIANTS_KEPT = 4;
const rendered = renderedOnce<readonly ActionView[]>(VARIANTS_KEPT);

/** What the cards show besides the actions, as a key: edit right, status names, finding and statement texts. */
function variantOf(workshop: Workshop): string {
  return JSON.stringify([
    workshop.me.canEdit,
    workshop.statusLabels,
    workshop.findings.map((f) => [f.id, f.sentence]),
    workshop.statements.map((s) => [s.id, s.text]),
  ]);
}

/** The board's list items as HTML for this version of the plan's actions (`actions` from docValue). */
export function staticBoardHtml(actions: readonly ActionView[], workshop: Workshop): string {
  return rendered(actions, variantOf(workshop), () => {
    const nameless: Workshop = {
      ...workshop,
      me: { key: "", anonymousVoterKey: "", name: "", guest: false, canEdit: workshop.me.canEdit, canFacilitate: false },
      peers: [],
      owners: [],
    };
    return renderToStaticMarkup(
      <WorkshopContext.Provider value={nameless}>
        <StaticBoardItems actions={actions} />
      </WorkshopContext.Provider>,
    );
  });
}
