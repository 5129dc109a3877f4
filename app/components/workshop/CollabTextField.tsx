// A labelled input or textarea that several people type into at once, showing who else is in it.
import type * as Y from "yjs";
import { useYText } from "~/collab/useYText";
import { Avatar } from "./PresenceList";
import { useWorkshop } from "./WorkshopContext";

type Props = {
  id: string;
  label: string;
  text: Y.Text;
  multiline?: boolean;
  /** What to tell others this person is editing. */
  presenceKey: { actionId: string; field: string };
  visuallyHiddenLabel?: boolean;
};

export function CollabTextField({ id, label, text, multiline = false, presenceKey, visuallyHiddenLabel = false }: Props) {
  const { editable, peers, setEditing } = useWorkshop();
  const bind = useYText(text, !editable);
  const others = peers.filter((p) => !p.self && p.editing?.actionId === presenceKey.actionId && p.editing.field === presenceKey.field);
  const othersId = `${id}-others`;
  const common = {
    id,
    ref: bind,
    defaultValue: text.toString(),
    readOnly: !editable,
    onFocus: () => setEditing(presenceKey),
    onBlur: () => setEditing(null),
    "aria-describedby": others.length ? othersId : undefined,
    className: others.length ? "is-shared" : undefined,
    style: others.length ? { borderColor: others[0]!.colour } : undefined,
  };
  return (
    <div className="field collab-field">
      <label htmlFor={id} className={visuallyHiddenLabel ? "visually-hidden" : undefined}>
        {label}
      </label>
      {multiline ? <textarea rows={3} maxLength={20_000} {...common} /> : <input type="text" maxLength={2000} autoComplete="off" {...common} />}
      {others.length ? (
        <p id={othersId} className="collab-field__others">
          {others.map((p) => (
            <Avatar key={p.clientId} peer={p} small />
          ))}{" "}
          {others.map((p) => p.name).join(", ")} {others.length === 1 ? "is" : "are"} editing this too
        </p>
      ) : null}
    </div>
  );
}
