// A minimal Atom (RFC 4287) writer: feed id, title, updated, author, links, and entries with id, title,
// updated, link and text content. Everything passed in is text; it is escaped here, once.
export type AtomEntry = { id: string; title: string; updated: string; link: string; content: string };
export type AtomFeed = { id: string; title: string; subtitle?: string; updated: string; author: string; selfLink: string; pageLink: string; entries: readonly AtomEntry[] };

/** Escapes text for XML element content and attribute values, dropping characters XML 1.0 forbids. */
export function xmlText(value: string): string {
  return value
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** The feed as an XML document. */
export function atomXml(feed: AtomFeed): string {
  const entries = feed.entries.map(
    (e) => `  <entry>
    <id>${xmlText(e.id)}</id>
    <title type="text">${xmlText(e.title)}</title>
    <updated>${xmlText(e.updated)}</updated>
    <link rel="alternate" type="text/html" href="${xmlText(e.link)}"/>
    <content type="text">${xmlText(e.content)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
  <id>${xmlText(feed.id)}</id>
  <title type="text">${xmlText(feed.title)}</title>
${feed.subtitle ? `  <subtitle type="text">${xmlText(feed.subtitle)}</subtitle>\n` : ""}  <updated>${xmlText(feed.updated)}</updated>
  <author><name>${xmlText(feed.author)}</name></author>
  <link rel="self" type="application/atom+xml" href="${xmlText(feed.selfLink)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(feed.pageLink)}"/>
${entries.join("\n")}${entries.length ? "\n" : ""}</feed>
`;
}
