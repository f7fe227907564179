import { parsePlanText } from "../../src/core/planText";
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

describe("a section's per-year sum is the engine's StatedYearSums figure", () => {
  it("a row with Helårseffekt and no figure for the year counts its accrual (6 + 2 = 8)", () => {
    // Row A: 12 tkr a year from 1 July 2022, its 2022 cell a dash: the engine accrues 6.
    // Row B: states 2 for 2022. The engine's Summa for 2022 is 8; 2 alone would be wrong.
    const p = parsePlanText(
      "Åtgärd\tHelårseffekt (tkr)\tEffekt 2022 (tkr)\tTidsaspekt\nA\t12\t–\t2022-07-01\nB\t–\t2\t–\nSumma\t–\t8\t–\n"
    );
    expect(p.measures.map((m) => [m.name, m.annual, m.perYear])).toEqual([
      ["A", 12, undefined],
      ["B", undefined, { "2022": 2 }],
    ]);
    expect(p.sections[0]).toEqual(
      expect.objectContaining({ computedPerYear: { "2022": 8 }, matchesPerYear: { "2022": true } })
    );
  });
});

describe("a tab row whose trailing empty cells were cut off", () => {
  it("keeps its cells in their columns (B's 2 is its 2022 figure, not its Helårseffekt)", () => {
    const p = parsePlanText(
      "Åtgärd\tHelårseffekt (tkr)\tEffekt 2022 (tkr)\tTidsaspekt\nA\t12\t\t2022-07-01\nB\t\t2\n"
    );
    expect(p.measures.map((m) => [m.name, m.annual, m.perYear])).toEqual([
      ["A", 12, undefined],
      ["B", undefined, { "2022": 2 }],
    ]);
  });
});
