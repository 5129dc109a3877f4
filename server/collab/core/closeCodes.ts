// Close codes the y-websocket client understands: 4400-4499 = do not reconnect, anything else = retry.
export const CloseCode = {
  /** Normal shutdown / restart: reconnect shortly. */
  serverRestarting: 1012,
  /** Malformed or unexpected data (RFC 6455 1007/1008/1009). */
  invalidData: 1007,
  policyViolation: 1008,
  tooBig: 1009,
  internalError: 1011,
  /** Access changed: reconnect so the new rights are checked. */
  accessChanged: 4000,
  /** The connection's messages came too fast. */
  rateLimited: 4008,
  /** Refused by authentication, or the session was ended (signed out): the client should stop retrying. */
  unauthorized: 4401,
  forbidden: 4403,
  notFound: 4404,
  /** Removed from the workshop or council: the browser shows why and stops reconnecting. */
  removed: 4410,
  /**
   * Closed for a breach a moment ago (breachCooldown.ts): the reason starts "Reconnecting in N s:"; our page
   * shows it and reconnects then (4400-4499, so the y-websocket client does not retry on its own).
   */
  coolingDown: 4429,
  /** Too many sockets: try again later. */
  tooManyConnections: 4529,
  /** A write failed; the document reloads and the client should retry. */
  saveFailed: 4500,
  documentTooLarge: 4413,
} as const;
