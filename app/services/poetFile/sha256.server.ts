import { createHash } from "node:crypto";

/** The SHA-256 of a file's bytes as lower-case hex, to spot the same file imported twice. */
export function fileSha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
