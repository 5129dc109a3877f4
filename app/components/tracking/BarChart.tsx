// A simple accessible bar chart: each bar is labelled text, and the same numbers sit in a table.
export type Bar = { label: string; value: number; display?: string };

export function BarChart({ title, bars, max, unit }: { title: string; bars: Bar[]; max?: number; unit: string }) {
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <ul className="bars plain">
        {bars.map((b) => (
          <li className="bar-row" key={b.label}>
            <span>{b.label}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar-fill" style={{ width: `${(100 * b.value) / top}%`, display: "block" }} />
            </span>
            <span>{b.display ?? String(b.value)}</span>
          </li>
        ))}
      </ul>
      <details>
        <summary>Show the numbers as a table</summary>
        <table className="table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">{unit}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.label}>
                <th scope="row">{b.label}</th>
                <td>{b.display ?? String(b.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
