/*
 * The forecast plan: the plan with the economist's current forecast applied. Atgarder may carry
 * `Prognos helårseffekt` (a new full-year figure) and `Prognos start` (a new start, a date or a
 * timing text); empty means "as planned". A measure whose status is Avbruten has no forecast plan
 * after its last actual month. The columns are read in forecastColumns.ts.
 */
import { DeficitsRead } from "./deficits";
import { computePlanEffects, PlanEffects } from "./effects";
import { EffectShape, monthIndex } from "./effectShape";
import { FollowUpEntry, indexFollowUp } from "./followUp";
import type { Measure, MeasureStatus } from "./measures";
import { YearMonth } from "./months";
import { foldText } from "./text";
import { Unit } from "./units";

/** The latest status a measure has: its last follow-up row with a status, else Atgarder's. */
export function latestStatus(
  measure: Measure,
  entries: readonly FollowUpEntry[]
): MeasureStatus | undefined {
  let status: MeasureStatus | undefined;
  let at = -Infinity;
  for (const e of entries) {
    const i = monthIndex(e.month.year, e.month.month);
    if (e.status && i >= at) {
      status = e.status;
      at = i;
    }
  }
  return status ?? measure.status;
}

/**
 * A measure's forecast plan as a shape. A plan stated per year moves by whole months to the new
 * start and scales to the new full-year figure; otherwise the new figure accrues from the new
 * start. `entries` are the measure's follow-up rows (for Avbruten: nothing after the last one);
 * with `at`, only those up to that month count, as a report made then saw them.
 */
export function forecastShape(
  measure: Measure,
  entries: readonly FollowUpEntry[],
  at?: YearMonth
): EffectShape {
  if (at) {
    const last = monthIndex(at.year, at.month);
    entries = entries.filter((e) => monthIndex(e.month.year, e.month.month) <= last);
  }
  const f = measure.forecast;
  let shape: EffectShape = measure;
  if (f && measure.perYear) {
    shape = {
      ...measure,
      ...(f.start
        ? {
            shift:
              monthIndex(f.start.year, f.start.month) -
              monthIndex(measure.start.year, measure.start.month),
          }
        : {}),
      // A plan whose full-year figure is 0 only takes a forecast of 0 (forecastColumns.ts).
      ...(f.annual !== undefined
        ? { factor: measure.annual === 0 ? 0 : f.annual / measure.annual }
        : {}),
    };
  } else if (f) {
    shape = { ...measure, annual: f.annual ?? measure.annual, start: f.start ?? measure.start };
  }
  if (latestStatus(measure, entries) === "Avbruten") {
    const last = Math.max(
      -Infinity,
      ...entries.map((e) => monthIndex(e.month.year, e.month.month))
    );
    shape = { ...shape, through: Math.min(shape.through ?? Infinity, last) };
  }
  return shape;
}

/** True when a measure's forecast plan can differ from its plan. */
export function hasForecast(measure: Measure, entries: readonly FollowUpEntry[]): boolean {
  return measure.forecast !== undefined || latestStatus(measure, entries) === "Avbruten";
}

/** Every measure's forecast plan, keyed by the measure. */
export function forecastShapes(
  measures: readonly Measure[],
  entries: readonly FollowUpEntry[]
): Map<Measure, EffectShape> {
  const byId = indexFollowUp(entries);
  return new Map(measures.map((m) => [m, forecastShape(m, byId.get(foldText(m.id)) ?? [])]));
}

/** The measures whose forecast plan can differ from their plan, in plan order. */
export function measuresWithForecast(
  measures: readonly Measure[],
  entries: readonly FollowUpEntry[]
): Measure[] {
  const byId = indexFollowUp(entries);
  return measures.filter((m) => hasForecast(m, byId.get(foldText(m.id)) ?? []));
}

/** The forecast plan's effects per measure and year, or undefined when no measure has one. */
export function computeForecastEffects(
  measures: readonly Measure[],
  unit: Unit,
  years: readonly number[],
  entries: readonly FollowUpEntry[],
  deficits?: DeficitsRead
): PlanEffects | undefined {
  if (measuresWithForecast(measures, entries).length === 0) return undefined;
  const shapes = forecastShapes(measures, entries);
  return computePlanEffects(measures, unit, years, deficits, (m) => shapes.get(m)!);
}

/**
 * A plan's effects per year by plan and, where some measure has a forecast, by forecast: what
 * Årseffekter, `balans effects` and the demo show side by side.
 */
export function planAndForecastEffects(
  measures: { measures: readonly Measure[]; unit: Unit },
  years: readonly number[],
  entries: readonly FollowUpEntry[],
  deficits?: DeficitsRead
): { plan: PlanEffects; forecast: PlanEffects | undefined } {
  return {
    plan: computePlanEffects(measures.measures, measures.unit, years, deficits),
    forecast: computeForecastEffects(measures.measures, measures.unit, years, entries, deficits),
  };
}
