import { shapeEffect } from "../effectShape";
import { plannedShape } from "../perYear";
import { Problem } from "../problems";
import { formatSwedish } from "../text";
import { convertAmount, matchesStated, readStated, Stated, sumWord, Unit } from "./grammar";
import { Line } from "./lines";
import {
  ImportedMeasure,
  ImportedSection,
  IMPORT_TABLE,
  PlanImport,
  RawMeasure,
  SumRow,
} from "./types";

/**
 * Reconciling with the plan's own sums: each sum row, the plan's total and its table per year,
 * compared at the precision the plan writes them (`Summa 4,0` is 3,95–4,05, not 3,5–4,5).
 */

/** The column named in a problem of the plan's table per year. */
const PER_YEAR_COLUMN = "Kostnadsreducering per år";

const inUnit = (s: Stated, unit: Unit) => (s.unit ? convertAmount(s.value, s.unit, unit) : s.value);
const sv = (v: number) => formatSwedish(Math.round(v * 1000) / 1000);

/**
 * What a sum row's label names after its sum words: `Summa Barn och unga` → `Barn och unga`;
 * `Summa totalt`, `S:a totalt`, `Netto` → nothing (the grammar's sum words, one at a time).
 */
function areaInLabel(label: string): string {
  const words = label.trim().split(/\s+/);
  let k = 0;
  while (k < words.length && sumWord(words[k].replace(/[:.]+$/, "")) !== undefined) k++;
  return words
    .slice(k)
    .join(" ")
    .replace(/^[:.]\s*/, "")
    .trim();
}

/** A section per sum row (or per table without one), checked against what its rows add up to. */
export function checkSums(
  tableArea: string,
  sums: SumRow[],
  measures: RawMeasure[],
  unit: Unit,
  problems: Problem[]
): ImportedSection[] {
  const annualOf = (m: RawMeasure) => convertAmount(m.measure.annual ?? 0, m.unit, unit);
  const areaOf = (rows: RawMeasure[]) => {
    const areas = [...new Set(rows.map((m) => m.measure.area))];
    return areas.length === 1 ? areas[0] : tableArea;
  };
  /** What the rows add up to per year as the engine computes it, for the years the plan states. */
  const perYearOf = (rows: RawMeasure[]) => {
    const years = [...new Set(rows.flatMap((m) => Object.keys(m.measure.perYear ?? {})))].sort();
    return Object.fromEntries(
      years.map((y) => [
        y,
        rows.reduce(
          (a, m) => a + convertAmount(plannedYear(m.measure, Number(y)), m.unit, unit),
          0
        ),
      ])
    );
  };
  if (sums.length === 0) {
    if (!measures.length) return [];
    const computedPerYear = perYearOf(measures);
    return [
      {
        area: areaOf(measures),
        computedSum: measures.reduce((a, m) => a + annualOf(m), 0),
        ...(Object.keys(computedPerYear).length ? { computedPerYear } : {}),
      },
    ];
  }
  return sums.map((s) => {
    const labelArea = areaInLabel(s.label);
    const area = s.total
      ? "Totalt"
      : labelArea && !/\d/.test(labelArea)
        ? labelArea
        : areaOf(s.covers);
    const computedSum = s.covers.reduce((a, m) => a + annualOf(m), 0);
    const section: ImportedSection = { area, computedSum };
    if (s.annual) {
      section.statedSum = inUnit(s.annual, unit);
      const computedInStated = convertAmount(computedSum, unit, s.annual.unit ?? unit);
      section.matches = matchesStated(s.annual, computedInStated);
      section.annualMatches = section.matches;
      if (!section.matches)
        problems.push({
          table: IMPORT_TABLE,
          row: s.line,
          column: "Summa",
          key: "annual",
          message: `Avsnittet »${area}« anger summan ${sv(section.statedSum)} ${unit}, men åtgärderna summerar till ${sv(computedSum)} ${unit}`,
        });
    }
    const years = Object.keys(s.perYear);
    const computedPerYear = perYearOf(s.covers);
    if (Object.keys(computedPerYear).length) section.computedPerYear = computedPerYear;
    if (years.length) {
      section.statedPerYear = {};
      section.computedPerYear = computedPerYear;
      section.matchesPerYear = {};
      for (const y of years) {
        const stated = s.perYear[y];
        const computed = computedPerYear[y] ?? 0;
        computedPerYear[y] = computed;
        section.statedPerYear[y] = inUnit(stated, unit);
        const matches = matchesStated(stated, convertAmount(computed, unit, stated.unit ?? unit));
        section.matchesPerYear[y] = matches;
        if (!matches) {
          section.matches = false;
          problems.push({
            table: IMPORT_TABLE,
            row: s.line,
            column: y,
            key: y,
            message: `»${s.label}« anger ${sv(section.statedPerYear[y])} ${unit} för ${y}, men åtgärderna summerar till ${sv(computed)} ${unit}`,
          });
        } else if (section.matches === undefined) section.matches = true;
      }
    }
    return section;
  });
}

