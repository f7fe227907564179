import { boundColumns } from "../../core/boundColumns";
import { CellValue, isEmpty, RawTable } from "../../core/tables";
import { foldText } from "../../core/text";
import { errorCode } from "./officeErrors";

/** Excel on the web refuses a response over 5 MB. */
export const RESPONSE_LIMIT_BYTES = 5 * 1024 * 1024;
/** What one response of a read may carry: under the limit, with room for the envelope. */
export const MAX_READ_BYTES = 4_700_000;
/** Rows of each table read with its shape, to measure what its rows weigh. */
const PROBE_ROWS = 24;
/** Rows below the probe may hold longer texts than those measured. */
const SAFETY = 1.15;
/** Excel's error when a response would be over the limit. */
export const TOO_LARGE = "ResponsePayloadSizeLimitExceeded";

/** A located Balans table: where it is, its header, and which of its columns are read. */
export interface Source {
  name: string;
  sheetName: string;
  kind: "table" | "sheet";
  worksheet: Excel.Worksheet;
  /** An Excel table's header row; a sheet's is the first row of its used range. */
  headers: CellValue[];
  /** The data rows: a table's data body; a sheet's used range below its first row. */
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  /** Runs of adjacent columns read, relative to the first column. */
  runs: { start: number; count: number }[];
  /** Bytes one row of the read columns is expected to weigh in a response. */
  rowBytes: number;
}

interface Slice {
  source: Source;
  start: number;
  rows: number;
  ranges?: Excel.Range[];
}

/**
 * Reads the named Balans tables from the open workbook. A name matches an Excel table first, then
 * a worksheet (header = first row of its used range), ignoring case and diacritics as the
 * workbook contract says. Three round trips for tables of any size whose read columns fit in one
 * response: names, then shapes (with each table's header and first rows, which measure what a
 * row weighs), then values of the columns Balans binds only (`"all"`: every column, for a writer
 * that must see every cell a user typed). Larger tables are read in slices sized from the
 * measured bytes.
 */
export async function readWorkbookTables(
  context: Excel.RequestContext,
  names: readonly string[],
  columns: "bound" | "all" = "bound"
): Promise<RawTable[]> {
  const sources = await locateTables(context, names, true, columns);
  if (sources.length === 0) return [];
  return readValues(context, sources);
}

/**
 * Names, then shapes: where each named table is, its header, and (with `measure`) what its rows
 * weigh, from its first rows.
 */
export async function locateTables(
  context: Excel.RequestContext,
  names: readonly string[],
  measure = true,
  columns: "bound" | "all" = "bound"
): Promise<Source[]> {
  const read = (name: string, headers: CellValue[], count: number) =>
    runsOf(columns === "all" ? undefined : boundColumns(name, headers), count);
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
    const body = table.getDataBodyRange().load("rowIndex, columnIndex, rowCount, columnCount");
    const probe = measure
      ? table
          .getDataBodyRange()
          .getRow(0)
          .getResizedRange(PROBE_ROWS - 1, 0)
          .load("values")
      : undefined;
    const worksheet = table.worksheet.load("name");
    pending.push(() => {
      const headers = header.values[0] as CellValue[];
      const runs = read(table.name, headers, body.columnCount);
      const measured = ((probe?.values ?? []) as CellValue[][]).slice(0, body.rowCount);
      return {
        name: table.name,
        sheetName: worksheet.name,
        kind: "table",
        worksheet,
        headers,
        rowIndex: body.rowIndex,
        columnIndex: body.columnIndex,
        rowCount: body.rowCount,
        columnCount: body.columnCount,
        runs,
        rowBytes: rowBytesOf(measured, runs),
      };
    });
  }
  for (const ws of sheets.items) {
    const key = foldText(ws.name);
    if (!wanted.has(key) || found.has(key)) continue;
    found.add(key);
    // The used range (a blank sheet's is A1): its first row is the header, the rows below it
    // the probe. Two proxies of it, so neither is read before the sync that loads it.
    const used = ws.getUsedRange(true).load("rowIndex, columnIndex, rowCount, columnCount");
    const head = ws
      .getUsedRange(true)
      .getRow(0)
      .getResizedRange(measure ? PROBE_ROWS : 0, 0)
      .load("values");
    pending.push(() => {
      const [headers, ...probe] = head.values as CellValue[][];
      if (used.rowCount === 1 && used.columnCount === 1 && isEmpty(headers[0])) return undefined;
      const runs = read(ws.name, headers, used.columnCount);
      return {
        name: ws.name,
        sheetName: ws.name,
        kind: "sheet",
        worksheet: ws,
        headers,
        rowIndex: used.rowIndex + 1,
        columnIndex: used.columnIndex,
        rowCount: used.rowCount - 1,
        columnCount: used.columnCount,
        runs,
        rowBytes: rowBytesOf(probe.slice(0, used.rowCount - 1), runs),
      };
    });
  }
  if (pending.length === 0) return [];
  await context.sync();
  return pending.map((shape) => shape()).filter((s): s is Source => s !== undefined);
}

