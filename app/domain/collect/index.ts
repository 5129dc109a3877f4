export { formatSurveyCode, parseSurveyCode, type CodeKind } from "./codes";
export * from "./form";
export * from "./state";
export * from "./paper";
