import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [
  { title: "POET Action Planner" },
  { name: "description", content: "Turn your council's POET survey results into a co-produced action plan that people keep." },
];

export default function Home() {
  return (
    <div className="home">
      <h1>Turn what people told you into better lives</h1>
      <p className="lead">
        POET Action Planner helps English councils and the people who draw on care and support turn POET survey
        results into a co-produced action plan — and keep it alive until the next survey.
      </p>
      <ol className="steps">
        <li>
          <h2>See the evidence</h2>
          <p>Import your POET results. See where your council does better or worse than England, and for whom, in plain words.</p>
        </li>
        <li>
          <h2>Plan together</h2>
          <p>People who use services, carers, providers and staff agree actions together, live, in one shared workspace.</p>
        </li>
        <li>
          <h2>Keep the plan</h2>
          <p>Track owners, dates and progress against Making it Real, report to your board, and see whether things improved.</p>
        </li>
      </ol>
    </div>
  );
}
