// The workspace allow-list plus the root text `body` the collaboration tests type into and the root map
// `clock` the collaboration benchmark (bench/collab.ts) writes timestamps into (neither is part of a workspace
// document): every editing role may write them; viewers still write nothing.
import { WRITABLE_SURFACE, withExtraWritable } from "~/domain/workspace";

export const TEST_SURFACE = withExtraWritable(WRITABLE_SURFACE, [
  { path: "body.#", can: ["create", "remove"] },
  { path: "clock.*", can: ["create", "replace", "remove"] },
]);
