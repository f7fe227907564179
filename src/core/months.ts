import { readDateValue } from "./dates";
import { parseTiming } from "./timing";

/** A calendar month; months are 1–12. */
export interface YearMonth {
  year: number;
  month: number;
}

export function monthLabel({ year, month }: YearMonth): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

export function previousMonth({ year, month }: YearMonth): YearMonth {
  return month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
}

/** `2020-08` as the command line and the report take it; undefined when it is not one. */
export function parseMonthArgument(text: string): YearMonth | undefined {
  const m = /^\s*(\d{4})-(\d{1,2})\s*$/.exec(text);
  if (!m) return undefined;
  const [year, month] = [Number(m[1]), Number(m[2])];
  return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 ? { year, month } : undefined;
}

/** A Månad cell: `2020-08`, a date in that month (serial, Date, ISO text), or `augusti 2020`. */
export function readMonthValue(value: unknown): YearMonth | undefined {
  const date = readDateValue(value);
  if (date) return { year: date.year, month: date.month };
  if (typeof value === "string") {
    const t = parseTiming(value);
    if (t.ok && (t.precision === "month" || t.precision === "day"))
      return { year: t.start.year, month: t.start.month };
  }
  return undefined;
}

/** The last complete month before a date: what a monthly report is usually made for. */
export function lastCompleteMonth(today: Date): YearMonth {
  return previousMonth({ year: today.getFullYear(), month: today.getMonth() + 1 });
}

const MONTH_NAMES = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];

/** `augusti 2020`, as a Swedish report heading names a month. */
export function swedishMonth({ year, month }: YearMonth): string {
  return `${MONTH_NAMES[month - 1]} ${year}`;
}
