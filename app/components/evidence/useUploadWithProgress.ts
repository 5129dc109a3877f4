// Sends the import form by XMLHttpRequest so upload progress can be shown: fetch cannot report it.
// It goes to an upload route that answers in JSON with the same outcome the plain form post (without
// JavaScript) shows on the page.
import { useCallback, useRef, useState } from "react";

export type UploadState<Result> =
  | { phase: "idle" }
  | { phase: "uploading"; percent: number; fileName: string }
  | { phase: "checking"; rows: number | null; fileName: string }
  | { phase: "done"; result: Result }
  | { phase: "failed"; message: string };

/** Counts the rows of a CSV file under its heading row (approximately: a quoted line break counts too). */
async function countCsvRows(file: File): Promise<number | null> {
  if (!/\.(csv|txt)$/i.test(file.name)) return null;
  const bytes = new Uint8Array(await file.arrayBuffer());
  let lines = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) lines++;
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 10) lines++;
  return Math.max(0, lines - 1);
}

export function useUploadWithProgress<Result>(uploadUrl: string) {
  const [state, setState] = useState<UploadState<Result>>({ phase: "idle" });
  const active = useRef<XMLHttpRequest | null>(null);

  const upload = useCallback(
    (form: HTMLFormElement, file: File) => {
      active.current?.abort();
      const rows = countCsvRows(file).catch(() => null);
      const xhr = new XMLHttpRequest();
      active.current = xhr;
      xhr.open("POST", uploadUrl);
      xhr.setRequestHeader("Accept", "application/json");
      setState({ phase: "uploading", percent: 0, fileName: file.name });
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) setState({ phase: "uploading", percent: Math.min(100, Math.floor((100 * event.loaded) / event.total)), fileName: file.name });
      };
      xhr.upload.onload = () => {
        setState({ phase: "checking", rows: null, fileName: file.name });
        void rows.then((n) => setState((s) => (s.phase === "checking" ? { ...s, rows: n } : s)));
      };
      xhr.onload = () => {
        active.current = null;
        const json = (xhr.getResponseHeader("Content-Type") ?? "").includes("application/json");
        // Redirected to a page (signed out, or no longer allowed): the answer is HTML, not an outcome.
        if (!json && xhr.responseURL && !xhr.responseURL.startsWith(new URL(uploadUrl, window.location.href).href)) return window.location.assign(xhr.responseURL);
        if (!json || !xhr.responseText) {
          return setState({ phase: "failed", message: `The server could not take the file (${xhr.status} ${xhr.statusText || "error"}). Reload the page and try again.` });
        }
        try {
          setState({ phase: "done", result: JSON.parse(xhr.responseText) as Result });
        } catch {
          setState({ phase: "failed", message: "The server's answer could not be read. Reload the page and try again." });
        }
      };
      xhr.onerror = () => {
        active.current = null;
        setState({ phase: "failed", message: "The upload did not finish: the connection was lost. Check your connection and try again." });
      };
      xhr.send(new FormData(form));
    },
    [uploadUrl],
  );

  return { state, upload, fail: (message: string) => setState({ phase: "failed", message }) };
}
