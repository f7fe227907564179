import {
  CalendarDate,
  dayNumber,
  daysInMonth,
  fromDayNumber,
  isValidDate,
  readDateNumber,
  toIsoDate,
  typedAsNumber,
} from "../dates";
import { isPlanYear, YEAR_RANGE_TEXT } from "../limits";
import { foldText } from "../text";
import { MONTH_NAME_SOURCE, monthNumber } from "./months";

/** How precisely a timing names its start; more specific candidates win. */
export type TimingPrecision = "day" | "week" | "month" | "period" | "year";

/**
 * When an effect starts, read from the plan's words. `end` is the last day named after an end
 * phrase (`löper ut 2021-06-30`); `notice` says what was read when words that look like a time
 * were not understood; `source` is the expression the start was read from.
 */
export type TimingReading =
  | {
      ok: true;
      start: CalendarDate;
      precision: TimingPrecision;
      end?: CalendarDate;
      notice?: string;
      source: string;
    }
  | { ok: false; message: string };

/** A date expression: where its period starts and ends. */
export interface DateExpression {
  start: CalendarDate;
  /** Last day of the period the expression names (the day itself for a day). */
  last: CalendarDate;
  precision: TimingPrecision;
}

const RANK: Record<TimingPrecision, number> = { day: 0, week: 1, month: 2, period: 3, year: 4 };

const b = String.raw`(?<![\p{L}\d])`; // word start that also works for å, ä, ö
const e = String.raw`(?![\p{L}\d])`;
const Y4 = String.raw`((?:19|20)\d{2})`;
/** A year of four digits, or two after a month, quarter or term: `okt -20`, `Q3 20`, `HT21`. */
const Y2 = String.raw`((?:19|20)\d{2}|'?\d{2})`;
const MONTH = `(${MONTH_NAME_SOURCE})`;
const ORDINAL: Record<string, number> = {
  forsta: 1,
  andra: 2,
  tredje: 3,
  fjarde: 4,
  "1:a": 1,
  "2:a": 2,
  "3:e": 3,
  "4:e": 4,
};
const ORDINAL_SOURCE = String.raw`(forsta|andra|tredje|fjarde|[1-4]:[ae])`;

type Read = (m: RegExpExecArray) => DateExpression | string;

interface Form {
  /** A quick test the text must pass before the pattern runs: most texts need few forms. */
  needs?: RegExp;
  pattern: RegExp;
  read: Read;
}

const year2 = (s: string) =>
  s.replace("'", "").length === 2 ? 2000 + Number(s.replace("'", "")) : Number(s);

function dayOf(y: number, mo: number, d: number): DateExpression | string {
  if (!isPlanYear(y)) return `${y} ligger utanför ${YEAR_RANGE_TEXT}`;
  if (!isValidDate(y, mo, d))
    return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")} är inget giltigt datum`;
  const date = { year: y, month: mo, day: d };
  return { start: date, last: date, precision: "day" };
}

function monthOf(y: number, mo: number): DateExpression | string {
  if (mo < 1 || mo > 12) return `månad ${mo} finns inte (1–12)`;
  return span(y, mo, y, mo, "month");
}

function span(
  y: number,
  fromMonth: number,
  toYear: number,
  toMonth: number,
  precision: TimingPrecision
): DateExpression {
  return {
    start: { year: y, month: fromMonth, day: 1 },
    last: { year: toYear, month: toMonth, day: daysInMonth(toYear, toMonth) },
    precision,
  };
}

function periodOf(
  y: number,
  index: number,
  perYear: number,
  label: string
): DateExpression | string {
  if (index < 1 || index > perYear) return `${label} ${index} finns inte (1–${perYear})`;
  const months = 12 / perYear;
  const from = 1 + (index - 1) * months;
  return span(y, from, y, from + months - 1, "period");
}

/** The Monday of ISO week `w` of year `y`, and its Sunday. */
function isoWeek(y: number, w: number): DateExpression | string {
  const weeks = isoWeeksIn(y);
  if (w < 1 || w > weeks) return `vecka ${w} finns inte ${y} (1–${weeks})`;
  const monday = firstIsoMonday(y) + (w - 1) * 7;
  return { start: fromDayNumber(monday), last: fromDayNumber(monday + 6), precision: "week" };
}

