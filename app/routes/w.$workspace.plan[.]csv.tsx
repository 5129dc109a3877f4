import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireWorkspace } from "~/services/auth.server";
import { auditExport, exportFileName, planExport, toCsv } from "~/services/planExport.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params.workspace, "export:plan");
  const csv = toCsv((await planExport(access)).rows);
  await auditExport(access, "CSV", context.clientIp);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(access.workspace.name, "csv")}"`,
      "Cache-Control": "no-store",
    },
  });
}
