import { CalendarDate, dayNumber } from "./dates";

/** When something is in effect: from `start` through `end` (inclusive); no end = open. */
export interface Period {
  start: CalendarDate;
  end?: CalendarDate;
}

/** The share (0–1) of a calendar month's days that fall within the period. */
export function shareOfMonth(period: Period, year: number, month: number): number {
  return monthsInEffect(period, year, month, month);
}

// Days before each month in a common year; thousands of formulas accrue, so month boundaries
// come from this table rather than from a Date per month.
const DAYS_BEFORE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Sum of the shares of months `fromMonth`..`toMonth` of a year in effect. */
export function monthsInEffect(period: Period, year: number, fromMonth = 1, toMonth = 12): number {
  const startDay = dayNumber(period.start);
  const endDay = period.end ? dayNumber(period.end) : Infinity;
  const jan1 = dayNumber({ year, month: 1, day: 1 });
  const leap = isLeap(year) ? 1 : 0;
  const firstOf = (m: number) => jan1 + DAYS_BEFORE[m - 1] + (m > 2 ? leap : 0);
  // Fully in effect from the first day of fromMonth through the last day of toMonth.
  if (startDay <= firstOf(fromMonth) && endDay >= firstOf(toMonth + 1) - 1)
    return toMonth - fromMonth + 1;
  let months = 0;
  for (let m = fromMonth; m <= toMonth; m++) {
    const first = firstOf(m);
    const next = firstOf(m + 1);
    const from = Math.max(first, startDay);
    const to = Math.min(next - 1, endDay);
    if (to >= from) months += (to - from + 1) / (next - first);
  }
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

/**
 * Each month's share in effect, `share[m - 1]`, and January through each month, `through[m]`
 * (`through[0]` = 0), as `monthsInEffect(period, year, m, m)` and `monthsInEffect(period, year,
 * 1, m)` give them: the same shares added in the same order, so bit for bit the same numbers.
 */
export function monthShares(
  period: Period,
  year: number,
  share: Float64Array,
  through: Float64Array
): void {
  const startDay = dayNumber(period.start);
  const endDay = period.end ? dayNumber(period.end) : Infinity;
  const jan1 = dayNumber({ year, month: 1, day: 1 });
  const leap = isLeap(year) ? 1 : 0;
  let months = 0;
  through[0] = 0;
  for (let m = 1; m <= 12; m++) {
    const first = jan1 + DAYS_BEFORE[m - 1] + (m > 2 ? leap : 0);
    const next = jan1 + DAYS_BEFORE[m] + (m + 1 > 2 ? leap : 0);
    const from = Math.max(first, startDay);
    const to = Math.min(next - 1, endDay);
    // a month wholly in effect is (next - first) / (next - first) = 1 exactly, as the whole-range
    // answer of monthsInEffect counts it
    const s = to >= from ? (to - from + 1) / (next - first) : 0;
    share[m - 1] = s;
    if (to >= from) months += s;
    through[m] = months;
  }
}
