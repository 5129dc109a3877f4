// The collaboration server's public surface.
export { createCollabServer, DEFAULTS as COLLAB_DEFAULTS, type CollabServer, type CollabServerOptions, type CloseKind, type ConnectionFilter } from "./collabServer";
export type { Authenticate, AuthenticationResult, Principal } from "./authentication";
export { DEFAULT_LIMITS, type Limits } from "./limits";
export type { Author, ServerOrigin, TransactionOrigin } from "./origins";
export { CloseCode } from "./closeCodes";
