// On the plan page: the latest Making it Real self-assessment and the "not yet" statements still without an action.
import { Link } from "@remix-run/react";

type Summary = { year: number; notYet: number; withoutAction: number } | null;

export function PlanSelfAssessmentNote({ workspaceId, summary }: { workspaceId: string; summary: Summary }) {
  const link = <Link to={`/w/${workspaceId}/self-assessment`}>Making it Real self-assessment</Link>;
  if (!summary) return <p>No {link} has been saved for this plan yet.</p>;
  const statements = (n: number) => `${n} ${n === 1 ? "statement" : "statements"}`;
  return (
    <p data-testid="plan-self-assessment">
      {link}
      {` ${summary.year}: ${statements(summary.notYet)} rated “Not yet”`}
      {summary.notYet ? (summary.withoutAction ? `, ${statements(summary.withoutAction)} without an action yet — each suggests one.` : ", each with an action in the plan.") : "."}
    </p>
  );
}
