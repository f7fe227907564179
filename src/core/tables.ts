import {
  amountInUnit,
  excelErrorMessage,
  excelErrorOf,
  parseAmount,
  readingNotice,
  splitHeader,
} from "./grammar";
import { BalansError, Problem, Severity } from "./problems";
import { foldText } from "./text";
import { DEFAULT_UNIT, Unit } from "./units";

/** What a host reads from a cell: hosts turn rich values (formulas, rich text) into these. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A table as read from a workbook: its header row and data rows, before any interpretation. */
export interface RawTable {
  name: string;
  headers: CellValue[];
  rows: CellValue[][];
  /** Worksheet row number of the first data row, so problems can point at the real row. */
  firstRowNumber?: number;
  /** Worksheet and address, when known, for messages and for selecting a cell. */
  sheetName?: string;
  /** 0-based worksheet column of the table's first column (0 = column A). */
  firstColumn?: number;
  /** An Excel table, or a worksheet read as a table (header in its first non-empty row). */
  kind?: "table" | "sheet";
}

export interface ColumnSpec<K extends string = string> {
  key: K;
  /** The canonical header a new table is written with, e.g. `Helårseffekt`. */
  header: string;
  aliases?: string[];
  required?: boolean;
  /**
   * An amount column: it takes its unit from its own header (`Budget (tkr)` beside
   * `Underskott (mnkr)`), and text in its header's parentheses that is no unit is an error.
   */
  amount?: boolean;
}

export interface TableSpec<K extends string = string> {
  name: string;
  columns: readonly ColumnSpec<K>[];
  /** The column whose header carries the table's unit, e.g. `Helårseffekt (mnkr)`. */
  unitColumn?: K;
}

/** A table's columns located by header, with helpers to read a row by column key. */
export interface BoundTable<K extends string> {
  spec: TableSpec<K>;
  raw: RawTable;
  unit: Unit;
  /** The unit of an amount column: its own header's, else the table's. */
  unitOf(key: K): Unit;
  /** The unit an amount column's header states, if it states one. */
  statedUnit(key: K): Unit | undefined;
  /** The header text the user wrote for each located column. */
  headerOf(key: K): string;
  has(key: K): boolean;
  /** Data rows that are not entirely empty, with their row numbers. */
  rows: BoundRow<K>[];
  /** Cells of located columns holding an Excel error value (`#DIV/0!`), as problems. */
  errorCells: Problem[];
}

export interface BoundRow<K extends string> {
  number: number;
  /** The row's cells as read, for columns outside the spec (per-year columns). */
  cells: readonly CellValue[];
  get(key: K): CellValue;
}

/** Finds a table by name, case- and diacritics-insensitively. */
export function findTable(tables: readonly RawTable[], name: string): RawTable | undefined {
  const wanted = foldText(name);
  return tables.find((t) => foldText(t.name) === wanted);
}

/**
 * Locates a table's columns from its header row. A missing required column stops the reading with
 * an error naming the table and the column; extra columns are kept and ignored. `alsoRead` are
 * further columns the caller reads from a row's cells (per-year columns): a row empty in those and
 * in the spec's columns is no row.
 */
