import type ExcelJS from "exceljs";
import { NUMBER_FORMATS, ReportLayout, RowStyle, ColumnLayout } from "../../core/layout";
import { CellValue } from "../../core/tables";

/**
 * How a report sheet looks in a file, cell by cell: the one source both file writers render
 * (exceljs for a new workbook, the package writer for a report added to a copy of the input).
 */
export interface CellLook {
  font?: Partial<ExcelJS.Font>;
  fill?: ExcelJS.FillPattern;
  border?: Partial<ExcelJS.Borders>;
  alignment?: Partial<ExcelJS.Alignment>;
  numFmt?: string;
}

export interface LookedCell {
  value: CellValue;
  look: CellLook;
}

export interface LookedRow {
  height?: number;
  /** By 0-based column; holes are cells that are neither written nor styled. */
  cells: (LookedCell | undefined)[];
}

export interface ReportSetup {
  freezeRows: number;
  widths: number[];
  orientation: "portrait" | "landscape";
  /** The 1-based row repeated at the top of every printed page, if any. */
  printTitleRow?: number;
  margins: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
  oddFooter: string;
}

export const FONT = "Calibri";
const HEADER_FILL: ExcelJS.FillPattern = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFDDEBF7" },
};
const GROUP_FILL: ExcelJS.FillPattern = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFF2F2F2" },
};

// Looks are shared objects, not one per cell: a report of 10 000 rows has a handful of looks.
const TITLE_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 14, bold: true };
const NOTE_FONT: Partial<ExcelJS.Font> = {
  name: FONT,
  size: 9,
  italic: true,
  color: { argb: "FF595959" },
};
const BOLD: Partial<ExcelJS.Font> = { name: FONT, bold: true };
const BOLD_RED: Partial<ExcelJS.Font> = { name: FONT, bold: true, color: { argb: "FFC00000" } };
const LINE_BELOW: Partial<ExcelJS.Borders> = { bottom: { style: "thin" } };
const LINE_ABOVE: Partial<ExcelJS.Borders> = { top: { style: "thin" } };
const TOTAL_LINES: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  bottom: { style: "double" },
};
const HEADER_LEFT: Partial<ExcelJS.Alignment> = {
  vertical: "bottom",
  wrapText: true,
  horizontal: "left",
};
const HEADER_RIGHT: Partial<ExcelJS.Alignment> = { ...HEADER_LEFT, horizontal: "right" };
const TOP: Partial<ExcelJS.Alignment> = { vertical: "top" };
const TOP_WRAP: Partial<ExcelJS.Alignment> = { vertical: "top", wrapText: true };

/** Columns at least this wide wrap their text; narrower ones hold codes, dates and numbers. */
export const WRAP_FROM_WIDTH = 24;
export const LINE_HEIGHT = 15;
// Calibri 11 fits about 1,2 average characters per unit of column width; spreadsheet programs
// without Calibri substitute wider fonts, so plan for one.
const CHARS_PER_WIDTH = 1.0;

/**
 * Spreadsheet programs do not grow a row for wrapped text written by a file, so the height is
 * set from an estimate of the wrapped lines (characters per line ≈ column width).
 */
export function fittedRowHeight(
  cells: readonly CellValue[],
  columns: readonly { width: number }[]
): number | undefined {
  let lines = 1;
  cells.forEach((value, c) => {
    const width = columns[c]?.width ?? 10;
    if (typeof value === "string" && width >= WRAP_FROM_WIDTH)
      lines = Math.max(lines, Math.ceil(value.length / (width * CHARS_PER_WIDTH)));
  });
  return lines > 1 ? LINE_HEIGHT * Math.min(lines, 6) : undefined;
}

export function reportSetup(layout: ReportLayout): ReportSetup {
  return {
    freezeRows: layout.freezeRows,
    widths: layout.columns.map((c) => c.width),
    orientation: layout.orientation,
    // Repeat the column headers on every printed page when the frozen rows end with them.
    ...(layout.rows[layout.freezeRows - 1]?.style === "header"
      ? { printTitleRow: layout.freezeRows }
      : {}),
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    oddFooter: "&L&A&RSida &P av &N",
  };
}

/** Every row of a report with its cells' values and looks. */
export function reportRows(layout: ReportLayout): LookedRow[] {
  return layout.rows.map((row) => {
    const cells: (LookedCell | undefined)[] = [];
    const at = (c: number): LookedCell => (cells[c] ??= { value: null, look: {} });
    let height: number | undefined;
    row.cells.forEach((value, c) => {
      const cell = at(c);
      cell.value = value === undefined ? null : value;
      const format = row.formats?.[c] ?? layout.columns[c]?.format;
      if (
        typeof value === "number" &&
        format &&
        !["title", "subtitle", "header"].includes(row.style)
      )
        cell.look.numFmt = NUMBER_FORMATS[format];
    });
    height = styleRow(at, row.style, layout.columns) ?? height;
    if (row.style === "header") {
      const lines = Math.max(
        1,
        ...row.cells.map((v, c) =>
          typeof v === "string" ? Math.ceil(v.length / (layout.columns[c]?.width ?? 10)) : 1
        )
      );
      if (lines > 1) height = LINE_HEIGHT * Math.min(lines, 3);
    }
    if (row.style === "item") {
      row.cells.forEach((value, c) => {
        const wrap = typeof value === "string" && layout.columns[c]?.width >= WRAP_FROM_WIDTH;
        at(c).look.alignment = wrap ? TOP_WRAP : TOP;
      });
      height = fittedRowHeight(row.cells, layout.columns) ?? height;
    }
    return height === undefined ? { cells } : { height, cells };
  });
}

/** Styles a row's cells; returns the row's height when the style sets one. */
function styleRow(
  at: (c: number) => LookedCell,
  style: RowStyle,
  columns: readonly ColumnLayout[]
): number | undefined {
  const each = (f: (look: CellLook, c: number) => void) => {
    for (let c = 0; c < columns.length; c++) f(at(c).look, c);
  };
  switch (style) {
    case "title":
      at(0).look.font = TITLE_FONT;
      return 22;
    case "subtitle":
    case "note":
      at(style === "note" ? 1 : 0).look.font = NOTE_FONT;
      return undefined;
    case "header":
      each((look, c) => {
        look.font = BOLD;
        look.fill = HEADER_FILL;
        look.border = LINE_BELOW;
        const format = columns[c]?.format;
        const numeric = format !== undefined && format !== "text";
        look.alignment = numeric ? HEADER_RIGHT : HEADER_LEFT;
      });
      return undefined;
    case "group":
      each((look) => {
        look.font = BOLD;
        look.fill = GROUP_FILL;
      });
      return undefined;
    case "subtotal":
      each((look) => {
        look.font = BOLD;
        look.border = LINE_ABOVE;
      });
      return undefined;
    case "total":
      each((look) => {
        look.font = BOLD;
        look.border = TOTAL_LINES;
      });
      return undefined;
    case "emphasis":
      each((look) => (look.font = BOLD_RED));
      return undefined;
    default:
      return undefined;
  }
}
