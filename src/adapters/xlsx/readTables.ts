import { promises as fs } from "fs";
import * as path from "path";
import { BalansError } from "../../core/problems";
import { CellValue, RawTable } from "../../core/tables";
import { foldText } from "../../core/text";
import { ALL_TABLES } from "../../core/workbook";
import {
  CellFormats,
  decodeOoxmlText,
  isDateFormat,
  parseCellRef,
  sheetCellsHandler,
} from "./sheetCells";
import { NeedsFullParse, SharedStringScanner } from "./sharedStrings";
import { relKind, XlsxPackage } from "./xlsxPackage";
import { XmlError } from "./xml";
import { ZipError } from "./zip";

/** Files larger than this are refused before parsing: a plan workbook is far smaller. */
export const MAX_XLSX_BYTES = 50 * 1024 * 1024;
/** What an .xlsx may unpack to; more is a zip bomb or not a plan, and would exhaust memory. */
export const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

/** Reads an .xlsx file's bytes, refusing with one clear message what is missing, too large or not xlsx. */
export async function readXlsxFile(file: string): Promise<XlsxPackage> {
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
  let pkg: XlsxPackage;
  try {
    pkg = new XlsxPackage(buffer);
  } catch {
    throw new BalansError(`${name} är en skadad zip-fil och kan inte läsas som xlsx-arbetsbok.`);
  }
  const unpacked = pkg.entries.reduce((sum, e) => sum + e.size, 0);
  if (unpacked > MAX_UNPACKED_BYTES) {
    throw new BalansError(
      `${name} packas upp till ${Math.round(unpacked / 1048576)} MB; Balans läser arbetsböcker som packas upp till högst ${MAX_UNPACKED_BYTES / 1048576} MB.`
    );
  }
  return pkg;
}

/**
 * The Balans tables of an .xlsx file: each named Excel table, else a worksheet of that name read
 * as a table (its first non-empty row is the header). Only the parts those tables need are
 * unpacked (workbook, styles, their sheets, table parts, shared strings), sheets are streamed, and
 * only the cells and strings of the tables are kept: memory grows with the tables, not the file.
 */
export async function readXlsxTables(
  file: string,
  names: readonly string[] = ALL_TABLES
): Promise<RawTable[]> {
  return tablesOfPackageOrFail(await readXlsxFile(file), file, names);
}

/** The tables of a package read from `file`; a damaged part is one clear message naming the file. */
export async function tablesOfPackageOrFail(
  pkg: XlsxPackage,
  file: string,
  names: readonly string[] = ALL_TABLES
): Promise<RawTable[]> {
  try {
    return await tablesOfPackage(pkg, names);
  } catch (error) {
    if (error instanceof XmlError || error instanceof ZipError)
      throw new BalansError(
        `${path.basename(file)} kan inte läsas som xlsx-arbetsbok (${error.message}).`
      );
    throw error;
  }
}

export interface WorkbookSheet {
  name: string;
  /** The worksheet part, e.g. `xl/worksheets/sheet1.xml`. */
  part: string;
  relId: string;
}

export interface WorkbookInfo {
  /** The workbook part, e.g. `xl/workbook.xml`. */
  part: string;
  sheets: WorkbookSheet[];
  date1904: boolean;
}

/** The workbook part, its sheets (in order, with their parts) and its date system. */
export function workbookInfo(pkg: XlsxPackage): WorkbookInfo {
  const root = [...pkg.relationships("").values()].find((r) => relKind(r) === "officeDocument");
  const part = root?.target ?? "xl/workbook.xml";
  if (!pkg.has(part)) throw new XmlError(`arbetsboksdelen ${part} saknas`);
  const rels = pkg.relationships(part);
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  pkg.parse(part, {
    open(name, a) {
      if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      if (name === "sheet" && a.name !== undefined && a.id !== undefined) {
        const rel = rels.get(a.id);
        // Chart sheets and dialog sheets hold no cells.
        if (rel && relKind(rel) === "worksheet")
          sheets.push({ name: a.name, part: rel.target, relId: a.id });
      }
    },
    close() {},
    text() {},
  });
  return { part, sheets, date1904 };
}

