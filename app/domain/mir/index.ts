export { findMirStatement, MIR_VERSION, mirStatements, mirThemes, type MirKind, type MirStatement, type MirTheme, type MirThemeId } from "./statements";
export { parseMirWordingCsv, withOfficialWording } from "./wording";
