/** The largest file we accept, in bytes (20 MB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** The most rows of people or figures we accept in one file. */
export const MAX_ROWS = 100_000;
/** How many problems we list before only counting the rest. */
export const MAX_LISTED_PROBLEMS = 200;
