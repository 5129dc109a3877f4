import { normaliseLabel } from "./labels";
import { respondentFields, type Respondent } from "./respondentFields";

/** A group of people a finding is about: everyone, or one value of one field (e.g. `age:65-plus`). */
export type Group = { id: string; label: string; field: string | null };

export const ALL_GROUP: Group = { id: "all", label: "Everyone", field: null };

const groupLabels: Record<string, string> = { "survey:holder": "Budget holders", "survey:carer": "Carers", "age:18-64": "Aged 18 to 64", "age:65-plus": "Aged 65 and over" };

/** Every group the app breaks results down by, in the order they are shown. */
export const allGroups: readonly Group[] = [
  ALL_GROUP,
  ...respondentFields.flatMap((field) =>
    field.values.map((value) => {
      const id = `${field.groupPrefix}:${value.id}`;
      return { id, label: groupLabels[id] ?? value.label, field: field.key };
    }),
  ),
];

const byId = new Map(allGroups.map((g) => [g.id, g]));

/** The group with this id, or undefined. */
export function findGroup(id: string): Group | undefined {
  return byId.get(id);
}

/** Ids of every group a person belongs to: `all` plus one per field they answered. */
export function groupsOf(person: Respondent): string[] {
  const ids = ["all"];
  for (const field of respondentFields) {
    const value = person[field.key];
    if (value !== null) ids.push(`${field.groupPrefix}:${value}`);
  }
  return ids;
}

/** Reads a group written by a person ("all", "Carers", "65 and over", "age:65+") as a group id. */
export function matchGroup(text: string): string | undefined {
  const key = normaliseLabel(text);
  if (key === "" || key === "all" || key === "everyone" || key === "total") return "all";
  const direct = allGroups.find((g) => normaliseLabel(g.id) === key || normaliseLabel(g.label) === key);
  if (direct) return direct.id;
  const colon = text.indexOf(":");
  const candidates = respondentFields.filter((f) => colon < 0 || normaliseLabel(text.slice(0, colon)) === normaliseLabel(f.groupPrefix));
  const valueText = colon < 0 ? text : text.slice(colon + 1);
  const hits = candidates.flatMap((f) => {
    const id = f.match(valueText);
    return id ? [`${f.groupPrefix}:${id}`] : [];
  });
  return hits.length === 1 ? hits[0] : undefined;
}
