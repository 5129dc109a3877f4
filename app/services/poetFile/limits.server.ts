/** The largest file we accept, in bytes (20 MB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** The most rows of people or figures we accept in one file. */
export const MAX_ROWS = 100_000;
/** How many problems we list before only counting the rest. */
export const MAX_LISTED_PROBLEMS = 200;
/** The most an .xlsx workbook may expand to once unzipped (200 MB): a full 100,000-row survey is about 120 MB. */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** How long a worker may spend checking one import before the file is refused. */
export const CHECK_TIME_LIMIT_MS = 60_000;
/** The heap a worker checking one import may use; a full 100,000-row survey needs about half of it. */
export const CHECK_WORKER_HEAP_MB = 512;
/** How many imports are checked at once; more wait their turn. */
export const MAX_CHECKS_AT_ONCE = 2;
