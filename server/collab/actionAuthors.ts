// Remembers who last changed each tracked field of each action, so the projection can credit them.
import * as Y from "yjs";
import { actionsOf } from "~/domain/workspace";
import { authorOf, originOf, type Person } from "./core/origins";

export type ActionAuthor = Person & { at: Date };

/** "*" = the action itself was added or removed. */
const ACTION_ITSELF = "*";

export class ActionAuthors {
  private readonly byAction = new Map<string, Map<string, ActionAuthor>>();

  constructor(doc: Y.Doc) {
    actionsOf(doc).observeDeep((events, transaction) => this.record(events, transaction));
  }

  /** Who changed this field of this action most recently on this instance (null when unknown). */
  authorOf(actionId: string, field: string): ActionAuthor | null {
    const fields = this.byAction.get(actionId);
    return fields?.get(field) ?? fields?.get(ACTION_ITSELF) ?? null;
  }

  /** Forgets authors recorded up to a projection that used them. */
  forgetBefore(time: Date): void {
    for (const [actionId, fields] of this.byAction) {
      for (const [field, author] of fields) if (author.at <= time) fields.delete(field);
      if (fields.size === 0) this.byAction.delete(actionId);
    }
  }

  private record(events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction): void {
    const author = authorOf(originOf(transaction.origin));
    if (!author) return;
    const at = new Date();
    const note = (actionId: string, field: string) => {
      let fields = this.byAction.get(actionId);
      if (!fields) this.byAction.set(actionId, (fields = new Map()));
      fields.set(field, { ...author, at });
    };
    for (const event of events) {
      const path = event.path;
      if (path.length === 0) {
        for (const key of event.changes.keys.keys()) note(key, ACTION_ITSELF);
      } else if (path.length === 1 && typeof path[0] === "string" && event.target instanceof Y.Map) {
        for (const key of event.changes.keys.keys()) note(path[0], key);
      }
    }
  }
}
