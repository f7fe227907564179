import { blockAddress } from "../../core/a1";
import { RawTable } from "../../core/tables";
import { CellValue } from "../../core/tables";
import { officeValue } from "./cells";

/**
 * Adds rows after the last row of a Balans table (an Excel table, or a sheet read as one); the
 * rows already there are not touched. One round trip.
 */
export async function appendRows(
  context: Excel.RequestContext,
  table: RawTable,
  rows: CellValue[][]
): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((r) => table.headers.map((_, i) => officeValue(r[i])));
  if (table.kind === "table") {
    context.workbook.tables.getItem(table.name).rows.add(undefined, values);
  } else {
    const firstEmpty = (table.firstRowNumber ?? 2) - 1 + table.rows.length;
    context.workbook.worksheets
      .getItem(table.sheetName!)
      .getRange(
        blockAddress(firstEmpty, table.firstColumn ?? 0, values.length, values[0].length)
      ).values = values;
  }
  await context.sync();
}
