import { formatSwedish } from "../text";
import { excelErrorMessage, excelErrorOf } from "./excelErrors";
import { findNumbers, NumberToken } from "./numbers";
import { convertAmount, parseUnit, Unit, UNIT_SOURCE } from "./units";

/** An amount read from a cell; `notice` says how a usable but unusual text was read. */
export type AmountReading =
  { ok: true; value: number; unit?: Unit; notice?: string } | { ok: false; message: string };

const UNIT_AFTER = new RegExp(`\\s*(${UNIT_SOURCE})(?![\\p{L}\\d])`, "yu");

/**
 * The periods an amount may be written per, with how many of them make a year; `undefined`
 * marks a period with no fixed count in a year (days, hours, terms): a problem, never a guess.
 * Longest spellings first within each period; each must end at a word end.
 */
const PERIODS: readonly { name: string; perYear: number | undefined; source: string }[] = [
  {
    name: "månad",
    perYear: 12,
    source: String.raw`\/\s*m[åa]n(?:ad)?\.?|per\s+m[åa]n(?:ad)?\.?|i\s+m[åa]naden|m[åa]nadsvis|varje\s+m[åa]nad`,
  },
  {
    name: "vecka",
    perYear: 52,
    source: String.raw`\/\s*v(?:ecka|\.)?|per\s+(?:vecka|v\.?)|i\s+veckan|veckovis|varje\s+vecka`,
  },
  {
    name: "kvartal",
    perYear: 4,
    source: String.raw`\/\s*kv(?:artal|\.)?|per\s+kvartal|i\s+kvartalet|kvartalsvis|varje\s+kvartal`,
  },
  {
    name: "halvår",
    perYear: 2,
    source: String.raw`\/\s*halv[åa]r|per\s+halv[åa]r|i\s+halv[åa]ret|halv[åa]rsvis|varje\s+halv[åa]r`,
  },
  {
    name: "år",
    perYear: 1,
    source: String.raw`\/\s*(?:hel)?[åa]r|per\s+(?:hel)?[åa]r|om\s+[åa]ret|i\s+[åa]ret|[åa]rligen|varje\s+[åa]r`,
  },
  {
    name: "dag",
    perYear: undefined,
    source: String.raw`\/\s*(?:dag|dygn)|per\s+(?:dag|dygn)|om\s+dagen|dagligen|varje\s+dag`,
  },
  {
    name: "timme",
    perYear: undefined,
    source: String.raw`\/\s*(?:tim(?:me)?|h)|per\s+tim(?:me)?|i\s+timmen`,
  },
  {
    name: "termin",
    perYear: undefined,
    source: String.raw`\/\s*termin|per\s+termin|per\s+l[äa]s[åa]r|\/\s*l[äa]s[åa]r|varje\s+termin`,
  },
];
const PERIOD_AFTER = PERIODS.map((p) => ({
  ...p,
  pattern: new RegExp(`\\s*(?:${p.source})(?![\\p{L}])`, "yu"),
}));
/** A period word anywhere, for texts whose period stands apart from the amount. */
const PERIOD_ANYWHERE = new RegExp(
  `(?<![\\p{L}])(?:${PERIODS.filter((p) => p.perYear !== 1)
    .map((p) => p.source)
    .join("|")})(?![\\p{L}])`,
  "u"
);
const PERCENT_AFTER = /\s*(?:%|procent)/uy;
const PERCENT_OF_BETWEEN = /^\s*(?:%|procent)\s+(?:av|på|pa)\s+$/u;
const RANGE_BETWEEN = /^\s*[-\u2212\u2013\u2014]\s*$|^\s+(?:till|à|a)\s+$/u;
/** `2 x 0,5 mnkr`, `0,6 mnkr * 3`, `3 tjänster à 0,6 mnkr`, `4 st á 200 tkr`. */
const PRODUCT_BETWEEN = new RegExp(
  `^\\s*(?:${UNIT_SOURCE})?\\s*[x×*]\\s*$|^\\s+\\p{L}+(?:\\s+\\p{L}+){0,2}\\s+(?:à|á|a|@)\\s+$`,
  "iu"
);
const SUM_BETWEEN = new RegExp(`^\\s*(?:${UNIT_SOURCE})?\\s*\\+\\s*$`, "iu");

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
  const text = value.replace(/\s+/g, " ").trim();
  return withBound(text, unusualNotation(text) ?? parseAmountText(text));
}

