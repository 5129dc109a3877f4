// Transaction origins of this browser's own changes. Only LOCAL_EDIT is undoable: votes, timers,
// focus and locks are session facts, so undo never takes them back.

/** Someone's own edit of the board (title, status, links, order, notes): tracked by undo. */
export const LOCAL_EDIT = { source: "local-edit" } as const;
/** Someone's own vote or a facilitator's session control: never undone. */
export const LOCAL_SESSION = { source: "local-session" } as const;
/** The document state the page was rendered from: neither sent nor counted as unsaved. */
export const SERVER_RENDER = { source: "server-render" } as const;