/** The day number of the Monday of ISO week 1: the week that holds 4 January. */
function firstIsoMonday(y: number): number {
  const jan4 = dayNumber({ year: y, month: 1, day: 4 });
  const weekday = (((jan4 + 3) % 7) + 7) % 7; // day 0 (1970-01-01) was a Thursday; Monday = 0
  return jan4 - weekday;
}

/** 52 or 53: a year has 53 ISO weeks when 28 December falls in week 53. */
function isoWeeksIn(y: number): number {
  return Math.floor((dayNumber({ year: y, month: 12, day: 28 }) - firstIsoMonday(y)) / 7) + 1;
}

const re = (source: string) => new RegExp(source, "gu");

// Ordered from most to least specific; each form's matches are blanked before the next runs,
// so the year inside `Q 3 2020` is not read again as a year of its own.
const FORMS: Form[] = [
  // Days.
  {
    needs: /\d-\d/,
    pattern: re(`${b}${Y4}-(\\d{1,2})-(\\d{1,2})${e}`),
    read: (m) => dayOf(+m[1], +m[2], +m[3]),
  },
  {
    needs: /[a-z]{3}/,
    pattern: re(`${b}(\\d{1,2})(?::[ae])?\\s+${MONTH}\\s+${Y4}${e}`),
    read: (m) => dayOf(+m[3], monthNumber(m[2])!, +m[1]),
  },
  {
    needs: /\//,
    pattern: re(`${b}(\\d{1,2})/(\\d{1,2})(?:\\s+|/|-)${Y4}${e}`),
    read: (m) => dayOf(+m[3], +m[2], +m[1]),
  },
  {
    needs: /\d\.\d/,
    pattern: re(`${b}(\\d{1,2})\\.(\\d{1,2})\\.${Y4}${e}`),
    read: (m) => dayOf(+m[3], +m[2], +m[1]),
  },
  // Weeks.
  {
    needs: /v/,
    pattern: re(`${b}(?:vecka|v\\.?)\\s*(\\d{1,2}),?\\s+(?:ar\\s+)?${Y4}${e}`),
    read: (m) => isoWeek(+m[2], +m[1]),
  },
  // Months.
  { needs: /\d-\d/, pattern: re(`${b}${Y4}-(\\d{1,2})${e}`), read: (m) => monthOf(+m[1], +m[2]) },
  {
    needs: /[a-z]{3}/,
    pattern: re(`${b}${MONTH}\\s*(?:[-\\u2013\\u2014]|till)\\s*${MONTH}\\s+${Y4}${e}`),
    read: (m) => monthOf(+m[3], monthNumber(m[1])!),
  },
  {
    needs: /[a-z]{3}/,
    pattern: re(`${b}${MONTH}\\s+${Y4}${e}`),
    read: (m) => monthOf(+m[2], monthNumber(m[1])!),
  },
  {
    needs: /[a-z]{3}/,
    pattern: re(`${b}${MONTH}\\s*[-'\\u2013]\\s*(\\d{2})${e}`),
    read: (m) => monthOf(year2(m[2]), monthNumber(m[1])!),
  },
  { needs: /\//, pattern: re(`${b}(\\d{1,2})/${Y4}${e}`), read: (m) => monthOf(+m[2], +m[1]) },
  // Quarters, tertials, half-years, terms and seasons.
  {
    needs: /q|kv/,
    pattern: re(`${b}(?:q|kv|kvartal)\\s*\\.?\\s*(\\d)\\s*[-/,]?\\s*${Y2}${e}`),
    read: (m) => periodOf(year2(m[2]), +m[1], 4, "Kvartal"),
  },
  {
    needs: /q|kv/,
    pattern: re(`${b}${Y4}\\s*[-/ ]?\\s*(?:q|kv)\\s*(\\d)${e}`),
    read: (m) => periodOf(+m[1], +m[2], 4, "Kvartal"),
  },
  {
    needs: /kvartalet/,
    pattern: re(`${b}${ORDINAL_SOURCE}\\s+kvartalet\\s+(?:ar\\s+)?${Y4}${e}`),
    read: (m) => periodOf(+m[2], ORDINAL[m[1]], 4, "Kvartal"),
  },
  {
    needs: /t/,
    pattern: re(`${b}(?:t|tertial)\\s*(\\d)\\s*[-/,]?\\s*${Y2}${e}`),
    read: (m) => periodOf(year2(m[2]), +m[1], 3, "Tertial"),
  },
  {
    needs: /tertialet/,
    pattern: re(`${b}${ORDINAL_SOURCE}\\s+tertialet\\s+(?:ar\\s+)?${Y4}${e}`),
    read: (m) => periodOf(+m[2], ORDINAL[m[1]], 3, "Tertial"),
  },
  {
    needs: /h/,
    pattern: re(`${b}(?:h|halvar)\\s*(\\d)\\s*[-/,]?\\s*${Y4}${e}`),
    read: (m) => periodOf(+m[2], +m[1], 2, "Halvår"),
  },
  {
    needs: /halvaret/,
    pattern: re(`${b}(forsta|andra)\\s+halvaret\\s+(?:ar\\s+)?${Y4}${e}`),
    read: (m) => periodOf(+m[2], ORDINAL[m[1]], 2, "Halvår"),
  },
  {
    needs: /host|ht/,
    pattern: re(`${b}(?:hosten|hostterminen|ht)\\s*-?\\s*${Y2}${e}`),
    read: (m) => span(year2(m[1]), 8, year2(m[1]), 12, "period"),
  },
  {
    needs: /var|vt/,
    pattern: re(`${b}(?:varen|varterminen|vt)\\s*-?\\s*${Y2}${e}`),
    read: (m) => span(year2(m[1]), 1, year2(m[1]), 6, "period"),
  },
  {
    needs: /sommaren/,
    pattern: re(`${b}sommaren\\s+${Y4}${e}`),
    read: (m) => span(+m[1], 6, +m[1], 8, "period"),
  },
  {
    needs: /mitten/,
    pattern: re(`${b}mitten\\s+(?:av|pa)\\s+(?:aret\\s+)?${Y4}${e}`),
    read: (m) => span(+m[1], 7, +m[1], 7, "period"),
  },
  {
    needs: /arsskiftet/,
    pattern: re(`${b}arsskiftet\\s+${Y4}\\s*[/-]\\s*${Y2}${e}`),
    read: (m) =>
      year2(m[2]) % 100 === (+m[1] + 1) % 100
        ? span(+m[1] + 1, 1, +m[1] + 1, 1, "period")
        : `årsskiftet ${m[1]}/${m[2]} är inga två år i följd`,
  },
  {
    needs: /lasaret/,
    pattern: re(`${b}lasaret\\s+${Y4}\\s*[/-]\\s*${Y2}${e}`),
    read: (m) =>
      year2(m[2]) % 100 === (+m[1] + 1) % 100
        ? span(+m[1], 8, +m[1] + 1, 6, "period")
        : `läsåret ${m[1]}/${m[2]} är inga två år i följd`,
  },
  // Years.
  { pattern: re(`${b}${Y4}${e}`), read: (m) => span(+m[1], 1, +m[1], 12, "year") },
];

// A remark about when the full-year effect is reached (`helår 2021`, `Full effekt helår 2022`)
// says nothing about when the effect starts.
const FULL_YEAR_REMARK = re(`(?:full\\s+effekt\\s+)?${b}helar\\w*\\s+(?:ar\\s+)?${Y4}${e}`);

const EFFECT_PHRASE = String.raw`effekt|fran\s+och\s+med|fr\.?\s?o\.?\s?m\.?|from|fran|start|startar|borjar`;
const END_PHRASE = String.raw`t\.?\s?o\.?\s?m\.?|till\s+och\s+med|till|loper\s+ut|upphor|slutar|slutet|slut`;
const PHRASE = new RegExp(`${b}(?:(${EFFECT_PHRASE})|(${END_PHRASE}))(?![\\p{L}])`, "gu");
/** What may stand between a phrase and its date: a few words, no figures, no parentheses. */
const BETWEEN = /^[^\d()]{0,24}$/u;

/** Words for "at once": Balans does not know the decision date they count from. */
const IMMEDIATE_WORDS = ["omgående", "direkt", "snarast", "omedelbart", "genast", "med en gång"];
const IMMEDIATE = new RegExp(`${b}(${IMMEDIATE_WORDS.map((w) => foldText(w)).join("|")})${e}`, "u");
const TIME_WORDS = re(
  `${b}(host\\w*|varen|var\\w*termin\\w*|sommar\\w*|vinter\\w*|vintern|jul\\w*|pask\\w*|vecka|v\\.|termin\\w*|ht|vt|lasar\\w*|kvartal\\w*|tertial\\w*|halvar\\w*|mitten|borjan|arsskifte\\w*|q|kv|${MONTH_NAME_SOURCE})${e}`
);

interface Candidate extends DateExpression {
  index: number;
  text: string;
  role: "effect" | "end" | "plain";
}

/**
 * Reads when a measure's effect starts from the plan's own words: `Q 3 2020`, `hösten 2021`,
 * `vecka 34 2021`, `Upphandling klar 2020-11-15, effekt fr.o.m. Q1 2021`, a date. A date right
 * after an effect phrase wins; a date after an end phrase is an end; otherwise the most specific
 * date-like expression wins, the earliest among equals. Remarks in parentheses are remarks
 * (unless they hold an effect phrase with its date, as seed 000's `(nytt avtal från 2021-04-01)`).
 */
export function parseTiming(value: unknown): TimingReading {
  if (typeof value === "number" || value instanceof Date)
    return timingFromCellValue(typedAsNumber(value) as number | Date);
  if (typeof value !== "string" || value.trim() === "") {
    return { ok: false, message: "är tom; ange t.ex. Q 3 2020, april 2021, 2021 eller ett datum" };
  }
  const shown = value.replace(/\s+/g, " ").trim();
  const text = foldText(value);
  const base = withoutRemarks(text).replace(FULL_YEAR_REMARK, (s) => " ".repeat(s.length));
  const found = collect(base);
  if (typeof found === "string") return { ok: false, message: `»${shown}«: ${found}` };
  const { candidates, rest } = found;

  const starts = candidates.filter((c) => c.role !== "end");
  const effect = starts.filter((c) => c.role === "effect");
  const best = pick(effect.length ? effect : starts);
  const end = pick(candidates.filter((c) => c.role === "end"));
  if (!best) {
    if (end)
      return {
        ok: false,
        message: `»${shown}« anger bara när effekten slutar (${toIsoDate(end.last)}); ange när den börjar, t.ex. Q 3 2020, eller fyll i Start`,
      };
    const immediate = IMMEDIATE.exec(text);
    const word = immediate && IMMEDIATE_WORDS.find((w) => foldText(w) === immediate[1]);
    if (word)
      return {
        ok: false,
        message: `»${shown}«: Balans vet inte vilket datum »${word}« betyder (beslutsdatumet står inte i tabellen); skriv datumet, t.ex. 2021-03-01, eller fyll i Start`,
      };
    return {
      ok: false,
      message: `»${shown}« anger ingen tidpunkt; skriv t.ex. Q 3 2020, april 2021, 2021 eller ett datum, eller fyll i Start`,
    };
  }
  if (!isPlanYear(best.start.year))
    return {
      ok: false,
      message: `»${shown}«: ${best.start.year} ligger utanför ${YEAR_RANGE_TEXT}`,
    };
  const notice = best.precision === "year" ? unreadTimeWords(rest, best) : undefined;
  return {
    ok: true,
    start: best.start,
    precision: best.precision,
    source: best.text,
    ...(end ? { end: end.last } : {}),
    ...(notice ? { notice } : {}),
  };
}

/**
 * Reads a text that is exactly one date expression (`2021-12`, `aug 2020`, `1/4/2021`, `Q3 2020`),
 * as a date cell may hold; undefined when the text is anything else.
 */
export function readDateExpression(value: string): DateExpression | string | undefined {
  const text = foldText(value);
  const found = collect(text);
  if (typeof found === "string") return found;
  if (found.candidates.length !== 1 || found.rest.trim() !== "") return undefined;
  const [c] = found.candidates;
  return { start: c.start, last: c.last, precision: c.precision };
}

function pick(candidates: readonly Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (
      !best ||
      RANK[c.precision] < RANK[best.precision] ||
      (RANK[c.precision] === RANK[best.precision] && order(c.start) < order(best.start))
    )
      best = c;
  }
  return best;
}

