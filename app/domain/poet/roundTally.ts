// The counts a round's analysis is made of, kept so people can be added and taken away one at a time.
// analyseRound builds one from scratch for every round of people; the live round page keeps one per open
// collection and moves it by the answers that arrived or were withdrawn since its last look
// (docs/decisions/030). Counts are whole numbers, so a tally moved person by person equals, exactly, one
// counted afresh over the same people, in any order.
import type { Benchmark } from "./benchmark";
import { buildFindings, DEFAULT_DISCLOSURE_THRESHOLD, type Finding, type Tally } from "./finding";
import { groupsOf, personGroups } from "./groups";
import { answerVerdict, conditionMet, linksFromCells, type ProcessLink } from "./links";
import type { ProcessCondition, Question, QuestionSet } from "./questionSet";
import type { Respondent } from "./respondentFields";

/**
 * A group present in the round; `people` is null for aggregate files, which do not say, and for groups
 * smaller than the disclosure threshold, where `fewerThan` holds the threshold instead.
 */
export type GroupSummary = { id: string; label: string; people: number | null; fewerThan?: number };

/** Groups or link sides with fewer people than `disclosureThreshold` are not shown (a council setting, default 10). */
export type AnalysisOptions = { disclosureThreshold?: number };

/** `notInFile`: question codes the file had no column for (not compared, not linked); empty when not known. */
export type RoundAnalysis = { findings: Finding[]; links: ProcessLink[]; groups: GroupSummary[]; notInFile?: string[] };

// One person's answer to one question, as the counts read it.
const NOT_ASKED = 3; // the question is not on this person's form
const NOT_COUNTED = 2; // blank or don't know
const GOOD = 1;
const NOT_GOOD = 0;
// Whether a person met a process condition.
const MET = 1;
const NOT_MET = 0;
const UNKNOWN = 2;

/**
 * What one person adds to a round's counts, in one byte array: how many groups they are in, those groups,
 * then per question and process condition how their answers read. Tens of bytes, where the parsed answers
 * take kilobytes.
 */
export type Contribution = Uint8Array;

/** A round's counts for one question set (and the question columns its file had, when known). */
export class RoundTally {
  readonly questions: readonly Question[];
  readonly notInFile: string[];
  private readonly groupList;
  private readonly groupIndex: Map<string, number>;
  private readonly verdicts;
  private readonly conditions: { condition: ProcessCondition; met: (person: Respondent) => boolean | null }[];
  /** Index in `questions` of each outcome a link may be about. */
  private readonly outcomeAt: number[];
  private readonly outcomes: Question[];
  /** people[g]; asked, n and positive [g * Q + q]; cells [(c * O + o) * 4 + k] as a b c d of TwoByTwo. */
  private readonly people: Int32Array;
  private readonly asked: Int32Array;
  private readonly n: Int32Array;
  private readonly positive: Int32Array;
  private readonly cells: Int32Array;
  /** How many people are counted. */
  size = 0;

  constructor(
    private readonly questionSet: QuestionSet,
    questionsInFile?: readonly string[],
  ) {
    this.groupList = groupsOf(questionSet);
    if (this.groupList.length > 255) throw new Error(`Question set ${questionSet.version} has more groups than a tally can hold`);
    this.groupIndex = new Map(this.groupList.map((g, i) => [g.id, i]));
    const inFile = questionsInFile && questionsInFile.length > 0 ? new Set(questionsInFile) : null;
    const present = (code: string) => !inFile || inFile.has(code);
    this.questions = inFile ? questionSet.questions.filter((q) => inFile.has(q.code)) : questionSet.questions;
    this.notInFile = inFile ? questionSet.questions.filter((q) => !inFile.has(q.code)).map((q) => q.code) : [];
    this.verdicts = this.questions.map(answerVerdict);
    // The outcomes and conditions findProcessLinks tests, in its order.
    this.outcomeAt = this.questions.flatMap((q, i) => (q.kind !== "process" && present(q.code) ? [i] : []));
    this.outcomes = this.outcomeAt.map((i) => this.questions[i]!);
    this.conditions = questionSet.processConditions.filter((c) => c.questions.some(present)).map((c) => ({ condition: c, met: conditionMet(c, questionSet) }));
    const G = this.groupList.length;
    const Q = this.questions.length;
    this.people = new Int32Array(G);
    this.asked = new Int32Array(G * Q);
    this.n = new Int32Array(G * Q);
    this.positive = new Int32Array(G * Q);
    this.cells = new Int32Array(this.conditions.length * this.outcomes.length * 4);
  }

