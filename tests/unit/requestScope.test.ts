import { describe, expect, it } from "vitest";
import { oncePerRequest, runInRequestScope } from "~/services/requestScope.server";

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
