import { DeficitsRead } from "./deficits";
import { EffectShape, shapeEffect } from "./effectShape";
import { Measure } from "./measures";
import { convertAmount, Unit } from "./units";

/**
 * A measure's planned effect in a year, or through months `fromMonth`..`toMonth` of it: the
 * accrual of Helårseffekt, with the years the plan states (per-year columns) overriding it.
 */
export function measureEffect(m: Measure, year: number, fromMonth = 1, toMonth = 12): number {
  return shapeEffect(m, year, fromMonth, toMonth);
}

/** Which shape of each measure to compute: the plan itself unless told otherwise. */
export type ShapeOf = (m: Measure) => EffectShape;
const asPlanned: ShapeOf = (m) => m;

export interface AreaEffects {
  area: string;
  measures: Measure[];
  annual: number;
  perYear: Map<number, number>;
}

export interface PlanEffects {
  unit: Unit;
  years: number[];
  perMeasure: Map<Measure, Map<number, number>>;
  /** Areas in the order they first appear in the plan. */
  areas: AreaEffects[];
  annual: number;
  totals: Map<number, number>;
  /** Forecast deficit per year, in the plan's unit; absent where the table has no row. */
  deficit: Map<number, number>;
  /** Deficit − total effect, for years with a deficit. */
  residual: Map<number, number>;
}

/**
 * Effects per measure, area and year, with the residual deficit, all in the plan's unit: of the
 * plan, or of another shape of each measure (the forecast plan, a scenario).
 */
export function computePlanEffects(
  measures: readonly Measure[],
  unit: Unit,
  years: readonly number[],
  deficits?: DeficitsRead,
  shapeOf: ShapeOf = asPlanned
): PlanEffects {
  const perMeasure = new Map<Measure, Map<number, number>>();
  const areas = new Map<string, AreaEffects>();
  const totals = new Map<number, number>(years.map((y) => [y, 0]));
  let annual = 0;
  for (const m of measures) {
    const shape = shapeOf(m);
    const perYear = new Map(years.map((y) => [y, shapeEffect(shape, y)]));
    const full = shape.annual * (shape.factor ?? 1);
    perMeasure.set(m, perYear);
    let area = areas.get(m.area);
    if (!area) {
      area = { area: m.area, measures: [], annual: 0, perYear: new Map(years.map((y) => [y, 0])) };
      areas.set(m.area, area);
    }
    area.measures.push(m);
    area.annual += full;
    annual += full;
    for (const y of years) {
      area.perYear.set(y, area.perYear.get(y)! + perYear.get(y)!);
      totals.set(y, totals.get(y)! + perYear.get(y)!);
    }
  }
  const deficit = new Map<number, number>();
  const residual = new Map<number, number>();
  for (const y of years) {
    const d = deficits?.byYear.get(y);
    if (!d || !deficits) continue;
    const inPlanUnit = convertAmount(d.deficit, deficits.unit, unit);
    deficit.set(y, inPlanUnit);
    residual.set(y, inPlanUnit - totals.get(y)!);
  }
  return {
    unit,
    years: [...years],
    perMeasure,
    areas: [...areas.values()],
    annual,
    totals,
    deficit,
    residual,
  };
}

/** The years a plan spans: from the earliest start through three years after the last start. */
export function defaultYears(measures: readonly Measure[], from?: number, to?: number): number[] {
  let earliest = Infinity;
  let latest = -Infinity;
  for (const m of measures) {
    earliest = Math.min(earliest, m.start.year);
    latest = Math.max(latest, m.start.year);
  }
  const first = from ?? (Number.isFinite(earliest) ? earliest : new Date().getFullYear());
  const last = to ?? Math.max(first + 4, Number.isFinite(latest) ? latest + 1 : first);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}
