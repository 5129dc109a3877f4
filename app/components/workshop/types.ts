// What the workshop page is given by its loader (plain data, safe to serialise).
import type { Classification } from "~/domain/poet/stats/classify";

/** A finding as the workshop shows it. */
export type FindingView = {
  id: string;
  classification: Classification;
  sentence: string;
  easyRead: string;
  groupId: string;
  groupLabel: string;
  /** The question's code: the board folds a question's group findings under its everyone-finding. */
  questionId: string;
  /** The question as asked, heading a group of findings that has no everyone-finding to head it. */
  question: string;
  /** A plain first draft of an action that answers it, for the person to edit. */
  suggestion: string;
  /** Where the finding's own page is (the evidence pages). */
  href: string;
};

/** The person looking at the page and what they may do. */
export type WorkshopMe = {
  /** Stable participant key (`u:<id>` / `g:<id>`): used for votes and presence. */
  key: string;
  /** The opaque key this person's votes carry while voting is anonymous (only the server can make it). */
  anonymousVoterKey: string;
  name: string;
  guest: boolean;
  canEdit: boolean;
  canFacilitate: boolean;
};

export type RoundLink = { id: string; name: string; synthetic: boolean; href: string };
