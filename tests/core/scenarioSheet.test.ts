import { buildScenario, computeScenario } from "../../src/core/scenario";
import { scenarioLayout } from "../../src/core/sheets/scenarioSheet";
import { NO_DEFICIT_NOTE, yearlyEffectsLayout } from "../../src/core/sheets/yearlyEffectsSheet";
import { computePlanEffects } from "../../src/core/effects";
import { readBalansWorkbook } from "../../src/core/workbook";
import { rawTable } from "../helpers/tables";

const wb = readBalansWorkbook([
  rawTable(
    "Atgarder",
    ["Id", "Åtgärd", "Helårseffekt", "Tidsaspekt"],
    [
      ["S1", "Från oktober", 12, "2021-10-01"],
      ["S2", "Orörd", 2, "2021"],
    ]
  ),
  rawTable(
    "Underskott",
    ["År", "Underskott"],
    [
      [2021, 20],
      [2022, 30],
    ]
  ),
]);
const measures = wb.measures!.measures;
const stamp = { madeAt: "2026-11-23 10:00", source: "test" };

describe("the Scenario sheet", () => {
  const effects = computeScenario(
    measures,
    "mnkr",
    [2021, 2022],
    buildScenario([{ id: "S1", delayMonths: 6 }], measures),
    wb.deficits
  );
  const layout = scenarioLayout(effects, stamp);
  const row = (label: string) => layout.rows.find((r) => r.cells[1] === label)!.cells;

  it("has plan, scenario and the difference per year, for savings and residual deficit", () => {
    expect(layout.sheet).toBe("Scenario");
    expect(layout.rows[1].cells[0]).toMatch(/tabellerna är oförändrade\. S1 6 mån senare\./);
    // S1: 3 → 0 in 2021, 12 → 9 in 2022; S2 2 a year.
    expect(row("Besparing enligt plan").slice(3)).toEqual([5, 14]);
    expect(row("Besparing i scenariot").slice(3)).toEqual([2, 11]);
    expect(row("Restunderskott enligt plan").slice(3)).toEqual([15, 16]);
    expect(row("Restunderskott i scenariot").slice(3)).toEqual([18, 19]);
    expect(
      layout.rows
        .filter((r) => r.cells[1] === "Skillnad (scenario − plan)")
        .map((r) => r.cells.slice(3))
    ).toEqual([
      [-3, -3],
      [3, 3],
    ]);
  });

  it("lists each changed measure, plan above scenario", () => {
    const i = layout.rows.findIndex((r) => r.cells[0] === "S1");
    expect(layout.rows[i].cells).toEqual(["S1", "Från oktober", "Plan", 3, 12]);
    expect(layout.rows[i + 1].cells).toEqual([null, null, "6 mån senare", 0, 9]);
    expect(layout.rows.some((r) => r.cells[0] === "S2")).toBe(false);
  });

  it("charts the residual deficit per year, plan against scenario", () => {
    const c = layout.chart!;
    expect(layout.rows[c.firstRow].cells.slice(0, 3)).toEqual([
      "År",
      "Restunderskott enligt plan",
      "Restunderskott i scenariot",
    ]);
    expect(
      layout.rows.slice(c.firstRow + 1, c.lastRow + 1).map((r) => r.cells.slice(0, 3))
    ).toEqual([
      ["2021", 15, 18],
      ["2022", 16, 19],
    ]);
    expect([c.firstColumn, c.lastColumn]).toEqual([0, 2]);
  });
});

describe("without a deficit for the years shown", () => {
  it("Scenario and Årseffekter say why there is no residual deficit, in the same words", () => {
    const noDeficit = readBalansWorkbook([
      rawTable(
        "Atgarder",
        ["Id", "Åtgärd", "Helårseffekt", "Tidsaspekt"],
        [["S1", "A", 12, "2021"]]
      ),
    ]);
    const ms = noDeficit.measures!.measures;
    const scenario = scenarioLayout(
      computeScenario(ms, "mnkr", [2021], buildScenario([{ id: "S1", share: 0.5 }], ms)),
      stamp
    );
    const yearly = yearlyEffectsLayout(computePlanEffects(ms, "mnkr", [2021]), stamp);
    for (const layout of [scenario, yearly]) {
      const notes = layout.rows.filter((r) => r.cells[1] === NO_DEFICIT_NOTE);
      expect(notes).toHaveLength(1);
      expect(notes[0].style).toBe("note");
      expect(layout.rows.some((r) => String(r.cells[1]).startsWith("Restunderskott"))).toBe(false);
    }
    // The note does not claim the table exists.
    expect(NO_DEFICIT_NOTE).toMatch(/saknas/);
  });
});
