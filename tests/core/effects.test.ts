import { computePlanEffects, defaultYears } from "../../src/core/effects";
import { readDeficits } from "../../src/core/deficits";
import { readMeasures } from "../../src/core/measures";
import { planRequired } from "../../src/core/rules";
import { readBalansWorkbook, requireMeasures } from "../../src/core/workbook";
import { exampleTableLayouts, layoutAsRawTable } from "../../src/example/exampleWorkbook";
import {
  EXAMPLE_STATED_AREA_SUMS,
  EXAMPLE_STATED_PER_YEAR,
} from "../../src/example/linkopingPlan2020";
import { measuresTable, rawTable } from "../helpers/tables";

const YEARS = [2020, 2021, 2022, 2023, 2024];

function examplePlan() {
  const wb = readBalansWorkbook(exampleTableLayouts().map(layoutAsRawTable));
  const measures = requireMeasures(wb);
  return {
    wb,
    measures,
    effects: computePlanEffects(measures.measures, measures.unit, YEARS, wb.deficits),
  };
}

describe("seed 000: Linköping's action plan 2020", () => {
  it("reads all 24 measures without a problem", () => {
    const { wb, measures } = examplePlan();
    expect(wb.problems).toEqual([]);
    expect(measures.measures).toHaveLength(24);
  });

  it("reproduces the table Kostnadsreducering per år: 8,025 / 59,2 / 60,7 / 62,9 / 62,9 mnkr", () => {
    const { effects } = examplePlan();
    const totals = YEARS.map((y) => effects.totals.get(y)!);
    expect(totals[0]).toBeCloseTo(8.025, 10);
    [59.2, 60.7, 62.9, 62.9].forEach((v, i) => expect(totals[i + 1]).toBeCloseTo(v, 10));
    // and, rounded for display as the plan prints it
    expect(totals.map((t) => Math.round(t * 10) / 10)).toEqual(
      EXAMPLE_STATED_PER_YEAR.map(([, v]) => v)
    );
    expect(effects.annual).toBeCloseTo(62.9, 10);
  });

  it("reproduces the six section sums 23,5 / 4,0 / 7,3 / 9,75 / 17,6 / 0,75", () => {
    const { effects } = examplePlan();
    expect(effects.areas.map((a) => a.area)).toEqual(
      EXAMPLE_STATED_AREA_SUMS.map(([area]) => area)
    );
    effects.areas.forEach((a, i) =>
      expect(a.annual).toBeCloseTo(EXAMPLE_STATED_AREA_SUMS[i][1], 10)
    );
  });

  it("leaves a residual deficit of 48,975 mnkr for 2020", () => {
    const { effects } = examplePlan();
    expect(effects.deficit.get(2020)).toBe(57);
    expect(effects.residual.get(2020)).toBeCloseTo(48.975, 10);
    expect(effects.residual.has(2021)).toBe(false);
  });

  it("counts the new contract from 2021-04-01 for nine months of 2021", () => {
    const { effects, measures } = examplePlan();
    const a14 = measures.measures.find((m) => m.id === "A14")!;
    expect(effects.perMeasure.get(a14)!.get(2021)).toBeCloseTo(1.2, 12);
  });
});

describe("computePlanEffects", () => {
  it("gives the residual in the plan's unit when the deficit table uses another", () => {
    const measures = readMeasures(
      measuresTable(
        [["A1", "", "X", 1200, "2020"]],
        ["Id", "Område", "Åtgärd", "Helårseffekt (tkr)", "Tidsaspekt"]
      )
    );
    const deficits = readDeficits(rawTable("Underskott", ["År", "Underskott (mnkr)"], [[2020, 2]]));
    const effects = computePlanEffects(measures.measures, measures.unit, [2020], deficits);
    expect(effects.deficit.get(2020)).toBe(2000);
    expect(effects.residual.get(2020)).toBe(800);
  });

  it("spans the plan's years by default", () => {
    const measures = readMeasures(
      measuresTable([
        ["A1", "", "X", 1, "2021"],
        ["A2", "", "Y", 1, "Q2 2026"],
      ])
    ).measures;
    expect(defaultYears(measures)).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(defaultYears(measures, 2022, 2023)).toEqual([2022, 2023]);
    expect(defaultYears([], 2020)).toEqual([2020, 2021, 2022, 2023, 2024]);
  });
});

describe("readDeficits", () => {
  it("reports bad years, duplicates and budgets with their row", () => {
    const read = readDeficits(
      rawTable(
        "Underskott",
        ["År", "Underskott", "Budget"],
        [
          [2020, 57, 4200],
          ["tjugo", 1, null],
          [2020, 3, null],
          [2021, "okänt", null],
          [2022, 5, -1],
        ]
      )
    );
    expect(read.byYear.get(2020)).toMatchObject({ deficit: 57, budget: 4200 });
    expect(read.problems.map((p) => [p.row, p.column])).toEqual([
      [3, "År"],
      [4, "År"],
      [5, "Underskott"],
      [6, "Budget"],
    ]);
  });
});

describe("planRequired: the 1 % rule", () => {
  it("requires a plan when the deficit exceeds 1 % of the budget", () => {
    expect(planRequired(57, 4000)).toBe(true);
    expect(planRequired(40, 4000)).toBe(false);
    expect(planRequired(40.1, 4000)).toBe(true);
    expect(planRequired(-5, 4000)).toBe(false);
    expect(planRequired(30, 4000, 0.005)).toBe(true);
  });
});
