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

export interface ColumnLayout {
  header: string;
  /** Width in characters. */
  width: number;
  format?: CellFormat;
  /** A drop-down list; `strict` refuses other values, otherwise Excel only warns. */
  choices?: { values: readonly string[]; strict: boolean };
}

/** A chart over a block of a report: first row = series names, first column = categories. */
export interface ChartLayout {
  title: string;
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
}

export type SheetLayout = TableLayout | ReportLayout;

/** A row's cells filled out with empty cells to the layout's width. */
export function padCells(cells: CellValue[], width: number): CellValue[] {
  return cells.length >= width
    ? cells
    : [...cells, ...Array<CellValue>(width - cells.length).fill(null)];
}
