// Structured one-line logs: a message and its context, as JSON in production, readable otherwise.
type Fields = Record<string, unknown>;
let json = false;

/** JSON lines for log collectors (production); readable lines otherwise. */
export function setJsonLogs(on: boolean) {
  json = on;
}

function write(level: "info" | "warn" | "error", message: string, fields: Fields = {}) {
  const line = json
    ? JSON.stringify({ level, time: new Date().toISOString(), message, ...fields })
    : `${level === "info" ? "" : `${level.toUpperCase()} `}${message}${Object.keys(fields).length ? " " + JSON.stringify(fields) : ""}`;
  (level === "error" ? console.error : console.log)(line);
}

export const log = {
  info: (message: string, fields?: Fields) => write("info", message, fields),
  warn: (message: string, fields?: Fields) => write("warn", message, fields),
  error: (message: string, fields?: Fields) => write("error", message, fields),
};
