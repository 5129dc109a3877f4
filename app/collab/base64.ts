// Document state travels from the loader to the browser as base64 (JSON has no bytes).

/** Bytes as base64, in the browser and on the server. */
export function toBase64(bytes: Uint8Array): string {
  // On the server (every workshop page carries the whole document): Node's encoder, ~20x faster than btoa.
  if (typeof Buffer !== "undefined") return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** base64 back to bytes. */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
