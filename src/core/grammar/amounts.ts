import { formatSwedish } from "../text";
import { excelErrorMessage, excelErrorOf } from "./excelErrors";
import { findNumbers, NumberToken } from "./numbers";
import { convertAmount, parseUnit, Unit, UNIT_SOURCE } from "./units";

/** An amount read from a cell; `notice` says how a usable but unusual text was read. */
export type AmountReading =
  { ok: true; value: number; unit?: Unit; notice?: string } | { ok: false; message: string };

const UNIT_AFTER = new RegExp(`\\s*(${UNIT_SOURCE})(?![\\p{L}\\d])`, "yu");
const PER_MONTH_AFTER =
  /\s*(?:\/\s*m[åa]n(?:ad)?\.?|per\s+m[åa]n(?:ad)?\.?|i\s+m[åa]naden|m[åa]nadsvis)(?![\p{L}])/uy;
const PERCENT_AFTER = /\s*(?:%|procent)/uy;
const RANGE_BETWEEN = /^\s*[-\u2212\u2013\u2014]\s*$|^\s+(?:till|à|a)\s+$/u;
const PRODUCT_BETWEEN = /^\s*[x×*]\s*$/iu;

const WORD_VALUES: Record<string, number> = {
  en: 1,
  ett: 1,
  två: 2,
  tva: 2,
  tre: 3,
  fyra: 4,
  fem: 5,
  sex: 6,
  sju: 7,
  åtta: 8,
  atta: 8,
  nio: 9,
  tio: 10,
  elva: 11,
  tolv: 12,
  femton: 15,
  tjugo: 20,
  hundra: 100,
};
const WORD = `(?:${Object.keys(WORD_VALUES).join("|")})`;
// `en miljon`, `två miljoner kronor`, `en halv miljon`, `en och en halv miljon`, `tre miljarder`.
const WORD_AMOUNT = new RegExp(
  `(?<![\\p{L}\\d])(?:(${WORD})\\s+och\\s+)?(en\\s+halv|${WORD})\\s+(miljon(?:er)?|miljard(?:er)?|tusen)(?:\\s+(?:kronor|kr))?(?![\\p{L}])`,
  "gu"
);

/**
 * Reads an amount from a cell: a number as it is, or text such as `Ca 0,5 mnkr`,
 * `Reducering av kostnader för 5 barn, ca 1,1 mnkr`, `350 000 kr`, `en halv miljon`,
 * `2 tkr/mån` (twelve times that per year). The amount that carries a unit wins over other
 * numbers in the text; its unit is returned so the caller converts it to the table's unit.
 * A range (`0,5–1 mnkr`) or a product (`2 x 0,5 mnkr`) is a problem showing both readings.
 */
export function parseAmount(value: unknown): AmountReading {
  if (typeof value === "number") {
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, message: "är inget tal" };
  }
  if (value === null || value === undefined || value === "") {
    return { ok: false, message: "är tom; ange ett belopp, t.ex. 1,5" };
  }
  if (typeof value !== "string") {
    const shown =
      value instanceof Date
        ? Number.isNaN(value.getTime())
          ? "ogiltigt datum"
          : value.toISOString().slice(0, 10)
        : String(value);
    return { ok: false, message: `är inget belopp (${shown}); ange ett tal, t.ex. 1,5` };
  }
  const error = excelErrorOf(value);
  if (error) return { ok: false, message: excelErrorMessage(error) };
  if (value.trim() === "") return { ok: false, message: "är tom; ange ett belopp, t.ex. 1,5" };
  return parseAmountText(value.replace(/\s+/g, " ").trim());
}

/** An amount found in a text: its number, its unit when written, and where it stands. */
export interface AmountInText {
  value: number;
  unit?: Unit;
  /** Written per month (`/mån`, `per månad`); `value` is still the monthly figure. */
  perMonth: boolean;
  index: number;
  end: number;
  text: string;
}

/**
 * Every amount in a text, left to right, in one pass: each number with the unit written right
 * after it (`1,1 mnkr`, `350 000 kr`), number words (`en halv miljon`), percentages left out.
 * For readers of longer texts (the plan-text import); a cell is read with parseAmount.
 */
export function findAmounts(text: string): AmountInText[] {
  return scan(text).readings;
}

/** Lower case that keeps every index (`İ` would grow to two characters and is kept as is). */
function lowerSameLength(text: string): string {
  return text.replace(/\p{Lu}/gu, (c) => {
    const l = c.toLowerCase();
    return l.length === c.length ? l : c;
  });
}

function scan(text: string): { readings: AmountInText[]; combined?: AmountReading } {
  const lower = lowerSameLength(text);
  const tokens = findNumbers(text);
  const readings: AmountInText[] = [];
  let first: AmountReading | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    PERCENT_AFTER.lastIndex = t.end;
    if (PERCENT_AFTER.test(lower)) continue;
    const next = tokens[i + 1];
    if (next && !first) first = combined(t, next, text.slice(t.end, next.index), lower, text);
    readings.push(readAfter(t, lower));
  }
  for (const m of lower.matchAll(WORD_AMOUNT)) readings.push(wordAmount(m));
  readings.sort((a, b) => a.index - b.index);
  return { readings, ...(first ? { combined: first } : {}) };
}

