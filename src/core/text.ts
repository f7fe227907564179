import { formatRounded } from "./rounding";

/** Lower case, no diacritics, single spaces: the form in which names and headers are compared. */
export function foldText(value: string): string {
  // Most ids, areas and headers are plain ASCII with single inner spaces: normalisation, the
  // regexes and trim change nothing there, so lower case alone gives the same text.
  return isPlainAscii(value) ? value.toLowerCase() : foldTextGeneral(value);
}

/** `foldText` by normalisation and regexes, for any text (exported for the test of the above). */
export function foldTextGeneral(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u00a0\s]+/g, " ")
    .trim()
    .toLowerCase();
}

/** Printable ASCII, no space at either end, no two spaces in a row. */
function isPlainAscii(value: string): boolean {
  const n = value.length;
  if (n === 0) return true;
  if (value.charCodeAt(0) === 32 || value.charCodeAt(n - 1) === 32) return false;
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c < 32 || c > 126 || (c === 32 && previous === 32)) return false;
    previous = c;
  }
  return true;
}

/** Formats a number the Swedish way for messages: decimal comma, minus sign U+2212. */
export function formatSwedish(value: number, decimals?: number): string {
  return formatRounded(value, decimals);
}
