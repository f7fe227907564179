import { roundTo } from "./rounding";
import { CellValue } from "./tables";

/**
 * Sheet layouts: what a sheet shows, independent of the host that writes it (exceljs for files,
 * Office.js in Excel). Dates are Excel serial numbers with the `date` format, so every host
 * writes the same cell values.
 */
export type CellFormat =
  "text" | "integer" | "amount" | "amountPrecise" | "amountFine" | "date" | "month" | "percent";

/** Excel number format codes; Excel shows them with the user's decimal comma and separators. */
export const NUMBER_FORMATS: Record<CellFormat, string> = {
  text: "@",
  integer: "0",
  amount: "#,##0.0;-#,##0.0;0.0",
  amountPrecise: "#,##0.0#;-#,##0.0#;0.0",
  amountFine: "#,##0.0##;-#,##0.0##;0.0",
  date: "yyyy-mm-dd",
  month: "yyyy-mm",
  percent: "0.0%",
};

/** Decimals each format shows (percent: of the fraction). */
export const FORMAT_DECIMALS: Partial<Record<CellFormat, number>> = {
  integer: 0,
  amount: 1,
  amountPrecise: 2,
  amountFine: 3,
  percent: 3,
};

/**
 * The number format for one value: the format's own, except that a negative value that shows
 * as zero at the format's decimals is shown without its sign (`0,0`, never `−0,0`). The value in
 * the cell stays as computed.
 */
export function numberFormatFor(format: CellFormat, value: number): string {
  const code = NUMBER_FORMATS[format];
  const decimals = FORMAT_DECIMALS[format];
  if (decimals === undefined || value >= 0 || roundTo(value, decimals) !== 0) return code;
  const [positive, , zero = positive] = code.split(";");
  return `${positive};${positive};${zero}`;
}

export interface ColumnLayout {
  header: string;
  /** Width in characters. */
  width: number;
  format?: CellFormat;
  /** A drop-down list; `strict` refuses other values, otherwise Excel only warns. */
  choices?: { values: readonly string[]; strict: boolean };
}

/**
 * A chart over a block of a report. By columns (the default): first row = series names, first
 * column = categories. By rows: first row = categories, first column = series names.
 */
export interface ChartLayout {
  title: string;
  seriesBy?: "columns" | "rows";
  /** 0-based rows and columns of the block within the layout's rows. */
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

/** An Excel table (ListObject) on a sheet of its own, header in row 1. */
export interface TableLayout {
  kind: "table";
  sheet: string;
  name: string;
  columns: ColumnLayout[];
  rows: CellValue[][];
  /** How the sheet prints; set by `forPrint` (see below). */
  print?: PrintSetup;
}

export type RowStyle =
  | "title"
  | "subtitle"
  | "header"
  | "group"
  | "item"
  | "subtotal"
  | "total"
  | "emphasis"
  | "note"
  | "blank";

/** How a row style looks, in every host: fonts, fill and rules (colours as RRGGBB). */
export interface RowLook {
  font?: { bold?: boolean; italic?: boolean; size?: number; color?: string };
  fill?: string;
  ruleAbove?: "thin";
  ruleBelow?: "thin" | "double";
}

const QUIET = { italic: true, size: 9, color: "595959" };
/** The one table of row looks that the writers map (exceljs, Office.js, the zip writer). */
export const ROW_STYLES: Record<RowStyle, RowLook> = {
  title: { font: { bold: true, size: 14 } },
  subtitle: { font: QUIET },
  note: { font: QUIET },
  header: { font: { bold: true }, fill: "DDEBF7", ruleBelow: "thin" },
  group: { font: { bold: true }, fill: "F2F2F2" },
  item: {},
  subtotal: { font: { bold: true }, ruleAbove: "thin" },
  total: { font: { bold: true }, ruleAbove: "thin", ruleBelow: "double" },
  emphasis: { font: { bold: true, color: "C00000" } },
  blank: {},
};

export interface ReportRow {
  style: RowStyle;
  cells: CellValue[];
  /** Formats for this row's cells where they differ from the column's. */
  formats?: (CellFormat | undefined)[];
}

/** A computed sheet laid out for reading and printing: rows with styles over typed columns. */
export interface ReportLayout {
  kind: "report";
  sheet: string;
  columns: ColumnLayout[];
  rows: ReportRow[];
  /** Rows above the scrolling area (title and column headers). */
  freezeRows: number;
  orientation: "portrait" | "landscape";
  chart?: ChartLayout;
  /** What the sheet covers, for the printed page's header: `augusti 2020`, `2020–2024`. */
  period?: string;
  /** How the sheet prints; set by `forPrint` (see below). */
  print?: PrintSetup;
}

export type SheetLayout = TableLayout | ReportLayout;

/** A row's cells filled out with empty cells to the layout's width. */
export function padCells(cells: CellValue[], width: number): CellValue[] {
  return cells.length >= width
    ? cells
    : [...cells, ...Array<CellValue>(width - cells.length).fill(null)];
}

// ---------------------------------------------------------------------------------------------
// Print: how every sheet Balans writes prints, as plain data that each writer maps (exceljs for
// files, Office.js in Excel, the zip writer of the report); filled in by `forPrint`
// (printLayout.ts). One description, so all hosts print alike.

/** Left, centre and right parts of a printed header or footer, in Excel's header codes. */
export interface HeaderFooter {
  left: string;
  center: string;
  right: string;
}

export interface PrintSetup {
  paper: "A4";
  orientation: "portrait" | "landscape";
  /** Scaled to fit one page wide; as many pages tall as it needs. */
  fitToPagesWide: 1;
  /** 0-based rows repeated at the top of every printed page (a single header row). */
  titleRows?: { first: number; last: number };
  /** 0-based rows that begin a new printed page. */
  rowBreaks: number[];
  /** In inches, as both Excel's file format and Office.js's page layout take them (points there). */
  margins: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
  header: HeaderFooter;
  footer: HeaderFooter;
  /** Cells are aligned to the top, so an id sits beside the first line of its wrapped text. */
  verticalAlignment: "top";
}

/**
 * Text stands one indent step in from the left, so it never runs into a right-aligned date or
 * number before it (`2018-12-31 15 tim/v`). Numbers and dates are right-aligned without indent
 * (LibreOffice does not honour a right indent reliably); their headers get room instead (see
 * `fitColumns` in printLayout.ts), so `Avvikelse` and `Prognos helår` never run together.
 */
export const CELL_INDENT = 1;

/** The side a cell of this format is aligned to. */
export function horizontalOf(format: CellFormat | undefined): "left" | "right" {
  return format && format !== "text" ? "right" : "left";
}

/**
 * The format a report cell is aligned by: text when it holds text (outside headers, whose side
 * follows their column), else its row's or its column's format.
 */
export function alignedFormat(
  row: ReportRow,
  c: number,
  columns: readonly ColumnLayout[]
): CellFormat | undefined {
  if (row.style !== "header" && typeof row.cells[c] === "string") return "text";
  return row.formats?.[c] ?? columns[c]?.format;
}
