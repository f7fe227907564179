import { BalansError, Problem } from "./problems";
import { foldText, headerKey, headerSuffix } from "./text";
import { DEFAULT_UNIT, parseUnit, Unit } from "./units";

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
  /** The header text the user wrote for each located column. */
  headerOf(key: K): string;
  has(key: K): boolean;
  /** Data rows that are not entirely empty, with their row numbers. */
  rows: { number: number; cells: readonly CellValue[]; get(key: K): CellValue }[];
}

/** Finds a table by name, case- and diacritics-insensitively. */
export function findTable(tables: readonly RawTable[], name: string): RawTable | undefined {
  const wanted = foldText(name);
  return tables.find((t) => foldText(t.name) === wanted);
}

/**
 * Locates a table's columns from its header row. A missing required column stops the reading with
 * an error naming the table and the column; extra columns are kept and ignored.
 */
export function bindTable<K extends string>(spec: TableSpec<K>, raw: RawTable): BoundTable<K> {
  const headers = raw.headers.map((h) => (h === null || h === undefined ? "" : String(h)));
  const keys = headers.map(headerKey);
  const index = new Map<K, number>();
  for (const column of spec.columns) {
    const names = [column.header, ...(column.aliases ?? [])].map(headerKey);
    const at = keys.findIndex((k) => k !== "" && names.includes(k));
    if (at >= 0) index.set(column.key, at);
    else if (column.required) {
      const also = column.aliases?.length ? ` (eller ${column.aliases.join(", ")})` : "";
      throw new BalansError(
        `Tabellen ${spec.name} saknar kolumnen ${column.header}${also}. Rubrikerna som finns: ${
          headers.filter(Boolean).join(", ") || "inga"
        }.`,
        spec.name,
        column.header
      );
    }
  }

  let unit: Unit = DEFAULT_UNIT;
  if (spec.unitColumn !== undefined && index.has(spec.unitColumn)) {
    const suffix = headerSuffix(headers[index.get(spec.unitColumn)!]);
    unit = (suffix && parseUnit(suffix)) || DEFAULT_UNIT;
  }

  const first = raw.firstRowNumber ?? 1;
  const rows = raw.rows
    .map((cells, i) => ({ cells, number: first + i }))
    .filter(({ cells }) => cells.some((c) => !isEmpty(c)))
    .map(({ cells, number }) => ({
      number,
      cells,
      get: (key: K) => {
        const at = index.get(key);
        return at === undefined ? undefined : cells[at];
      },
    }));

  return {
    spec,
    raw,
    unit,
    rows,
    has: (key) => index.has(key),
    headerOf: (key) => {
      const at = index.get(key);
      return at === undefined ? spec.columns.find((c) => c.key === key)!.header : headers[at];
    },
  };
}

export function isEmpty(value: CellValue): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

export function cellText(value: CellValue): string {
  if (isEmpty(value)) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** Collects problems for one bound table, each naming the table, row and column. */
export class ProblemLog<K extends string> {
  readonly problems: Problem[] = [];
  constructor(private readonly table: BoundTable<K>) {}

  add(row: number, key: K | undefined, message: string): void {
    this.problems.push({
      table: this.table.spec.name,
      row,
      ...(key !== undefined ? { column: this.table.headerOf(key) } : {}),
      message,
    });
  }
}
