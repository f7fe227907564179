import ExcelJS from "exceljs";
import {
  alignedFormat,
  CELL_INDENT,
  CellFormat,
  ChartLayout,
  ColumnLayout,
  horizontalOf,
  NUMBER_FORMATS,
  numberFormatFor,
  PrintSetup,
  ReportLayout,
  ROW_STYLES,
  RowStyle,
  SheetLayout,
  TableLayout,
} from "../../core/layout";
import {
  forPrint,
  LINE_POINTS,
  reportRowPoints,
  rowLines,
  WRAP_FROM_WIDTH,
} from "../../core/printLayout";
import { chartSeries, drawBarChart, SERIES_COLOURS } from "./chartImage";
import { BalansError } from "../../core/problems";
import { CellValue } from "../../core/tables";

const FONT = "Calibri";

/** Adds sheets for the layouts to a workbook. It never replaces a sheet: pick a free name first. */
export function addLayouts(workbook: ExcelJS.Workbook, layouts: readonly SheetLayout[]): void {
  for (const layout of layouts) {
    if (sheetNamed(workbook, layout.sheet))
      throw new BalansError(`Arbetsboken har redan ett blad som heter ${layout.sheet}.`);
    if (layout.kind === "table") addTable(workbook, forPrint(layout));
    else addReport(workbook, forPrint(layout));
  }
}

/** Excel compares sheet names without regard to case. */
function sheetNamed(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());
}

