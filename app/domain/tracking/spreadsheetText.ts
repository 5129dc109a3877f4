// Text that a spreadsheet program would run as a formula when the file is opened or the cell is edited.

// Excel and LibreOffice skip leading whitespace (including non-breaking, full-width and zero-width
// spaces) and read full-width and small-form signs as their ASCII twins, so all of these start a formula.
const INVISIBLE_LEAD = "\\s\\u200b-\\u200d\\u2060";
const FORMULA_SIGNS = "=+\\-@\\uff1d\\uff0b\\uff0d\\uff20\\ufe66\\ufe62\\ufe63\\ufe6b\\u2212";
const FORMULA_LIKE = new RegExp(`^(?:[\\t\\r\\n]|[${INVISIBLE_LEAD}]*[${FORMULA_SIGNS}])`);

/** True when a spreadsheet could treat this text as a formula (or a control character starts it). */
export function isFormulaLike(value: string): boolean {
  return FORMULA_LIKE.test(value);
}

/** For CSV, which has no cell types: a leading apostrophe makes spreadsheet programs keep the cell as text. */
export function neutraliseFormula(value: string): string {
  return isFormulaLike(value) ? `'${value}` : value;
}
