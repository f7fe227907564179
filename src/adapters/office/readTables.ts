import { CellValue, RawTable } from "../../core/tables";
import { foldText } from "../../core/text";

/**
 * Reads the named Balans tables from the open workbook in two round trips, whatever their size:
 * one for the names of tables and sheets, one for the values of those that match. A name matches
 * an Excel table first, then a worksheet (header = first row of its used range), ignoring case
 * and diacritics as the workbook contract says.
 */
export async function readWorkbookTables(
  context: Excel.RequestContext,
  names: readonly string[]
): Promise<RawTable[]> {
  const tables = context.workbook.tables.load("items/name");
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();

  const wanted = new Set(names.map(foldText));
  const pending: (() => RawTable | undefined)[] = [];
  const found = new Set<string>();
  for (const table of tables.items) {
    const key = foldText(table.name);
    if (!wanted.has(key) || found.has(key)) continue;
    found.add(key);
    const header = table.getHeaderRowRange().load("values");
    const body = table.getDataBodyRange().load("values, rowIndex, columnIndex");
    const sheet = table.worksheet.load("name");
    pending.push(() => ({
      name: table.name,
      headers: header.values[0] as CellValue[],
      rows: body.values as CellValue[][],
      firstRowNumber: body.rowIndex + 1,
      firstColumn: body.columnIndex,
      sheetName: sheet.name,
      kind: "table" as const,
    }));
  }
  for (const ws of sheets.items) {
    const key = foldText(ws.name);
    if (!wanted.has(key) || found.has(key)) continue;
    found.add(key);
    const used = ws.getUsedRangeOrNullObject(true).load("values, rowIndex, columnIndex");
    pending.push(() => {
      if (used.isNullObject || used.values.length === 0) return undefined;
      const [headers, ...rows] = used.values as CellValue[][];
      return {
        name: ws.name,
        headers,
        rows,
        firstRowNumber: used.rowIndex + 2,
        firstColumn: used.columnIndex,
        sheetName: ws.name,
        kind: "sheet" as const,
      };
    });
  }
  if (pending.length === 0) return [];
  await context.sync();
  return pending.map((read) => read()).filter((t): t is RawTable => t !== undefined);
}
