// The logger the collaboration server writes to (server/log by default; tests may pass a quiet one).
export type CollabLog = {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
};