const order = (d: CalendarDate) => d.year * 10_000 + d.month * 100 + d.day;

/** Every date-like expression in a folded text, and the text left when they are blanked. */
function collect(text: string): { candidates: Candidate[]; rest: string } | string {
  let rest = text;
  const candidates: Candidate[] = [];
  for (const form of FORMS) {
    if (form.needs && !form.needs.test(rest)) continue;
    const hits: { index: number; length: number }[] = [];
    form.pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = form.pattern.exec(rest))) {
      const read = form.read(m);
      if (typeof read === "string") return read;
      candidates.push({ ...read, index: m.index, text: m[0], role: roleOf(text, m.index) });
      hits.push({ index: m.index, length: m[0].length });
    }
    if (hits.length) rest = blank(rest, hits);
  }
  return { candidates, rest };
}

/** Whether the words right before a date make it the effect's start or an end. */
function roleOf(text: string, index: number): Candidate["role"] {
  const window = text.slice(Math.max(0, index - 40), index);
  let role: Candidate["role"] = "plain";
  PHRASE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PHRASE.exec(window))) {
    const after = window.slice(m.index + m[0].length);
    if (BETWEEN.test(after)) {
      role = m[1] ? "effect" : "end";
      break;
    }
  }
  return role;
}

/** Spaces over the given spans, in one pass. */
function blank(text: string, spans: readonly { index: number; length: number }[]): string {
  let out = "";
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.index) + " ".repeat(s.length);
    at = s.index + s.length;
  }
  return out + text.slice(at);
}

