/**
 * An `error` leaves a value out (the row, or the figure, does not count); a `notice` keeps a
 * usable value and says what was read (`läste 2021-01-01 ur »2021«; »hösten« förstods inte`).
 */
export type Severity = "error" | "notice";

/**
 * A problem found in a row of a user's table. `row` is the worksheet row number when the host
 * knows it (so a user can go straight to the cell), otherwise the 1-based data row. `column` is
 * the header as the user wrote it; `key` the column's key in the table spec. A problem without
 * `severity` is an error.
 */
export interface Problem {
  table: string;
  row?: number;
  column?: string;
  key?: string;
  severity?: Severity;
  message: string;
}

/** A problem's severity: `error` unless it says otherwise. */
export function severityOf(p: Problem): Severity {
  return p.severity ?? "error";
}

/** A problem with its severity filled in, as the JSON of the command line lists it. */
export function withSeverity(p: Problem): Problem & { severity: Severity } {
  return { ...p, severity: severityOf(p) };
}

/** A table's structural error (a missing column, an unknown unit) as a problem to list. */
export function problemOfError(error: BalansError): Problem {
  return {
    table: error.table ?? "",
    ...(error.column ? { column: error.column } : {}),
    severity: "error",
    message: error.message,
  };
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

/** One line naming where the problem is; a notice is marked `Obs:` (the value was used). */
export function describeProblem(p: Problem): string {
  const where = [p.table, p.row !== undefined ? `rad ${p.row}` : undefined, p.column]
    .filter(Boolean)
    .join(", ");
  return `${severityOf(p) === "notice" ? "Obs: " : ""}${where}: ${p.message}`;
}
