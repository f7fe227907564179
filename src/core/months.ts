import { swedishMonthName, YearMonth } from "./grammar";
import { isPlanYear } from "./limits";

export type { YearMonth } from "./grammar";

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
  return isPlanYear(year) && month >= 1 && month <= 12 ? { year, month } : undefined;
}

/** The last complete month before a date: what a monthly report is usually made for. */
export function lastCompleteMonth(today: Date): YearMonth {
  return previousMonth({ year: today.getFullYear(), month: today.getMonth() + 1 });
}

/** `augusti 2020`, as a Swedish report heading names a month. */
export function swedishMonth({ year, month }: YearMonth): string {
  return `${swedishMonthName(month)} ${year}`;
}