function parseAmountText(text: string): AmountReading {
  const { readings, combined: joined } = scan(text);
  if (joined) return joined;
  const withUnit = readings.filter((r) => r.unit !== undefined);
  if (withUnit.length > 0) {
    const distinct = new Set(withUnit.map((r) => `${r.value}|${r.unit}|${r.perMonth}`));
    if (distinct.size > 1) {
      return {
        ok: false,
        message: `»${text}« innehåller flera belopp (${withUnit.map((r) => r.text).join(", ")}); ange ett`,
      };
    }
    return result(withUnit[0], text);
  }
  if (readings.length === 1) return result(readings[0], text);
  if (readings.length === 0) {
    return { ok: false, message: `»${text}« innehåller inget belopp; ange ett tal, t.ex. 1,5` };
  }
  return {
    ok: false,
    message: `»${text}« innehåller flera tal (${readings
      .map((r) => formatSwedish(r.value))
      .join("; ")}) och inget med enhet; skriv beloppet med enhet, t.ex. 1,1 mnkr`,
  };
}

function readAfter(t: NumberToken, lower: string): AmountInText {
  let end = t.end;
  UNIT_AFTER.lastIndex = end;
  const u = UNIT_AFTER.exec(lower);
  const unit = u ? parseUnit(u[1].replace(/\s+/g, " ")) : undefined;
  if (u) end = UNIT_AFTER.lastIndex;
  PER_MONTH_AFTER.lastIndex = end;
  const perMonth = PER_MONTH_AFTER.test(lower);
  if (perMonth) end = PER_MONTH_AFTER.lastIndex;
  return {
    value: t.value,
    ...(unit ? { unit } : {}),
    perMonth,
    index: t.index,
    end,
    text: lower.slice(t.index, end),
  };
}

function wordAmount(m: RegExpMatchArray): AmountInText {
  const whole = m[2].startsWith("en ") && m[2].endsWith("halv") ? 0.5 : WORD_VALUES[m[2]];
  const value = (m[1] ? WORD_VALUES[m[1]] : 0) + whole;
  const unit: Unit = m[3].startsWith("miljard") ? "mdkr" : m[3] === "tusen" ? "tkr" : "mnkr";
  const end = m.index! + m[0].length;
  return { value, unit, perMonth: false, index: m.index!, end, text: m[0] };
}

/** Two numbers joined by a dash or a times sign: a range or a product, both readings shown. */
function combined(
  a: NumberToken,
  b: NumberToken,
  between: string,
  lower: string,
  text: string
): AmountReading | undefined {
  const isRange = RANGE_BETWEEN.test(between) || (b.negative && /^\s*$/.test(between));
  const isProduct = PRODUCT_BETWEEN.test(between);
  if (!isRange && !isProduct) return undefined;
  const second = readAfter({ ...b, value: Math.abs(b.value), negative: false }, lower);
  const first = readAfter(a, lower);
  const unit = first.unit ?? second.unit;
  // Numbers without a unit joined by a dash are usually a date (`2021-04-01`), not a range.
  if (!unit) return undefined;
  const unitText = unit ? ` ${unit}` : "";
  const sv = (n: number) => `${formatSwedish(n)}${unitText}`;
  if (isRange) {
    return {
      ok: false,
      message: `»${text}« är ett intervall: ${sv(first.value)} eller ${sv(second.value)}; skriv det belopp planen räknar med`,
    };
  }
  return {
    ok: false,
    message: `»${text}« kan läsas som ${sv(first.value * second.value)} (${formatSwedish(first.value)} × ${formatSwedish(second.value)}) eller ${sv(second.value)}; skriv det belopp planen räknar med`,
  };
}

function result(r: AmountInText, text: string): AmountReading {
  // `1.200`: a decimal point, or a thousands point as some systems export? Both readings shown.
  const point = /^-?\s?(\d{1,3})\.(\d{3})(?!\d)/.exec(r.text.replace(/^[\u2212\u2013]/, "-"));
  if (point) {
    const unitText = r.unit ? ` ${r.unit}` : "";
    return {
      ok: false,
      message: `»${text}« kan läsas som ${formatSwedish(Math.abs(r.value))}${unitText} eller ${point[1]}${point[2]}${unitText}; skriv med decimalkomma (${formatSwedish(Math.abs(r.value))}) eller utan punkt (${point[1]}${point[2]})`,
    };
  }
  if (!r.perMonth) return { ok: true, value: r.value, ...(r.unit ? { unit: r.unit } : {}) };
  const year = r.value * 12;
  const unitText = r.unit ? ` ${r.unit}` : "";
  return {
    ok: true,
    value: year,
    ...(r.unit ? { unit: r.unit } : {}),
    notice: `läste »${text}« som ${formatSwedish(r.value)}${unitText} per månad, ${formatSwedish(year)}${unitText} per år`,
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

/**
 * The notice for an amount read from a cell into `to`: how unusual text was read (per month) and,
 * when the text carried its own unit, what it became (`läste »57 000 tkr« som 57 mnkr`).
 */
export function readingNotice(
  amount: { unit?: Unit; notice?: string },
  written: string,
  to: Unit,
  result: number
): string | undefined {
  if (amount.unit === undefined || amount.unit === to) return amount.notice;
  const into = `${formatSwedish(result)} ${to}`;
  return amount.notice ? `${amount.notice}, alltså ${into}` : `läste »${written}« som ${into}`;
}
