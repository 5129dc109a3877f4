// The collaboration server's public surface.
export { DEFAULTS as COLLAB_DEFAULTS, type CollabServer, type CloseKind, type ConnectionFilter } from "./core/collabServer";
export { createCollabServer, type CollabServerOptions } from "./poet";
export type { Authenticate, AuthenticationResult, Principal } from "./core/authentication";
export { DEFAULT_LIMITS, type Limits } from "./core/limits";
export type { Person, ServerOrigin, TransactionOrigin } from "./core/origins";
export { CloseCode } from "./core/closeCodes";
