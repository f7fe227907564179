/*
 * Adds columns at the right end of a table the user made (an Excel table, or a sheet read as
 * one), into empty cells only. Office.js does not document what TableColumnCollection.add does
 * with cells already right of a table (Excel moves them or refuses), so Balans first looks at the
 * columns right of the table over its rows, header to last row, and adds nothing unless every
 * cell there is empty (no value, no formula). Each step is one round trip, whatever the size of
 * the table.
 */
import { blockAddress } from "../../core/a1";
import { CellValue } from "../../core/tables";
import type { Source } from "./readTables";

export interface NewColumn {
  header: string;
  /** The body's number format (`@` for text). */
  numberFormat: string;
}

/** A table as it is now, and the cells right of it. */
export interface RightOfTable {
  /** The table's header row now. */
  headers: CellValue[];
  /** The cells right of the table, header row to last row (`L1:M25`). */
  address: string;
  /** No value and no formula in any of them. */
  free: boolean;
  /**
   * Where the table is: 0-based first row (the header), first column, rows (header and a totals
   * row included), columns, and data rows (below the header, above a totals row).
   */
  at: { row: number; column: number; rows: number; columns: number; bodyRows: number };
}

/** The whole table: an Excel table's range, or the used range of a sheet read as a table. */
function wholeTable(context: Excel.RequestContext, source: Source): Excel.Range {
  return source.kind === "table"
    ? context.workbook.tables.getItem(source.name).getRange()
    : source.worksheet.getUsedRange(true);
}

/** One round trip: the table's header now and whether the `count` columns right of it are empty. */
export async function lookRightOf(
  context: Excel.RequestContext,
  source: Source,
  count: number
): Promise<RightOfTable> {
  const whole = wholeTable(context, source).load("rowIndex, columnIndex, rowCount, columnCount");
  const header = wholeTable(context, source).getRow(0).load("values");
  // ExcelApi 1.2: the columns right of the range, over its rows. Formulas, so that a formula
  // showing "" counts as the user's.
  const right = wholeTable(context, source).getColumnsAfter(count).load("formulas");
  const body =
    source.kind === "table"
      ? context.workbook.tables.getItem(source.name).getDataBodyRange().load("rowCount")
      : undefined;
  await context.sync();
  const at = {
    row: whole.rowIndex,
    column: whole.columnIndex,
    rows: whole.rowCount,
    columns: whole.columnCount,
    bodyRows: body ? body.rowCount : whole.rowCount - 1,
  };
  return {
    headers: header.values[0] as CellValue[],
    address: blockAddress(at.row, at.column + at.columns, at.rows, count),
    free: (right.formulas as unknown[][]).every((row) => row.every((f) => f === "" || f === null)),
    at,
  };
}

/**
 * One round trip: adds the columns after the table's last column (where `lookRightOf` found the
 * cells empty), with their headers and their bodies' number formats, bodies empty; returns the
 * header row afterwards. An Excel table grows by TableColumnCollection.add (ExcelApi 1.4 for
 * appending by index -1 with a name); a sheet gets the headers in its first row.
 */
export async function addTableColumns(
  context: Excel.RequestContext,
  source: Source,
  table: RightOfTable,
  columns: readonly NewColumn[]
): Promise<CellValue[]> {
  const { row, column, columns: width, bodyRows } = table.at;
  const ws = source.worksheet;
  if (source.kind === "table") {
    const excelTable = context.workbook.tables.getItem(source.name);
    for (const c of columns) excelTable.columns.add(-1, undefined, c.header);
  } else {
    ws.getRangeByIndexes(row, column + width, 1, columns.length).values = [
      columns.map((c) => c.header),
    ];
  }
  if (bodyRows > 0)
    columns.forEach((c, i) => {
      ws.getRangeByIndexes(row + 1, column + width + i, bodyRows, 1).numberFormat = Array.from(
        { length: bodyRows },
        () => [c.numberFormat]
      );
    });
  const header = wholeTable(context, source).getRow(0).load("values");
  await context.sync();
  return header.values[0] as CellValue[];
}
