import type { FormulaResult } from "./queries";

/**
 * Spill (dynamic-array) forms of the Balans functions: one formula over a range of ids, years or
 * months answers with a whole column or table, computed in one invocation from the one model.
 *
 * Excel passes a matrix parameter as rows of cells (`[[v]]` for a single value); a function whose
 * result is a matrix spills it into the neighbouring cells, and each element may be an error
 * (learn.microsoft.com: custom-functions-dynamic-arrays, custom-functions-errors). The arguments
 * are lifted here, in one place, as Excel lifts its own elementwise operators: the result has as
 * many rows as the argument with the most rows and as many columns as the one with the most
 * columns; a 1×1 argument is repeated everywhere, a single row (or column) along the other
 * dimension; a cell outside an argument of another size is `#N/A` (`{1;2;3}+{1;2}` is
 * `{2;4;#N/A}`). So `BESPARING(A2:A500; B1:F1)` is a table of 499 ids × 5 years. An empty cell of
 * a range gives an empty row where the range lists rows (ids, areas), else `#VALUE!`.
 */

/** A result cell: the scalar function's answer, or "" for a row left empty. */
export type SpillCell<T = number> = FormulaResult<T | "">;
/** A spilled result: rows of cells, never empty. */
export type Spill<T = number> = SpillCell<T>[][];

/** One argument of a spilled call. */
export interface SpillArgument {
  /** The argument as Excel passed it: a matrix, or a single value (a 1×1 matrix). */
  value: unknown;
  /** The parameter's name as the user sees it, for the message of a cell outside the argument. */
  name: string;
  /**
   * A key that rows are listed by (a measure's id, an area): when the argument has more than one
   * cell, a blank cell gives an empty result cell, not an error or a total. Users select A2:A1000
   * with 500 ids filled; the rest of the column stays empty.
   */
  listsRows?: boolean;
}

/** The empty result cell; shared, so a column of mostly empty rows costs no objects. */
export const EMPTY: SpillCell<never> = Object.freeze({ ok: true, value: "" }) as SpillCell<never>;

/** An argument as a matrix: a single value (or an array Excel never sends, empty) is 1×1. */
export function asGrid(value: unknown): readonly (readonly unknown[])[] {
  if (!Array.isArray(value)) return [[value]];
  if (value.length === 0) return [[null]];
  if (!Array.isArray(value[0])) return [value];
  return value[0].length === 0 ? [[null]] : (value as unknown[][]);
}

/**
 * How an empty cell of a range reaches a custom function: as null or "" (Excel on the web) or as
 * 0 (Excel on Windows: OfficeDev/office-js #1951, #5262), so a 0 may be a typed 0 or an empty
 * cell. "maybe" for 0: answered if it means something, else empty.
 */
function emptyCell(value: unknown): "empty" | "maybe" | undefined {
  if (value === null || value === undefined) return "empty";
  if (typeof value === "string" && value.trim() === "") return "empty";
  return value === 0 ? "maybe" : undefined;
}

/**
 * Lifts a scalar function over matrix arguments. `compute` is called once per result cell with
 * that cell's arguments (in an array it must not keep). A call whose arguments are all single
 * values gives a 1×1 result holding exactly what the scalar function gives.
 */
export function spill<T>(
  args: readonly SpillArgument[],
  compute: (cells: readonly unknown[]) => FormulaResult<T>
): Spill<T> {
  const grids = args.map((a) => asGrid(a.value));
  const heights = grids.map((g) => g.length);
  const widths = grids.map((g) => g[0].length);
  const rows = Math.max(...heights);
  const columns = Math.max(...widths);
  // Only a range's empty cells are empty rows: a single empty cell keeps the scalar rule.
  const ranges = args.map((_, k) => heights[k] * widths[k] > 1);
  const lists = args.map((a, k) => !!a.listsRows && ranges[k]);
  const n = args.length;
  const cells = new Array<unknown>(n);
  const result: Spill<T> = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const row: SpillCell<T>[] = new Array(columns);
    for (let j = 0; j < columns; j++) row[j] = cell(i, j);
    result[i] = row;
  }
  return result;

  function cell(i: number, j: number): SpillCell<T> {
    let maybeEmpty = false;
    for (let k = 0; k < n; k++) {
      const r = heights[k] === 1 ? 0 : i;
      const c = widths[k] === 1 ? 0 : j;
      if (r >= heights[k] || c >= widths[k]) return outside(args[k].name, grids[k], rows, columns);
      const v = grids[k][r][c];
      if (lists[k]) {
        const empty = emptyCell(v);
        if (empty === "empty") return EMPTY;
        if (empty === "maybe") maybeEmpty = true;
      } else if (ranges[k] && emptyCell(v) === "empty") {
        return blankInRange(args[k].name, r, c, grids[k]);
      }
      cells[k] = v;
    }
    const answer = compute(cells);
    return maybeEmpty && !answer.ok ? EMPTY : answer;
  }
}

/**
 * An empty cell in a range of years or months: never the argument left out (a month range with a
 * gap would show the whole year's figure in that cell on Excel on the web, and an error on
 * Windows, which passes the cell as 0), but an error naming the argument and the cell.
 */
function blankInRange(
  name: string,
  r: number,
  c: number,
  grid: readonly (readonly unknown[])[]
): SpillCell<never> {
  const at =
    grid[0].length === 1
      ? `rad ${r + 1}`
      : grid.length === 1
        ? `kolumn ${c + 1}`
        : `rad ${r + 1}, kolumn ${c + 1}`;
  return {
    ok: false,
    error: "invalidValue",
    message:
      `»${name}« har en tom cell (${at} i cellområdet); fyll i den. ` +
      `En tom cell i ett cellområde betyder inte att argumentet utelämnas.`,
  };
}

function outside(
  name: string,
  grid: readonly (readonly unknown[])[],
  rows: number,
  columns: number
): SpillCell<never> {
  return {
    ok: false,
    error: "notAvailable",
    message:
      `Argumenten har olika storlek: »${name}« är ${size(grid.length, grid[0].length)}, ` +
      `svaret ${size(rows, columns)}. Den här cellen ligger utanför »${name}«.`,
  };
}

const size = (rows: number, columns: number) => `${rows}×${columns}`;

/** Whether two answers would show the same in Excel: each value, and each error with its message. */
export function sameAnswer(
  a: FormulaResult<unknown> | Spill<unknown>,
  b: FormulaResult<unknown> | Spill<unknown>
): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) {
    return !Array.isArray(a) && !Array.isArray(b) && sameCell(a, b);
  }
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (!sameCell(x[j], y[j])) return false;
  }
  return true;
}

function sameCell(a: FormulaResult<unknown>, b: FormulaResult<unknown>): boolean {
  if (a === b) return true;
  if (a.ok !== b.ok) return false;
  if (a.ok && b.ok) {
    return a.value === b.value || (Number.isNaN(a.value) && Number.isNaN(b.value));
  }
  const [e, f] = [a, b] as Extract<FormulaResult<unknown>, { ok: false }>[];
  return e.error === f.error && e.message === f.message;
}
