import { parseAmount, parseSwedishNumber } from "../amount";
import { parseTiming, TimingResult } from "../timing";
import { convertAmount, parseUnit, Unit } from "../units";

/**
 * The one place where the plan-text reader calls the amount, unit and timing grammar. Everything
 * else in `planText/` asks these functions; when the grammar module (`src/core/grammar`) lands,
 * only this file changes.
 */
export { convertAmount };
export type { Unit };

/** A timing text as the engine reads it (the same figure as every command). */
export function readTiming(text: string): TimingResult {
  return parseTiming(text);
}

/** An amount stated in the text, with the decimals it is written with (`4,0` has one). */
export interface Stated {
  value: number;
  unit?: Unit;
  /** Decimals as written: `Summa 4,0` → 1, `800 tkr` → 0. The precision of the check. */
  decimals: number;
}

// Unit words the reader looks for inside running text (an amount's anchor); parseUnit decides.
const UNIT_WORD = String.raw`mnkr|mkr|mn\s?kr|mnsek|msek|milj(?:\.|oner)?\s?(?:kr|kronor)|tkr|kkr|tsek|ksek|tusen\s?(?:kr|kronor)|kronor|kr|sek`;
const NUMBER = String.raw`(?:(?<![\w\d])[-\u2212\u2013]\s?)?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?)`;
const AMOUNT = new RegExp(
  String.raw`(?:(?:ca|cirka)\.?\s*)?(${NUMBER})\s*(${UNIT_WORD})(?![\p{L}])`,
  "giu"
);
const NUMBER_ALONE = new RegExp(String.raw`^(?:(?:ca|cirka)\.?\s*)?(${NUMBER})$`, "iu");

/** A unit word as written: `tkr`, `Mkr`, `TSEK`, `miljoner kronor` … or undefined. */
export function readUnit(word: string): Unit | undefined {
  const w = word.toLowerCase().replace(/\s+/g, " ").trim();
  if (/^(kkr|tsek)$/.test(w)) return "tkr";
  if (/^mnsek$/.test(w)) return "mnkr";
  return parseUnit(w);
}

export interface FoundAmount {
  /** Where the amount text starts and ends in the searched text. */
  index: number;
  end: number;
  value: number;
  unit: Unit;
  text: string;
}

/** Every amount with a unit in a text (`ca 1,1 mnkr`, `350 000 kr`), in order. */
export function findAmounts(text: string): FoundAmount[] {
  const out: FoundAmount[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const value = parseSwedishNumber(
      m[1].replace(/\s+(?=\d)/, "").replace(/^([-\u2212\u2013])\s/, "$1")
    );
    const unit = readUnit(m[2]);
    if (value === undefined || !unit) continue;
    out.push({ index: m.index!, end: m.index! + m[0].length, value, unit, text: m[0] });
  }
  return out;
}

/** The unit a header names anywhere after its name: `Belopp (tkr)`, `Belopp, tkr`, `(belopp i tkr)`. */
export function unitInText(text: string): Unit | undefined {
  const words = text
    .replace(/[(),:;]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const two = i + 1 < words.length ? readUnit(`${words[i]} ${words[i + 1]}`) : undefined;
    if (two) return two;
    const one = readUnit(words[i]);
    if (one) return one;
  }
  return undefined;
}

/** A cell in an amount column: `450`, `1 200`, `Ca 1,2 mnkr`, `– 0,5`. */
export type CellAmount = { value: number; unit?: Unit } | { problem: string } | undefined;
export function readCellAmount(text: string): CellAmount {
  const t = text.trim();
  if (t === "" || /^[-–—]$/.test(t)) return undefined;
  const r = parseAmount(t.replace(/^([-\u2212\u2013])\s+(?=\d)/, "$1"));
  if (r.ok) return { value: r.value, ...(r.unit ? { unit: r.unit } : {}) };
  return { problem: r.message };
}

/** Whether a text is a number alone (with `ca`): an amount cell without a unit. */
export function isBareNumber(text: string): boolean {
  return NUMBER_ALONE.test(text.trim());
}

/** A stated sum such as `23,5 mnkr`, `4, 0 mnkr` (a PDF's stray space) or `1 550`. */
export function readStated(text: string): Stated | undefined {
  const t = text.replace(/(\d),\s+(\d)/g, "$1,$2").trim();
  const withUnit = findAmounts(t)[0];
  const m = withUnit ? undefined : new RegExp(NUMBER, "u").exec(t);
  const written = withUnit ? withUnit.text : m?.[0];
  if (!written) return undefined;
  const number = new RegExp(NUMBER, "u").exec(written.replace(/^(ca|cirka)\.?\s*/i, ""))![0];
  const value = parseSwedishNumber(number.replace(/^([-\u2212\u2013])\s/, "$1"));
  if (value === undefined) return undefined;
  const decimals = /[,.](\d+)$/.exec(number)?.[1].length ?? 0;
  return { value, decimals, ...(withUnit ? { unit: withUnit.unit } : {}) };
}

/** A year written alone, 1990–2100. */
export function readYear(text: string): number | undefined {
  const m = /^((?:19|20)\d{2})$/.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}
