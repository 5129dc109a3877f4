import type { UploadState } from "./useUploadWithProgress";

const MILESTONES = [25, 50, 75, 100];

/** What a screen reader hears during an upload: only the milestones, not every percent. */
function announcement(state: UploadState<unknown>): string {
  if (state.phase === "uploading") {
    const reached = MILESTONES.filter((m) => state.percent >= m).pop();
    return reached ? `Upload ${reached}% done.` : "Upload started.";
  }
  if (state.phase === "checking") return checkingText(state.rows);
  return "";
}

function checkingText(rows: number | null): string {
  return rows === null ? "Upload finished. Checking the rows…" : `Upload finished. Checking ${rows.toLocaleString("en-GB")} rows…`;
}

/** The visible progress bar with its percentage, and a polite live region for milestones. */
export function UploadProgress({ state }: { state: UploadState<unknown> }) {
  const busy = state.phase === "uploading" || state.phase === "checking";
  return (
    <div className="upload-progress">
      <div hidden={!busy}>
      {state.phase === "uploading" ? (
        <>
          <label htmlFor="upload-progress-bar">Uploading {state.fileName}</label>
          <div className="upload-progress__row">
            <progress id="upload-progress-bar" max={100} value={state.percent} />
            <span className="upload-progress__percent">{state.percent}%</span>
          </div>
        </>
      ) : null}
      {state.phase === "checking" ? (
        <>
          <label htmlFor="upload-progress-bar">Checking {state.fileName}</label>
          <div className="upload-progress__row">
            <progress id="upload-progress-bar" max={100} value={100} />
            <span className="upload-progress__percent">100%</span>
          </div>
          <p>{checkingText(state.rows).replace("Upload finished. ", "")}</p>
        </>
      ) : null}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement(state)}
      </p>
    </div>
  );
}
