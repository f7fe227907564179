import { accrue, monthShares, monthsInEffect, Period } from "./accrual";

/**
 * How a measure saves month by month: the plan (Helårseffekt accrued over the period, with the
 * years the plan states overriding the accrual), possibly moved later, scaled or stopped. The
 * plan, the forecast plan and a what-if scenario are all shapes, so one function computes them.
 */
export interface EffectShape extends Period {
  /** Saving per full year, for the years the plan does not state. */
  annual: number;
  /** The effect of a year as the plan states it (per-year columns). */
  perYear?: ReadonlyMap<number, number>;
  /** The whole monthly series comes this many months later (negative = earlier). */
  shift?: number;
  /** Every month's effect is multiplied by this (0,5 = half). */
  factor?: number;
  /** Nothing after this month, as a month index (`year * 12 + month - 1`). */
  through?: number;
}

/** `2021-03` as one integer, so months can be moved and compared across years. */
export function monthIndex(year: number, month: number): number {
  return year * 12 + month - 1;
}

/**
 * The planned effect in months `fromMonth`..`toMonth` of a year. A stated year's figure is
 * shared among its months in proportion to the days in effect; other years accrue `annual`.
 */
export function plannedMonths(
  plan: Omit<EffectShape, "shift" | "factor" | "through">,
  year: number,
  fromMonth = 1,
  toMonth = 12
): number {
  const stated = plan.perYear?.get(year);
  if (stated === undefined) return accrue(plan.annual, plan, year, fromMonth, toMonth);
  if (fromMonth === 1 && toMonth === 12) return stated;
  const whole = monthsInEffect(plan, year);
  return whole === 0 ? 0 : (stated * monthsInEffect(plan, year, fromMonth, toMonth)) / whole;
}

/** A shape's effect in months `fromMonth`..`toMonth` of a year. */
export function shapeEffect(shape: EffectShape, year: number, fromMonth = 1, toMonth = 12): number {
  const shift = shape.shift ?? 0;
  const factor = shape.factor ?? 1;
  let last = monthIndex(year, toMonth);
  if (shape.through !== undefined) last = Math.min(last, shape.through);
  const first = monthIndex(year, fromMonth);
  if (last < first) return 0;
  if (shift === 0) {
    return factor * plannedMonths(shape, year, fromMonth, last - monthIndex(year, 1) + 1);
  }
  // The months first..last now hold what the plan had `shift` months earlier, which may span
  // two (or more) calendar years of the plan.
  let sum = 0;
  for (let from = first - shift; from <= last - shift;) {
    const y = Math.floor(from / 12);
    const to = Math.min(last - shift, monthIndex(y, 12));
    sum += plannedMonths(shape, y, (from % 12) + 1, (to % 12) + 1);
    from = to + 1;
  }
  return factor * sum;
}

/** Slots of `yearSlots`: the year, each month, January through each month. */
export const YEAR_SLOTS = 25;
/** The slot of January through a month in `yearSlots`. */
export const throughSlot = (month: number) => 12 + month;

/**
 * A shape's effects in a year, all at once: slot 0 the whole year, slot m (1–12) the month,
 * slot 12 + m January through the month; each bit for bit what `shapeEffect` gives for it (the
 * same shares added in the same order, the same products and quotients), so a read can build it
 * on the first question about a measure and year and answer the other 24 from it. Written into
 * `out` from `at` (a new array by default).
 */
export function yearSlots(
  shape: EffectShape,
  year: number,
  out = new Float64Array(YEAR_SLOTS),
  at = 0
): Float64Array {
  if ((shape.shift ?? 0) !== 0) {
    // a moved plan spans other years: each slot as shapeEffect computes it
    out[at] = shapeEffect(shape, year);
    for (let m = 1; m <= 12; m++) {
      out[at + m] = shapeEffect(shape, year, m, m);
      out[at + throughSlot(m)] = shapeEffect(shape, year, 1, m);
    }
    return out;
  }
  const share = SHARE;
  const through = THROUGH;
  monthShares(shape, year, share, through);
  const factor = shape.factor ?? 1;
  const stated = shape.perYear?.get(year);
  const january = monthIndex(year, 1);
  // shapeEffect with shift 0: the months fromMonth..toMonth, cut at `through`, of plannedMonths
  const effect = (fromMonth: number, toMonth: number): number => {
    let last = monthIndex(year, toMonth);
    if (shape.through !== undefined) last = Math.min(last, shape.through);
    const first = monthIndex(year, fromMonth);
    if (last < first) return 0;
    const to = last - january + 1;
    // monthsInEffect(shape, year, fromMonth, to): a single month or January through a month
    const months = fromMonth === to ? share[to - 1] : through[to];
    if (stated === undefined) return factor * ((shape.annual * months) / 12);
    if (fromMonth === 1 && to === 12) return factor * stated;
    const whole = through[12];
    return factor * (whole === 0 ? 0 : (stated * months) / whole);
  };
  out[at] = effect(1, 12);
  for (let m = 1; m <= 12; m++) {
    out[at + m] = effect(m, m);
    out[at + throughSlot(m)] = effect(1, m);
  }
  return out;
}

// Scratch for yearSlots, which neither recurses nor yields.
const SHARE = new Float64Array(12);
const THROUGH = new Float64Array(13);
