// Reads an Atom feed the way a feed reader must: a strict XML parser (saxes throws on anything that is
// not well-formed XML), then the elements RFC 4287 requires of a feed and of each entry.
import { SaxesParser } from "saxes";

const ATOM = "http://www.w3.org/2005/Atom";
type Node = { name: string; ns: string; attributes: Record<string, string>; children: Node[]; text: string };
export type ParsedEntry = { id: string; title: string; updated: string; link: string; content: string };
export type ParsedFeed = { id: string; title: string; updated: string; author: string; selfLink: string; entries: ParsedEntry[] };

function parseXml(xml: string): Node {
  const parser = new SaxesParser({ xmlns: true });
  const root: Node = { name: "#document", ns: "", attributes: {}, children: [], text: "" };
  const stack: Node[] = [root];
  parser.on("opentag", (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.local, a.value]));
    const node: Node = { name: tag.local, ns: tag.uri, attributes, children: [], text: "" };
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  });
  parser.on("text", (text) => void (stack[stack.length - 1]!.text += text));
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  return root;
}

function one(parent: Node, name: string): Node {
  const found = parent.children.filter((c) => c.name === name && c.ns === ATOM);
  if (found.length !== 1) throw new Error(`<${parent.name}> must have exactly one atom:${name}, has ${found.length}`);
  return found[0]!;
}

function dateText(node: Node): string {
  const text = node.text.trim();
  // RFC 3339 date-time, as atom:updated requires.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text)) throw new Error(`"${text}" is not an RFC 3339 date-time`);
  return text;
}

function link(parent: Node, rel: string): string {
  const found = parent.children.find((c) => c.name === "link" && c.ns === ATOM && (c.attributes.rel ?? "alternate") === rel);
  if (!found?.attributes.href) throw new Error(`<${parent.name}> has no atom:link rel="${rel}" with an href`);
  return found.attributes.href;
}

/** Parses and checks a feed; throws with the reason when it is not valid Atom of the kind we publish. */
export function parseAtomFeed(xml: string): ParsedFeed {
  const feed = parseXml(xml).children[0];
  if (!feed || feed.name !== "feed" || feed.ns !== ATOM) throw new Error("the document is not an Atom feed (root must be atom:feed)");
  const entries = feed.children
    .filter((c) => c.name === "entry" && c.ns === ATOM)
    .map((e) => ({ id: one(e, "id").text.trim(), title: one(e, "title").text, updated: dateText(one(e, "updated")), link: link(e, "alternate"), content: one(e, "content").text }));
  const author = one(one(feed, "author"), "name").text;
  for (const e of entries) if (!/^[a-z][a-z0-9+.-]*:/i.test(e.id)) throw new Error(`entry id "${e.id}" is not an IRI`);
  return { id: one(feed, "id").text.trim(), title: one(feed, "title").text, updated: dateText(one(feed, "updated")), author, selfLink: link(feed, "self"), entries };
}
