import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireWorkspace } from "~/services/auth.server";
import { auditExport, exportFileName, planExport, toXlsx } from "~/services/planExport.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params.workspace, "export:plan");
  const xlsx = await toXlsx((await planExport(access)).rows, { council: access.workspace.org.name, plan: access.workspace.name });
  await auditExport(access, "Excel", context.clientIp);
  return new Response(new Uint8Array(xlsx), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${exportFileName(access.workspace.name, "xlsx")}"`,
      "Cache-Control": "no-store",
    },
  });
}
