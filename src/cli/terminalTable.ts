import { formatRounded } from "../core/rounding";

/** Renders rows as an aligned text table: first columns left, numbers right, decimal comma. */
export function renderTable(
  header: string[],
  rows: (string | number | null)[][],
  numericFrom: number,
  format: (value: number, column: number) => string = (v) => formatAmount(v)
): string {
  const cells = [
    header,
    ...rows.map((r) => r.map((v, c) => (typeof v === "number" ? format(v, c) : (v ?? "")))),
  ];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => String(r[c] ?? "").length)));
  const line = (r: (string | number | null)[]) =>
    r
      .map((v, c) =>
        c >= numericFrom ? String(v ?? "").padStart(widths[c]) : String(v ?? "").padEnd(widths[c])
      )
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join("\n");
}

/**
 * One decimal with a decimal comma, as the plan prints mnkr: 8,0 and −1,5. The shared rounding
 * rule: half away from zero on the decimal value (0,35 → 0,4), never −0,0.
 */
export function formatAmount(value: number, decimals = 1): string {
  return formatRounded(value, decimals);
}

/** An amount as a plan states it: one decimal, or two where the second is not zero (9,75). */
export function formatStatedAmount(value: number): string {
  const two = formatAmount(value, 2);
  return two.endsWith("0") ? formatAmount(value, 1) : two;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