/** Adjacent columns grouped, so each run is one range; undefined = every column. */
function runsOf(columns: number[] | undefined, count: number): Source["runs"] {
  if (!columns) return [{ start: 0, count }];
  const runs: Source["runs"] = [];
  for (const c of columns) {
    if (c >= count) continue;
    const last = runs[runs.length - 1];
    if (last && last.start + last.count === c) last.count++;
    else runs.push({ start: c, count: 1 });
  }
  return runs;
}

/**
 * What a cell weighs in a response, counted high: its JSON text (a string with its quotes and
 * escapes; a number with all its digits, up to 24 characters for a full-precision double such as
 * 0.30000000000000004) at two bytes a character, and a separator; at least 12 bytes.
 */
export function cellBytes(value: CellValue): number {
  const json = typeof value === "string" ? JSON.stringify(value) : String(value);
  return Math.max(12, 2 * json.length + 2);
}

/** The expected bytes of one row of the read columns, from measured rows, with a margin. */
function rowBytesOf(rows: readonly CellValue[][], runs: Source["runs"]): number {
  const perRow = rows.map((cells) =>
    runs.reduce((n, run) => {
      for (let c = run.start; c < run.start + run.count; c++) n += cellBytes(cells[c]);
      return n + 8;
    }, 8)
  );
  const mean = perRow.reduce((a, b) => a + b, 0) / Math.max(1, perRow.length);
  return Math.ceil(Math.max(mean * SAFETY, 16));
}

/**
 * The values of located tables, in slices that keep each response under the limit: slices are
 * sized from the measured row bytes and packed into as few requests as fit. A request Excel still
 * refuses as too large is split in halves and read again.
 */
async function readValues(
  context: Excel.RequestContext,
  sources: readonly Source[]
): Promise<RawTable[]> {
  const queue: Slice[][] = plan(sources);
  const done: Slice[] = [];
  while (queue.length) {
    const batch = queue.shift()!;
    for (const slice of batch)
      slice.ranges = slice.source.runs.map((run) =>
        slice.source.worksheet
          .getRangeByIndexes(
            slice.source.rowIndex + slice.start,
            slice.source.columnIndex + run.start,
            slice.rows,
            run.count
          )
          .load("values")
      );
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per batch keeps each response under the limit; usual tables need one
      await context.sync();
      done.push(...batch);
    } catch (error) {
      if (errorCode(error) !== TOO_LARGE || (batch.length === 1 && batch[0].rows === 1))
        throw error;
      // Each half on its own request: the measure was wrong, so no packing on it.
      queue.unshift(...batch.flatMap(halve).map((s) => [s]));
    }
  }
  return sources.map((source) => assemble(source, done));
}

/** Slices of the sources filling requests of at most MAX_READ_BYTES each, in order. */
function plan(sources: readonly Source[]): Slice[][] {
  const batches: Slice[][] = [[]];
  let batchBytes = 0;
  for (const source of sources) {
    for (let start = 0; start < source.rowCount;) {
      const fit = Math.floor((MAX_READ_BYTES - batchBytes) / source.rowBytes);
      if (fit < 1 && batches[batches.length - 1].length) {
        batches.push([]);
        batchBytes = 0;
        continue;
      }
      const rows = Math.min(Math.max(1, fit), source.rowCount - start);
      batches[batches.length - 1].push({ source, start, rows });
      batchBytes += rows * source.rowBytes;
      start += rows;
    }
  }
  return batches.filter((b) => b.length);
}

function halve(slice: Slice): Slice[] {
  if (slice.rows === 1) return [{ ...slice, ranges: undefined }];
  const first = Math.ceil(slice.rows / 2);
  return [
    { source: slice.source, start: slice.start, rows: first },
    { source: slice.source, start: slice.start + first, rows: slice.rows - first },
  ];
}

/** One table's rows from its slices, each cell in its column; unread columns hold null. */
function assemble(source: Source, slices: readonly Slice[]): RawTable {
  const mine = slices.filter((s) => s.source === source).sort((a, b) => a.start - b.start);
  const rows: CellValue[][] = [];
  for (const slice of mine) {
    const parts = slice.ranges!.map((r) => r.values as CellValue[][]);
    for (let i = 0; i < slice.rows; i++) rows.push(rowOf(source, parts, i));
  }
  return {
    name: source.name,
    headers: source.headers,
    rows,
    firstRowNumber: source.rowIndex + 1,
    firstColumn: source.columnIndex,
    sheetName: source.sheetName,
    kind: source.kind,
  };
}

/** Row `i` of the read runs, laid out over all of the table's columns. */
function rowOf(
  source: Pick<Source, "runs" | "columnCount">,
  parts: readonly CellValue[][][],
  i: number
): CellValue[] {
  if (parts.length === 1 && source.runs[0].count === source.columnCount) return parts[0][i];
  const row: CellValue[] = new Array<CellValue>(source.columnCount).fill(null);
  source.runs.forEach((run, k) => {
    const cells = parts[k][i];
    for (let j = 0; j < run.count; j++) row[run.start + j] = cells[j];
  });
  return row;
}
