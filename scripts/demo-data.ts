import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { adult2014 } from "~/domain/poet/adult2014";
import { generateDemoRound } from "~/domain/poet/demo/generateDemoRound";
import { respondentsToCsv } from "~/domain/poet/demo/respondentsToCsv";

const USAGE = "Usage: npm run demo:data -- --seed <number> --respondents <number> --out <file.csv>";

function parse() {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      options: { seed: { type: "string", default: "1" }, respondents: { type: "string", default: "812" }, out: { type: "string" }, help: { type: "boolean", short: "h" } },
    }).values;
  } catch (error) {
    // An unknown option or a missing value: say which, then how to call it, instead of a stack trace.
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    process.exit(1);
  }
}

const values = parse();
if (values.help) {
  process.stdout.write(`${USAGE}\nMakes a labelled synthetic POET round (not real people) for demos and tests; the same seed always gives the same file.\n`);
  process.exit(0);
}
const seed = Number(values.seed);
const count = Number(values.respondents);
if (!values.out || !Number.isInteger(seed) || !Number.isInteger(count) || count < 1 || count > 100_000) {
  process.stderr.write(`${USAGE}\n(--respondents must be a whole number from 1 to 100,000)\n`);
  process.exit(1);
}
const round = generateDemoRound({ seed, respondents: count });
writeFileSync(values.out, respondentsToCsv(adult2014, round.respondents));
const carers = round.respondents.filter((r) => r.survey === "carer").length;
process.stdout.write(`Wrote ${count} synthetic people (${count - carers} budget holders, ${carers} carers; seed ${seed}) to ${values.out}.\n${round.note}\n`);
