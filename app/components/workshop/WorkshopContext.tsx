// What every part of the live board shares: the document, presence, the person and the evidence.
import { createContext, useContext } from "react";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import type { Peer } from "~/collab/presence";
import type { MirStatement } from "~/domain/mir";
import type { OwnerChoice, SessionView } from "~/domain/workspace";
import type { FindingView, WorkshopMe } from "./types";

export type Workshop = {
  /** The plan (workspace) this board is for: its server endpoints are under /w/<workspaceId>. */
  workspaceId: string;
  doc: Y.Doc;
  awareness: Awareness | null;
  me: WorkshopMe;
  /** False while the board is locked (for everyone but the facilitator), offline-refused, or for viewers. */
  editable: boolean;
  /** True once JavaScript runs: before that the page is a read-only plan with plain forms. */
  live: boolean;
  session: SessionView;
  peers: Peer[];
  findings: readonly FindingView[];
  findingById: ReadonlyMap<string, FindingView>;
  easyRead: boolean;
  /** The council's own names for the action statuses. */
  statusLabels: Readonly<Record<string, string>>;
  /** Making it Real statements as this council shows them (its official wording where loaded). */
  statements: readonly MirStatement[];
  statementById: ReadonlyMap<string, MirStatement>;
  /** The council's members, offered when choosing an owner (empty for guests). */
  owners: readonly OwnerChoice[];
  /** Tells others which field this person is editing (null when none). */
  setEditing: (editing: { actionId: string; field: string } | null) => void;
  announce: (message: string) => void;
};

/** The id of the page's one list of owner suggestions (a datalist of the council's members). */
export const OWNER_CHOICES_ID = "owner-choices";

export const WorkshopContext = createContext<Workshop | null>(null);

/** The shared workshop state; only inside WorkshopPage. */
export function useWorkshop(): Workshop {
  const value = useContext(WorkshopContext);
  if (!value) throw new Error("useWorkshop is only available inside the workshop page");
  return value;
}
