import { describe, expect, it } from "vitest";
import { joinedRead, oncePerRequest, runInRequestScope } from "~/services/requestScope.server";

describe("reads shared within one page request", () => {
  it("shares a read between the loaders of one GET request, and not with the next request", async () => {
    let reads = 0;
    const read = () => oncePerRequest("principal:a", async () => ++reads);
    const first = await runInRequestScope("GET", () => Promise.all([read(), read(), read()]));
    expect(first).toEqual([1, 1, 1]);
    const second = await runInRequestScope("GET", () => Promise.all([read(), read()]));
    expect(second).toEqual([2, 2]);
  });

  it("reads every time in a POST (its action may change who the visitor is) and outside any request", async () => {
    let reads = 0;
    const read = () => oncePerRequest("principal:a", async () => ++reads);
    expect(await runInRequestScope("POST", () => Promise.all([read(), read()]))).toEqual([1, 2]);
    expect(await Promise.all([read(), read()])).toEqual([3, 4]);
  });

  it("keeps different keys apart", async () => {
    const values = await runInRequestScope("GET", () => Promise.all([oncePerRequest("council:a:u1", async () => "a"), oncePerRequest("council:b:u1", async () => "b")]));
    expect(values).toEqual(["a", "b"]);
  });
});

/** A read the test finishes by hand, counting how many were started. */
function controlledReads() {
  const started: { finish: (value: string) => void }[] = [];
  const read = () =>
    new Promise<string>((resolve) => {
      started.push({ finish: resolve });
    });
  return { started, read };
}

describe("reads joined across the requests of a crowd", () => {
  it("requests that arrived before a read started share it; it is read again once it has settled", async () => {
    const { started, read } = controlledReads();
    // Both requests arrive, then both ask (after the gate opens): the second joins the first one's read.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const first = runInRequestScope("GET", async () => (await gate, joinedRead("statusSettings:org-a", read)));
    const second = runInRequestScope("GET", async () => (await gate, joinedRead("statusSettings:org-a", read)));
    open();
    await new Promise(setImmediate); // both have asked
    expect(started).toHaveLength(1);
    started[0]!.finish("one read");
    expect(await Promise.all([first, second])).toEqual(["one read", "one read"]);
    // Settled: the next request reads afresh.
    const third = runInRequestScope("GET", () => joinedRead("statusSettings:org-a", read));
    expect(started).toHaveLength(2);
    started[1]!.finish("fresh");
    expect(await third).toBe("fresh");
  });

  it("a request that arrives after a read started does not take its answer: it reads for itself", async () => {
    const { started, read } = controlledReads();
    const early = runInRequestScope("GET", () => joinedRead("statusSettings:org-b", read));
    // A change could have been committed here, before the next request arrives: it must not get the older read.
    const late = runInRequestScope("GET", () => joinedRead("statusSettings:org-b", read));
    expect(started).toHaveLength(2);
    started[0]!.finish("before the change");
    started[1]!.finish("after the change");
    expect(await early).toBe("before the change");
    expect(await late).toBe("after the change");
  });

  it("never joins another key (another council), a POST or a read outside any request", async () => {
    const { started, read } = controlledReads();
    const [a, b] = runInRequestScope("GET", () => [joinedRead("statusSettings:org-a", read), joinedRead("statusSettings:org-b", read)]);
    const posted = runInRequestScope("POST", () => [joinedRead("statusSettings:org-a", read), joinedRead("statusSettings:org-a", read)]);
    const outside = joinedRead("statusSettings:org-a", read);
    expect(started).toHaveLength(5);
    started.forEach((s, i) => s.finish(`read ${i}`));
    expect(await Promise.all([a, b, ...posted, outside])).toEqual(["read 0", "read 1", "read 2", "read 3", "read 4"]);
  });

  it("freezes a shared value outside production, so a caller changing it in place fails", async () => {
    const shared = await runInRequestScope("GET", () => joinedRead("members:org-c", async () => [{ name: "Ann" }]));
    expect(() => (shared as { name: string }[]).push({ name: "Bob" })).toThrow(TypeError);
    expect(() => ((shared[0] as { name: string }).name = "Bob")).toThrow(TypeError);
  });
});
