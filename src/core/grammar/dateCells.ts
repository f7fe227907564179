import { CalendarDate, daysInMonth, readDateNumber, toIsoDate, typedAsNumber } from "../dates";
import { isPlanYear, YEAR_MAX, YEAR_MIN, YEAR_RANGE_TEXT } from "../limits";
import { formatSwedish } from "../text";
import { excelErrorMessage, excelErrorOf } from "./excelErrors";
import { YearMonth } from "./months";
import { readDateExpression } from "./timings";

/**
 * What a date column means: `start` takes a period's first day, `end` its last (Slut `2021-12`
 * is 31 December), `date` a day (a coarser value is read as its first day, with a notice).
 */
export type DateRole = "start" | "end" | "date";

export type DateCellReading =
  { ok: true; date: CalendarDate; notice?: string } | { ok: false; message: string };

export type MonthCellReading = { ok: true; month: YearMonth } | { ok: false; message: string };

const ISO_MIDNIGHT = /^(\d{4}-\d{2}-\d{2})[T ]00:00(?::00(?:\.0+)?)?Z?$/i;

const EXAMPLE: Record<DateRole, string> = {
  start: "ange t.ex. 2021-04-01",
  end: "ange sista dagen, t.ex. 2022-12-31",
  date: "ange t.ex. 2021-04-01",
};

/**
 * Reads a date cell by the contract: a date serial or Date in 1990–2100, a whole number
 * 1990–2100 as that year, or text that is one date expression (`2021-04-01`, `2021-12`,
 * `1/4/2021`, `april 2021`). An Excel error value, a serial out of range (1e10) or other text is
 * a problem, never a default date.
 */
export function readDateCell(value: unknown, role: DateRole): DateCellReading {
  const error = excelErrorOf(value);
  if (error) return { ok: false, message: excelErrorMessage(error) };
  value = typedAsNumber(value);
  if (typeof value === "number" && isPlanYear(value)) {
    const date =
      role === "end" ? { year: value, month: 12, day: 31 } : { year: value, month: 1, day: 1 };
    return role === "date"
      ? { ok: true, date, notice: `läste ${value} som året ${value}, dagen ${toIsoDate(date)}` }
      : { ok: true, date };
  }
  if (typeof value === "number" || value instanceof Date) {
    const date = readDateNumber(value);
    if (date) return { ok: true, date };
    return { ok: false, message: outOfRange(value) };
  }
  if (typeof value !== "string" || value.trim() === "")
    return { ok: false, message: `är inget datum; ${EXAMPLE[role]}` };
  // An ISO time stamp at midnight, as some exports write a date: the day is what counts.
  const expr = readDateExpression(value.trim().replace(ISO_MIDNIGHT, "$1"));
  if (typeof expr === "string") return { ok: false, message: `»${value.trim()}«: ${expr}` };
  if (!expr) return { ok: false, message: `»${value.trim()}« är inget datum; ${EXAMPLE[role]}` };
  if (!isPlanYear(expr.start.year))
    return { ok: false, message: `»${value.trim()}« ligger utanför ${YEAR_RANGE_TEXT}` };
  if (role === "end") return { ok: true, date: expr.last };
  if (role === "date" && expr.precision !== "day")
    return {
      ok: true,
      date: expr.start,
      notice: `läste »${value.trim()}« som ${toIsoDate(expr.start)}`,
    };
  return { ok: true, date: expr.start };
}

/**
 * Reads a Månad cell: `2020-08`, `202008`, `aug 2020`, `augusti 2020`, `8/2020` or a date in the
 * month. A bare month number (`8`) is a problem: which year?
 */
export function readMonthCell(value: unknown): MonthCellReading {
  const error = excelErrorOf(value);
  if (error) return { ok: false, message: excelErrorMessage(error) };
  value = typedAsNumber(value);
  if (typeof value === "number") return monthOfNumber(value, String(value));
  if (value instanceof Date) {
    const d = readDateNumber(value);
    return d
      ? { ok: true, month: { year: d.year, month: d.month } }
      : { ok: false, message: outOfRange(value) };
  }
  if (typeof value !== "string" || value.trim() === "")
    return { ok: false, message: "är ingen månad; ange t.ex. 2020-08" };
  const text = value.trim();
  if (/^\d+$/.test(text)) return monthOfNumber(Number(text), text);
  const expr = readDateExpression(text);
  if (typeof expr === "string") return { ok: false, message: `»${text}«: ${expr}` };
  if (expr && (expr.precision === "day" || expr.precision === "month"))
    return { ok: true, month: { year: expr.start.year, month: expr.start.month } };
  return {
    ok: false,
    message: expr
      ? `»${text}« är ingen månad utan en längre period; ange t.ex. 2020-08`
      : `»${text}« är ingen månad; ange t.ex. 2020-08`,
  };
}

function monthOfNumber(n: number, shown: string): MonthCellReading {
  if (Number.isInteger(n) && n >= 1 && n <= 12)
    return {
      ok: false,
      message: `»${shown}« anger en månad utan år; ange t.ex. ${YEAR_MIN + 30}-${String(n).padStart(2, "0")}`,
    };
  if (isPlanYear(n))
    return { ok: false, message: `»${shown}« är ett år, ingen månad; ange t.ex. ${n}-01` };
  // `202008`: year and month written together.
  if (Number.isInteger(n) && n >= YEAR_MIN * 100 + 1 && n <= YEAR_MAX * 100 + 12) {
    const [year, month] = [Math.floor(n / 100), n % 100];
    if (month >= 1 && month <= 12) return { ok: true, month: { year, month } };
    return { ok: false, message: `»${shown}«: månad ${month} finns inte (1–12)` };
  }
  const d = readDateNumber(n);
  if (d) return { ok: true, month: { year: d.year, month: d.month } };
  return { ok: false, message: outOfRange(n) };
}

function outOfRange(value: number | Date): string {
  const shown = value instanceof Date ? "datumet" : `»${formatSwedish(value)}«`;
  return `${shown} är inget datum i ${YEAR_RANGE_TEXT}; ange t.ex. 2021-04-01`;
}

/** The last day of a month, for a month given where a last day is meant. */
export function lastDayOf({ year, month }: YearMonth): CalendarDate {
  return { year, month, day: daysInMonth(year, month) };
}
