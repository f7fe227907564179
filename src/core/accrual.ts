import { CalendarDate, dayNumber, daysInMonth } from "./dates";

/** When something is in effect: from `start` through `end` (inclusive); no end = open. */
export interface Period {
  start: CalendarDate;
  end?: CalendarDate;
}

/** The share (0–1) of a calendar month's days that fall within the period. */
export function shareOfMonth(period: Period, year: number, month: number): number {
  const first = dayNumber({ year, month, day: 1 });
  const length = daysInMonth(year, month);
  const last = first + length - 1;
  const from = Math.max(first, dayNumber(period.start));
  const to = period.end ? Math.min(last, dayNumber(period.end)) : last;
  return to < from ? 0 : (to - from + 1) / length;
}

/** Sum of the shares of months `fromMonth`..`toMonth` of a year in effect. */
export function monthsInEffect(period: Period, year: number, fromMonth = 1, toMonth = 12): number {
  let months = 0;
  for (let m = fromMonth; m <= toMonth; m++) months += shareOfMonth(period, year, m);
  return months;
}

/**
 * An annual amount accrues a twelfth per month fully in effect and a share of a twelfth per month
 * partly in effect. Multiplying before dividing keeps seed 000's figures exact (8,025 for 2020).
 */
export function accrue(
  annual: number,
  period: Period,
  year: number,
  fromMonth = 1,
  toMonth = 12
): number {
  return (annual * monthsInEffect(period, year, fromMonth, toMonth)) / 12;
}

/** The effect in each month of a year, January first. */
export function accrueByMonth(annual: number, period: Period, year: number): number[] {
  return Array.from({ length: 12 }, (_, i) => (annual * shareOfMonth(period, year, i + 1)) / 12);
}

/** A monthly amount (an agreement's cost) accrued over months `fromMonth`..`toMonth` of a year. */
export function accrueMonthly(
  monthly: number,
  period: Period,
  year: number,
  fromMonth = 1,
  toMonth = 12
): number {
  return monthly * monthsInEffect(period, year, fromMonth, toMonth);
}