/** Words that make an amount a limit rather than the plan's figure: `upp till 1 mnkr`, `minst`. */
const BOUND =
  /(?<![\p{L}])(upp\s+till|upp\s+mot|minst|högst|hogst|max(?:imalt)?|mer\s+än|mindre\s+än)\s*(?=[\d\u2212\u2013-]|en\s|ett\s|två\s|tre\s)/iu;

/** An amount written as a limit is read as written, with a notice saying it is a limit. */
function withBound(text: string, reading: AmountReading): AmountReading {
  if (!reading.ok) return reading;
  const bound = BOUND.exec(text);
  if (!bound) return reading;
  const said = `»${bound[1].replace(/\s+/g, " ")}« anger en gräns, inte planens belopp`;
  return {
    ...reading,
    notice: `${said}; ${
      reading.notice ??
      `läste »${text}« som ${formatSwedish(reading.value)}${reading.unit ? ` ${reading.unit}` : ""}`
    }`,
  };
}

/**
 * Notations that would otherwise lose their meaning: `1e3` (a power of ten, never 1) and an
 * amount wholly in parentheses, `(0,5)`, which accounts use for a negative figure.
 */
function unusualNotation(text: string): AmountReading | undefined {
  if (/\d[eE][+-]?\d/.test(text)) {
    return {
      ok: false,
      message: `»${text}« är skrivet med tiopotens; skriv beloppet som ett vanligt tal, t.ex. 1 000`,
    };
  }
  const inParens = /^\((.*)\)$/.exec(text);
  if (!inParens) return undefined;
  const inner = parseAmountText(inParens[1].trim());
  if (!inner.ok) return undefined;
  const unitText = inner.unit ? ` ${inner.unit}` : "";
  return {
    ok: false,
    message: `»${text}« kan läsas som −${formatSwedish(inner.value)}${unitText} (parentes för minus) eller ${formatSwedish(inner.value)}${unitText}; skriv beloppet utan parentes`,
  };
}

