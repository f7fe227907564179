import { columnLetter } from "./a1";
import { Problem } from "./problems";
import { findTable, RawTable } from "./tables";

/** Where a problem is in the workbook, so a host can select the cell. */
export interface ProblemLocation {
  sheet: string;
  /** A1 address of the cell, or of the header row when the problem has no row. */
  address: string;
}

/** The cell a problem names: its table's sheet, its row, and the column whose header it names. */
export function locateProblem(
  problem: Problem,
  tables: readonly RawTable[]
): ProblemLocation | undefined {
  const table = findTable(tables, problem.table);
  if (!table?.sheetName) return undefined;
  const first = table.firstColumn ?? 0;
  const headerRow = (table.firstRowNumber ?? 2) - 1;
  const col =
    problem.column === undefined
      ? -1
      : table.headers.findIndex((h) => String(h ?? "") === problem.column);
  const row = problem.row ?? headerRow;
  const address =
    col >= 0
      ? `${columnLetter(first + col)}${row}`
      : `${columnLetter(first)}${row}:${columnLetter(first + Math.max(0, table.headers.length - 1))}${row}`;
  return { sheet: table.sheetName, address };
}
