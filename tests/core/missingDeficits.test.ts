import { buildMonthlyReport } from "../../src/core/report";
import { monthlyReportLayout } from "../../src/core/sheets/monthlyReportSheet";
import { readBalansWorkbook } from "../../src/core/workbook";
import { measuresTable, rawTable } from "../helpers/tables";

const stamp = { madeAt: "2026-11-23 13:00", source: "test" };
const measures = measuresTable([["A1", "", "X", 12, "2020"]]);
const notices = (wb: ReturnType<typeof readBalansWorkbook>) =>
  wb.problems.filter((p) => p.table === "Underskott");

describe("a plan without its Underskott table", () => {
  it("says so once, as a notice: no residual deficit is computed", () => {
    // the sheet is named `Underskott 2021`: no table by the contract's name
    const wb = readBalansWorkbook([
      measures,
      rawTable("Underskott 2021", ["År", "Underskott"], [[2020, 57]]),
    ]);
    expect(notices(wb)).toEqual([
      {
        table: "Underskott",
        severity: "notice",
        message: expect.stringMatching(/Underskott saknas.*inget restunderskott räknas/),
      },
    ]);
  });

  it("has no such notice when Underskott is there, or when it is broken (its error says it)", () => {
    const present = readBalansWorkbook([
      measures,
      rawTable("Underskott", ["År", "Underskott"], [[2020, 57]]),
    ]);
    expect(notices(present)).toEqual([]);
    const broken = readBalansWorkbook([measures, rawTable("Underskott", ["Nånting"], [[1]])]);
    expect(notices(broken)).toEqual([]);
    expect(broken.tableErrors.size).toBe(1);
    // a workbook of transfers only is no plan: nothing to say about Underskott
    expect(notices(readBalansWorkbook([]))).toEqual([]);
  });

  it("the report says the table is missing, not to fill in its Budget", () => {
    const wb = readBalansWorkbook([measures]);
    const report = buildMonthlyReport(wb, { year: 2020, month: 8 }, stamp);
    expect(report.problems.filter((p) => p.table === "Underskott")).toHaveLength(1);
    const texts = monthlyReportLayout(report).rows.flatMap((r) => r.cells);
    expect(texts).toContain(
      "Restunderskott och 1 %-regeln räknas inte: tabellen Underskott saknas eller kan inte läsas."
    );
    expect(texts.some((t) => typeof t === "string" && /fyll i Budget/.test(t))).toBe(false);
  });
});
