/**
 * A problem found in a row of a user's table. `row` is the worksheet row number when the host
 * knows it (so a user can go straight to the cell), otherwise the 1-based data row.
 */
export interface Problem {
  table: string;
  row?: number;
  column?: string;
  message: string;
}

/**
 * An error that stops an operation: an unreadable file, a missing table or required column.
 * Hosts show `message` as one line (CLI: stderr and non-zero exit; functions: #N/A / #VALUE!).
 */
export class BalansError extends Error {
  constructor(
    message: string,
    readonly table?: string,
    readonly column?: string
  ) {
    super(message);
    this.name = "BalansError";
  }
}

export function describeProblem(p: Problem): string {
  const where = [p.table, p.row !== undefined ? `rad ${p.row}` : undefined, p.column]
    .filter(Boolean)
    .join(", ");
  return `${where}: ${p.message}`;
}
