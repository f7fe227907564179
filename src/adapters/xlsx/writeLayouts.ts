import ExcelJS from "exceljs";
import { NUMBER_FORMATS, ReportLayout, SheetLayout, TableLayout } from "../../core/layout";
import { BalansError } from "../../core/problems";
import { CellValue } from "../../core/tables";
import { fittedRowHeight, reportRows, reportSetup, WRAP_FROM_WIDTH } from "./reportLook";

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

function fitRowHeight(
  row: ExcelJS.Row,
  cells: readonly CellValue[],
  columns: readonly { width: number }[]
): void {
  const height = fittedRowHeight(cells, columns);
  if (height !== undefined) row.height = height;
}

function addReport(workbook: ExcelJS.Workbook, layout: ReportLayout): void {
  const setup = reportSetup(layout);
  const ws = workbook.addWorksheet(layout.sheet, {
    views: [{ state: "frozen", ySplit: setup.freezeRows, showGridLines: false }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: setup.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: setup.margins,
      ...(setup.printTitleRow
        ? { printTitlesRow: `${setup.printTitleRow}:${setup.printTitleRow}` }
        : {}),
    },
    headerFooter: { oddFooter: setup.oddFooter },
  });
  setup.widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  reportRows(layout).forEach((row, r) => {
    const wsRow = ws.getRow(r + 1);
    row.cells.forEach((looked, c) => {
      if (!looked) return;
      const cell = wsRow.getCell(c + 1);
      cell.value = cellForFile(looked.value);
      const { font, fill, border, alignment, numFmt } = looked.look;
      if (numFmt) cell.numFmt = numFmt;
      if (font) cell.font = font;
      if (fill) cell.fill = fill;
      if (border) cell.border = border;
      if (alignment) cell.alignment = alignment;
    });
    if (row.height !== undefined) wsRow.height = row.height;
  });
}

/** Text is written as text (never as a formula, whatever it starts with); dates are serials. */
function cellForFile(value: CellValue): ExcelJS.CellValue {
  if (value === undefined) return null;
  return value;
}
