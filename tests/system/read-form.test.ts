// Every posted form is read through readForm/tryReadForm (app/services/readForm.server.ts), so a body that is
// not a form is a 400/415 with a message, never the error page with 500. This fails if a route or service
// reads a body as a form any other way: request.formData() itself, or Remix's multipart parser.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const READER = path.join("app", "services", "readForm.server.ts");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx)$/.test(entry.name) ? [relative] : [];
  });
}

// `.formData()` on anything (request, a copy of it, a Response) and Remix's own multipart reader; comments
// are stripped first so a file may still say what it does not do.
const DIRECT = /\.formData\s*\(|unstable_parseMultipartFormData/;
const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");

describe("forms are read in one place", () => {
  it("no file under app/routes or app/services reads a posted body as a form except readForm.server.ts", () => {
    const files = [...sourceFiles("app/routes"), ...sourceFiles("app/services")];
    expect(files.length).toBeGreaterThan(30);
    const offenders = files
      .filter((file) => file !== READER)
      .flatMap((file) =>
        withoutComments(readFileSync(path.join(root, file), "utf8"))
          .split("\n")
          .flatMap((line, i) => (DIRECT.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders, "read the body with readForm(request) or tryReadForm(request) from ~/services/readForm.server").toEqual([]);
  });

  it("the guard sees a direct call (it is not vacuous)", () => {
    expect(DIRECT.test("  const form = await request.formData();")).toBe(true);
    expect(DIRECT.test("const form = await request\n.formData ()".replace("\n", ""))).toBe(true);
    expect(DIRECT.test("unstable_parseMultipartFormData(request, handler)")).toBe(true);
    expect(DIRECT.test("const form = await readForm(request);")).toBe(false);
    expect(readFileSync(path.join(root, READER), "utf8")).toMatch(DIRECT);
  });
});
