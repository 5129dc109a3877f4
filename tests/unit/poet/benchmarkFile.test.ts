import { describe, expect, it } from "vitest";
import { adult2014 } from "~/domain/poet/adult2014";
import { parseBenchmarkFile } from "~/domain/poet/benchmark";

const meta = { name: "Regional 2016" };

describe("a council's benchmark file", () => {
  it("reads question, group, percent and an optional n", () => {
    const result = parseBenchmarkFile("Question,Group,Percent,N\nO_SAFE,all,71,4000\no_dignity,Carers,80%,\nC_WELL,65+,70.5,\n", adult2014, meta);
    expect(result).toEqual({
      ok: true,
      benchmark: expect.objectContaining({
        approximate: false,
        questionSetVersion: "adult-2014",
        values: [
          { question: "O_SAFE", group: "all", percent: 71, n: 4000 },
          { question: "O_DIGNITY", group: "survey:carer", percent: 80, n: null },
          { question: "C_WELL", group: "age:65-plus", percent: 70.5, n: null },
        ],
      }),
    });
  });

  it("lists every bad row at once, with row, column and what was expected", () => {
    const result = parseBenchmarkFile("question;group;percent;n\nO_SAFE;all;171;\nO_NOPE;all;50;\nO_QOL;martians;50;-3\nO_SAFE;all;70;\n", adult2014, meta);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.message)).toEqual([
      "Row 2, column `percent`: '171' is not a percentage — expected a number from 0 to 100.",
      "Row 3, column `question`: 'O_NOPE' is not a question code in adult-2014 — expected a code such as O_DIGNITY, O_QOL, O_INDEPENDENCE.",
      "Row 4, column `group`: 'martians' is not a group of adult-2014 — expected all, Budget holders, Carers, 18-64, 65+, a primary support reason or how the budget is managed.",
      "Row 4, column `n`: '-3' is not a number of people — expected a whole number above 0, or leave it blank.",
    ]);
  });

  it("says which heading is missing, and says so when the file is empty", () => {
    const missing = parseBenchmarkFile("question,group\nO_SAFE,all\n", adult2014, meta);
    expect(missing.ok === false && missing.problems[0].message).toBe("The file needs a column headed `percent` (found: question, group).");
    const empty = parseBenchmarkFile("", adult2014, meta);
    expect(empty.ok === false && empty.problems[0].message).toBe("The benchmark file is empty.");
  });

  it("refuses the same question and group twice", () => {
    const result = parseBenchmarkFile("question,group,percent\nO_SAFE,all,70\nO_SAFE,All,71\n", adult2014, meta);
    expect(result.ok === false && result.problems[0].message).toBe("Row 3, column `question`: O_SAFE for all is already given on row 2.");
  });
});

describe("a council's benchmark file: figures that cannot be used as they are", () => {
  it("refuses proportions written as 0.81, saying what to write instead", () => {
    // Read as percentages, 0.81 would be England's "1%" and every council a strength.
    const result = parseBenchmarkFile("question,group,percent\nO_SAFE,all,0.67\nO_DIGNITY,all,0.81\n", adult2014, meta);
    expect(result.ok === false && result.problems.map((p) => p.message)).toEqual([
      "Every figure in column `percent` is between 0 and 1 (for example 0.67 for O_SAFE): they look like proportions. Write them as percentages (67 for 67%) and load the file again.",
    ]);
  });

  it("refuses 0% or 100% without the national number of people, and accepts them with it", () => {
    const refused = parseBenchmarkFile("question,group,percent,n\nO_JOB,all,0,\nO_SAFE,all,100,\n", adult2014, meta);
    expect(refused.ok === false && refused.problems.map((p) => p.message)).toEqual([
      "Row 2, column `percent`: 0% with no n cannot be compared with: against exactly 0% a single different answer here would look certain. Give the national number of people in column `n`, or leave the row out.",
      "Row 3, column `percent`: 100% with no n cannot be compared with: against exactly 100% a single different answer here would look certain. Give the national number of people in column `n`, or leave the row out.",
    ]);
    const accepted = parseBenchmarkFile("question,group,percent,n\nO_JOB,all,0,2000\nO_SAFE,all,71,\n", adult2014, meta);
    expect(accepted.ok).toBe(true);
  });
});
