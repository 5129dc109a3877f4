// How the board is ordered on this screen: the group's board order, or most votes first (only for this
// person; the board order itself does not change).
export function BoardSort({ byVotes, setByVotes }: { byVotes: boolean; setByVotes: (value: boolean) => void }) {
  return (
    <div className="field board__sort">
      <label htmlFor="board-sort">Show actions in</label>
      <select id="board-sort" value={byVotes ? "votes" : "board"} onChange={(e) => setByVotes(e.target.value === "votes")}>
        <option value="board">Board order</option>
        <option value="votes">Most votes first</option>
      </select>
    </div>
  );
}
