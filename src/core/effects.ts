import { accrue } from "./accrual";
import { DeficitsRead } from "./deficits";
import { Measure } from "./measures";
import { convertAmount, Unit } from "./units";

/** A measure's effect in a year, or through months `fromMonth`..`toMonth` of it. */
export function measureEffect(m: Measure, year: number, fromMonth = 1, toMonth = 12): number {
  return accrue(m.annual, m, year, fromMonth, toMonth);
}

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

/** Effects per measure, area and year, with the residual deficit, all in the plan's unit. */
export function computePlanEffects(
  measures: readonly Measure[],
  unit: Unit,
  years: readonly number[],
  deficits?: DeficitsRead
): PlanEffects {
  const perMeasure = new Map<Measure, Map<number, number>>();
  const areas = new Map<string, AreaEffects>();
  const totals = new Map<number, number>(years.map((y) => [y, 0]));
  let annual = 0;
  for (const m of measures) {
    const perYear = new Map(years.map((y) => [y, measureEffect(m, y)]));
    perMeasure.set(m, perYear);
    let area = areas.get(m.area);
    if (!area) {
      area = { area: m.area, measures: [], annual: 0, perYear: new Map(years.map((y) => [y, 0])) };
      areas.set(m.area, area);
    }
    area.measures.push(m);
    area.annual += m.annual;
    annual += m.annual;
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
