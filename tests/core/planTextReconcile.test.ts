import { roleOf } from "../../src/core/planText/columns";
import { checkPlanFigures, plannedYear } from "../../src/core/planText/reconcile";
import { ImportedMeasure } from "../../src/core/planText/types";
import { Problem } from "../../src/core/problems";

const measure = (fields: Partial<ImportedMeasure>): ImportedMeasure => ({
  id: "A01",
  area: "Skola",
  name: "Åtgärd",
  timing: "",
  line: 1,
  confidence: 1,
  source: "table",
  ...fields,
});

describe("the import's per-year figures are the engine's", () => {
  it("a measure that ends saves only while in effect (12 a year, 2021-07-01 to 2022-06-30)", () => {
    const m = measure({
      annual: 12,
      start: { year: 2021, month: 7, day: 1 },
      end: { year: 2022, month: 6, day: 30 },
    });
    expect(plannedYear(m, 2021)).toBe(6);
    expect(plannedYear(m, 2022)).toBe(6);
    expect(plannedYear(m, 2023)).toBe(0);
  });

  it("stated years override, and the last stated figure goes on without Helårseffekt", () => {
    const m = measure({ perYear: { "2022": 3, "2023": 5 } });
    expect(plannedYear(m, 2021)).toBe(0);
    expect(plannedYear(m, 2022)).toBe(3);
    expect(plannedYear(m, 2024)).toBe(5);
  });

  it("the plan's table per year is checked with them: an end date makes 12 wrong for 2022", () => {
    const problems: Problem[] = [];
    const m = measure({
      annual: 12,
      start: { year: 2022, month: 1, day: 1 },
      end: { year: 2022, month: 6, day: 30 },
    });
    const r = checkPlanFigures(
      { perYear: { "2022": { value: 12, decimals: 0 } } },
      [m],
      "mnkr",
      problems
    );
    expect(r.computedPerYear).toEqual({ "2022": 6 });
    expect(problems.map((p) => p.message)).toEqual([
      "För 2022 anger planen 12 mnkr, men åtgärderna ger 6 mnkr",
    ]);
  });

  it("reads a year's column header with the engine's words (Kostnadsminskning 2022)", () => {
    expect(roleOf("Kostnadsminskning 2022 (tkr)")).toEqual({ role: "year", year: 2022 });
    expect(roleOf("Helårseffekt 2023")).toEqual({ role: "year", year: 2023 });
    expect(roleOf("2024:")).toEqual({ role: "year", year: 2024 });
  });
});
