import { PlanImport } from "../planText";
import { measuresTableLayout } from "./inputTables";
import { TableLayout } from "../layout";

/** The Atgarder table for an imported plan: the plan's own words, ids A01…, start where read. */
export function importedMeasuresLayout(plan: PlanImport): TableLayout {
  return measuresTableLayout(
    plan.measures.map((m) => ({
      id: m.id,
      area: m.area,
      name: m.name,
      annual: m.annual,
      timing: m.timing || null,
      dependency: m.dependency ?? null,
      comment: m.comment ?? null,
    })),
    plan.unit
  );
}
