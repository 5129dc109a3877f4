// The workspace allow-list plus the root text `body` the collaboration tests type into (not part of a
// workspace document): every editing role may write it; viewers still write nothing.
import { WRITABLE_SURFACE, withExtraWritable } from "~/domain/workspace";

export const TEST_SURFACE = withExtraWritable(WRITABLE_SURFACE, [{ path: "body.#", can: ["create", "remove"] }]);