/** The plan's total (`Total summa … : 62,9 mnkr`) and its table per year (`Kostnadsreducering per år`). */
export function readPlanFigures(lines: Line[]): {
  total?: { stated: Stated; line: number };
  perYear: Record<string, Stated>;
} {
  let total: { stated: Stated; line: number } | undefined;
  const perYear: Record<string, Stated> = {};
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text.trim();
    const m = /^total\s+summa\b.*?:?\s*(.*)$/i.exec(t);
    if (m) {
      const s = readStated(m[1]);
      if (s) total = { stated: s, line: lines[i].number };
      continue;
    }
    if (!/^kostnadsreducering per år/i.test(t)) continue;
    for (let k = i + 1; k < lines.length && k < i + 30; k++) {
      const row = lines[k].text.trim();
      if (row === "" || /^år\b/i.test(row)) continue;
      const y = /^((?:19|20)\d{2})\s+(.+)$/.exec(row);
      if (!y) break;
      const s = readStated(y[2]);
      if (s) perYear[y[1]] = s;
    }
  }
  return { total, perYear };
}

/**
 * A measure's effect in a year, exactly as the engine computes it once the measure stands in
 * Atgarder: its shape (perYear.ts) through the engine's one per-year function.
 */
export function plannedYear(m: ImportedMeasure, year: number): number {
  const shape = plannedShape({
    ...(m.annual !== undefined ? { annual: m.annual } : {}),
    ...(m.start ? { start: m.start } : {}),
    ...(m.end ? { end: m.end } : {}),
    perYear: new Map(Object.entries(m.perYear ?? {}).map(([y, v]) => [Number(y), v])),
  });
  return shape ? shapeEffect(shape, year) : 0;
}

/** Checks the plan's total and table per year against the measures. */
export function checkPlanFigures(
  figures: ReturnType<typeof readPlanFigures>,
  measures: ImportedMeasure[],
  unit: Unit,
  problems: Problem[]
): {
  statedTotal?: number;
  computedTotal: number;
  statedPerYear: Record<string, number>;
  computedPerYear: Record<string, number>;
} {
  const computedTotal = measures.reduce((a, m) => a + (m.annual ?? 0), 0);
  let statedTotal: number | undefined;
  if (figures.total) {
    const s = figures.total.stated;
    statedTotal = inUnit(s, unit);
    if (!matchesStated(s, convertAmount(computedTotal, unit, s.unit ?? unit)))
      problems.push({
        table: IMPORT_TABLE,
        row: figures.total.line,
        column: "Total summa",
        message: `Planen anger totalt ${sv(statedTotal)} ${unit}, men åtgärderna summerar till ${sv(computedTotal)} ${unit}`,
      });
  }
  const statedPerYear: Record<string, number> = {};
  const computedPerYear: Record<string, number> = {};
  for (const [y, s] of Object.entries(figures.perYear)) {
    statedPerYear[y] = inUnit(s, unit);
    computedPerYear[y] = measures.reduce((a, m) => a + plannedYear(m, Number(y)), 0);
    if (!matchesStated(s, convertAmount(computedPerYear[y], unit, s.unit ?? unit)))
      problems.push({
        table: IMPORT_TABLE,
        column: PER_YEAR_COLUMN,
        message: `För ${y} anger planen ${sv(statedPerYear[y])} ${unit}, men åtgärderna ger ${sv(computedPerYear[y])} ${unit}`,
      });
  }
  return {
    ...(statedTotal !== undefined ? { statedTotal } : {}),
    computedTotal,
    statedPerYear,
    computedPerYear,
  };
}

/**
 * The verdict on the plan's own sums: `agree` when it states sums and every one matches its
 * measures (each section's Helårseffekt and years, the plan's total and table per year) and none
 * is uncheckable; `differ` when one does not or cannot be checked; `none` when the text states no
 * sum at all, so nothing was checked (a plan without sums is not one whose sums agree).
 */
export function sumsVerdict(
  plan: Pick<PlanImport, "sections" | "problems" | "statedTotal" | "statedPerYear">
): "agree" | "differ" | "none" {
  const differ =
    plan.sections.some((s) => s.matches === false || s.unchecked) ||
    plan.problems.some((p) => p.column === "Total summa" || p.column === PER_YEAR_COLUMN);
  if (differ) return "differ";
  const stated =
    plan.statedTotal !== undefined ||
    Object.keys(plan.statedPerYear).length > 0 ||
    plan.sections.some(
      (s) => s.statedSum !== undefined || Object.keys(s.statedPerYear ?? {}).length > 0
    );
  return stated ? "agree" : "none";
}
