import { Block, parseBlock } from "../../core/a1";
import { boundColumns } from "../../core/boundColumns";
import { CellValue, findTable, RawTable } from "../../core/tables";
import { foldText } from "../../core/text";
import { errorCode } from "./officeErrors";
import { readWorkbookTables, TOO_LARGE } from "./readTables";

/**
 * What an event says changed in one Balans table: the cells edited (the event's address on the
 * sheet), or, without an address, anything in it (rows inserted or deleted, formulas calculated,
 * a sheet serving as the table).
 */
export interface TableChange {
  table: string;
  address?: string;
  /**
   * The address lists the cells Excel calculated on the table's sheet (comma-separated), which
   * may lie outside the table: only those inside it changed it.
   */
  calculated?: boolean;
}

/** An edit of at most this many cells is read as a patch; a larger one reads its table again. */
const PATCH_MAX_CELLS = 5_000;

interface Patch {
  cached: RawTable;
  blocks: Block[];
}

/**
 * The named tables after `changes`, from `base` (the tables as last read). A table whose changes
 * are all edits of cells inside its data body is patched from those cells: one round trip, which
 * also checks that the table still has the header, place and size it was read with. Any other
 * changed table (rows inserted or deleted, an edit of its header or beside it, a sheet serving as
 * a table, a patch whose check fails) is read again whole, with readWorkbookTables. Tables with no
 * change keep their rows.
 */
export async function readChangedTables(
  context: Excel.RequestContext,
  names: readonly string[],
  base: readonly RawTable[],
  changes: readonly TableChange[]
): Promise<RawTable[]> {
  const wanted = new Set(names.map(foldText));
  const whole = new Map<string, string>();
  const patches = new Map<string, Patch>();
  for (const change of changes) {
    const key = foldText(change.table);
    if (!wanted.has(key) || whole.has(key)) continue;
    const cached = findTable(base, change.table);
    const patch = patches.get(key) ?? (cached && { cached, blocks: [] });
    const blocks = patch && blocksOf(patch.cached, change);
    if (!patch || !blocks) {
      patches.delete(key);
      whole.set(key, change.table);
      continue;
    }
    // A patch with no cells still checks that the table is where it was read.
    patch.blocks.push(...blocks);
    if (patch.blocks.reduce((n, b) => n + b.rows * b.columns, 0) > PATCH_MAX_CELLS) {
      patches.delete(key);
      whole.set(key, change.table);
    } else patches.set(key, patch);
  }

  const replaced = new Map<string, RawTable | undefined>();
  for (const [key, table] of await readPatches(context, [...patches.values()]))
    if (table) replaced.set(key, table);
    else whole.set(key, patches.get(key)!.cached.name);
  if (whole.size) {
    const read = await readWorkbookTables(context, [...whole.values()]);
    for (const key of whole.keys())
      replaced.set(
        key,
        read.find((t) => foldText(t.name) === key)
      );
  }
  return base
    .filter((t) => !replaced.has(foldText(t.name)))
    .concat([...replaced.values()].filter((t): t is RawTable => t !== undefined));
}

/**
 * The cells of a change to patch in the table as read, or undefined when it must be read whole:
 * an edit must lie inside the data body; of cells calculated, those outside the table are none
 * of its business, and any touching its header or edge reads it whole.
 */
function blocksOf(table: RawTable, change: TableChange): Block[] | undefined {
  // A sheet serving as a table ends where its used range does, which a calculation may move.
  if (change.address === undefined || table.kind !== "table") return undefined;
  const blocks: Block[] = [];
  for (const area of change.calculated ? change.address.split(",") : [change.address]) {
    const block = parseBlock(area.trim());
    if (!block) return undefined;
    if (insideBody(table, block)) blocks.push(block);
    else if (!change.calculated || touches(table, block)) return undefined;
  }
  return blocks;
}

/** Whether a block meets the table as read, header included. */
function touches(table: RawTable, block: Block): boolean {
  const top = (table.firstRowNumber ?? 2) - 2;
  const left = table.firstColumn ?? 0;
  return (
    block.row <= top + table.rows.length &&
    block.row + block.rows > top &&
    block.column < left + table.headers.length &&
    block.column + block.columns > left
  );
}

/** Whether a block lies within the table's data rows and columns as read. */
function insideBody(table: RawTable, block: Block): boolean {
  if (table.kind !== "table" || table.firstRowNumber === undefined) return false;
  const top = table.firstRowNumber - 1;
  const left = table.firstColumn ?? 0;
  return (
    block.row >= top &&
    block.row + block.rows <= top + table.rows.length &&
    block.column >= left &&
    block.column + block.columns <= left + table.headers.length
  );
}

/**
 * Each patch read in one round trip with its table's header, place and size; the patched table,
 * or undefined where the table is no longer as it was read (it must then be read whole).
 */
async function readPatches(
  context: Excel.RequestContext,
  patches: readonly Patch[]
): Promise<Map<string, RawTable | undefined>> {
  const out = new Map<string, RawTable | undefined>();
  if (patches.length === 0) return out;
  const loaded = patches.map(({ cached, blocks }) => {
    const table = context.workbook.tables.getItem(cached.name);
    const header = table.getHeaderRowRange().load("values");
    const body = table.getDataBodyRange().load("rowIndex, columnIndex, rowCount, columnCount");
    const worksheet = table.worksheet.load("name");
    const ranges = blocks.map((b) =>
      worksheet.getRangeByIndexes(b.row, b.column, b.rows, b.columns).load("values")
    );
    return { header, body, worksheet, ranges };
  });
  try {
    await context.sync();
  } catch (error) {
    // A table renamed or deleted since it was read, or cells that weigh more than one response
    // may carry (a paste of long texts): every patched table is read whole instead, in slices.
    if (errorCode(error) !== "ItemNotFound" && errorCode(error) !== TOO_LARGE) throw error;
    for (const { cached } of patches) out.set(foldText(cached.name), undefined);
    return out;
  }
  patches.forEach(({ cached, blocks }, k) => {
    const { header, body, worksheet, ranges } = loaded[k];
    const same =
      worksheet.name === cached.sheetName &&
      body.rowIndex + 1 === cached.firstRowNumber &&
      body.columnIndex === (cached.firstColumn ?? 0) &&
      body.rowCount === cached.rows.length &&
      body.columnCount === cached.headers.length &&
      sameCells(header.values[0] as CellValue[], cached.headers);
    out.set(
      foldText(cached.name),
      same
        ? patched(
            cached,
            blocks,
            ranges.map((r) => r.values as CellValue[][])
          )
        : undefined
    );
  });
  return out;
}

function sameCells(a: readonly CellValue[], b: readonly CellValue[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The table with the blocks' cells in its bound columns (as a full read would hold them). */
function patched(cached: RawTable, blocks: readonly Block[], values: CellValue[][][]): RawTable {
  const bound = boundColumns(cached.name, cached.headers);
  const reads = (c: number) => !bound || bound.includes(c);
  const top = cached.firstRowNumber! - 1;
  const left = cached.firstColumn ?? 0;
  const rows = cached.rows.slice();
  const copied = new Set<number>();
  blocks.forEach((b, k) => {
    for (let i = 0; i < b.rows; i++) {
      const at = b.row + i - top;
      if (!copied.has(at)) {
        rows[at] = rows[at].slice();
        copied.add(at);
      }
      for (let j = 0; j < b.columns; j++) {
        const c = b.column + j - left;
        if (reads(c)) rows[at][c] = values[k][i][j];
      }
    }
  });
  return { ...cached, rows };
}
