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

export type ExcelError = (typeof EXCEL_ERRORS)[number];

const BY_TEXT = new Map<string, ExcelError>(EXCEL_ERRORS.map((e) => [e.toUpperCase(), e]));

/** The Excel error a cell holds, or undefined when it holds none. */
export function excelErrorOf(value: unknown): ExcelError | undefined {
  return typeof value === "string" ? BY_TEXT.get(value.trim().toUpperCase()) : undefined;
}

/** The message for an error cell, in the words every reader uses. */
export function excelErrorMessage(error: ExcelError): string {
  return `innehåller felvärdet ${error}; rätta formeln eller skriv ett värde`;
}
