import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { BalansError } from "../../core/problems";
import { CellValue, RawTable } from "../../core/tables";

/** Files larger than this are refused before parsing: a plan workbook is far smaller. */
export const MAX_XLSX_BYTES = 50 * 1024 * 1024;
/** What an .xlsx may unpack to; more is a zip bomb or not a plan, and would exhaust memory. */
export const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

/** Opens an .xlsx file, refusing with one clear message what is missing, too large or not xlsx. */
export async function loadXlsx(file: string): Promise<ExcelJS.Workbook> {
  const name = path.basename(file);
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new BalansError(`Filen ${file} finns inte.`);
  }
  if (!stat.isFile()) throw new BalansError(`${file} är ingen fil.`);
  if (stat.size > MAX_XLSX_BYTES) {
    throw new BalansError(
      `${name} är ${Math.round(stat.size / 1048576)} MB; Balans läser arbetsböcker upp till ${MAX_XLSX_BYTES / 1048576} MB.`
    );
  }
  const buffer = await fs.readFile(file);
  // An .xlsx file is a zip archive; anything else (a .xls, a CSV, a renamed text) is refused here.
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) {
    throw new BalansError(
      `${name} är ingen xlsx-arbetsbok. Spara den som Excel-arbetsbok (.xlsx) och försök igen.`
    );
  }
  const unpacked = unpackedSize(buffer);
  if (unpacked === undefined)
    throw new BalansError(`${name} är en skadad zip-fil och kan inte läsas som xlsx-arbetsbok.`);
  if (unpacked > MAX_UNPACKED_BYTES) {
    throw new BalansError(
      `${name} packas upp till ${Math.round(unpacked / 1048576)} MB; Balans läser arbetsböcker som packas upp till högst ${MAX_UNPACKED_BYTES / 1048576} MB.`
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw new BalansError(
      `${name} kan inte läsas som xlsx-arbetsbok (${(error as Error).message}).`
    );
  }
  return workbook;
}

/**
 * The total unpacked size of a zip archive, from its central directory (what each entry says it
 * unpacks to), without unpacking anything; undefined when the archive is damaged.
 */
export function unpackedSize(zip: Buffer): number | undefined {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let k = 0; k < entries; k++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) return undefined;
    total += zip.readUInt32LE(at + 24);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}

/**
 * Every Excel table in the workbook, then every worksheet as a table whose header is its first
 * non-empty row; a lookup by name finds an Excel table before a sheet of the same name.
 */
export function tablesOf(workbook: ExcelJS.Workbook): RawTable[] {
  const tables: RawTable[] = [];
  const sheets: RawTable[] = [];
  workbook.eachSheet((ws) => {
    for (const table of ws.getTables() as unknown as { table?: TableModel; model?: TableModel }[]) {
      const model = (table.table ?? table.model) as TableModel;
      const raw = readExcelTable(ws, model);
      if (raw) tables.push(raw);
    }
    const sheet = readSheetAsTable(ws);
    if (sheet) sheets.push(sheet);
  });
  return [...tables, ...sheets];
}

export async function readXlsxTables(file: string): Promise<RawTable[]> {
  return tablesOf(await loadXlsx(file));
}

interface TableModel {
  name: string;
  displayName?: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
}

function readExcelTable(ws: ExcelJS.Worksheet, model: TableModel): RawTable | undefined {
  const ref = model.tableRef ?? model.ref;
  if (!ref) return undefined;
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(ref.replace(/\$/g, ""));
  if (!m) return undefined;
  const [c1, r1, c2, r2] = [
    columnNumber(m[1]),
    Number(m[2]),
    columnNumber(m[3] ?? m[1]),
    Number(m[4] ?? m[2]),
  ];
  const lastDataRow = model.totalsRow ? r2 - 1 : r2;
  const rowCells = (r: number) => {
    const row = ws.getRow(r);
    const cells: CellValue[] = [];
    for (let c = c1; c <= c2; c++) cells.push(plainValue(row.getCell(c).value));
    return cells;
  };
  const rows: CellValue[][] = [];
  for (let r = r1 + 1; r <= lastDataRow; r++) rows.push(rowCells(r));
  return {
    name: model.displayName || model.name,
    headers: rowCells(r1),
    rows,
    firstRowNumber: r1 + 1,
    firstColumn: c1 - 1,
    sheetName: ws.name,
  };
}

function readSheetAsTable(ws: ExcelJS.Worksheet): RawTable | undefined {
  let headerRow = 0;
  for (let r = 1; r <= ws.rowCount && !headerRow; r++) {
    const row = ws.getRow(r);
    if (
      row.values &&
      (row.values as unknown[]).some((v) => plainValue(v as ExcelJS.CellValue) !== null)
    )
      headerRow = r;
  }
  if (!headerRow) return undefined;
  const width = ws.columnCount;
  const rowCells = (r: number) => {
    const row = ws.getRow(r);
    const cells: CellValue[] = [];
    for (let c = 1; c <= width; c++) cells.push(plainValue(row.getCell(c).value));
    return cells;
  };
  const rows: CellValue[][] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) rows.push(rowCells(r));
  return {
    name: ws.name,
    headers: rowCells(headerRow),
    rows,
    firstRowNumber: headerRow + 1,
    firstColumn: 0,
    sheetName: ws.name,
  };
}

/** Turns exceljs' rich cell values (formulas, rich text, links, errors) into plain values. */
export function plainValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return value;
  const v = value as unknown as Record<string, unknown>;
  if ("result" in v || "formula" in v || "sharedFormula" in v)
    return plainValue(v.result as ExcelJS.CellValue);
  if (Array.isArray(v.richText))
    return (v.richText as { text: string }[]).map((t) => t.text).join("");
  if ("text" in v) return plainValue(v.text as ExcelJS.CellValue);
  // An error cell reaches the core as its exact Excel text (`#DIV/0!`), also when it is a
  // formula's cached result (handled above through `result`); the core makes it a problem.
  if ("error" in v) return String(v.error);
  return null;
}

function columnNumber(letters: string): number {
  return letters
    .toUpperCase()
    .split("")
    .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}
