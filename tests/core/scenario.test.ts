import { shapeEffect } from "../../src/core/effectShape";
import {
  buildScenario,
  changedMeasures,
  computeScenario,
  describeChange,
  parseDelayMonths,
  parseSharePercent,
  scenarioShape,
} from "../../src/core/scenario";
import { readBalansWorkbook } from "../../src/core/workbook";
import { rawTable } from "../helpers/tables";

const wb = readBalansWorkbook([
  rawTable(
    "Atgarder",
    ["Id", "Åtgärd", "Helårseffekt", "Tidsaspekt", "2021", "2022"],
    [
      ["S1", "Från oktober", 12, "2021-10-01", null, null],
      ["S2", "Per år", null, null, 6, 12],
      ["S3", "Orörd", 1, "2021", null, null],
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
const byId = (id: string) => measures.find((m) => m.id === id)!;
const YEARS = [2021, 2022, 2023];

describe("a what-if scenario", () => {
  it("at 50 % halves every year", () => {
    const s = buildScenario(
      [
        { id: "S2", share: 0.5 },
        { id: "s1", share: 0.5 },
      ],
      measures
    );
    for (const id of ["S1", "S2"])
      for (const y of YEARS)
        expect(shapeEffect(scenarioShape(byId(id), s), y)).toBeCloseTo(
          shapeEffect(byId(id), y) / 2,
          12
        );
  });

  it("delayed across a year boundary moves the right months", () => {
    // S1 saves 1 a month from October 2021; six months later: October–December 2021 become
    // April–June 2022. 2021: 3 → 0; 2022: 12 → 9; 2023: 12.
    const s = buildScenario([{ id: "S1", delayMonths: 6 }], measures);
    const shape = scenarioShape(byId("S1"), s);
    expect(YEARS.map((y) => shapeEffect(byId("S1"), y))).toEqual([3, 12, 12]);
    expect(YEARS.map((y) => shapeEffect(shape, y))).toEqual([0, 9, 12]);
    expect(shapeEffect(shape, 2022, 3, 3)).toBe(0);
    expect(shapeEffect(shape, 2022, 4, 4)).toBe(1);
    expect(shapeEffect(shape, 2021, 10, 12)).toBe(0);
    // A plan stated per year moves the same way: S2's 2021 months are 0,5, its 2022 months 1.
    const s2 = scenarioShape(byId("S2"), buildScenario([{ id: "S2", delayMonths: 3 }], measures));
    expect(shapeEffect(s2, 2021)).toBeCloseTo(4.5, 12);
    expect(shapeEffect(s2, 2022)).toBeCloseTo(1.5 + 9, 12);
  });

  it("gives plan and scenario per year, with the residual deficit by both", () => {
    const s = buildScenario([{ id: "S1", delayMonths: 6, share: 0.5 }], measures);
    const r = computeScenario(measures, "mnkr", YEARS, s, wb.deficits);
    expect(changedMeasures(r).map((m) => m.id)).toEqual(["S1"]);
    expect([...r.plan.totals.values()]).toEqual([3 + 6 + 1, 12 + 12 + 1, 12 + 12 + 1]);
    expect([...r.changed.totals.values()]).toEqual([0 + 6 + 1, 4.5 + 12 + 1, 6 + 12 + 1]);
    expect([...r.plan.residual.values()]).toEqual([10, 5]);
    expect([...r.changed.residual.values()]).toEqual([13, 12.5]);
    expect(describeChange(s.get("s1")!)).toBe("6 mån senare, 50 %");
  });

  it("refuses an unknown id, a change given twice and values out of range, with the reason", () => {
    expect(() => buildScenario([{ id: "A99", delayMonths: 6 }], measures)).toThrow(
      /ingen åtgärd har id »A99« \(finns: S1, S2, S3\)/
    );
    expect(() =>
      buildScenario(
        [
          { id: "S1", delayMonths: 6 },
          { id: "S1", delayMonths: 3 },
        ],
        measures
      )
    ).toThrow(/S1 har fått två förseningar/);
    expect(() => buildScenario([{ id: "S1", delayMonths: 2.5 }], measures)).toThrow(/hela månader/);
    expect(() => buildScenario([{ id: "S1", share: -0.1 }], measures)).toThrow(/andelen för S1/);
  });

  it("reads delays and shares as the command line and the pane write them", () => {
    expect(parseDelayMonths("6")).toBe(6);
    expect(parseDelayMonths("6 mån")).toBe(6);
    for (const bad of ["-1", "6,5", "sex", "", "121"])
      expect(parseDelayMonths(bad)).toBeUndefined();
    expect(parseSharePercent("50%")).toBe(0.5);
    expect(parseSharePercent("50 %")).toBe(0.5);
    expect(parseSharePercent("12,5 %")).toBe(0.125);
    for (const bad of ["halva", "-50%", "", "2000%"])
      expect(parseSharePercent(bad)).toBeUndefined();
  });
});