export function bindTable<K extends string>(
  spec: TableSpec<K>,
  raw: RawTable,
  alsoRead: readonly number[] = []
): BoundTable<K> {
  const headers = headerTexts(raw.headers);
  const parts = headers.map(splitHeader);
  const index = locateIn(spec, parts);
  const units = new Map<K, Unit>();
  for (const column of spec.columns) {
    const at = index.get(column.key);
    if (at !== undefined) {
      const unit = parts[at].unit;
      if (column.amount && unit.kind === "unknown") {
        throw new BalansError(
          `Tabellen ${spec.name}: kolumnen »${headers[at]}« anger enheten »${unit.text}«, som Balans inte känner igen. Skriv mnkr, tkr, kr eller mdkr (t.ex. ${column.header} (tkr)).`,
          spec.name,
          headers[at]
        );
      }
      if (column.amount && unit.kind === "unit") units.set(column.key, unit.unit);
    } else if (column.required) {
      throw missingColumn(spec, column, headers);
    }
  }

  const unit: Unit =
    (spec.unitColumn !== undefined ? units.get(spec.unitColumn) : undefined) ?? DEFAULT_UNIT;

  const first = raw.firstRowNumber ?? 1;
  const errorCells: Problem[] = [];
  const rows: BoundRow<K>[] = [];
  // A row is empty when every column Balans reads is: what other columns hold is not Balans's
  // (and a host may not even read them, see boundColumns).
  const read = [...index.values(), ...alsoRead];
  raw.rows.forEach((cells, i) => {
    if (read.every((at) => isEmpty(cells[at]))) return;
    const number = first + i;
    for (const [key, at] of index) {
      const cell = cells[at];
      // an error value is text starting with #: other cells need no closer look
      if (typeof cell !== "string" || !cell.includes("#")) continue;
      const error = excelErrorOf(cell);
      if (error)
        errorCells.push({
          table: spec.name,
          row: number,
          column: headers[at],
          key,
          severity: "error",
          message: excelErrorMessage(error),
        });
    }
    rows.push(new TableRow(number, cells, index));
  });

  return {
    spec,
    raw,
    unit,
    unitOf: (key) => units.get(key) ?? unit,
    statedUnit: (key) => units.get(key),
    rows,
    errorCells,
    has: (key) => index.has(key),
    headerOf: (key) => {
      const at = index.get(key);
      return at === undefined ? spec.columns.find((c) => c.key === key)!.header : headers[at];
    },
  };
}

/** A bound row: its cells read by column key through the table's one index. */
class TableRow<K extends string> implements BoundRow<K> {
  constructor(
    readonly number: number,
    readonly cells: readonly CellValue[],
    private readonly index: ReadonlyMap<K, number>
  ) {}

  get(key: K): CellValue {
    const at = this.index.get(key);
    return at === undefined ? undefined : this.cells[at];
  }
}

const headerTexts = (headers: readonly CellValue[]): string[] =>
  headers.map((h) => (h === null || h === undefined ? "" : String(h)));

/**
 * Where each column of the spec is in a header row: the first header whose name (without its
 * unit) is the column's header or one of its aliases. Columns not found are absent.
 */
export function locateColumns<K extends string>(
  spec: TableSpec<K>,
  headers: readonly CellValue[]
): Map<K, number> {
  return locateIn(spec, headerTexts(headers).map(splitHeader));
}

/** `locateColumns` over headers already split into name and unit. */
function locateIn<K extends string>(
  spec: TableSpec<K>,
  parts: readonly ReturnType<typeof splitHeader>[]
): Map<K, number> {
  const index = new Map<K, number>();
  for (const column of spec.columns) {
    const names = [column.header, ...(column.aliases ?? [])].map((n) => splitHeader(n).key);
    const at = parts.findIndex((p) => p.key !== "" && names.includes(p.key));
    if (at >= 0) index.set(column.key, at);
  }
  return index;
}

function missingColumn(spec: TableSpec, column: ColumnSpec, headers: string[]): BalansError {
  const also = column.aliases?.length ? ` (eller ${column.aliases.join(", ")})` : "";
  return new BalansError(
    `Tabellen ${spec.name} saknar kolumnen ${column.header}${also}. Rubrikerna som finns: ${
      headers.filter(Boolean).join(", ") || "inga"
    }.`,
    spec.name,
    column.header
  );
}

export function isEmpty(value: CellValue): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/**
 * `read` with its answers kept per text or number: a table of thousands of rows repeats a few
 * timings, months and areas, so each distinct cell is read once per table. Other cells (dates,
 * booleans, empty) are read each time. `read` must depend on the cell alone, and callers must not
 * change what it answers (the answer is shared by every row with that cell).
 */
export function rememberReadings<C, V>(read: (cell: C) => V): (cell: C) => V {
  const kept = new Map<C, V>();
  return (cell) => {
    if (typeof cell !== "string" && typeof cell !== "number") return read(cell);
    if (kept.has(cell)) return kept.get(cell)!;
    const answer = read(cell);
    kept.set(cell, answer);
    return answer;
  };
}