/** For each cell style, whether it shows dates. */
function dateStyles(pkg: XlsxPackage, workbookPart: string): boolean[] {
  const stylesRel = [...pkg.relationships(workbookPart).values()].find(
    (r) => relKind(r) === "styles"
  );
  const codes = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  if (stylesRel)
    pkg.parse(stylesRel.target, {
      open(name, a) {
        if (name === "numFmt" && a.numFmtId !== undefined)
          codes.set(Number(a.numFmtId), a.formatCode ?? "");
        else if (name === "cellXfs") inCellXfs = true;
        else if (name === "xf" && inCellXfs) {
          const id = Number(a.numFmtId ?? 0);
          styles.push(isDateFormat(id, codes.get(id)));
        }
      },
      close(name) {
        if (name === "cellXfs") inCellXfs = false;
      },
      text() {},
    });
  return styles;
}

interface TablePart {
  name: string;
  ref: string;
  headerRows: number;
  totalsRows: number;
  columnNames: string[];
}

function readTablePart(pkg: XlsxPackage, part: string): TablePart | undefined {
  let table: TablePart | undefined;
  pkg.parse(part, {
    open(name, a) {
      if (name === "table")
        table = {
          name: a.displayName || a.name || "",
          ref: a.ref ?? "",
          headerRows: a.headerRowCount === undefined ? 1 : Number(a.headerRowCount),
          totalsRows: a.totalsRowCount === undefined ? 0 : Number(a.totalsRowCount),
          columnNames: [],
        };
      else if (name === "tableColumn" && table) table.columnNames.push(a.name ?? "");
    },
    close() {},
    text() {},
  });
  return table;
}

/** Cells of a sheet gathered for one table: a fixed rectangle, or the whole sheet. */
interface Target {
  raw: RawTable;
  /** 1-based bounds; a sheet read as a table is as wide as its header, once that is read. */
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  /** Rows by worksheet row number (sparse while reading); a table's rows are its full width. */
  cells: Map<number, CellValue[]>;
  /** The table part of an Excel table; none for a sheet read as a table. */
  part?: TablePart;
  /** A sheet read as a table: the row of its header, the first row with a value. */
  headerRow?: number;
}

/** The rows of a sheet's gaps share one empty row: a cell far down costs no memory per row. */
const EMPTY_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];

