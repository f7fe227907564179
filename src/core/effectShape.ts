import { accrue, monthsInEffect, Period } from "./accrual";

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
