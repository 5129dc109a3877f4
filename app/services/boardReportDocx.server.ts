// The board paper as a Word document (board papers are filed in Word): the same content as the printable report.
import { AlignmentType, Document, Footer, Header, HeadingLevel, ImageRun, Packer, PageBreak, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { BoardReport, ReportAction, ReportChart } from "./boardReport.server";
import { selfAssessmentDocx } from "./selfAssessmentDocx.server";

export type ReportLogo = { bytes: Uint8Array; type: "image/png" | "image/jpeg"; width: number; height: number };

const RAG_WORDS: Record<string, string> = { green: "Green (on track)", amber: "Amber (some risk)", red: "Red (off track)" };

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level });
const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });
const fact = (label: string, value: string) => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });

function cell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
}

function chartTable(chart: ReportChart): (Paragraph | Table)[] {
  return [
    heading(chart.title, HeadingLevel.HEADING_3),
    new Table({
      width: { size: 70, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: [cell(chart.id === "theme" ? "Theme" : chart.id === "rag" ? "RAG rating" : chart.id === "status" ? "Status" : "Due date", true), cell("Actions", true)] }),
        ...chart.rows.map((r) => new TableRow({ children: [cell(r.label), cell(String(r.count))] })),
      ],
    }),
  ];
}

function actionBlock(action: ReportAction): Paragraph[] {
  return [
    heading(action.title, HeadingLevel.HEADING_3),
    ...(action.priority ? [fact("Priority", `Priority ${action.priority}`)] : []),
    fact("Status", `${action.status} (${action.percent}% done)`),
    fact("RAG", RAG_WORDS[action.rag] ?? "Needs review"),
    fact("Owner", action.owner || "No owner yet"),
    fact("Due", `${action.due ?? "No due date"}${action.overdue ? " (overdue)" : ""}`),
    ...(action.findings.length ? [new Paragraph({ children: [new TextRun({ text: "Why: what people told us", bold: true })] }), ...action.findings.map(bullet), ...action.changes.map(para)] : []),
    ...(action.statements.length ? [new Paragraph({ children: [new TextRun({ text: "Making it Real statements", bold: true })] }), ...action.statements.map(bullet)] : []),
    ...(action.milestones.length ? [new Paragraph({ children: [new TextRun({ text: "Milestones", bold: true })] }), ...action.milestones.map(bullet)] : []),
    fact("Latest update", action.latestUpdate ?? "No progress update yet."),
  ];
}

/** Builds the .docx bytes: title page, summary tables, evidence, then every action; council name and page numbers on every page. */
export async function boardReportDocx(report: BoardReport, logo: ReportLogo | null): Promise<Buffer> {
  const scale = logo ? Math.min(1, 200 / logo.width, 80 / logo.height) : 1;
  const titlePage: Paragraph[] = [
    ...(logo
      ? [new Paragraph({ children: [new ImageRun({ type: logo.type === "image/png" ? "png" : "jpg", data: logo.bytes, transformation: { width: Math.round(logo.width * scale), height: Math.round(logo.height * scale) }, altText: { name: "Logo", description: `${report.council} logo`, title: `${report.council} logo` } })] })]
      : []),
    new Paragraph({ children: [new TextRun({ text: report.council, bold: true, size: 32 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, text: report.plan }),
    new Paragraph({ children: [new TextRun({ text: "Progress report to the board", size: 28 })] }),
    para(`Report date: ${report.date}`),
    new Paragraph({ children: [new TextRun({ text: report.coProducedLine, italics: true })] }),
    ...(report.round ? [para(`Based on what people told us in ${report.round.name}.`)] : []),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const summary = [
    heading("Summary", HeadingLevel.HEADING_1),
    para(`${report.counts.total} actions: ${report.counts.complete} complete, ${report.counts.overdue} overdue, ${report.counts.unowned} without an owner.`),
    ...report.charts.flatMap(chartTable),
  ];
  const priorities = report.priorities.length
    ? [
        heading("The plan's priorities", HeadingLevel.HEADING_1),
        para("The actions the workshop chose to do first, in order."),
        ...report.priorities.map((p) => para(`${p.priority}. ${p.title}`)),
      ]
    : [];
  const evidence = report.round
    ? [
        heading(`What people told us (${report.round.name})`, HeadingLevel.HEADING_1),
        heading("Areas to act on", HeadingLevel.HEADING_2),
        ...(report.weaknesses.length ? report.weaknesses.map(bullet) : [para("No findings were significantly below England.")]),
        heading("Strengths", HeadingLevel.HEADING_2),
        ...(report.strengths.length ? report.strengths.map(bullet) : [para("No findings were significantly above England.")]),
      ]
    : [];
  const actions = [heading("Actions", HeadingLevel.HEADING_1), ...(report.actions.length ? report.actions.flatMap(actionBlock) : [para("This plan has no actions yet.")])];
  const doc = new Document({
    creator: "POET Action Planner",
    title: `${report.plan}: progress report`,
    description: `Board paper for ${report.council}`,
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 } } },
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun(report.council)] })] }) },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children: [...titlePage, ...summary, ...priorities, ...selfAssessmentDocx(report.selfAssessment), ...evidence, ...actions],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
