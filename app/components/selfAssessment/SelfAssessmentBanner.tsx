// On the live board: tells everyone when the facilitator has opened the Making it Real self-assessment, with the way there.
import { Link } from "@remix-run/react";
import { useCallback } from "react";
import type * as Y from "yjs";
import { useDocValue } from "~/collab/useDocValue";
import { readSelfAssessment } from "~/domain/workspace";

export function SelfAssessmentBanner({ doc, workspaceId }: { doc: Y.Doc; workspaceId: string }) {
  const stage = useDocValue(doc, useCallback((d: Y.Doc) => readSelfAssessment(d, []).stage, []));
  if (!stage?.open) return null;
  return (
    <p className="notice notice--warning" role="status">
      {`The Making it Real self-assessment for ${stage.year} is open. `}
      <Link to={`/w/${workspaceId}/self-assessment`}>Rate the statements</Link>
    </p>
  );
}
