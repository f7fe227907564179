/** `A`, `B`, …, `Z`, `AA` for a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** An A1 address for a block with 0-based top-left corner. */
export function blockAddress(row: number, column: number, rows: number, columns: number): string {
  return `${columnLetter(column)}${row + 1}:${columnLetter(column + columns - 1)}${row + rows}`;
}

/** A block of cells, 0-based, as `blockAddress` writes it. */
export interface Block {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/**
 * The block an A1 address names (`C5`, `$B$2:D7`, `'Blad 1'!C5`), or undefined for whole rows or
 * columns (`3:3`, `C:C`), several areas or anything else.
 */
export function parseBlock(address: string): Block | undefined {
  const a = address.replace(/^.*!/, "").replace(/\$/g, "");
  const m = /^([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?$/i.exec(a);
  if (!m) return undefined;
  const col = (letters: string) =>
    [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r0 = Number(m[2]) - 1;
  const c0 = col(m[1]);
  const r1 = m[4] ? Number(m[4]) - 1 : r0;
  const c1 = m[3] ? col(m[3]) : c0;
  if (r0 < 0 || r1 < 0) return undefined;
  return {
    row: Math.min(r0, r1),
    column: Math.min(c0, c1),
    rows: Math.abs(r1 - r0) + 1,
    columns: Math.abs(c1 - c0) + 1,
  };
}
