import type { FormulaResult } from "./queries";
import { YEAR_MAX, YEAR_MIN } from "./limits";

/**
 * Answers the general path has given, by the exact arguments a formula passed: a key (a measure's
 * id as written, an area, an insats), a year and a slot within the year (e.g. a month). Thousands
 * of formulas ask the same few questions of one read of the tables; the second time a question
 * costs a map lookup and an array read, and the answer is the general path's own, bit for bit.
 * Only answers that are numbers are kept; errors always take the general path.
 */
export class AnswerCache {
  private readonly byKey = new Map<unknown, (Float64Array | undefined)[]>();
  private readonly notices = new Map<unknown, string | undefined>();

  constructor(private readonly slotsPerYear: number) {}

  /** The kept answer, or undefined when the question was not answered yet. */
  get(key: unknown, year: number, slot: number): FormulaResult | undefined {
    const values = this.byKey.get(key)?.[year - YEAR_MIN];
    if (values === undefined) return undefined;
    const value = values[slot];
    // NaN marks a slot not answered yet
    if (Number.isNaN(value)) return undefined;
    const notice = this.notices.get(key);
    return notice === undefined ? { ok: true, value } : { ok: true, value, notice };
  }

  /** Keeps a general answer (a number, with the same notice as the key's other answers). */
  put(key: unknown, year: number, slot: number, result: FormulaResult): FormulaResult {
    if (!result.ok || Number.isNaN(result.value)) return result;
    if (this.notices.has(key) && this.notices.get(key) !== result.notice) return result;
    this.notices.set(key, result.notice);
    let years = this.byKey.get(key);
    if (!years) this.byKey.set(key, (years = new Array(YEAR_MAX - YEAR_MIN + 1)));
    let values = years[year - YEAR_MIN];
    if (!values) years[year - YEAR_MIN] = values = new Float64Array(this.slotsPerYear).fill(NaN);
    values[slot] = result.value;
    return result;
  }
}

/** A year argument the cache can key on: a whole number in the plan years. */
export function cacheableYear(year: unknown): year is number {
  return typeof year === "number" && Number.isInteger(year) && year >= YEAR_MIN && year <= YEAR_MAX;
}

/** A month argument as a slot: 0 for none, 1–12 for a month; -1 when the cache cannot key on it. */
export function monthSlot(month: unknown): number {
  if (month === undefined || month === null) return 0;
  return typeof month === "number" && Number.isInteger(month) && month >= 1 && month <= 12
    ? month
    : -1;
}
