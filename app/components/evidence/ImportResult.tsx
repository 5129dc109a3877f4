import { Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { ImportOutcome } from "~/services/importUpload.server";
import { dateInEngland } from "~/domain/tracking/today";

// The message already names the row and column, which the table shows in their own columns.
const explanation = (message: string) => message.replace(/^Row \d+, column `[^`]*`: /, "");

function Warnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <>
      <h3>Worth checking</h3>
      <ul>
        {warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </>
  );
}

function ProblemTable({ outcome }: { outcome: Extract<ImportOutcome, { status: "invalid" }> }) {
  const more = outcome.totalProblems - outcome.problems.length;
  return (
    <>
      <div className="table-scroll">
        <table className="table problem-table">
          <caption className="visually-hidden">Problems in {outcome.fileName}</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Value</th>
              <th scope="col">What we expected</th>
            </tr>
          </thead>
          <tbody>
            {outcome.problems.map((p, i) => (
              <tr key={i}>
                <td>{p.row ?? "–"}</td>
                <td>{p.column ? <code>{p.column}</code> : "whole file"}</td>
                <td>{p.value === null ? "–" : p.value === "" ? "(blank)" : p.value}</td>
                <td>{explanation(p.message)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more > 0 ? <p className="problem-more">…and {more.toLocaleString("en-GB")} more problems. Fix these first, then import again to see the rest.</p> : null}
    </>
  );
}

/** What became of an import: problems to fix, the round's summary, or the round it already is. */
export function ImportResult({ outcome, orgSlug }: { outcome: ImportOutcome; orgSlug: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [outcome]);
  const roundLink = (id: string, text: string) => <Link to={`/orgs/${orgSlug}/rounds/${id}`}>{text}</Link>;
  switch (outcome.status) {
    case "invalid": {
      const count = outcome.totalProblems;
      const what = outcome.source === "benchmark" ? "benchmark file" : "results file";
      return (
        <div className="error-summary import-result">
          <div role="alert">
            <h2 ref={heading} tabIndex={-1}>
              {count.toLocaleString("en-GB")} problem{count === 1 ? "" : "s"} in the {what} {outcome.fileName}: nothing was imported
            </h2>
          </div>
          <ProblemTable outcome={outcome} />
          <Warnings warnings={outcome.warnings} />
        </div>
      );
    }
    case "too-large":
      return (
        <div className="error-summary import-result">
          <div role="alert">
            <h2 ref={heading} tabIndex={-1}>
              The file is too large: nothing was imported
            </h2>
          </div>
          <p>{outcome.message}</p>
        </div>
      );
    case "already-imported":
      return (
        <div className="notice notice--warning import-result">
          <h2 ref={heading} tabIndex={-1}>
            Already imported
          </h2>
          <p>
            This file was imported on {dateInEngland(outcome.importedAt)} as {roundLink(outcome.roundId, outcome.roundName)}. Nothing new was
            imported.
          </p>
        </div>
      );
    case "imported":
      return (
        <div className="notice notice--success import-result">
          <h2 ref={heading} tabIndex={-1}>
            Imported {outcome.roundName}
          </h2>
          <p>{outcome.summary}.</p>
          <Warnings warnings={outcome.warnings} />
          <p>{roundLink(outcome.roundId, `See the findings of ${outcome.roundName}`)}</p>
        </div>
      );
  }
}