  /** How this person's answers read for these counts. */
  contribution(person: Respondent): Contribution {
    const groups = personGroups(person, this.questionSet)
      .map((id) => this.groupIndex.get(id) ?? -1)
      .filter((g) => g >= 0);
    const Q = this.questions.length;
    const bytes = new Uint8Array(1 + groups.length + Q + this.conditions.length);
    bytes[0] = groups.length;
    bytes.set(groups, 1);
    const at = 1 + groups.length;
    this.questions.forEach((question, q) => {
      if (!question.surveys.includes(person.survey)) bytes[at + q] = NOT_ASKED;
      else {
        const verdict = this.verdicts[q]!(person.answers[question.code]);
        bytes[at + q] = verdict === null ? NOT_COUNTED : verdict ? GOOD : NOT_GOOD;
      }
    });
    this.conditions.forEach(({ met }, c) => {
      const m = met(person);
      bytes[at + Q + c] = m === null ? UNKNOWN : m ? MET : NOT_MET;
    });
    return bytes;
  }

  /** Counts a person in. */
  add(contribution: Contribution): void {
    this.apply(contribution, 1);
  }

  /** Takes a person counted before back out (a withdrawn answer): the counts are as if they never were. */
  remove(contribution: Contribution): void {
    this.apply(contribution, -1);
  }

  private apply(bytes: Contribution, sign: 1 | -1): void {
    const Q = this.questions.length;
    const O = this.outcomes.length;
    const groups = bytes.subarray(1, 1 + bytes[0]!);
    const marks = bytes.subarray(1 + bytes[0]!);
    this.size += sign;
    for (const g of groups) this.people[g]! += sign;
    for (let q = 0; q < Q; q++) {
      const mark = marks[q]!;
      if (mark === NOT_ASKED) continue;
      for (const g of groups) {
        const at = g * Q + q;
        this.asked[at]! += sign;
        if (mark === NOT_COUNTED) continue;
        this.n[at]! += sign;
        if (mark === GOOD) this.positive[at]! += sign;
      }
    }
    for (let c = 0; c < this.conditions.length; c++) {
      const met = marks[Q + c]!;
      if (met === UNKNOWN) continue;
      for (let o = 0; o < O; o++) {
        const good = marks[this.outcomeAt[o]!]!;
        if (good !== GOOD && good !== NOT_GOOD) continue;
        this.cells[(c * O + o) * 4 + (met === MET ? 0 : 2) + (good === GOOD ? 0 : 1)]! += sign;
      }
    }
  }

  /** The round's findings, links and groups from these counts, against a benchmark. */
  analysis(benchmark: Benchmark, options: AnalysisOptions = {}): RoundAnalysis {
    const threshold = options.disclosureThreshold ?? DEFAULT_DISCLOSURE_THRESHOLD;
    const Q = this.questions.length;
    const O = this.outcomes.length;
    const tallies: Tally[] = [];
    this.groupList.forEach((group, g) =>
      this.questions.forEach((question, q) => {
        const at = g * Q + q;
        if (this.asked[at]! > 0) tallies.push({ question, group: group.id, positive: this.positive[at]!, n: this.n[at]!, asked: this.asked[at]! });
      }),
    );
    const cells = this.conditions.map((_, c) => this.outcomes.map((_, o) => Array.from(this.cells.subarray((c * O + o) * 4, (c * O + o) * 4 + 4))));
    return {
      findings: buildFindings(tallies, benchmark, { threshold }),
      links: linksFromCells(
        this.conditions.map((c) => c.condition),
        this.outcomes,
        cells,
        threshold,
      ),
      groups: this.groupList.flatMap((group, g): GroupSummary[] => {
        const people = this.people[g]!;
        if (people === 0) return [];
        if (people < threshold) return [{ id: group.id, label: group.label, people: null, fewerThan: threshold }];
        return [{ id: group.id, label: group.label, people }];
      }),
      notInFile: this.notInFile,
    };
  }
}
