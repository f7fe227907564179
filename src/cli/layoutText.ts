import { ReportLayout } from "../core/layout";
import { formatAmount, formatStatedAmount, renderTable } from "./terminalTable";

/**
 * A section of a sheet layout as a terminal table: from the header row at `headerIndex` to the
 * next blank row. The terminal shows the same rows as the sheet.
 */
export function layoutSectionText(layout: ReportLayout, headerIndex: number): string {
  const header = layout.rows[headerIndex];
  const end = layout.rows.findIndex((r, i) => i > headerIndex && r.style === "blank");
  const body = layout.rows.slice(headerIndex + 1, end < 0 ? undefined : end);
  const used = header.cells.map((_, c) =>
    [header, ...body].some(
      (r) => r.cells[c] !== null && r.cells[c] !== undefined && r.cells[c] !== ""
    )
  );
  const keep = <T>(cells: T[]) => cells.filter((_, c) => used[c]);
  const formats = keep(layout.columns.map((c) => c.format));
  const firstNumeric = formats.findIndex((f) => f !== undefined && f !== "text");
  return renderTable(
    keep(header.cells).map((v) => String(v ?? "")),
    body.map((r) =>
      keep(r.cells).map((v) =>
        v === undefined || v instanceof Date || typeof v === "boolean" ? String(v ?? "") : v
      )
    ),
    firstNumeric < 0 ? formats.length : firstNumeric,
    (v, c) =>
      formats[c] === "integer"
        ? String(v)
        : formats[c] === "amountPrecise"
          ? formatStatedAmount(v)
          : formatAmount(v)
  );
}

/** The index of the n-th header row of a layout (0-based). */
export function headerRowIndex(layout: ReportLayout, n = 0): number {
  return layout.rows.map((r, i) => (r.style === "header" ? i : -1)).filter((i) => i >= 0)[n] ?? -1;
}
