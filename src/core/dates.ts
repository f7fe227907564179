import { isPlanYear } from "./limits";

/** A calendar date without time zone; months are 1–12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;

export function makeDate(year: number, month: number, day = 1): CalendarDate {
  return { year, month, day };
}

/** A day that exists, in a year Balans works with (see limits.ts). */
export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    isPlanYear(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01: lets periods be compared and measured with integers. */
export function dayNumber(d: CalendarDate): number {
  return Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY;
}

export function fromDayNumber(n: number): CalendarDate {
  const d = new Date(n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(a) - dayNumber(b);
}

export function toIsoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, "0")}-${pad2(d.month)}-${pad2(d.day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

// Excel's 1900 date system counts from 1899-12-31 as 1 and keeps Lotus' phantom 1900-02-29
// (serial 60); from serial 61 on, serial = days since 1899-12-30.
const EXCEL_EPOCH_DAY = Date.UTC(1899, 11, 30) / MS_PER_DAY;

export function fromExcelSerial(serial: number): CalendarDate {
  const whole = Math.floor(serial);
  return fromDayNumber(EXCEL_EPOCH_DAY + (whole < 61 ? whole + 1 : whole));
}

export function toExcelSerial(d: CalendarDate): number {
  const serial = dayNumber(d) - EXCEL_EPOCH_DAY;
  return serial < 61 ? serial - 1 : serial;
}

/** A JS Date read from a file or Office is a calendar date at UTC midnight (exceljs) or local. */
export function fromJsDate(date: Date): CalendarDate {
  // exceljs gives UTC midnight; a Date built locally may be a few hours off UTC. Round to the
  // nearest UTC day so both read as the day the user typed.
  const n = Math.round(date.getTime() / MS_PER_DAY);
  return fromDayNumber(n);
}

/** The first and last Excel serial of the years Balans works with. */
const SERIAL_MIN = 32_874; // 1990-01-01
const SERIAL_MAX = 73_415; // 2100-12-31

/**
 * A date given as a number (an Excel serial) or a JS Date, when it falls in the years Balans
 * works with; undefined otherwise (1e10, a negative number, 1905 from a year typed as a serial).
 */
export function readDateNumber(value: number | Date): CalendarDate | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    const d = fromJsDate(value);
    return isPlanYear(d.year) ? d : undefined;
  }
  return Number.isFinite(value) && value >= SERIAL_MIN && value < SERIAL_MAX + 1
    ? fromExcelSerial(value)
    : undefined;
}

/**
 * A number typed into a date-formatted cell reaches some hosts as a date: `2021` as 1905-07-13,
 * `8` as 1900-01-08, `202008` as a day in 2453. Outside the years Balans works with, such a date
 * is read as the number the user typed, so the rules for numbers apply.
 */
export function typedAsNumber(value: unknown): unknown {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return value;
  const day = fromJsDate(value);
  if (isPlanYear(day.year)) return value;
  // Hosts that give dates (exceljs) count every serial from 1899-12-30, without Excel's phantom
  // 1900-02-29, so 8 arrives as 1900-01-07: count back the same way.
  const serial = dayNumber(day) - EXCEL_EPOCH_DAY;
  return Number.isInteger(serial) && serial >= 1 ? serial : value;
}
