// The board paper as a Word document, for the same people who may print it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireWorkspace } from "~/services/auth.server";
import { buildBoardReport } from "~/services/boardReport.server";
import { boardReportDocx } from "~/services/boardReportDocx.server";
import { findLogo, imageSize } from "~/services/councilLogo.server";
import { auditExport, exportFileName } from "~/services/planExport.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params.workspace, "export:plan");
  const report = await buildBoardReport(access);
  const logo = report.hasLogo ? await findLogo(access.workspace.orgId) : null;
  const docx = await boardReportDocx(report, logo ? { ...logo, ...imageSize(logo.bytes, logo.type) } : null);
  await auditExport(access, "Word", context.clientIp);
  return new Response(new Uint8Array(docx), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="${exportFileName(`${access.workspace.name} report`, "docx")}"`,
      "Cache-Control": "no-store",
    },
  });
}
