// The shapes the storage modules pass between them (persistence, the SQLite edit log, compaction). Kept apart
// so those modules can name them without importing one another in a circle.
export type UpdateRow = { workspaceId: string; data: Uint8Array<ArrayBuffer>; authorId: string | null; authorName: string | null };
export type LoadedState = { rows: number; bytes: number };
export type CompactionResult = { rowsRead: number; snapshotBytes: number };
