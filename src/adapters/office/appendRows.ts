import { blockAddress } from "../../core/a1";
import { CellValue, isEmpty, RawTable } from "../../core/tables";
import { officeValue } from "./cells";

/**
 * Adds rows after the last filled row of a Balans table (an Excel table, or a sheet read as one);
 * the rows already there are not touched. Rows are written with Range.values just below the
 * table, which Excel's table then takes in (TableRowCollection.add causes merge conflicts for
 * co-authors), and text cells are text-formatted first, so `2021`, `2021-04-01` or `0,5` stay
 * text. One round trip, with calculation and screen updating suspended.
 */
export async function appendRows(
  context: Excel.RequestContext,
  table: RawTable,
  rows: CellValue[][]
): Promise<void> {
  if (rows.length === 0) return;
  const width = table.headers.length;
  const ws = context.workbook.worksheets.getItem(table.sheetName!);
  const top = (table.firstRowNumber ?? 2) - 1;
  const column = table.firstColumn ?? 0;
  // Empty rows at the end of the table (an empty Excel table has one) are filled first.
  let filled = table.rows.length;
  while (filled > 0 && table.rows[filled - 1].every((c) => isEmpty(c))) filled--;
  const inside = table.kind === "table" ? Math.min(rows.length, table.rows.length - filled) : 0;
  const blocks =
    inside > 0 && inside < rows.length
      ? [
          { at: top + filled, rows: rows.slice(0, inside) },
          { at: top + table.rows.length, rows: rows.slice(inside) },
        ]
      : [{ at: top + filled, rows }];

  context.application.suspendApiCalculationUntilNextSync();
  context.application.suspendScreenUpdatingUntilNextSync();
  for (const block of blocks) {
    const cells = block.rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
    // Text cells get the text format first, so Excel keeps `2021` or `0,5` as typed.
    cells.forEach((row, r) =>
      row.forEach((value, c) => {
        if (typeof value === "string")
          ws.getRange(blockAddress(block.at + r, column + c, 1, 1)).numberFormat = [["@"]];
      })
    );
    ws.getRange(blockAddress(block.at, column, cells.length, width)).values = cells.map((row) =>
      row.map(officeValue)
    );
  }
  await context.sync();
}
