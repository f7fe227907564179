import { formatSwedish } from "./text";
import { convertAmount, parseUnit, Unit } from "./units";

export type AmountResult =
  { ok: true; value: number; unit?: Unit } | { ok: false; message: string };

// A number as Swedish text writes it: `1,1`, `−2,5`, `350 000`, `1 234,5`, also `1.5`.
// Thousands groups need exactly three digits, so `5 barn, ca 1,1` does not join `5` and `1,1`.
// A minus sign counts only when it stands before the digits, not as a dash between words.
const MINUS = String.raw`(?:(?<![\w\d])[-\u2212\u2013])?`;
const NUMBER = String.raw`${MINUS}(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[,.]\d+)?|\d+(?:[,.]\d+)?)`;
const UNIT_WORD = String.raw`mnkr|mkr|mn\s?kr|milj(?:\.|oner)?\s?(?:kr|kronor)|tkr|tusen\s?(?:kr|kronor)|kronor|kr|msek|ksek|sek`;
const AMOUNT_WITH_UNIT = new RegExp(`(${NUMBER})\\s*(${UNIT_WORD})(?![a-zåäö])`, "gi");
const ANY_NUMBER = new RegExp(`(${NUMBER})(?!\\s*%)`, "g");

/** Reads one number written the Swedish way; undefined when the text is not exactly a number. */
export function parseSwedishNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(/[\u2212\u2013]/g, "-");
  // Spaces may only separate groups of three digits: `350 000`, not `12 34`.
  if (!/^-?(\d{1,3}([ \u00a0\u202f]\d{3})+|\d+)([.,]\d+)?$/.test(trimmed)) return undefined;
  const t = trimmed.replace(/[ \u00a0\u202f]/g, "").replace(",", ".");
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Reads an amount from a cell: a number as it is, or text such as `Ca 0,5 mnkr`,
 * `Reducering av kostnader för 5 barn, ca 1,1 mnkr` or `350 000 kr`. The amount that carries
 * a unit wins over other numbers in the text; the unit is returned so the caller can convert
 * it to the table's unit.
 */
export function parseAmount(value: unknown): AmountResult {
  if (typeof value === "number") {
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, message: "är inget tal" };
  }
  if (value === null || value === undefined || value === "") {
    return { ok: false, message: "är tom; ange ett belopp, t.ex. 1,5" };
  }
  if (typeof value !== "string") {
    return { ok: false, message: `är inget belopp (${String(value)}); ange ett tal, t.ex. 1,5` };
  }
  const text = value.replace(/\s+/g, " ");
  const withUnit = [...text.matchAll(AMOUNT_WITH_UNIT)];
  if (withUnit.length > 0) {
    const distinct = new Set(withUnit.map((m) => m[0].toLowerCase()));
    if (distinct.size > 1) {
      return {
        ok: false,
        message: `innehåller flera belopp (${withUnit.map((m) => m[0].trim()).join(", ")}); ange ett`,
      };
    }
    const n = parseSwedishNumber(withUnit[0][1]);
    const unit = parseUnit(withUnit[0][2]);
    if (n !== undefined && unit) return { ok: true, value: n, unit };
  }
  const numbers = [...text.matchAll(ANY_NUMBER)]
    .map((m) => parseSwedishNumber(m[1]))
    .filter((n): n is number => n !== undefined);
  if (numbers.length === 1) return { ok: true, value: numbers[0] };
  if (numbers.length === 0) {
    return {
      ok: false,
      message: `»${value.trim()}« innehåller inget belopp; ange ett tal, t.ex. 1,5`,
    };
  }
  return {
    ok: false,
    message: `»${value.trim()}« innehåller flera tal (${numbers
      .map((n) => formatSwedish(n))
      .join("; ")}) och inget med enhet; skriv beloppet med enhet, t.ex. 1,1 mnkr`,
  };
}

/**
 * An amount read from a table whose header gives `tableUnit`, in `to`: a text amount that carries
 * its own unit (`350 000 kr` in a mnkr table) is converted from that unit.
 */
export function amountInUnit(
  amount: { value: number; unit?: Unit },
  tableUnit: Unit,
  to: Unit = tableUnit
): number {
  return convertAmount(amount.value, amount.unit ?? tableUnit, to);
}
