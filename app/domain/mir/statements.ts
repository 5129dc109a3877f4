/** The six Making it Real (2018) themes. */
export type MirThemeId = "WI" | "IA" | "AC" | "FI" | "WC" | "WF";
export type MirKind = "I" | "We";

export type MirTheme = { id: MirThemeId; title: string };

/**
 * One statement, in OUR short summary unless a council loaded the official wording.
 * `verified` says whether the summary follows a statement we saw (true) or is our own
 * plausible placeholder for a theme whose statements we could not retrieve (false).
 */
export type MirStatement = { id: string; theme: MirThemeId; kind: MirKind; text: string; isSummary: boolean; verified: boolean };

export const MIR_VERSION = "2018";

export const mirThemes: readonly MirTheme[] = [
  { id: "WI", title: "Wellbeing and independence" },
  { id: "IA", title: "Information and advice" },
  { id: "AC", title: "Active and supportive communities" },
  { id: "FI", title: "Flexible and integrated care and support" },
  { id: "WC", title: "When things need to change" },
  { id: "WF", title: "Workforce" },
];

const summaries = (theme: MirThemeId, kind: MirKind, verified: boolean, texts: string[]): MirStatement[] =>
  texts.map((text, i) => ({ id: `${theme}-${kind}${i + 1}`, theme, kind, text, isSummary: true, verified }));

/** Our short summaries of the Making it Real statements, with stable ids such as `WF-I2`. Not TLAP's wording. */
export const mirStatements: readonly MirStatement[] = [
  // WI, IA and FI: the statements were not retrieved; these are our own plausible summaries.
  ...summaries("WI", "I", false, [
    "I can live the life I want and do the things that matter to me.",
    "I am supported to stay as well and independent as I can.",
    "I have a say in decisions about my care and support.",
  ]),
  ...summaries("IA", "I", false, [
    "I can get information and advice that helps me think about and plan my life.",
    "Information is given in a way I can understand, when I need it.",
    "I know what money I have for my support and how I can use it.",
  ]),
  ...summaries("AC", "I", true, [
    "I have people around me who support me.",
    "I can meet people who share my interests.",
    "I feel welcome and safe where I live.",
    "I have chances to learn, volunteer and work.",
    "I can keep in touch with people who matter to me, including my culture.",
    "I have a plan for being part of my community.",
  ]),
  ...summaries("FI", "I", false, [
    "My support is planned with me and works around my life.",
    "I can choose and change how my support is arranged and paid for.",
    "The people who support me work together so I only tell my story once.",
  ]),
  ...summaries("WC", "I", true, [
    "I get help to plan ahead for changes I can see coming.",
    "A plan is in place before I move between services or areas.",
    "The people who matter to me are involved when I move.",
    "I understand and am involved in changes to my medicines.",
    "I stay in control in an emergency.",
    "I know who to contact when things start to go wrong.",
  ]),
  ...summaries("WF", "I", true, [
    "I am seen as a person with strengths.",
    "I am listened to.",
    "I get support to decide from people who see my point of view.",
    "My support is considerate and competent.",
  ]),
  // WF has 5 We statements that we did not summarise word by word; these are our own placeholders.
  ...summaries("WF", "We", false, [
    "We value and develop the people who give care and support.",
    "We work with people to plan the workforce they need.",
    "We support staff to work in a person-centred, strengths-based way.",
    "We involve people who draw on care in recruiting and training staff.",
    "We make sure staff have the time and skills to build good relationships.",
  ]),
];

/** The statement with this id, or undefined. */
export function findMirStatement(id: string): MirStatement | undefined {
  return mirStatements.find((s) => s.id === id);
}
