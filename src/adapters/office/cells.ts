import { NUMBER_FORMATS, CellFormat } from "../../core/layout";
import { CellValue } from "../../core/tables";
export { blockAddress, columnLetter } from "../../core/a1";

/**
 * A value as Office.js should receive it. Text that Excel would read as a formula (`=`, `+`, `-`,
 * `@`) or whose own first apostrophe Excel would swallow gets the apostrophe prefix, so it is
 * stored exactly as written; dates are serials already in layouts.
 */
export function officeValue(value: CellValue): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "string" && /^[=+\-@'\t\r]/.test(value)) return `'${value}`;
  return value;
}

export function numberFormatOf(format: CellFormat | undefined): string {
  return format ? NUMBER_FORMATS[format] : "General";
}

/** Excel's column width in points for a width in characters (Calibri 11: about 7 px a character). */
export function columnPoints(characters: number): number {
  return Math.round(characters * 5.6 + 5);
}

/** Rough size of a write in a request, to keep each batch under Excel on the web's 5 MB limit. */
export function payloadBytes(values: readonly (readonly unknown[])[]): number {
  let bytes = 0;
  for (const row of values)
    for (const v of row) bytes += typeof v === "string" ? v.length * 2 + 4 : 12;
  return bytes;
}
