import { CellValue } from "../../core/tables";
import { XmlError, XmlHandler } from "./xml";

/**
 * Reading the cells of a worksheet part as it streams: each cell is handed to `cell` with its
 * 1-based row and column and its value; a shared string comes as its index (value null), to be
 * looked up once the sheets are read, so only the strings the Balans tables use are kept.
 */

export interface CellFormats {
  date1904: boolean;
  /** For each cell style index (`s`), whether its number format shows a date. */
  dateStyles: readonly boolean[];
}

/** Excel's own date and time formats (built-in number format ids). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** Whether a number format shows a date or time: a y, m, d, h or s outside text and brackets. */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return BUILTIN_DATE_FORMATS.has(id);
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*]/g, "")
    .replace(/\\.|_.|\*./g, "");
  const section = bare.split(";")[0];
  return /[ymdhs]/i.test(section) && !/^general$/i.test(section.trim());
}

/** Excel's date serial as exceljs reads it (days since 1899-12-30, or 1904-01-01), UTC. */
export function serialToDate(serial: number, date1904: boolean): Date | undefined {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** `B12` (or `$B$12`) → column 2 (1-based) and row 12; undefined for anything else. */
export function parseCellRef(ref: string): { col: number; row: number } | undefined {
  let i = 0;
  const n = ref.length;
  if (ref.charCodeAt(i) === 36) i++;
  let col = 0;
  const colStart = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
  }
  if (i === colStart || i - colStart > 3) return undefined;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const rowStart = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + c - 48;
  }
  if (i === rowStart || i - rowStart > 7) return undefined;
  return { col, row };
}

/** `_x000D_` escapes of spreadsheet text (characters XML cannot hold). */
export function decodeOoxmlText(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

/** A cell's value from its type attribute and the text of its `<v>` or inline string. */
function cellValue(
  type: string | undefined,
  style: number,
  text: string | undefined,
  formats: CellFormats
): CellValue {
  if (text === undefined) return null;
  switch (type) {
    case "str":
    case "inlineStr":
      return decodeOoxmlText(text);
    case "b":
      return text.trim() === "1" || text.trim() === "true";
    case "e":
      // An error cell reaches the core as its exact Excel text (`#DIV/0!`), also when it is a
      // formula's cached result; the core makes it a problem, never a number.
      return text.trim();
    case "d": {
      const iso = text.trim();
      const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(iso) || !iso.includes("T") ? iso : `${iso}Z`;
      const date = new Date(/^\d{4}-\d\d-\d\d$/.test(zoned) ? `${zoned}T00:00:00Z` : zoned);
      return Number.isNaN(date.getTime()) ? iso : date;
    }
    default: {
      const trimmed = text.trim();
      const number = trimmed === "" ? NaN : Number(trimmed);
      if (!Number.isFinite(number)) return trimmed === "" ? null : text;
      if (formats.dateStyles[style]) return serialToDate(number, formats.date1904) ?? number;
      return number;
    }
  }
}

/**
 * A streaming handler for `<sheetData>`: rows without `r` follow the previous row, cells without
 * `r` the previous cell; formulas are skipped (their cached value is the cell's value).
 */
export function sheetCellsHandler(
  formats: CellFormats,
  cell: (row: number, col: number, value: CellValue, sharedString: number) => void
): XmlHandler & { row(): number } {
  let row = 0;
  let col = 0;
  let type: string | undefined;
  let style = 0;
  let text: string | undefined;
  let inValue = false;
  let inInline = false;
  let inPhonetic = false;
  let inText = false;
  return {
    row: () => row,
    open(name, a) {
      switch (name) {
        case "row": {
          const r = a.r === undefined ? NaN : Number(a.r);
          row = Number.isInteger(r) && r > 0 ? r : row + 1;
          col = 0;
          break;
        }
        case "c": {
          const ref = a.r === undefined ? undefined : parseCellRef(a.r);
          if (ref) {
            col = ref.col;
            if (ref.row !== row) row = ref.row;
          } else col++;
          type = a.t;
          style = a.s === undefined ? 0 : Number(a.s) || 0;
          text = undefined;
          break;
        }
        case "v":
          inValue = true;
          text = "";
          break;
        case "is":
          inInline = true;
          text = "";
          break;
        case "rPh":
          inPhonetic = true;
          break;
        case "t":
          inText = inInline && !inPhonetic;
          break;
      }
    },
    text(t) {
      if ((inValue || inText) && text !== undefined) text += t;
    },
    close(name) {
      switch (name) {
        case "v":
          inValue = false;
          break;
        case "is":
          inInline = false;
          break;
        case "rPh":
          inPhonetic = false;
          break;
        case "t":
          inText = false;
          break;
        case "c": {
          if (type === "s" && text !== undefined) {
            const index = Number(text);
            if (!(Number.isInteger(index) && index >= 0))
              throw new XmlError(`ogiltig delad text »${text}« i rad ${row}`);
            cell(row, col, null, index);
          } else {
            const value = cellValue(type, style, text, formats);
            if (value !== null) cell(row, col, value, -1);
          }
          break;
        }
      }
    },
  };
}
