// readForm on Request objects built in memory: what each kind of body becomes (a form, or a 415/400/413
// answer with a message), without a server.
import { describe, expect, it } from "vitest";
import { FORM_PROBLEM_MESSAGES, readForm, tryReadForm } from "~/services/readForm.server";

const post = (body: BodyInit | null, contentType?: string) =>
  new Request("http://app.test/form", { method: "POST", body, headers: contentType ? { "Content-Type": contentType } : {} });

async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("readForm did not throw");
}

describe("readForm", () => {
  it("reads a browser's urlencoded form, including one with no fields", async () => {
    expect(Object.fromEntries(await readForm(post("intent=add&text=Hello+there", "application/x-www-form-urlencoded;charset=UTF-8")))).toEqual({ intent: "add", text: "Hello there" });
    expect([...(await readForm(post(null, "application/x-www-form-urlencoded")))]).toEqual([]);
  });

  it("reads a multipart form with a file whose name has ; and =", async () => {
    const sent = new FormData();
    sent.set("roundName", "Spring");
    sent.set("results", new File(["a,b\n1,2\n"], "north; wave=2.csv"));
    const encoded = new Request("http://app.test/form", { method: "POST", body: sent });
    const form = await readForm(encoded);
    expect(form.get("roundName")).toBe("Spring");
    expect((form.get("results") as File).name).toBe("north; wave=2.csv");
  });

  it.each([
    ["JSON", post('{"a":1}', "application/json"), 415, "not-a-form"],
    ["plain text", post("a=1", "text/plain"), 415, "not-a-form"],
    ["no Content-Type", post(new Blob(["a=1"])), 415, "not-a-form"],
    ["multipart cut short", post('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1', "multipart/form-data; boundary=b"), 400, "unreadable"],
    ["multipart with no boundary", post("a=1", "multipart/form-data"), 400, "unreadable"],
  ] as const)("%s is a %i answer that says what was wrong and to reload", async (_name, request, status, problem) => {
    const answer = await thrown(readForm(request));
    expect(answer.status).toBe(status);
    expect(await answer.text()).toBe(FORM_PROBLEM_MESSAGES[problem]);
    expect(FORM_PROBLEM_MESSAGES[problem]).toContain("Reload the page and try again");
  });

  it("a body over the cap is too large, whether or not it declares its length", async () => {
    const big = "a=" + "x".repeat(5000);
    const declared = new Request("http://app.test/form", { method: "POST", body: big, headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(big.length) } });
    expect(await tryReadForm(declared, { maxBytes: 1000 })).toEqual({ ok: false, problem: "too-large" });
    const bytes = new TextEncoder().encode(big);
    const streamed = new Request("http://app.test/form", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new ReadableStream({
        start(controller) {
          for (let at = 0; at < bytes.byteLength; at += 500) controller.enqueue(bytes.slice(at, at + 500));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(await tryReadForm(streamed, { maxBytes: 1000 })).toEqual({ ok: false, problem: "too-large" });
    expect((await thrown(readForm(post(big, "application/x-www-form-urlencoded"), { maxBytes: 1000 }))).status).toBe(413);
  });
});
