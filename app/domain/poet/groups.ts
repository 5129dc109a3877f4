import { normaliseLabel, withArticle } from "./labels";
import { respondentFieldsOf, type QuestionSet } from "./questionSet";
import { questionSets } from "./questionSets";
import type { Respondent } from "./respondentFields";

/** A group of people a finding is about: everyone, or one value of one field (e.g. `age:65-plus`). */
export type Group = { id: string; label: string; field: string | null };

export const ALL_GROUP: Group = { id: "all", label: "Everyone", field: null };

const groupsCache = new WeakMap<QuestionSet, readonly Group[]>();

/** Every group a question set breaks results down by, in the order they are shown. */
export function groupsOf(questionSet: QuestionSet): readonly Group[] {
  let groups = groupsCache.get(questionSet);
  if (!groups) {
    groups = [
      ALL_GROUP,
      ...respondentFieldsOf(questionSet).flatMap((field) =>
        field.values.map((value) => ({ id: `${field.groupPrefix}:${value.id}`, label: value.groupLabel ?? value.label, field: field.key })),
      ),
    ];
    groupsCache.set(questionSet, groups);
  }
  return groups;
}

/**
 * The group with this id: in the given set, else in any set the app knows (group ids are unique across
 * sets, or mean the same group where two sets share one, such as `age:18-64`); undefined when none has it.
 */
export function findGroup(id: string, questionSet?: QuestionSet): Group | undefined {
  if (questionSet) return groupsOf(questionSet).find((g) => g.id === id);
  for (const set of Object.values(questionSets)) {
    const found = groupsOf(set).find((g) => g.id === id);
    if (found) return found;
  }
  return undefined;
}

/** Ids of every group a person belongs to: `all` plus one per field they answered. */
export function personGroups(person: Respondent, questionSet: QuestionSet): string[] {
  const ids = ["all"];
  for (const field of respondentFieldsOf(questionSet)) {
    const value = person[field.key];
    if (value !== null) ids.push(`${field.groupPrefix}:${value}`);
  }
  return ids;
}

/** Reads a group written by a person ("all", "Carers", "65 and over", "age:65+") as a group id of this set. */
export function matchGroup(text: string, questionSet: QuestionSet): string | undefined {
  const key = normaliseLabel(text);
  if (key === "" || key === "all" || key === "everyone" || key === "total") return "all";
  const direct = groupsOf(questionSet).find((g) => normaliseLabel(g.id) === key || normaliseLabel(g.label) === key);
  if (direct) return direct.id;
  const colon = text.indexOf(":");
  const candidates = respondentFieldsOf(questionSet).filter((f) => colon < 0 || normaliseLabel(text.slice(0, colon)) === normaliseLabel(f.groupPrefix));
  const valueText = colon < 0 ? text : text.slice(colon + 1);
  const hits = candidates.flatMap((f) => {
    const id = f.match(valueText);
    return id ? [`${f.groupPrefix}:${id}`] : [];
  });
  return hits.length === 1 ? hits[0] : undefined;
}

/** Examples of groups a report table of this set may name, for messages. */
export function groupExamples(questionSet: QuestionSet): string[] {
  const fields = respondentFieldsOf(questionSet);
  return ["all", ...fields[0].values.map((v) => v.groupLabel ?? v.label), ...(fields[1]?.values.slice(0, 2).map((v) => v.label) ?? []), `${withArticle(fields[2]?.title.toLowerCase() ?? "group")} or ${fields[3]?.title.toLowerCase() ?? "group"}`];
}
