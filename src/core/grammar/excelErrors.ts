/**
 * Excel's error values. Every host hands an error cell to the core as its exact text
 * (`"#DIV/0!"`): the xlsx adapter converts exceljs' `{ error }` objects and formula results, and
 * Office.js already gives the text. Such a cell is a problem in any column, never a number.
 */
export const EXCEL_ERRORS = [
  "#DIV/0!",
  "#N/A",
  "#REF!",
  "#VALUE!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#BUSY!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
] as const;

/** The Swedish names Excel shows for the same errors, read as the English ones. */
const SWEDISH: Record<string, (typeof EXCEL_ERRORS)[number]> = {
  "#DIVISION/0!": "#DIV/0!",
  "#SAKNAS!": "#N/A",
  "#REFERENS!": "#REF!",
  "#VÄRDEFEL!": "#VALUE!",
  "#NAMN?": "#NAME?",
  "#OGILTIGT!": "#NUM!",
  "#SKÄRNING!": "#NULL!",
  "#BERÄKNA!": "#CALC!",
  "#HÄMTAR_DATA": "#GETTING_DATA",
  "#UPPTAGEN!": "#BUSY!",
  "#FÄLT!": "#FIELD!",
};

/**
 * An error value as Excel writes it, for a name not in the lists above (another language, a newer
 * Excel): `#` and letters ending in `!` or `?`, or with `/` or `_` inside (`#N/A`, `#GETTING_DATA`).
 * Such a cell is never read as a number: `#DIVISION/0!` holds a 0.
 */
const ERROR_SHAPE = /^#(?:[\p{L}_]+[!?]|\p{L}+\/[\p{L}\d]+[!?]?|\p{L}+_\p{L}+)$/u;

/** An Excel error value: one of EXCEL_ERRORS, or another error shown as Excel wrote it. */
export type ExcelError = string;

const BY_TEXT = new Map<string, string>([
  ...EXCEL_ERRORS.map((e) => [e.toUpperCase(), e] as const),
  ...Object.entries(SWEDISH).map(([sv, en]) => [sv.toUpperCase(), en] as const),
]);

/** The Excel error a cell holds (its English name when known), or undefined when it holds none. */
export function excelErrorOf(value: unknown): ExcelError | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (!text.startsWith("#")) return undefined;
  return BY_TEXT.get(text.toUpperCase()) ?? (ERROR_SHAPE.test(text) ? text : undefined);
}

/** The message for an error cell, in the words every reader uses. */
export function excelErrorMessage(error: ExcelError): string {
  return `innehåller felvärdet ${error}; rätta formeln eller skriv ett värde`;
}
