import { CellValue, RawTable } from "../../src/core/tables";

/** A table as a host would read it: header in worksheet row 1, data from row 2. */
export function rawTable(
  name: string,
  headers: string[],
  rows: CellValue[][],
  firstRowNumber = 2
): RawTable {
  return { name, headers, rows, firstRowNumber };
}

export const MEASURE_HEADERS = [
  "Id",
  "Område",
  "Åtgärd",
  "Helårseffekt (mnkr)",
  "Tidsaspekt",
  "Start",
  "Slut",
  "Status",
];

/** An Atgarder table from short rows: [id, area, name, annual, timing, start?, end?, status?]. */
export function measuresTable(rows: CellValue[][], headers = MEASURE_HEADERS): RawTable {
  return rawTable(
    "Atgarder",
    headers,
    rows.map((r) => [...r, ...Array(Math.max(0, headers.length - r.length)).fill(null)])
  );
}
