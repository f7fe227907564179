import { CellValue, RawTable } from "../../core/tables";
import { foldText } from "../../core/text";

/** A generous estimate of a cell in a response; keeps each read under Excel on the web's 5 MB. */
const BYTES_PER_CELL = 60;
export const MAX_READ_BYTES = 4_000_000;

interface Source {
  name: string;
  sheetName: string;
  kind: "table" | "sheet";
  worksheet: Excel.Worksheet;
  /** Headers of an Excel table; a sheet's header is the first row of its values. */
  header?: Excel.Range;
  block: Excel.Range;
}

interface Slice {
  source: Source;
  start: number;
  rows: number;
  range?: Excel.Range;
}

/**
 * Reads the named Balans tables from the open workbook. A name matches an Excel table first, then
 * a worksheet (header = first row of its used range), ignoring case and diacritics as the
 * workbook contract says. Three round trips for tables of any usual size: names, then shapes,
 * then values; values of very large tables are read in slices, each response under the limit.
 */
export async function readWorkbookTables(
  context: Excel.RequestContext,
  names: readonly string[]
): Promise<RawTable[]> {
  const sources = await locateTables(context, names);
  if (sources.length === 0) return [];
  return readValues(context, sources);
}

/**
 * The names (as the workbook has them) of the named Balans tables it has, found as
 * readWorkbookTables finds them: two round trips, no values read.
 */
export async function findWorkbookTables(
  context: Excel.RequestContext,
  names: readonly string[]
): Promise<string[]> {
  return (await locateTables(context, names)).map((s) => s.name);
}

/** Names, then shapes: where each named table is. */
async function locateTables(
  context: Excel.RequestContext,
  names: readonly string[]
): Promise<Source[]> {
  const tables = context.workbook.tables.load("items/name");
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();

  const wanted = new Set(names.map(foldText));
  const found = new Set<string>();
  const pending: (() => Source | undefined)[] = [];
  for (const table of tables.items) {
    const key = foldText(table.name);
    if (!wanted.has(key) || found.has(key)) continue;
    found.add(key);
    const header = table.getHeaderRowRange().load("values");
    const block = table.getDataBodyRange().load("rowIndex, columnIndex, rowCount, columnCount");
    const worksheet = table.worksheet.load("name");
    pending.push(() => ({
      name: table.name,
      sheetName: worksheet.name,
      kind: "table",
      worksheet,
      header,
      block,
    }));
  }
  for (const ws of sheets.items) {
    const key = foldText(ws.name);
    if (!wanted.has(key) || found.has(key)) continue;
    found.add(key);
    const block = ws
      .getUsedRangeOrNullObject(true)
      .load("rowIndex, columnIndex, rowCount, columnCount");
    pending.push(() =>
      block.isNullObject
        ? undefined
        : { name: ws.name, sheetName: ws.name, kind: "sheet", worksheet: ws, block }
    );
  }
  if (pending.length === 0) return [];
  await context.sync();
  return pending.map((shape) => shape()).filter((s): s is Source => s !== undefined);
}

/** The values of located tables, in slices that keep each response under the limit. */
async function readValues(context: Excel.RequestContext, sources: Source[]): Promise<RawTable[]> {
  // Slices of at most MAX_READ_BYTES, packed into as few requests as fit under the limit.
  const batches: Slice[][] = [[]];
  let batchBytes = 0;
  for (const source of sources) {
    const rowBytes = Math.max(1, source.block.columnCount) * BYTES_PER_CELL;
    const rowsPerSlice = Math.max(1, Math.floor(MAX_READ_BYTES / rowBytes));
    for (let start = 0; start < source.block.rowCount; start += rowsPerSlice) {
      const rows = Math.min(rowsPerSlice, source.block.rowCount - start);
      if (batchBytes + rows * rowBytes > MAX_READ_BYTES && batches[batches.length - 1].length) {
        batches.push([]);
        batchBytes = 0;
      }
      batches[batches.length - 1].push({ source, start, rows });
      batchBytes += rows * rowBytes;
    }
  }
  for (const batch of batches) {
    for (const slice of batch) {
      const { block } = slice.source;
      slice.range = slice.source.worksheet
        .getRangeByIndexes(
          block.rowIndex + slice.start,
          block.columnIndex,
          slice.rows,
          block.columnCount
        )
        .load("values");
    }
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per slice batch keeps each response under the limit; usual tables need one
    await context.sync();
  }

  const slices = batches.flat();
  return sources.map((source) => {
    const values = slices
      .filter((s) => s.source === source)
      .flatMap((s) => s.range!.values as CellValue[][]);
    const { block } = source;
    if (source.kind === "table") {
      return {
        name: source.name,
        headers: source.header!.values[0] as CellValue[],
        rows: values,
        firstRowNumber: block.rowIndex + 1,
        firstColumn: block.columnIndex,
        sheetName: source.sheetName,
        kind: "table" as const,
      };
    }
    const [headers, ...rows] = values;
    return {
      name: source.name,
      headers: headers ?? [],
      rows,
      firstRowNumber: block.rowIndex + 2,
      firstColumn: block.columnIndex,
      sheetName: source.sheetName,
      kind: "sheet" as const,
    };
  });
}
