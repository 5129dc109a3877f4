// The public page's words and feed writer: unknown modes count as off; statuses and survey changes in easy
// read; the Atom writer escapes anything, drops what XML forbids, and its output parses as valid Atom.
import { describe, expect, it } from "vitest";
import { atomXml, xmlText } from "~/domain/tracking/atomFeed";
import { easyChange, easyStatus, publicPageMode } from "~/domain/tracking/publicPlan";
import { parseAtomFeed } from "../../support/atom";

describe("the public plan's rules and words", () => {
  it("treats any stored mode it does not know as off", () => {
    expect(publicPageMode("public")).toBe("public");
    expect(publicPageMode("unlisted")).toBe("unlisted");
    expect(publicPageMode("PUBLIC")).toBe("off");
    expect(publicPageMode("")).toBe("off");
  });

  it("says how far an action has got, and what changed, in easy read", () => {
    expect(easyStatus("complete")).toBe("We have done it");
    expect(easyStatus("bogus")).toBe("We are checking this");
    expect(easyChange({ verdict: "significant-rise", before: { percent: 48.4, n: 100 }, after: { percent: 61.2, n: 100 } })).toBe(
      "More people said good things this time. 48 in 100 before, 61 in 100 now.",
    );
    expect(easyChange({ verdict: "too-few", before: { percent: 0, n: 3 }, after: { percent: 0, n: 4 } })).toBe("Not enough people answered to tell.");
  });

  it("writes a feed that parses, whatever the titles hold", () => {
    expect(xmlText(`a & b <c> "d" 'e'\u0000\u0007`)).toBe("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;");
    const xml = atomXml({
      id: "urn:test:feed",
      title: "Plans & <progress>",
      updated: "2026-12-07T01:00:00.000Z",
      author: "Westshire \u0001Council",
      selfLink: "https://plans.example/feed.xml?a=1&b=2",
      pageLink: "https://plans.example/page",
      entries: [{ id: "urn:test:1", title: "Caf\u00e9 ]]> drop-in", updated: "2026-12-06T10:00:00.000Z", link: "https://plans.example/page#action-1", content: "You said: \u001b it's hard" }],
    });
    const feed = parseAtomFeed(xml);
    expect(feed.title).toBe("Plans & <progress>");
    expect(feed.author).toBe("Westshire Council");
    expect(feed.selfLink).toBe("https://plans.example/feed.xml?a=1&b=2");
    expect(feed.entries).toEqual([{ id: "urn:test:1", title: "Caf\u00e9 ]]> drop-in", updated: "2026-12-06T10:00:00.000Z", link: "https://plans.example/page#action-1", content: "You said:  it's hard" }]);
  });

  it("a feed with no actions yet is still valid", () => {
    const feed = parseAtomFeed(atomXml({ id: "urn:test:empty", title: "Nothing yet", updated: "2026-12-07T01:00:00Z", author: "Westshire", selfLink: "https://x.example/f", pageLink: "https://x.example/p", entries: [] }));
    expect(feed.entries).toEqual([]);
  });

  it("the feed check used by the tests is a real check: it refuses what a feed validator refuses", () => {
    const good = atomXml({ id: "urn:test:v", title: "Plans", updated: "2026-12-07T01:00:00Z", author: "Westshire", selfLink: "https://x.example/f", pageLink: "https://x.example/p", entries: [{ id: "urn:test:v1", title: "One", updated: "2026-12-07T01:00:00Z", link: "https://x.example/p#1", content: "Said" }] });
    expect(() => parseAtomFeed(good)).not.toThrow();
    expect(() => parseAtomFeed(good.replace("</title>", "</titel>"))).toThrow(); // not well-formed XML
    expect(() => parseAtomFeed(good.replace(/<updated>[^<]*<\/updated>/, ""))).toThrow(/exactly one atom:updated/); // the feed's own updated
    expect(() => parseAtomFeed(good.replaceAll("2026-12-07T01:00:00Z", "7 December 2026"))).toThrow(/RFC 3339/);
    expect(() => parseAtomFeed(good.replace("urn:test:v1", "not an iri"))).toThrow(/not an IRI/);
    expect(() => parseAtomFeed(good.replace('xmlns="http://www.w3.org/2005/Atom"', 'xmlns="http://example.com/not-atom"'))).toThrow(/not an Atom feed/);
  });
});