export async function tablesOfPackage(
  pkg: XlsxPackage,
  names: readonly string[]
): Promise<RawTable[]> {
  const wanted = new Set(names.map(foldText));
  const info = workbookInfo(pkg);
  const formats: CellFormats = { date1904: info.date1904, dateStyles: dateStyles(pkg, info.part) };

  const found = new Set<string>();
  const bySheet = new Map<WorkbookSheet, Target[]>();
  const tables: Target[] = [];
  for (const sheet of info.sheets) {
    for (const rel of pkg.relationships(sheet.part).values()) {
      if (relKind(rel) !== "table") continue;
      const part = readTablePart(pkg, rel.target);
      if (!part) continue;
      const key = foldText(part.name);
      if (!wanted.has(key) || found.has(key)) continue;
      const [from, to] = part.ref.split(":");
      const a = parseCellRef(from ?? "");
      const b = parseCellRef(to ?? from ?? "");
      if (!a || !b) continue;
      found.add(key);
      const target: Target = {
        raw: {
          name: part.name,
          headers: [],
          rows: [],
          firstRowNumber: a.row + part.headerRows,
          firstColumn: a.col - 1,
          sheetName: sheet.name,
          kind: "table",
        },
        r1: a.row,
        c1: a.col,
        r2: b.row,
        c2: b.col,
        cells: new Map(),
        part,
      };
      if (part.headerRows === 0) target.raw.headers = part.columnNames;
      tables.push(target);
      bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), target]);
    }
  }
  const sheets: Target[] = [];
  for (const sheet of info.sheets) {
    const key = foldText(sheet.name);
    if (!wanted.has(key) || found.has(key)) continue;
    found.add(key);
    const target: Target = {
      raw: { name: sheet.name, headers: [], rows: [], sheetName: sheet.name, kind: "sheet" },
      r1: 1,
      c1: 1,
      r2: Infinity,
      c2: Infinity,
      cells: new Map(),
    };
    sheets.push(target);
    bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), target]);
  }

  // Cells holding a shared string, filled in once the strings are read.
  const pendingRows: CellValue[][] = [];
  const pendingCols: number[] = [];
  const pendingIndexes: number[] = [];
  for (const [sheet, targets] of bySheet) {
    const lastRow = Math.max(...targets.map((t) => t.r2));
    const handler = sheetCellsHandler(formats, (row, col, value, sharedString) => {
      for (const t of targets) {
        if (!t.part) {
          // Past a sheet's header row, a cell right of the header's last has no column to bind
          // to: none is kept, so a far cell (XFD…) costs nothing in any row.
          if (t.headerRow === undefined) t.headerRow = row;
          else if (row !== t.headerRow && t.c2 === Infinity)
            t.c2 = t.cells.get(t.headerRow)?.length ?? Infinity;
        }
        if (row < t.r1 || row > t.r2 || col < t.c1 || col > t.c2) continue;
        let cells = t.cells.get(row);
        if (!cells) {
          cells = t.part ? new Array<CellValue>(t.c2 - t.c1 + 1).fill(null) : [];
          t.cells.set(row, cells);
        }
        cells[col - t.c1] = value;
        if (sharedString >= 0) {
          pendingRows.push(cells);
          pendingCols.push(col - t.c1);
          pendingIndexes.push(sharedString);
        }
      }
    });
    // Stop once past the last row any table of the sheet covers.
    await pkg.stream(sheet.part, handler, () => handler.row() <= lastRow);
  }
  if (pendingIndexes.length) {
    const strings = await readSharedStrings(pkg, info.part, new Set(pendingIndexes));
    for (let k = 0; k < pendingIndexes.length; k++) {
      const text = strings.get(pendingIndexes[k]);
      if (text === undefined) throw new XmlError(`delad text nr ${pendingIndexes[k]} saknas`);
      pendingRows[k][pendingCols[k]] = text;
    }
  }

  const out: RawTable[] = [];
  for (const t of tables) {
    const part = t.part!;
    const width = t.c2 - t.c1 + 1;
    const rowAt = (r: number) => t.cells.get(r) ?? new Array<CellValue>(width).fill(null);
    if (part.headerRows > 0) t.raw.headers = rowAt(t.r1);
    const first = t.r1 + part.headerRows;
    const last = t.r2 - part.totalsRows;
    for (let r = first; r <= last; r++) t.raw.rows.push(rowAt(r));
    out.push(t.raw);
  }
  for (const t of sheets) {
    const rowNumbers = [...t.cells.keys()].sort((x, y) => x - y);
    if (!rowNumbers.length) continue;
    const headerRow = rowNumbers[0];
    const headerCells = t.cells.get(headerRow)!;
    // Columns after the last header cell have no name, so no table column can bind to them.
    const width = headerCells.length;
    const rowAt = (r: number) => {
      const cells = t.cells.get(r);
      if (!cells) return EMPTY_ROW;
      const row: CellValue[] = new Array(width);
      for (let c = 0; c < width; c++) row[c] = cells[c] ?? null;
      return row;
    };
    t.raw.headers = rowAt(headerRow);
    t.raw.firstRowNumber = headerRow + 1;
    t.raw.firstColumn = 0;
    const last = rowNumbers[rowNumbers.length - 1];
    for (let r = headerRow + 1; r <= last; r++) t.raw.rows.push(rowAt(r));
    out.push(t.raw);
  }
  return out;
}

/**
 * Streams the shared string table, keeping only the strings asked for (the keys of `wanted`):
 * a workbook's other sheets may hold millions of strings Balans never needs.
 */
async function readSharedStrings(
  pkg: XlsxPackage,
  workbookPart: string,
  wanted: ReadonlySet<number>
): Promise<Map<number, string>> {
  const strings = new Map<number, string>();
  const rel = [...pkg.relationships(workbookPart).values()].find(
    (r) => relKind(r) === "sharedStrings"
  );
  if (!rel) return strings;
  let lastWanted = -1;
  for (const w of wanted) if (w > lastWanted) lastWanted = w;
  const scanner = new SharedStringScanner(wanted);
  try {
    await pkg.streamText(rel.target, (text) => scanner.write(text, lastWanted));
    return scanner.strings;
  } catch (error) {
    if (!(error instanceof NeedsFullParse)) throw error;
  }
  // Comments or CDATA in the table: every item through the tokenizer.
  let index = -1;
  let text = "";
  let keep = false;
  let inText = false;
  let inPhonetic = false;
  await pkg.stream(
    rel.target,
    {
      open(name) {
        if (name === "si") {
          index++;
          keep = wanted.has(index);
          text = "";
        } else if (name === "rPh") inPhonetic = true;
        else if (name === "t") inText = keep && !inPhonetic;
      },
      close(name) {
        if (name === "si" && keep) strings.set(index, decodeOoxmlText(text));
        else if (name === "rPh") inPhonetic = false;
        else if (name === "t") inText = false;
      },
      text(t) {
        if (inText) text += t;
      },
    },
    () => index <= lastWanted
  );
  return strings;
}
