/**
 * The years Balans works with, in one place: a year argument, a year cell, a whole number in a
 * date column, a date serial and a date in text must all fall in this range. Outside it a value
 * is far more likely a typing error (or a number in the wrong column) than a plan.
 */
export const YEAR_MIN = 1990;
export const YEAR_MAX = 2100;

/** Whether `n` is a whole year in the range Balans works with. */
export function isPlanYear(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= YEAR_MIN && n <= YEAR_MAX;
}

/** How a message names the range, e.g. in »ange ett år 1990–2100«. */
export const YEAR_RANGE_TEXT = `${YEAR_MIN}–${YEAR_MAX}`;

/** The most years one table of effects shows (a sheet, the command line): more is a typing error. */
export const MAX_YEARS_SHOWN = 50;