/**
 * A cell as text, trimmed. An Excel error value reads as empty: the table's `errorCells` already
 * carry the problem, so no error text becomes an id, a name or an area.
 */
export function cellText(value: CellValue): string {
  if (typeof value === "string") {
    // most cells are text: trimmed once
    const text = value.trim();
    return text === "" || excelErrorOf(text) ? "" : text;
  }
  if (isEmpty(value) || excelErrorOf(value)) return "";
  if (value instanceof Date) {
    // An invalid Date (a serial no calendar holds) has no text; the date readers report it.
    return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  }
  return String(value).trim();
}

/**
 * Collects problems for one bound table, each naming the table, row and column, listed in row
 * order. It starts with the table's Excel error cells; a later problem on the same cell is left
 * out (the error value is the reason).
 */
export class ProblemLog<K extends string> {
  private readonly list: Problem[] = [];
  private readonly byRow = new Map<number, Problem[]>();
  private readonly errorAt = new Set<string>();

  constructor(private readonly table: BoundTable<K>) {
    for (const p of table.errorCells) {
      this.push(p);
      this.errorAt.add(`${p.row}|${p.column}`);
    }
  }

  /** Every problem, table-wide ones first, then by row (in the order found within a row). */
  get problems(): Problem[] {
    return [...this.list].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  }

  /** The problems of one row, its error cells included. */
  problemsOfRow(row: number): readonly Problem[] {
    return this.byRow.get(row) ?? [];
  }

  private push(p: Problem): void {
    this.list.push(p);
    if (p.row === undefined) return;
    let mine = this.byRow.get(p.row);
    if (!mine) this.byRow.set(p.row, (mine = []));
    mine.push(p);
  }

  add(row: number, key: K | undefined, message: string, severity: Severity = "error"): void {
    const column = key !== undefined ? this.table.headerOf(key) : undefined;
    if (column !== undefined && this.errorAt.has(`${row}|${column}`)) return;
    this.push({
      table: this.table.spec.name,
      row,
      ...(key !== undefined ? { column, key } : {}),
      severity,
      message,
    });
  }

  /** A problem in a column outside the spec (a per-year column), named as the user wrote it. */
  addInColumn(
    row: number,
    column: string,
    key: string,
    message: string,
    severity: Severity = "error"
  ): void {
    this.push({ table: this.table.spec.name, row, column, key, severity, message });
  }

  /** A usable value that was read in an unusual way: says what was read. */
  notice(row: number, key: K | undefined, message: string): void {
    this.add(row, key, message, "notice");
  }

  /**
   * A notice when an amount column states no unit and is added to figures in another unit: the
   * contract's default (mnkr) is used, and the user should see that it was.
   */
  assumedUnit(key: K, other: Unit): void {
    if (this.table.statedUnit(key) !== undefined || this.table.unit === other) return;
    if (!this.table.has(key)) return;
    this.push({
      table: this.table.spec.name,
      column: this.table.headerOf(key),
      key,
      severity: "notice",
      message: `rubriken anger ingen enhet; beloppen läses som ${this.table.unit} och räknas om till ${other}. Skriv enheten i rubriken, t.ex. ${this.table.headerOf(key)} (${other}), om de är i ${other}.`,
    });
  }

  /**
   * An amount cell in `to` (from the text's own unit, else the column's): the value, or
   * undefined with its problem; a notice says how unusual text was read.
   */
  amount(row: BoundRow<K>, key: K, to: Unit = this.table.unit): number | undefined {
    const cell = row.get(key);
    const a = parseAmount(cell);
    if (!a.ok) {
      this.add(row.number, key, a.message);
      return undefined;
    }
    const value = amountInUnit(a, this.table.unitOf(key), to);
    // the text as written is shown only for an amount read in a unit of its own
    const notice = readingNotice(a, a.unit !== undefined ? cellText(cell) : "", to, value);
    if (notice) this.notice(row.number, key, notice);
    return value;
  }

  /** Whether the row's cell in that column holds an Excel error value. */
  hasError(row: number, key: K): boolean {
    return this.errorAt.has(`${row}|${this.table.headerOf(key)}`);
  }
}
