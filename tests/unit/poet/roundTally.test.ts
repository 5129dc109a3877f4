// The live round page moves one kept tally by the answers that arrive and are withdrawn
// (docs/decisions/030); a person who reads it must see exactly what counting the same people afresh shows.
import { describe, expect, it } from "vitest";
import { adult2014, analyseRound, findProcessLinks, generateDemoRound } from "~/domain/poet";
import { approximateNationalAdult2014 } from "~/domain/poet/nationalBenchmark";
import { RoundTally } from "~/domain/poet/roundTally";

const everyone = generateDemoRound({ seed: 11, respondents: 900 }).respondents;

describe("a round's tally moved person by person", () => {
  it("equals the round counted afresh after people arrive and some withdraw, in any order", () => {
    const tally = new RoundTally(adult2014);
    const kept = new Map(everyone.map((person) => [person.id, tally.contribution(person)]));
    for (const person of everyone) tally.add(kept.get(person.id)!);
    // Every third person withdraws, latest first.
    const withdrawn = new Set(everyone.filter((_, i) => i % 3 === 0).map((p) => p.id));
    for (const id of [...withdrawn].reverse()) tally.remove(kept.get(id)!);
    const remaining = everyone.filter((p) => !withdrawn.has(p.id));
    expect(tally.size).toBe(remaining.length);
    for (const threshold of [5, 10, 30]) {
      const fresh = analyseRound(adult2014, { kind: "respondents", respondents: [...remaining].reverse() }, approximateNationalAdult2014, { disclosureThreshold: threshold });
      expect(tally.analysis(approximateNationalAdult2014, { disclosureThreshold: threshold })).toEqual(fresh);
    }
  });

  it("gives the links findProcessLinks counts on its own, and nothing once everyone has gone", () => {
    const tally = new RoundTally(adult2014);
    const contributions = everyone.map((p) => tally.contribution(p));
    contributions.forEach((c) => tally.add(c));
    const links = tally.analysis(approximateNationalAdult2014).links;
    expect(links.length).toBeGreaterThan(0);
    expect(links).toEqual(findProcessLinks(adult2014, everyone, 10));
    contributions.forEach((c) => tally.remove(c));
    expect(tally.analysis(approximateNationalAdult2014)).toEqual(analyseRound(adult2014, { kind: "respondents", respondents: [] }, approximateNationalAdult2014));
  });

  it("keeps to the questions a file had", () => {
    const inFile = adult2014.questions.filter((_, i) => i % 2 === 0).map((q) => q.code);
    const tally = new RoundTally(adult2014, inFile);
    everyone.forEach((p) => tally.add(tally.contribution(p)));
    const fresh = analyseRound(adult2014, { kind: "respondents", respondents: everyone, questionsInFile: inFile }, approximateNationalAdult2014);
    expect(tally.analysis(approximateNationalAdult2014)).toEqual(fresh);
    expect(fresh.notInFile?.length).toBe(adult2014.questions.length - inFile.length);
  });
});
