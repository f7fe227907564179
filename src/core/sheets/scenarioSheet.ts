import { padCells, ReportLayout, ReportRow } from "../layout";
import { changedMeasures, describeChange, ScenarioEffects } from "../scenario";
import { CellValue } from "../tables";
import { foldText } from "../text";
import { noDeficitRow, SheetStamp } from "./yearlyEffectsSheet";

export const SCENARIO_SHEET = "Scenario";

/**
 * The `Scenario` sheet: per year the plan, the scenario and the difference, for the savings and
 * the residual deficit; then each changed measure, plan above scenario; then a chart of the
 * residual deficit per year, plan against scenario (the savings when there is no deficit).
 * Values only: a snapshot of a what-if, the tables are unchanged.
 */
export function scenarioLayout(effects: ScenarioEffects, stamp: SheetStamp): ReportLayout {
  const { plan, changed } = effects;
  const { years, unit } = plan;
  const width = 3 + years.length;
  const pad = (cells: CellValue[]) => padCells(cells, width);
  const values = (v: Map<number, number>) => years.map((y) => v.get(y) ?? null);
  const difference = (a: Map<number, number>, b: Map<number, number>) =>
    years.map((y) => (a.has(y) && b.has(y) ? b.get(y)! - a.get(y)! : null));
  const measures = changedMeasures(effects);
  const hasDeficit = plan.deficit.size > 0;

  const rows: ReportRow[] = [
    { style: "title", cells: pad([`Scenario: om åtgärder försenas eller ger mindre (${unit})`]) },
    {
      style: "subtitle",
      cells: pad([
        `Beräknat ${stamp.madeAt} från ${stamp.source}. Ett antagande: tabellerna är oförändrade. ${measures
          .map((m) => `${m.id} ${describeChange(effects.scenario.get(foldText(m.id))!)}`)
          .join("; ")}.`,
      ]),
    },
    { style: "header", cells: [null, "Per år", null, ...years.map(String)] },
    { style: "item", cells: [null, "Besparing enligt plan", null, ...values(plan.totals)] },
    { style: "item", cells: [null, "Besparing i scenariot", null, ...values(changed.totals)] },
    {
      style: "subtotal",
      cells: [null, "Skillnad (scenario − plan)", null, ...difference(plan.totals, changed.totals)],
    },
  ];
  if (hasDeficit) {
    rows.push(
      { style: "item", cells: [null, "Prognostiserat underskott", null, ...values(plan.deficit)] },
      {
        style: "item",
        cells: [null, "Restunderskott enligt plan", null, ...values(plan.residual)],
      },
      {
        style: "emphasis",
        cells: [null, "Restunderskott i scenariot", null, ...values(changed.residual)],
      },
      {
        style: "subtotal",
        cells: [
          null,
          "Skillnad (scenario − plan)",
          null,
          ...difference(plan.residual, changed.residual),
        ],
      }
    );
  } else {
    rows.push(noDeficitRow(pad));
  }

  rows.push({ style: "blank", cells: pad([]) });
  rows.push({
    style: "header",
    cells: ["Id", "Ändrade åtgärder", "Ändring", ...years.map(String)],
  });
  for (const m of measures) {
    rows.push({
      style: "item",
      cells: [m.id, m.name, "Plan", ...values(plan.perMeasure.get(m)!)],
    });
    rows.push({
      style: "item",
      cells: [
        null,
        null,
        describeChange(effects.scenario.get(foldText(m.id))!),
        ...values(changed.perMeasure.get(m)!),
      ],
    });
  }

  // The chart's data: one row per year, plan against scenario.
  rows.push({ style: "blank", cells: pad([]) });
  const chartHeader = rows.length;
  const [planSeries, scenarioSeries] = hasDeficit
    ? [plan.residual, changed.residual]
    : [plan.totals, changed.totals];
  const label = hasDeficit ? "Restunderskott" : "Besparing";
  rows.push({
    style: "header",
    cells: pad(["År", `${label} enligt plan`, `${label} i scenariot`]),
  });
  for (const y of years) {
    rows.push({
      style: "item",
      formats: [undefined, "amount", "amount"],
      cells: pad([String(y), planSeries.get(y) ?? null, scenarioSeries.get(y) ?? null]),
    });
  }
  return {
    kind: "report",
    sheet: SCENARIO_SHEET,
    chart: {
      title: `${label} per år, plan och scenario (${unit})`,
      firstRow: chartHeader,
      lastRow: rows.length - 1,
      firstColumn: 0,
      lastColumn: 2,
    },
    orientation: "landscape",
    freezeRows: 3,
    columns: [
      { header: "Id", width: 7 },
      { header: "Åtgärd", width: 48 },
      { header: "Ändring", width: 20 },
      ...years.map((y) => ({ header: String(y), width: 10, format: "amount" as const })),
    ],
    rows,
  };
}
