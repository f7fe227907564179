import {
  convertAmount,
  findAmounts as grammarAmounts,
  matchesStated as matchesAtDecimals,
  parseAmount,
  parseTiming,
  parseUnit,
  splitHeader,
  sumWord,
  TimingReading,
  Unit,
} from "../grammar";
import { formatSwedish } from "../text";

/**
 * The plan-text reader's calls into the grammar (`src/core/grammar`: numbers, units, amounts,
 * timings, sum words). Everything else in `planText/` asks these functions, which only compose
 * the grammar's pieces for running text: where an amount stands, and how precisely a stated sum
 * is written.
 */
export { convertAmount, sumWord };
export type { Unit };

/** A timing text as the engine reads it (the same figure as every command). */
export function readTiming(text: string): TimingReading {
  return parseTiming(text);
}

/** An amount stated in the text, with the decimals it is written with (`4,0` has one). */
export interface Stated {
  value: number;
  unit?: Unit;
  /** Decimals as written: `Summa 4,0` → 1, `800 tkr` → 0. The precision of the check. */
  decimals: number;
}

/** Whether a computed figure (in the stated figure's unit) equals the stated one as written. */
export function matchesStated(stated: Stated, computed: number): boolean {
  return matchesAtDecimals(stated.value, computed, stated.decimals);
}

/** A unit word as written: `tkr`, `Mkr`, `TSEK`, `miljoner kronor` … or undefined. */
export function readUnit(word: string): Unit | undefined {
  return parseUnit(word.replace(/\s+/g, " ").trim());
}

/** The unit a header or a line names: `Belopp (tkr)`, `Belopp, tkr`, `Belopp i tkr`, `(tkr)`. */
export function unitInText(text: string): Unit | undefined {
  const alone = readUnit(text.replace(/^\((.*)\)$/, "$1"));
  if (alone) return alone;
  const { unit } = splitHeader(text);
  return unit.kind === "unit" ? unit.unit : undefined;
}

/** A header's name without its unit (folded), and a parenthesis that is no unit, if any. */
export function headerName(header: string): { key: string; notUnit?: string } {
  const { key, unit } = splitHeader(header);
  return unit.kind === "unknown" ? { key, notUnit: unit.text } : { key };
}

export interface FoundAmount {
  /** Where the amount text (with `ca` before it) starts and ends in the searched text. */
  index: number;
  end: number;
  value: number;
  unit: Unit;
  text: string;
  /** The decimals its number is written with. */
  decimals: number;
  /**
   * A period other than a year written after the amount (`per vecka`), with how many make a year
   * (`undefined` for a period with no fixed count, such as a day); `value` is then per year.
   */
  period?: { written: string; perYear: number | undefined };
}

const CA_BEFORE = /(?:ca|cirka)\.?\s*$/i;
/** The decimals a figure is written with: `4,0 mnkr` → 1, `1 200 tkr` → 0. */
const decimalsIn = (written: string) => /\d[,.](\d+)/.exec(written)?.[1].length ?? 0;

/**
 * Every figure of a text as the grammar finds it (a number, the unit written after it, number
 * words), with `ca` before it taken in; an amount per month, week, quarter or half-year
 * (`70 000 kr/mån`, `10 000 kr per vecka`) counts per year.
 */
function figures(text: string): (FoundAmount | (Omit<FoundAmount, "unit"> & { unit?: Unit }))[] {
  return grammarAmounts(text).map((a) => {
    const ca = CA_BEFORE.exec(text.slice(Math.max(0, a.index - 8), a.index));
    const index = ca ? a.index - ca[0].length : a.index;
    return {
      index,
      end: a.end,
      value: a.value * (a.perYear ?? 1),
      ...(a.unit ? { unit: a.unit } : {}),
      ...(a.period && a.perYear !== 1 ? { period: { written: a.period, perYear: a.perYear } } : {}),
      text: text.slice(index, a.end),
      decimals: decimalsIn(a.text),
    };
  });
}

/** Every number of a text (with `ca` before it and a unit after it when written), in order. */
export function findFigures(text: string): (Omit<FoundAmount, "unit"> & { unit?: Unit })[] {
  return figures(text);
}

/** Every amount with a unit in a text (`ca 1,1 mnkr`, `350 000 kr`), in order. */
export function findAmounts(text: string): FoundAmount[] {
  return figures(text).filter((f): f is FoundAmount => f.unit !== undefined);
}

/** The figures of a stated sum, in order: `4,0 mnkr`, `1,0  2,5  3,0`, `4, 0 mnkr` (a PDF's space). */
export function readStatedFigures(text: string): Stated[] {
  return figures(text.replace(/(\d),\s+(\d)/g, "$1,$2")).map((f) => ({
    value: f.value,
    decimals: f.decimals,
    ...(f.unit ? { unit: f.unit } : {}),
  }));
}

/** The first figure of a stated sum. */
export function readStated(text: string): Stated | undefined {
  return readStatedFigures(text)[0];
}

/** A cell in an amount column read by the grammar: `450`, `1 200`, `Ca 1,2 mnkr`, `– 0,5`. */
export type CellAmount = { value: number; unit?: Unit; notice?: string } | { problem: string };
export function readCellAmount(text: string): CellAmount | undefined {
  const t = text.trim();
  if (t === "" || /^[-–—]$/.test(t)) return undefined; // a dash: no figure for that column
  const r = parseAmount(t);
  if (!r.ok) return { problem: r.message };
  return {
    value: r.value,
    ...(r.unit ? { unit: r.unit } : {}),
    ...(r.notice ? { notice: r.notice } : {}),
  };
}

/**
 * An amount at the start of a cell (`2,5 mnkr Q3 2023`, `450`, `ca 400`) and the text after it:
 * the rest of the row after its amount.
 */
export function leadingAmount(
  text: string
): { value: number; unit?: Unit; rest: string } | undefined {
  const t = text.trim();
  const first = figures(t)[0];
  if (!first || t.slice(0, first.index).trim() !== "") return undefined;
  const own = readCellAmount(first.text);
  if (!own || "problem" in own) return undefined;
  return {
    value: own.value,
    ...(own.unit ? { unit: own.unit } : {}),
    rest: t.slice(first.end).trim(),
  };
}

/** Whether a text is a number alone (with `ca` and a unit): an amount cell. */
export function isAmountText(text: string): boolean {
  const t = text.trim();
  const f = figures(t);
  return f.length === 1 && f[0].index === 0 && f[0].end === t.length;
}

/** A year written alone, 1990–2100. */
export function readYear(text: string): number | undefined {
  const m = /^((?:19|20)\d{2})$/.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * What a reader must say about an amount written per period (`10 000 kr per vecka`): a notice with
 * the yearly figure it counted, or, for a period with no fixed count per year (`per dag`), a
 * problem; then the amount has no yearly value.
 */
export function periodReading(a: FoundAmount): {
  annual: number | undefined;
  message?: string;
  severity?: "notice";
} {
  if (!a.period) return { annual: a.value };
  if (a.period.perYear === undefined)
    return {
      annual: undefined,
      message: `»${a.text.trim()}« är ett belopp ${a.period.written}, som inte ger ett bestämt belopp per år; ange helårseffekten`,
    };
  return {
    annual: a.value,
    message: `läste »${a.text.trim()}« som ${formatSwedish(a.value)} ${a.unit} per år (${a.period.perYear} gånger)`,
    severity: "notice",
  };
}
