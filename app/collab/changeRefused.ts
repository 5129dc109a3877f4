// The server's "your change was refused" notice: a y-websocket message type of our own (the unmodified
// client library ignores types it does not know), carrying why, so the page can roll the change back and
// say so instead of reconnecting in a loop.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { z } from "zod";

export const MESSAGE_CHANGE_REFUSED = 20;

export const changeRefusedSchema = z.object({ why: z.enum(["locked", "forbidden", "votes"]), reason: z.string().max(500) });
export type ChangeRefused = z.infer<typeof changeRefusedSchema>;

/** The notice as a frame (server side). */
export function encodeChangeRefused(notice: ChangeRefused): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_CHANGE_REFUSED);
  encoding.writeVarString(encoder, JSON.stringify(notice));
  return encoding.toUint8Array(encoder);
}

/** Reads the notice after its message type (client side); null when it is not one we understand. */
export function readChangeRefused(decoder: decoding.Decoder): ChangeRefused | null {
  try {
    const parsed = changeRefusedSchema.safeParse(JSON.parse(decoding.readVarString(decoder)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
