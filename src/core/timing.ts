import { CalendarDate, isValidDate, readDateValue } from "./dates";
import { foldText } from "./text";

/** How precisely a timing names its start; more specific candidates win. */
export type TimingPrecision = "day" | "month" | "period" | "year";

export type TimingResult =
  { ok: true; start: CalendarDate; precision: TimingPrecision } | { ok: false; message: string };

const PRECISION_RANK: Record<TimingPrecision, number> = { day: 0, month: 1, period: 2, year: 3 };

// Swedish month names and their usual abbreviations, with the English ones for English users.
const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  january: 1,
  februari: 2,
  feb: 2,
  february: 2,
  mars: 3,
  mar: 3,
  march: 3,
  april: 4,
  apr: 4,
  maj: 5,
  may: 5,
  juni: 6,
  jun: 6,
  june: 6,
  juli: 7,
  jul: 7,
  july: 7,
  augusti: 8,
  aug: 8,
  august: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const MONTH_NAME = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|")})\\.?`;
const YEAR = String.raw`((?:19|20)\d{2})`;

interface Candidate {
  start: CalendarDate;
  precision: TimingPrecision;
  index: number;
}

interface Form {
  pattern: RegExp;
  precision: TimingPrecision;
  /** Returns the start, or a message when the text names a date that does not exist. */
  read: (m: RegExpExecArray) => CalendarDate | string;
}

const b = String.raw`(?<![\p{L}\d])`; // word start that also works for å, ä, ö
const e = String.raw`(?![\p{L}\d])`;

function day(y: string, mo: string | number, d: string | number): CalendarDate | string {
  const [year, month, dd] = [Number(y), Number(mo), Number(d)];
  return isValidDate(year, month, dd)
    ? { year, month, day: dd }
    : `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")} är inget giltigt datum`;
}

function firstOfPeriod(
  y: string,
  periodIndex: number,
  periodsPerYear: number,
  label: string,
  n: string
) {
  if (periodIndex < 1 || periodIndex > periodsPerYear) {
    return `${label} ${n} finns inte (1–${periodsPerYear})`;
  }
  return { year: Number(y), month: 1 + ((periodIndex - 1) * 12) / periodsPerYear, day: 1 };
}

// Ordered from most to least specific; each match is blanked out before the next forms run, so
// the year inside `Q 3 2020` is not read again as a year of its own.
const FORMS: Form[] = [
  {
    pattern: re(`${b}${YEAR}-(\\d{1,2})-(\\d{1,2})${e}`),
    precision: "day",
    read: (m) => day(m[1], m[2], m[3]),
  },
  {
    pattern: re(`${b}(\\d{1,2})\\s+${MONTH_NAME}\\s+${YEAR}${e}`),
    precision: "day",
    read: (m) => day(m[3], MONTHS[m[2]], m[1]),
  },
  {
    pattern: re(`${b}${YEAR}-(\\d{1,2})${e}`),
    precision: "month",
    read: (m) =>
      Number(m[2]) >= 1 && Number(m[2]) <= 12
        ? day(m[1], m[2], 1)
        : `månad ${m[2]} finns inte (1–12)`,
  },
  {
    pattern: re(`${b}${MONTH_NAME}\\s+${YEAR}${e}`),
    precision: "month",
    read: (m) => day(m[2], MONTHS[m[1]], 1),
  },
  {
    pattern: re(`${b}(?:q|kv|kvartal)\\s*\\.?\\s*(\\d)\\s*[-/,]?\\s*${YEAR}${e}`),
    precision: "period",
    read: (m) => firstOfPeriod(m[2], Number(m[1]), 4, "Kvartal", m[1]),
  },
  {
    pattern: re(`${b}${YEAR}\\s*[-/ ]?\\s*(?:q|kv)\\s*(\\d)${e}`),
    precision: "period",
    read: (m) => firstOfPeriod(m[1], Number(m[2]), 4, "Kvartal", m[2]),
  },
  {
    pattern: re(`${b}(?:t|tertial)\\s*(\\d)\\s*[-/,]?\\s*${YEAR}${e}`),
    precision: "period",
    read: (m) => firstOfPeriod(m[2], Number(m[1]), 3, "Tertial", m[1]),
  },
  {
    pattern: re(`${b}(?:h|halvar)\\s*(\\d)\\s*[-/,]?\\s*${YEAR}${e}`),
    precision: "period",
    read: (m) => firstOfPeriod(m[2], Number(m[1]), 2, "Halvår", m[1]),
  },
  {
    pattern: re(`${b}(forsta|andra)\\s+halvaret\\s+(?:ar\\s+)?${YEAR}${e}`),
    precision: "period",
    read: (m) => firstOfPeriod(m[2], m[1] === "forsta" ? 1 : 2, 2, "Halvår", m[1]),
  },
  { pattern: re(`${b}${YEAR}${e}`), precision: "year", read: (m) => day(m[1], 1, 1) },
];

