import { buildMonthlyReport } from "../../src/core/report";
import { monthlyReportLayout } from "../../src/core/sheets/monthlyReportSheet";
import { readBalansWorkbook } from "../../src/core/workbook";
import { exampleTableLayouts, layoutAsRawTable } from "../../src/example/exampleWorkbook";
import { measuresTable, rawTable } from "../helpers/tables";

const stamp = { madeAt: "2026-11-22 09:30", source: "test" };
const exampleWb = () => readBalansWorkbook(exampleTableLayouts().map(layoutAsRawTable));

describe("the monthly report of the example", () => {
  it("follows up the 2020 plan at 2020-08", () => {
    const r = buildMonthlyReport(exampleWb(), { year: 2020, month: 8 }, stamp);
    const t = r.plan!.totals;
    expect(t.plannedYear).toBeCloseTo(8.025, 12);
    // Q3 starters (1 + 4 + 3 + 3 mnkr) for July–August, and 0,35 mnkr for January–August
    expect(t.plannedToDate).toBeCloseTo((11 * 2) / 12 + (0.35 * 8) / 12, 12);
    expect(t.actualToDate).toBeCloseTo(
      0.175 + 0.03 + 0.03 + 0.05 + 0.08 + 0.3 + 0.2 + 0.15 + 0.25 + 0.25,
      12
    );
    // forecast: actual + Sep–Dec of the forecast plan for each measure, nothing more for A20
    // (Avbruten); the example's illustrative forecasts: A08 2 mnkr a year instead of 3 (Sep–Dec
    // 2/3), A15 from January 2021 instead of Q4 2020 (nothing in 2020 instead of 1,25).
    const forecast =
      0.13 + 1 / 3 + (0.3 + 4 / 3) + (0.35 + 2 / 3) + (0.5 + 1) + (0.235 + 0.35 / 3) + 0.15 + 0;
    expect(t.forecastYear).toBeCloseTo(forecast, 12);
    expect(r.plan!.residualPlanned).toBeCloseTo(57 - 8.025, 12);
    expect(r.plan!.residualForecast).toBeCloseTo(57 - forecast, 12);
    expect(r.plan!.planRequired).toBeNull(); // the plan states no budget
    expect(r.plan!.lines.find((l) => l.measure.id === "A20")).toMatchObject({
      status: "Avbruten",
      forecastYear: 0,
    });
    expect(r.plan!.lines.find((l) => l.measure.id === "A06")!.reportedThrough).toEqual({
      year: 2020,
      month: 7,
    });
    expect(r.plan!.previousTotals.actualToDate).toBeCloseTo(
      0.175 + 0.03 + 0.05 + 0.3 + 0.2 + 0.25,
      12
    );
    expect(r.transfers).toBeUndefined();
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/Inga överföringar är daterade 2020 \(överföringarna gäller 2018\)/),
    ]);
  });

  it("reports the transfers at 2018-08, with July beside August", () => {
    const r = buildMonthlyReport(exampleWb(), { year: 2018, month: 8 }, stamp);
    expect(r.plan).toBeUndefined();
    expect(r.transfers!.current.balance).toBeCloseTo(9.8 - 3.8689677, 6);
    expect(r.transfers!.previous.month).toBe(7);
    expect(r.transfers!.current.costsToDate - r.transfers!.previous.costsToDate).toBeCloseTo(
      0.15 + 0.012 + (12 / 31) * 0.095 + 0.045 + 0.14,
      12
    );
  });

  it("lays the report out for print with sections, subtotals and the problems", () => {
    const layout = monthlyReportLayout(
      buildMonthlyReport(exampleWb(), { year: 2020, month: 8 }, stamp)
    );
    expect(layout).toMatchObject({ sheet: "Rapport 2020-08", orientation: "landscape" });
    const labels = layout.rows.map((r) => r.cells[1]);
    expect(layout.rows[0].cells[0]).toBe("Månadsrapport augusti 2020: åtgärdsplan");
    expect(layout.rows[1].cells[0]).toMatch(/Gjord 2026-11-22 09:30 från test/);
    expect(layout.rows[3].cells.slice(3, 6)).toEqual(["2020-08", "2020-07", "Förändring"]);
    expect(labels).toContain("Summa Organisatoriska/metodrelaterade åtgärder");
    expect(labels).toContain("Summa åtgärder");
    expect(labels).toContain("Restunderskott enligt prognos");
    expect(
      labels.some((l) => typeof l === "string" && l.startsWith("Problem i tabellerna (1)"))
    ).toBe(true);
    const total = layout.rows.find((r) => r.cells[1] === "Summa åtgärder")!;
    expect(total.style).toBe("total");
  });

  it("refuses a month with nothing to report, and notes a year without follow-up", () => {
    expect(() => buildMonthlyReport(exampleWb(), { year: 2016, month: 5 }, stamp)).toThrow(
      /Inget att rapportera för 2016-05/
    );
    const r = buildMonthlyReport(exampleWb(), { year: 2031, month: 5 }, stamp);
    expect(r.problems.some((p) => /Uppföljningen har inga rader för 2031/.test(p.message))).toBe(
      true
    );
    expect(() =>
      buildMonthlyReport(readBalansWorkbook([]), { year: 2020, month: 8 }, stamp)
    ).toThrow(/saknar tabellen Atgarder/);
  });

  it("applies the 1 % rule when Underskott has the budget", () => {
    const wb = readBalansWorkbook([
      measuresTable([["A1", "", "X", 12, "2020"]]),
      rawTable("Underskott", ["År", "Underskott", "Budget"], [[2020, 57, 4000]]),
    ]);
    expect(buildMonthlyReport(wb, { year: 2020, month: 8 }, stamp).plan!.planRequired).toBe(true);
  });
});
