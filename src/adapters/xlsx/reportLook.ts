import type ExcelJS from "exceljs";
import {
  alignedFormat,
  CELL_INDENT,
  CellFormat,
  horizontalOf,
  numberFormatFor,
  PrintSetup,
  ReportLayout,
  ROW_STYLES,
  RowStyle,
} from "../../core/layout";
import { reportRowPoints, WRAP_FROM_WIDTH } from "../../core/printLayout";
import { CellValue } from "../../core/tables";

/**
 * How a report sheet looks in a file, cell by cell, mapped from the core's row styles and print
 * setup: the one mapping both file writers render (exceljs for a new workbook, the package writer
 * for a report added to a copy of the input). Takes a layout as `forPrint` made it.
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
  print: PrintSetup;
}

export const FONT = "Calibri";

export function reportSetup(layout: ReportLayout): ReportSetup {
  if (!layout.print) throw new Error("reportSetup takes a layout made by forPrint");
  return {
    freezeRows: layout.freezeRows,
    widths: layout.columns.map((c) => c.width),
    print: layout.print,
  };
}

/** Excel's header and footer codes for the three parts. */
export const headerFooterCodes = (h: PrintSetup["header"]): string =>
  `&L${h.left}&C${h.center}&R${h.right}`;

// Looks are shared objects, not one per cell: a report of 10 000 rows has a handful of them,
// and the package writer finds each cell format by its parts' identity.
const fonts = new Map<RowStyle, Partial<ExcelJS.Font> | undefined>();
const fills = new Map<RowStyle, ExcelJS.FillPattern | undefined>();
const borders = new Map<RowStyle, Partial<ExcelJS.Borders> | undefined>();
const alignments = new Map<string, Partial<ExcelJS.Alignment>>();

const argb = (rgb: string) => `FF${rgb}`;

function fontOf(style: RowStyle): Partial<ExcelJS.Font> | undefined {
  if (!fonts.has(style)) {
    const look = ROW_STYLES[style].font;
    if (!look) fonts.set(style, undefined);
    else {
      const { color, ...font } = look;
      fonts.set(style, { name: FONT, ...font, ...(color ? { color: { argb: argb(color) } } : {}) });
    }
  }
  return fonts.get(style);
}

function fillOf(style: RowStyle): ExcelJS.FillPattern | undefined {
  if (!fills.has(style)) {
    const fill = ROW_STYLES[style].fill;
    fills.set(
      style,
      fill ? { type: "pattern", pattern: "solid", fgColor: { argb: argb(fill) } } : undefined
    );
  }
  return fills.get(style);
}

function borderOf(style: RowStyle): Partial<ExcelJS.Borders> | undefined {
  if (!borders.has(style)) {
    const { ruleAbove, ruleBelow } = ROW_STYLES[style];
    borders.set(
      style,
      ruleAbove || ruleBelow
        ? {
            ...(ruleAbove ? { top: { style: ruleAbove } } : {}),
            ...(ruleBelow ? { bottom: { style: ruleBelow } } : {}),
          }
        : undefined
    );
  }
  return borders.get(style);
}

/** Text left and one indent step in; numbers and dates right (see CELL_INDENT). */
export function alignmentOf(format: CellFormat | undefined): Partial<ExcelJS.Alignment> {
  return horizontalOf(format) === "left"
    ? { horizontal: "left", indent: CELL_INDENT }
    : { horizontal: "right" };
}

/**
 * One shared alignment object per combination. A header is aligned to the bottom and wraps, on
 * its column's side; then every row but the title is aligned by what the cell holds
 * (`alignedFormat`), to the top outside headers, wrapping text in wide columns.
 */
function alignment(
  header: boolean,
  columnFormat: CellFormat | undefined,
  format: CellFormat | undefined,
  wrap: boolean
): Partial<ExcelJS.Alignment> {
  const key = `${header ? `h|${horizontalOf(columnFormat)}` : ""}|${horizontalOf(format)}|${wrap ? 1 : 0}`;
  let a = alignments.get(key);
  if (!a) {
    a = {
      ...(header
        ? { vertical: "bottom" as const, wrapText: true, ...alignmentOf(columnFormat) }
        : { vertical: "top" as const }),
      ...alignmentOf(format),
      ...(wrap ? { wrapText: true } : {}),
    };
    alignments.set(key, a);
  }
  return a;
}

/** Every row of a report with its cells' values and looks. */
export function reportRows(layout: ReportLayout): LookedRow[] {
  const columns = layout.columns;
  return layout.rows.map((row) => {
    const cells: (LookedCell | undefined)[] = [];
    const at = (c: number): LookedCell => (cells[c] ??= { value: null, look: {} });
    const plain = ["title", "subtitle", "header"].includes(row.style);
    row.cells.forEach((value, c) => {
      const cell = at(c);
      cell.value = value === undefined ? null : value;
      const format = row.formats?.[c] ?? columns[c]?.format;
      if (typeof value === "number" && format && !plain)
        cell.look.numFmt = numberFormatFor(format, value);
    });
    const font = fontOf(row.style);
    const fill = fillOf(row.style);
    const border = borderOf(row.style);
    for (let c = 0; c < columns.length; c++) {
      const look = at(c).look;
      if (font) look.font = font;
      if (fill) look.fill = fill;
      if (border) look.border = border;
      if (row.style === "title") continue;
      const wrap = typeof row.cells[c] === "string" && columns[c].width >= WRAP_FROM_WIDTH;
      look.alignment = alignment(
        row.style === "header",
        columns[c]?.format,
        alignedFormat(row, c, columns),
        wrap
      );
    }
    const height = reportRowPoints(row, columns);
    return height === undefined ? { cells } : { height, cells };
  });
}
