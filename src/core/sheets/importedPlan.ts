import { PlanImport } from "../planText";
import { measuresTableLayout } from "./inputTables";
import { TableLayout } from "../layout";
import { perYearColumnHeader } from "../perYear";

/**
 * The Atgarder table for an imported plan: the plan's own words, its ids (or A01…), start where
 * read; the effects the plan states per year in one column per year, after Balans's own columns.
 */
export function importedMeasuresLayout(plan: PlanImport): TableLayout {
  const layout = measuresTableLayout(
    plan.measures.map((m) => ({
      id: m.id,
      area: m.area,
      name: m.name,
      annual: m.annual ?? null,
      timing: m.timing || null,
      dependency: m.dependency ?? null,
      comment: m.comment ?? null,
    })),
    plan.unit
  );
  const years = [...new Set(plan.measures.flatMap((m) => Object.keys(m.perYear ?? {})))].sort();
  if (years.length === 0) return layout;
  return {
    ...layout,
    columns: [
      ...layout.columns,
      ...years.map((y) => ({
        header: perYearColumnHeader(Number(y)),
        width: 12,
        format: "amountPrecise" as const,
      })),
    ],
    rows: layout.rows.map((row, i) => [
      ...row,
      ...years.map((y) => plan.measures[i].perYear?.[y] ?? null),
    ]),
  };
}