// A remark about when the full-year effect is reached (`helår 2021`, `Full effekt helår 2022`)
// says nothing about when the effect starts.
const FULL_YEAR_REMARK = re(`(?:full\\s+effekt\\s+)?${b}helar\\w*\\s+(?:ar\\s+)?${YEAR}${e}`);

function re(source: string): RegExp {
  return new RegExp(source, "gu");
}

/**
 * Reads when a measure's effect starts from the plan's own words: `Q 3 2020`,
 * `2021 (nytt avtal från 2021-04-01) Full effekt helår 2022`, `april 2021`, `T2 2021`, a date.
 * The most specific date-like expression wins, the earliest among equals.
 */
export function parseTiming(value: unknown): TimingResult {
  if (typeof value === "number" || value instanceof Date) return timingFromCellValue(value);
  if (typeof value !== "string" || value.trim() === "") {
    return { ok: false, message: "är tom; ange t.ex. Q 3 2020, april 2021, 2021 eller ett datum" };
  }
  // Folding keeps positions for ASCII digits and letters, which is all the forms match on.
  let text = foldText(value);
  text = text.replace(FULL_YEAR_REMARK, (s) => " ".repeat(s.length));

  const candidates: Candidate[] = [];
  for (const form of FORMS) {
    form.pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = form.pattern.exec(text))) {
      const start = form.read(m);
      if (typeof start === "string") return { ok: false, message: `»${value.trim()}«: ${start}` };
      candidates.push({ start, precision: form.precision, index: m.index });
      text = text.slice(0, m.index) + " ".repeat(m[0].length) + text.slice(m.index + m[0].length);
    }
  }
  if (candidates.length === 0) {
    return {
      ok: false,
      message: `»${value.trim()}« anger ingen tidpunkt; skriv t.ex. Q 3 2020, april 2021, 2021 eller ett datum, eller fyll i Start`,
    };
  }
  const best = candidates.reduce((a, c) => {
    const byPrecision = PRECISION_RANK[c.precision] - PRECISION_RANK[a.precision];
    if (byPrecision !== 0) return byPrecision < 0 ? c : a;
    return dayOrder(c.start) < dayOrder(a.start) ? c : a;
  });
  return { ok: true, start: best.start, precision: best.precision };
}

function dayOrder(d: CalendarDate): number {
  return d.year * 10_000 + d.month * 100 + d.day;
}

/** A Tidsaspekt cell that Excel stored as a number: a year (2021) or a date serial. */
function timingFromCellValue(value: number | Date): TimingResult {
  if (typeof value === "number" && Number.isInteger(value) && value >= 1900 && value <= 2999) {
    return { ok: true, start: { year: value, month: 1, day: 1 }, precision: "year" };
  }
  const date = readDateValue(value);
  return date
    ? { ok: true, start: date, precision: "day" }
    : {
        ok: false,
        message: `${String(value)} är ingen tidpunkt; ange t.ex. Q 3 2020 eller ett datum`,
      };
}