/**
 * The text with its remarks in parentheses blanked, so a remark never moves a date. A remark
 * that holds an effect phrase with its date (`(nytt avtal från 2021-04-01)`) is kept: the effect
 * phrase wins wherever it stands. An unclosed `(` runs to the end.
 */
function withoutRemarks(text: string): string {
  const spans: { index: number; length: number }[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(") {
      if (depth === 0) open = i;
      depth++;
    } else if (ch === ")" && depth > 0) {
      depth--;
      if (depth === 0) spans.push({ index: open, length: i - open + 1 });
    }
  }
  if (depth > 0) spans.push({ index: open, length: text.length - open });
  const remarks = spans.filter(
    (s) => !holdsEffectDate(text.slice(s.index + 1, s.index + s.length))
  );
  return blank(text.replace(/[()]/g, " "), remarks);
}

function holdsEffectDate(inner: string): boolean {
  if (!/\d/.test(inner)) return false;
  const found = collect(inner.replace(/[()]/g, " "));
  return typeof found !== "string" && found.candidates.some((c) => c.role === "effect");
}

/** A notice when the start is a bare year and the text holds time words Balans did not read. */
function unreadTimeWords(rest: string, best: Candidate): string | undefined {
  const words = [...rest.matchAll(TIME_WORDS)].map((m) => m[1]);
  // A number right beside the year (`34 2021`, `2021 3`) may be a week, a month or a quarter.
  const near = rest.slice(Math.max(0, best.index - 4), best.index + best.text.length + 4);
  const numbers = [...near.matchAll(/(?<![\p{L}\d])\d{1,2}(?![\d])/gu)].map((m) => m[0]);
  const unread = [...words, ...numbers];
  if (unread.length === 0) return undefined;
  return `läste ${toIsoDate(best.start)} ur »${best.text.trim()}«; »${unread.join(" ")}« förstods inte`;
}

/** A Tidsaspekt cell that Excel stored as a number (a year, or a date serial) or a Date. */
function timingFromCellValue(value: number | Date): TimingReading {
  if (isPlanYear(value)) {
    return {
      ok: true,
      start: { year: value, month: 1, day: 1 },
      precision: "year",
      source: String(value),
    };
  }
  const date = readDateNumber(value);
  return date
    ? { ok: true, start: date, precision: "day", source: toIsoDate(date) }
    : {
        ok: false,
        message: `${String(value)} är ingen tidpunkt; ange t.ex. Q 3 2020 eller ett datum`,
      };
}