/** An amount found in a text: its number, its unit when written, and where it stands. */
export interface AmountInText {
  value: number;
  unit?: Unit;
  /** Written per month (`/mån`, `per månad`); `value` is still the monthly figure. */
  perMonth: boolean;
  /**
   * How many of the written periods make a year: 12 per month, 52 per week, 4 per quarter, 2 per
   * half-year, 1 per year or with no period; `undefined` for a period with no fixed count (per
   * day, hour, term). `value` is still the figure per written period.
   */
  perYear: number | undefined;
  /** The period as written (`per vecka`), when one was. */
  period?: string;
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
    const next = tokens[i + 1];
    PERCENT_AFTER.lastIndex = t.end;
    if (PERCENT_AFTER.test(lower)) {
      if (next && !first) first = percentOf(t, next, lower, text);
      continue;
    }
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
  const loose = loosePeriod(text, readings);
  if (loose) return loose;
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

/**
 * A period written apart from its amount (`10 000 kr, varje vecka`) is never dropped: Balans
 * cannot tell which figure it belongs to, so the economist writes the amount per year.
 */
function loosePeriod(text: string, readings: readonly AmountInText[]): AmountReading | undefined {
  const lower = lowerSameLength(text);
  let rest = "";
  let at = 0;
  for (const r of readings) {
    if (r.index < at) continue;
    rest += lower.slice(at, r.index) + " ".repeat(r.end - r.index);
    at = r.end;
  }
  const m = PERIOD_ANYWHERE.exec(rest + lower.slice(at));
  if (!m) return undefined;
  return {
    ok: false,
    message: `»${text}« nämner »${m[0].trim()}« skilt från beloppet; skriv beloppet per år`,
  };
}

function readAfter(t: NumberToken, lower: string): AmountInText {
  let end = t.end;
  UNIT_AFTER.lastIndex = end;
  const u = UNIT_AFTER.exec(lower);
  const unit = u ? parseUnit(u[1].replace(/\s+/g, " ")) : undefined;
  if (u) end = UNIT_AFTER.lastIndex;
  const period = periodAt(lower, end);
  if (period) end = period.end;
  return {
    value: t.value,
    ...(unit ? { unit } : {}),
    perMonth: period?.perYear === 12,
    perYear: period ? period.perYear : 1,
    ...(period ? { period: lower.slice(period.start, period.end).trim() } : {}),
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
  const period = periodAt(m.input!, end);
  return {
    value,
    unit,
    perMonth: period?.perYear === 12,
    perYear: period ? period.perYear : 1,
    ...(period ? { period: m.input!.slice(period.start, period.end).trim() } : {}),
    index: m.index!,
    end: period ? period.end : end,
    text: m.input!.slice(m.index!, period ? period.end : end),
  };
}

/** The period written right after `at` (`/mån`, `per vecka`), or undefined. */
function periodAt(
  lower: string,
  at: number
): { perYear: number | undefined; start: number; end: number } | undefined {
  for (const p of PERIOD_AFTER) {
    p.pattern.lastIndex = at;
    if (p.pattern.test(lower)) return { perYear: p.perYear, start: at, end: p.pattern.lastIndex };
  }
  return undefined;
}

/** `50 % av 2 mnkr`: a share of an amount, or the amount? Both readings shown. */
function percentOf(
  p: NumberToken,
  b: NumberToken,
  lower: string,
  text: string
): AmountReading | undefined {
  if (!PERCENT_OF_BETWEEN.test(lower.slice(p.end, b.index))) return undefined;
  const whole = readAfter(b, lower);
  if (!whole.unit) return undefined;
  const sv = (n: number) => `${formatSwedish(n)} ${whole.unit}`;
  return {
    ok: false,
    message: `»${text}« kan läsas som ${sv((p.value * whole.value) / 100)} (${formatSwedish(p.value)} % av ${formatSwedish(whole.value)}) eller ${sv(whole.value)}; skriv det belopp planen räknar med`,
  };
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
  const isProduct = !isRange && PRODUCT_BETWEEN.test(between);
  const isSum = !isRange && !isProduct && SUM_BETWEEN.test(between);
  if (!isRange && !isProduct && !isSum) return undefined;
  const second = readAfter({ ...b, value: Math.abs(b.value), negative: false }, lower);
  const first = readAfter(a, lower);
  const unit = first.unit ?? second.unit;
  // Numbers without a unit joined by a dash are usually a date (`2021-04-01`), not a range.
  if (!unit) return undefined;
  const sv = (n: number) => `${formatSwedish(n)} ${unit}`;
  // The other reading is the figure that carries the unit (`0,6 mnkr x 3` → 0,6 mnkr).
  const priced = first.unit ? first : second;
  if (isSum) {
    return {
      ok: false,
      message: `»${text}« kan läsas som summan ${sv(first.value + second.value)} (${formatSwedish(first.value)} + ${formatSwedish(second.value)}) eller ${sv(priced.value)}; skriv det belopp planen räknar med`,
    };
  }
  if (isRange) {
    return {
      ok: false,
      message: `»${text}« är ett intervall: ${sv(first.value)} eller ${sv(second.value)}; skriv det belopp planen räknar med`,
    };
  }
  return {
    ok: false,
    message: `»${text}« kan läsas som ${sv(first.value * second.value)} (${formatSwedish(first.value)} × ${formatSwedish(second.value)}) eller ${sv(priced.value)}; skriv det belopp planen räknar med`,
  };
}

function result(r: AmountInText, text: string): AmountReading {
  const unitText = r.unit ? ` ${r.unit}` : "";
  // `1.200`: a decimal point, or a thousands point as some systems export? Both readings shown.
  const point = /^-?\s?(\d{1,3})\.(\d{3})(?!\d|[.,]\d)/.exec(
    r.text.replace(/^[\u2212\u2013]/, "-")
  );
  if (point) {
    return {
      ok: false,
      message: `»${text}« kan läsas som ${formatSwedish(Math.abs(r.value))}${unitText} eller ${point[1]}${point[2]}${unitText}; skriv med decimalkomma (${formatSwedish(Math.abs(r.value))}) eller utan punkt (${point[1]}${point[2]})`,
    };
  }
  if (r.period === undefined || r.perYear === 1) {
    return { ok: true, value: r.value, ...(r.unit ? { unit: r.unit } : {}) };
  }
  if (r.perYear === undefined) {
    return {
      ok: false,
      message: `»${text}« anger ett belopp ${r.period}, som inte ger ett bestämt belopp per år; skriv beloppet per år`,
    };
  }
  const year = r.value * r.perYear;
  const per = PERIODS.find((p) => p.perYear === r.perYear)!.name;
  return {
    ok: true,
    value: year,
    ...(r.unit ? { unit: r.unit } : {}),
    notice: `läste »${text}« som ${formatSwedish(r.value)}${unitText} per ${per}, ${formatSwedish(year)}${unitText} per år`,
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
