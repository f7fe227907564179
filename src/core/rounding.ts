/**
 * One rounding rule for every figure Balans writes or shows (sheets, terminal, pane, messages).
 *
 * Computed amounts carry binary noise: 0,1 + 0,25 is 0.35000000000000003 and 0,7 × 0,5 is
 * 0.3499999999999999. A spreadsheet program or `toFixed` rounds that noise, not the amount, so the
 * same figure showed as 0,3 on a sheet and 0,4 in the terminal. The rule: a computed value is first
 * rounded to 12 significant digits (far below an öre at any municipal amount, far above the
 * noise; a residue below 1e-10 is zero), then rounded half away from zero to the decimals shown.
 * Zero is never negative.
 */
const SIGNIFICANT_DIGITS = 12;
/** Below a hundredth of an öre in mnkr, the largest unit: nothing but arithmetic residue. */
const NEGLIGIBLE = 1e-10;

/** The value as Balans writes it into a cell: the binary noise removed, never −0. */
export function roundComputed(value: number): number {
  if (!Number.isFinite(value)) return value;
  // What is left of a difference of equal amounts (57 − 56.99999999999999) is zero.
  if (Math.abs(value) < NEGLIGIBLE) return 0;
  const rounded = Number(value.toPrecision(SIGNIFICANT_DIGITS));
  return rounded === 0 ? 0 : rounded;
}

/** The value rounded half away from zero to `decimals` places, after the noise is removed. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = roundComputed(Math.abs(roundComputed(value)) * factor);
  const rounded = (Math.sign(value) * Math.round(scaled)) / factor;
  return rounded === 0 ? 0 : rounded;
}

/**
 * Swedish display: decimal comma and the minus sign U+2212; `decimals` fixed, or as many as the
 * rounded value needs. `−0,0` never appears: a value that rounds to zero shows as 0,0.
 */
export function formatRounded(value: number, decimals?: number): string {
  const text =
    decimals === undefined
      ? String(roundComputed(value))
      : roundTo(value, decimals).toFixed(decimals);
  return text.replace("-", "\u2212").replace(".", ",");
}
