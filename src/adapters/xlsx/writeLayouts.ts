import ExcelJS from "exceljs";
import {
  ColumnLayout,
  NUMBER_FORMATS,
  ReportLayout,
  RowStyle,
  SheetLayout,
  TableLayout,
} from "../../core/layout";
import { BalansError } from "../../core/problems";
import { CellValue } from "../../core/tables";

const FONT = "Calibri";
const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFDDEBF7" },
};
const GROUP_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFF2F2F2" },
};

/** Adds sheets for the layouts to a workbook. It never replaces a sheet: pick a free name first. */
export function addLayouts(workbook: ExcelJS.Workbook, layouts: readonly SheetLayout[]): void {
  for (const layout of layouts) {
    if (sheetNamed(workbook, layout.sheet))
      throw new BalansError(`Arbetsboken har redan ett blad som heter ${layout.sheet}.`);
    if (layout.kind === "table") addTable(workbook, layout);
    else addReport(workbook, layout);
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
  ws.getRow(1).alignment = { vertical: "top", wrapText: true };
  layout.columns.forEach((c, i) => {
    if (c.width >= WRAP_FROM_WIDTH)
      ws.getColumn(i + 1).alignment = { vertical: "top", wrapText: true };
  });
  layout.rows.forEach((cells, r) => fitRowHeight(ws.getRow(r + 2), cells, layout.columns));
}

/** Columns at least this wide wrap their text; narrower ones hold codes, dates and numbers. */
const WRAP_FROM_WIDTH = 24;
const LINE_HEIGHT = 15;
// Calibri 11 fits about 1,2 average characters per unit of column width; spreadsheet programs
// without Calibri substitute wider fonts, so plan for one.
const CHARS_PER_WIDTH = 1.0;

/**
 * Spreadsheet programs do not grow a row for wrapped text written by a file, so the height is
 * set from an estimate of the wrapped lines (characters per line ≈ column width).
 */
function fitRowHeight(
  row: ExcelJS.Row,
  cells: readonly CellValue[],
  columns: readonly { width: number }[]
): void {
  let lines = 1;
  cells.forEach((value, c) => {
    const width = columns[c]?.width ?? 10;
    if (typeof value === "string" && width >= WRAP_FROM_WIDTH)
      lines = Math.max(lines, Math.ceil(value.length / (width * CHARS_PER_WIDTH)));
  });
  if (lines > 1) row.height = LINE_HEIGHT * Math.min(lines, 6);
}

function addReport(workbook: ExcelJS.Workbook, layout: ReportLayout): void {
  const ws = workbook.addWorksheet(layout.sheet, {
    views: [{ state: "frozen", ySplit: layout.freezeRows, showGridLines: false }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: layout.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      // Repeat the column headers on every printed page when the frozen rows end with them.
      ...(layout.rows[layout.freezeRows - 1]?.style === "header"
        ? { printTitlesRow: `${layout.freezeRows}:${layout.freezeRows}` }
        : {}),
    },
    headerFooter: { oddFooter: "&L&A&RSida &P av &N" },
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
        cell.numFmt = NUMBER_FORMATS[format];
      }
    });
    styleRow(wsRow, row.style, layout.columns);
    if (row.style === "header") {
      const lines = Math.max(
        1,
        ...row.cells.map((v, c) =>
          typeof v === "string" ? Math.ceil(v.length / (layout.columns[c]?.width ?? 10)) : 1
        )
      );
      if (lines > 1) wsRow.height = LINE_HEIGHT * Math.min(lines, 3);
    }
    if (row.style === "item") {
      row.cells.forEach((value, c) => {
        const wrap = typeof value === "string" && layout.columns[c]?.width >= WRAP_FROM_WIDTH;
        wsRow.getCell(c + 1).alignment = { vertical: "top", ...(wrap ? { wrapText: true } : {}) };
      });
      fitRowHeight(wsRow, row.cells, layout.columns);
    }
  });
}

function styleRow(row: ExcelJS.Row, style: RowStyle, columns: readonly ColumnLayout[]): void {
  const width = columns.length;
  const each = (f: (cell: ExcelJS.Cell, c: number) => void) => {
    for (let c = 1; c <= width; c++) f(row.getCell(c), c);
  };
  switch (style) {
    case "title":
      row.getCell(1).font = { name: FONT, size: 14, bold: true };
      row.height = 22;
      break;
    case "subtitle":
    case "note":
      row.getCell(style === "note" ? 2 : 1).font = {
        name: FONT,
        size: 9,
        italic: true,
        color: { argb: "FF595959" },
      };
      break;
    case "header":
      each((cell, c) => {
        cell.font = { name: FONT, bold: true };
        cell.fill = HEADER_FILL;
        cell.border = { bottom: { style: "thin" } };
        const format = columns[c - 1]?.format;
        const numeric = format !== undefined && format !== "text";
        cell.alignment = {
          vertical: "bottom",
          wrapText: true,
          horizontal: numeric ? "right" : "left",
        };
      });
      break;
    case "group":
      each((cell) => {
        cell.font = { name: FONT, bold: true };
        cell.fill = GROUP_FILL;
      });
      break;
    case "subtotal":
      each((cell) => {
        cell.font = { name: FONT, bold: true };
        cell.border = { top: { style: "thin" } };
      });
      break;
    case "total":
      each((cell) => {
        cell.font = { name: FONT, bold: true };
        cell.border = { top: { style: "thin" }, bottom: { style: "double" } };
      });
      break;
    case "emphasis":
      each((cell) => (cell.font = { name: FONT, bold: true, color: { argb: "FFC00000" } }));
      break;
    default:
      break;
  }
}

/** Text is written as text (never as a formula, whatever it starts with); dates are serials. */
function cellForFile(value: CellValue): ExcelJS.CellValue {
  if (value === undefined) return null;
  return value;
}
