// What the owner's page about one collection shows: where it stands, how to share it, and counts by
// way in and by group. Counts only — never answers — and groups under the disclosure threshold are
// shown as "fewer than 5" so nobody can be picked out.
import { aboutFields, aboutKey, collectionState, SOURCE_LABELS, SOURCES } from "~/domain/collect";
import { countByGroup, countBySource, countPersonalCodes, findCollection, findCollectionOfRound } from "~/models/collection.server";

export const SMALL_GROUP = 5;

const countText = (n: number) => (n > 0 && n < SMALL_GROUP ? `fewer than ${SMALL_GROUP}` : String(n));

/** The collection of this council with its counts, or null when it is not theirs. */
export async function collectionOverview(orgId: string, collectionId: string, origin: string) {
  const collection = await findCollection(orgId, collectionId);
  if (!collection) return null;
  const [bySource, byGroup, codes] = await Promise.all([countBySource(collection.roundId), countByGroup(collection.roundId), countPersonalCodes(collection.id)]);
  const total = collection.round.respondentCount;
  return {
    id: collection.id,
    name: collection.name,
    survey: collection.survey,
    roundId: collection.roundId,
    state: collectionState(collection, new Date()),
    opensAt: collection.opensAt.toISOString(),
    closesAt: collection.closesAt?.toISOString() ?? null,
    closedAt: collection.closedAt?.toISOString() ?? null,
    contactRetentionUntil: collection.contactRetentionUntil?.toISOString() ?? null,
    openLink: `${origin}/survey/${collection.openCode}`,
    total,
    codes,
    bySource: SOURCES.map((s) => ({ label: SOURCE_LABELS[s], count: String(bySource[s] ?? 0) })),
    byGroup: aboutFields(collection.survey).map((field) => {
      const counts = byGroup[aboutKey(field)];
      return {
        title: field.title,
        rows: [...field.values.map((v) => ({ label: v.label, count: countText(counts[v.id] ?? 0) })), { label: "Not said", count: countText(counts[""] ?? 0) }],
      };
    }),
  };
}

/** Whether a round of this council is filled by a collection, and where that stands; null for imported rounds. */
export async function collectingStatus(orgId: string, roundId: string) {
  const collection = await findCollectionOfRound(orgId, roundId);
  if (!collection) return null;
  return { collectionId: collection.id, state: collectionState(collection, new Date()), total: collection.round.respondentCount, closedAt: collection.closedAt?.toISOString() ?? null };
}
