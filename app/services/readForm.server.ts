// The one way a route reads a posted form. A body that is not a form (JSON, plain text, no body at all), a
// multipart body that is cut short or has the wrong boundary, or one over the size cap is an answer the
// person can act on (415, 400 or 413, shown by the root error boundary), never the "went wrong on our side"
// page. A route reads the form only after its access check, so a stranger learns nothing from this answer.
// (tests/system/read-form.test.ts fails if a route calls request.formData() itself.)

/** Larger than any form of text fields we show; uploads pass their own cap. */
export const DEFAULT_MAX_FORM_BYTES = 2 * 1024 * 1024;

export type FormProblem = "not-a-form" | "unreadable" | "too-large";

export const FORM_PROBLEM_MESSAGES: Record<FormProblem, string> = {
  "not-a-form":
    "We could not read what was sent: it was not a form from one of our pages, so nothing was saved. Reload the page and try again.",
  unreadable:
    "We could not read what was sent: it was cut short or damaged on the way, so nothing was saved. Reload the page and try again.",
  "too-large":
    "What was sent is larger than any of our forms accepts, so nothing was saved. Reload the page and try again with less text.",
};

const STATUS: Record<FormProblem, number> = { "not-a-form": 415, unreadable: 400, "too-large": 413 };
const STATUS_TEXT: Record<FormProblem, string> = { "not-a-form": "Unsupported Media Type", unreadable: "Bad Request", "too-large": "Content Too Large" };

/** How the body says it is encoded: one of the two form encodings a browser sends, or null. */
export function formEncoding(request: Request): "urlencoded" | "multipart" | null {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded") return "urlencoded";
  if (type === "multipart/form-data") return "multipart";
  return null;
}

/** The answer a route throws for a form it could not read; the root error boundary shows its message. */
export function formProblemResponse(problem: FormProblem): Response {
  return new Response(FORM_PROBLEM_MESSAGES[problem], {
    status: STATUS[problem],
    statusText: STATUS_TEXT[problem],
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/**
 * Reads the body as a form within maxBytes, or says why it could not. The platform's parser reads both
 * encodings (Remix's multipart parser splits a part's headers at every `;` and `=`, so a file named
 * "north; wave=2.csv" broke it); a byte counter in front of it stops keeping a body over the cap before it
 * is all in memory. Files arrive as File objects, fields as strings.
 */
export async function tryReadForm(
  request: Request,
  { maxBytes = DEFAULT_MAX_FORM_BYTES }: { maxBytes?: number } = {},
): Promise<{ ok: true; form: FormData } | { ok: false; problem: FormProblem }> {
  const encoding = formEncoding(request);
  if (!encoding) return { ok: false, problem: "not-a-form" };
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > maxBytes) {
    if (request.body) discardRest(request.body.getReader(), 0);
    return { ok: false, problem: "too-large" };
  }
  // A form with no fields may come with no body at all.
  if (!request.body) return encoding === "urlencoded" ? { ok: true, form: new FormData() } : { ok: false, problem: "unreadable" };
  if (request.bodyUsed) throw new Error("readForm: the request's body was already read");
  const reader = request.body.getReader();
  let received = 0;
  const counted = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        received += value.byteLength;
        if (received <= maxBytes) return controller.enqueue(value);
        controller.error(new RangeError("form over the cap"));
        discardRest(reader, received);
      } catch (error) {
        controller.error(error);
      }
    },
    cancel: () => discardRest(reader, received),
  });
  const copy = new Request(request.url, { method: "POST", headers: request.headers, body: counted, duplex: "half" } as RequestInit);
  try {
    return { ok: true, form: await copy.formData() };
  } catch {
    return { ok: false, problem: received > maxBytes ? "too-large" : "unreadable" };
  }
}

/**
 * Past the cap, the rest of the body is read and dropped rather than left on the connection: the answer
 * reaches the browser and the connection stays usable for its next request (an unread body left the next
 * request on a kept-alive connection waiting, then reset). Beyond MAX_DISCARD_BYTES the connection is dropped.
 */
const MAX_DISCARD_BYTES = 64 * 1024 * 1024;
function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead: number): void {
  void (async () => {
    let read = alreadyRead;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        read += value.byteLength;
        if (read > MAX_DISCARD_BYTES) return await reader.cancel();
      }
    } catch {
      // The browser went away: nothing left to drop.
    }
  })();
}

/** Reads the body as a form, or throws the 415/400/413 answer that says what was wrong and what to do. */
export async function readForm(request: Request, options?: { maxBytes?: number }): Promise<FormData> {
  const read = await tryReadForm(request, options);
  if (!read.ok) throw formProblemResponse(read.problem);
  return read.form;
}
