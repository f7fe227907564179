import { formatRounded } from "./rounding";

/** Lower case, no diacritics, single spaces: the form in which names and headers are compared. */
export function foldText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u00a0\s]+/g, " ")
    .trim()
    .toLowerCase();
}

/** Formats a number the Swedish way for messages: decimal comma, minus sign U+2212. */
export function formatSwedish(value: number, decimals?: number): string {
  return formatRounded(value, decimals);
}
