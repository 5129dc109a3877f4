export { fileSha256 } from "./sha256.server";
export { MAX_FILE_BYTES, MAX_LISTED_PROBLEMS, MAX_ROWS } from "./limits.server";
export { parsePoetFile, type ParsePoetFileInput, type ParsePoetFileResult } from "./parsePoetFile.server";
export type { AggregateSummary } from "./readAggregate.server";
export type { RespondentSummary } from "./readRespondents.server";