/** `name`, or `name (2)`, `name (3)` … : the first that no sheet of the workbook has. */
export function freeSheetName(workbook: ExcelJS.Workbook, name: string): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name.slice(0, 31 - ` (${n})`.length)} (${n})`;
    if (!sheetNamed(workbook, candidate)) return candidate;
  }
}

export async function writeLayoutsToFile(
  file: string,
  layouts: readonly SheetLayout[]
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Balans";
  workbook.created = new Date();
  addLayouts(workbook, layouts);
  await workbook.xlsx.writeFile(file);
}

function addTable(workbook: ExcelJS.Workbook, layout: TableLayout): void {
  const ws = workbook.addWorksheet(layout.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  layout.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.format && c.format !== "text") col.numFmt = NUMBER_FORMATS[c.format];
  });
  ws.addTable({
    name: layout.name,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: layout.columns.map((c) => ({ name: c.header, filterButton: true })),
    // An empty table still needs one row in exceljs; Excel shows it as the table's blank first row.
    rows: layout.rows.length
      ? layout.rows.map((r) => r.map(cellForFile))
      : [layout.columns.map(() => null)],
  });
  // Columns first: exceljs gives a column's alignment to every cell in it, the header's too.
  layout.columns.forEach((c, i) => {
    ws.getColumn(i + 1).alignment = {
      vertical: "top",
      ...alignmentOf(c.format),
      ...(c.width >= WRAP_FROM_WIDTH ? { wrapText: true } : {}),
    };
  });
  // Headers wrap, left-aligned: a right-aligned one would hide under its filter button.
  layout.columns.forEach((_, i) => {
    ws.getRow(1).getCell(i + 1).alignment = {
      vertical: "top",
      wrapText: true,
      ...alignmentOf("text"),
    };
  });
  const headerHeight = reportRowPoints(
    { style: "header", cells: layout.columns.map((c) => c.header) },
    layout.columns.map((c) => ({ ...c, width: c.width - FILTER_BUTTON_WIDTH }))
  );
  if (headerHeight !== undefined) ws.getRow(1).height = headerHeight;
  layout.rows.forEach((cells, r) => {
    const lines = Math.min(8, rowLines(cells, layout.columns));
    if (lines > 1) ws.getRow(r + 2).height = LINE_POINTS * lines;
  });
  applyPrint(ws, layout.print!);
}

/** Characters of a table header's width that its filter button covers. */
const FILTER_BUTTON_WIDTH = 2;

/** The layout's print setup in the file: page, scaling, repeated rows, breaks, header, footer. */
function applyPrint(ws: ExcelJS.Worksheet, print: PrintSetup): void {
  const m = print.margins;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.fitToPagesWide,
    fitToHeight: 0,
    margins: { ...m },
    ...(print.titleRows
      ? { printTitlesRow: `${print.titleRows.first + 1}:${print.titleRows.last + 1}` }
      : {}),
  };
  const codes = (h: PrintSetup["header"]) => `&L${h.left}&C${h.center}&R${h.right}`;
  ws.headerFooter = {
    ...ws.headerFooter,
    oddHeader: codes(print.header),
    oddFooter: codes(print.footer),
  };
  // A break is stored after the last row of a page: the row above the one that starts the next.
  for (const row of print.rowBreaks) ws.getRow(row).addPageBreak();
}

function addReport(workbook: ExcelJS.Workbook, layout: ReportLayout): void {
  const ws = workbook.addWorksheet(layout.sheet, {
    views: [{ state: "frozen", ySplit: layout.freezeRows, showGridLines: false }],
  });
  layout.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  layout.rows.forEach((row, r) => {
    const wsRow = ws.getRow(r + 1);
    row.cells.forEach((value, c) => {
      const cell = wsRow.getCell(c + 1);
      cell.value = cellForFile(value);
      const format = row.formats?.[c] ?? layout.columns[c]?.format;
      if (
        typeof value === "number" &&
        format &&
        !["title", "subtitle", "header"].includes(row.style)
      ) {
        cell.numFmt = numberFormatFor(format, value);
      }
    });
    styleRow(wsRow, row.style, layout.columns);
    const height = reportRowPoints(row, layout.columns);
    if (height !== undefined) wsRow.height = height;
    if (row.style !== "title") {
      layout.columns.forEach((column, c) => {
        const value = row.cells[c];
        const wrap = typeof value === "string" && column.width >= WRAP_FROM_WIDTH;
        const cell = wsRow.getCell(c + 1);
        cell.alignment = {
          ...cell.alignment,
          ...(row.style === "header" ? {} : { vertical: "top" as const }),
          ...alignmentOf(alignedFormat(row, c, layout.columns)),
          ...(wrap ? { wrapText: true } : {}),
        };
      });
    }
  });
  if (layout.chart) addChartImage(workbook, ws, layout, layout.chart);
  applyPrint(ws, layout.print!);
}

/** Text left and one indent step in; numbers and dates right (see CELL_INDENT). */
function alignmentOf(format: CellFormat | undefined): Partial<ExcelJS.Alignment> {
  return horizontalOf(format) === "left"
    ? { horizontal: "left", indent: CELL_INDENT }
    : { horizontal: "right" };
}

/** Rows the chart's picture takes below its block (about 300 px). */
const CHART_ROWS = 15;

/**
 * The chart as a picture under its block, spanning the block's columns, with its title above it;
 * each series' name cell gets its bars' colour, as the chart's legend.
 */
function addChartImage(
  workbook: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  layout: ReportLayout,
  chart: ChartLayout
): void {
  const series = chartSeries(layout, chart);
  // By rows the categories stand under the block's own columns; by columns they get equal slots.
  const slots =
    chart.seriesBy === "rows"
      ? layout.columns.slice(chart.firstColumn, chart.lastColumn + 1).map((c) => c.width)
      : [10, ...(series[0]?.values ?? []).map(() => 10)];
  const scale = 2; // drawn at twice the size it shows, so it prints sharp
  const width = Math.round(slots.reduce((s, w) => s + w * 7 + 5, 0) * scale);
  const height = CHART_ROWS * 20 * scale;
  series.forEach((_, i) => {
    const cell =
      chart.seriesBy === "rows"
        ? ws.getCell(chart.firstRow + 2 + i, chart.firstColumn + 1)
        : ws.getCell(chart.firstRow + 1, chart.firstColumn + 2 + i);
    cell.fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: `FF${SERIES_COLOURS[i % SERIES_COLOURS.length]}` },
    };
    cell.font = { name: FONT, bold: true, color: { argb: "FFFFFFFF" } };
  });
  const titleRow = chart.lastRow + 3; // 1-based: one empty row under the block
  const title = ws.getCell(titleRow, chart.firstColumn + 1);
  title.value = chart.title;
  title.font = { name: FONT, bold: true };
  const image = workbook.addImage({
    buffer: drawBarChart(series, slots, width, height) as unknown as ExcelJS.Buffer,
    extension: "png",
  });
  // Anchors are 0-based: the picture covers the block's columns for CHART_ROWS rows.
  ws.addImage(image, {
    tl: { col: chart.firstColumn, row: titleRow },
    br: { col: chart.lastColumn + 1, row: titleRow + CHART_ROWS },
    editAs: "oneCell",
  } as unknown as ExcelJS.ImageRange);
}

/** The row's look from the core's table, and the header's alignment. */
function styleRow(row: ExcelJS.Row, style: RowStyle, columns: readonly ColumnLayout[]): void {
  const look = ROW_STYLES[style];
  const argb = (rgb: string) => `FF${rgb}`;
  const rule = (kind: "thin" | "double" | undefined) => (kind ? { style: kind } : undefined);
  for (let c = 1; c <= columns.length; c++) {
    const cell = row.getCell(c);
    if (look.font) {
      const { color, ...font } = look.font;
      cell.font = { name: FONT, ...font, ...(color ? { color: { argb: argb(color) } } : {}) };
    }
    if (look.fill)
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
    if (look.ruleAbove || look.ruleBelow) {
      const top = rule(look.ruleAbove);
      const bottom = rule(look.ruleBelow);
      cell.border = { ...(top ? { top } : {}), ...(bottom ? { bottom } : {}) };
    }
    if (style === "header")
      cell.alignment = {
        vertical: "bottom",
        wrapText: true,
        ...alignmentOf(columns[c - 1]?.format),
      };
  }
}

/** Text is written as text (never as a formula, whatever it starts with); dates are serials. */
function cellForFile(value: CellValue): ExcelJS.CellValue {
  if (value === undefined) return null;
  return value;
}
