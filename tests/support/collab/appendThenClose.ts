// A process that saves one edit through the collaboration storage, closes the storage and has nothing else
// to do (a command-line tool, or a server's last step of a graceful shutdown). Prints "closed" once close()
// has finished. Run: DATABASE_URL=… WORKSPACE_ID=… node --import tsx tests/support/collab/appendThenClose.ts
import * as Y from "yjs";
import { connectDatabase, disconnectDatabase } from "~/models/db.server";
import { DocumentStore } from "../../../server/collab/persistence";

await connectDatabase(process.env.DATABASE_URL!);
const store = new DocumentStore();
await store.open();
const doc = new Y.Doc();
doc.getText("body").insert(0, "saved before closing");
await store.append([{ workspaceId: process.env.WORKSPACE_ID!, data: new Uint8Array(Y.encodeStateAsUpdate(doc)), authorId: null, authorName: "closing" }]);
await store.close();
await disconnectDatabase();
console.log("closed");
