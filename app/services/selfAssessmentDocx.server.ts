// The Making it Real self-assessment in the Word board paper: a count table, then each rated statement by theme.
import { HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { mirThemes } from "~/domain/mir";
import { comparisonSentence, MIR_RATING_LABELS, MIR_RATINGS, MOVEMENT_LABELS } from "~/domain/workspace";
import type { ComparedAssessment } from "./selfAssessment.server";

const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

export function selfAssessmentDocx(assessment: ComparedAssessment | null): (Paragraph | Table)[] {
  if (!assessment) return [];
  const rated = assessment.rows.filter((r) => r.rating);
  return [
    new Paragraph({ text: `Making it Real self-assessment ${assessment.year}`, heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ children: [new TextRun(`${rated.length} of ${assessment.rows.length} statements rated by the workshop. ${comparisonSentence(assessment)}`)] }),
    new Table({
      width: { size: 70, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: [cell("Rating", true), cell("Statements", true)] }),
        ...MIR_RATINGS.map((r) => new TableRow({ children: [cell(MIR_RATING_LABELS[r]), cell(String(rated.filter((row) => row.rating === r).length))] })),
      ],
    }),
    ...mirThemes.flatMap((theme) => {
      const rows = rated.filter((r) => r.theme === theme.title);
      if (!rows.length) return [];
      return [
        new Paragraph({ text: theme.title, heading: HeadingLevel.HEADING_3 }),
        ...rows.map(
          (r) =>
            new Paragraph({
              bullet: { level: 0 },
              children: [
                new TextRun(`${r.text} `),
                new TextRun({ text: MIR_RATING_LABELS[r.rating!], bold: true }),
                new TextRun(
                  `${r.decidedBy === "consensus" ? " (agreed)" : " (most common rating)"}${assessment.earlier ? ` · ${r.movement ? `${MOVEMENT_LABELS[r.movement]} (${assessment.earlier.year}: ${MIR_RATING_LABELS[r.earlier!]})` : `Not rated in ${assessment.earlier.year}`}` : ""}`,
                ),
              ],
            }),
        ),
      ];
    }),
  ];
}
