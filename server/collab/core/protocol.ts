// The y-websocket wire protocol: parse one frame into a typed message, and encode the server's frames.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export type ClientMessage =
  | { kind: "sync-step-1"; stateVector: Uint8Array }
  | { kind: "sync-step-2"; update: Uint8Array }
  | { kind: "update"; update: Uint8Array }
  | { kind: "awareness"; update: Uint8Array; entries: AwarenessEntry[] }
  | { kind: "query-awareness" };

/**
 * One entry of an awareness update. `json` is the state as the client sent it (UTF-8 JSON), neither decoded nor
 * parsed: the server reads only the one entry it applies (presence.ts), after its checks, so a frame of thousands
 * of entries costs no decoding or parsing before it is refused.
 */
export type AwarenessEntry = { clientId: number; clock: number; json: Uint8Array };

export class ProtocolError extends Error {}

/** Parses one frame; throws ProtocolError for anything the y-websocket client would never send. */
export function parseClientMessage(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    let message: ClientMessage;
    if (type === MESSAGE_SYNC) {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === syncProtocol.messageYjsSyncStep1) message = { kind: "sync-step-1", stateVector: payload };
      else if (step === syncProtocol.messageYjsSyncStep2) message = { kind: "sync-step-2", update: payload };
      else if (step === syncProtocol.messageYjsUpdate) message = { kind: "update", update: payload };
      else throw new ProtocolError(`unknown sync message type ${step}`);
    } else if (type === MESSAGE_AWARENESS) {
      const update = decoding.readVarUint8Array(decoder);
      message = { kind: "awareness", update, entries: parseAwarenessUpdate(update) };
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      message = { kind: "query-awareness" };
    } else {
      throw new ProtocolError(`unknown message type ${type}`);
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError("trailing bytes after the message (one message per frame)");
    return message;
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`malformed message: ${(error as Error).message}`);
  }
}

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** Decodes a client's document update; a malformed one is the client's fault (ProtocolError), never a crash. */
export function decodeClientUpdate(update: Uint8Array): DecodedUpdate {
  try {
    return Y.decodeUpdate(update);
  } catch (error) {
    throw new ProtocolError(`malformed update: ${(error as Error).message}`);
  }
}

function parseAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > 10_000) throw new ProtocolError("too many awareness entries");
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientId, clock, json: decoding.readVarUint8Array(decoder) });
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError("trailing bytes in the awareness update");
  return entries;
}

/** The server's sync step 1 (its state vector), sent first on every connection. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** The answer to a client's sync step 1: everything the client is missing. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

/**
 * One document update as a frame, encoded once and sent to every socket. A Buffer (a view, no copy): ws
 * sends a Buffer as it is, and wraps anything else in a new one for every socket it is sent to.
 */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  const frame = encoding.toUint8Array(encoder);
  return Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
}

/** An awareness frame for the given clients (all known ones when omitted). */
export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients?: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients ?? [...awareness.getStates().keys()]));
  return encoding.toUint8Array(encoder);
}

/** Reads the payload of an awareness frame (for frames that arrive from other instances). */
export function awarenessPayload(frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}

/** Reads the update inside an update frame (for frames that arrive from other instances). */
export function updatePayload(frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}
