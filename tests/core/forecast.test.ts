import { computeForecastEffects, measuresWithForecast } from "../../src/core/forecast";
import { PlanQueries } from "../../src/core/queries";
import { buildMonthlyReport } from "../../src/core/report";
import { readBalansWorkbook } from "../../src/core/workbook";
import { rawTable } from "../helpers/tables";

const HEADERS = [
  "Id",
  "Område",
  "Åtgärd",
  "Helårseffekt (mnkr)",
  "Tidsaspekt",
  "Status",
  "2021",
  "2022",
  "Prognos helårseffekt",
  "Prognos start",
];
// By hand, from the contract:
//  F1: 12 from 2021, Prognos start april 2021 → 2021 forecast 9 (three months = 3 less), 2022 12.
//  F2: 4 from 2021, Prognos helårseffekt 3 → 3 every year.
//  F3: 12 from 2021, Avbruten in March 2021 → forecast plan Jan–Mar (3) then nothing.
//  F4: stated 2021 6, 2022 12 (no Helårseffekt), Prognos start 2021-04-01 → the months move
//      three later: 2021 4,5; 2022 Oct–Dec 2021 (1,5) + Jan–Sep 2022 (9) = 10,5; 2023 3 + 9 = 12.
const ATGARDER = rawTable("Atgarder", HEADERS, [
  ["F1", "X", "Senare start", 12, "2021", "Pågår", null, null, null, "april 2021"],
  ["F2", "X", "Mindre effekt", 4, "2021", null, null, null, 3, null],
  ["F3", "Y", "Avbryts", 12, "2021", "Pågår", null, null, null, null],
  ["F4", "Y", "Per år", null, null, null, 6, 12, null, "2021-04-01"],
  ["F5", "Y", "Oläslig prognos", 1, "2021", null, null, null, null, "på sikt"],
]);
const FOLLOW_UP = rawTable(
  "Uppfoljning",
  ["Id", "Månad", "Utfall", "Status"],
  [
    ["F1", "2021-04", 1, null],
    ["F1", "2021-05", 1, null],
    ["F1", "2021-06", 1, null],
    ["F3", "2021-01", 1, null],
    ["F3", "2021-02", 1, null],
    ["F3", "2021-03", 0.5, "Avbruten"],
  ]
);
const DEFICIT = rawTable("Underskott", ["År", "Underskott"], [[2021, 40]]);
const wb = readBalansWorkbook([ATGARDER, FOLLOW_UP, DEFICIT]);
const q = new PlanQueries(wb);
const v = (r: { ok: boolean; value?: number }) => {
  expect(r).toMatchObject({ ok: true });
  return r.value!;
};

describe("the forecast plan", () => {
  it("reads Prognos start and Prognos helårseffekt; an unreadable one is a problem, the plan stays", () => {
    expect(wb.problems).toEqual([
      expect.objectContaining({
        row: 6,
        column: "Prognos start",
        message: expect.stringMatching(/på sikt/),
      }),
    ]);
    expect(v(q.savings("F5", 2021, null, "prognos"))).toBe(1);
  });

  it("Prognos start three months late forecasts exactly three months less that year", () => {
    expect(v(q.savings("F1", 2021))).toBe(12);
    expect(v(q.savings("F1", 2021, null, "prognos"))).toBe(9);
    expect(v(q.savings("F1", 2021, 3, "prognos"))).toBe(0);
    expect(v(q.savings("F1", 2021, 4, "prognos"))).toBe(1);
    expect(v(q.savings("F1", 2022, null, "prognos"))).toBe(12);
  });

  it("Prognos helårseffekt replaces the full-year figure", () => {
    expect(v(q.savings("F2", 2021, null, "Prognos"))).toBe(3);
    expect(v(q.savingsYtd("F2", 2022, 6, "forecast"))).toBeCloseTo(1.5, 12);
  });

  it("Avbruten has no forecast plan after its last actual month", () => {
    expect(v(q.savings("F3", 2021, null, "prognos"))).toBe(3);
    expect(v(q.savings("F3", 2022, null, "prognos"))).toBe(0);
    expect(v(q.savings("F3", 2022, null, "plan"))).toBe(12);
  });

  it("moves a plan stated per year by whole months", () => {
    expect(v(q.savings("F4", 2021, null, "prognos"))).toBeCloseTo(4.5, 12);
    expect(v(q.savings("F4", 2022, null, "prognos"))).toBeCloseTo(10.5, 12);
    expect(v(q.savings("F4", 2023, null, "prognos"))).toBeCloseTo(12, 12);
  });

  it("gives totals and the residual deficit by the forecast", () => {
    expect(v(q.totalSavings(2022, null, null, "prognos"))).toBeCloseTo(12 + 3 + 0 + 10.5 + 1, 12);
    expect(v(q.totalSavings(2021, "x", null, "prognos"))).toBe(12);
    expect(v(q.residualDeficit(2021))).toBeCloseTo(40 - (12 + 4 + 12 + 6 + 1), 12);
    expect(v(q.residualDeficit(2021, "prognos"))).toBeCloseTo(40 - (9 + 3 + 3 + 4.5 + 1), 12);
  });

  it("answers #VALUE! for any other last argument", () => {
    for (const bad of ["prognoss", "utfall", 1])
      expect(q.totalSavings(2021, null, null, bad)).toEqual({
        ok: false,
        error: "invalidValue",
        message: expect.stringMatching(/Sista argumentet ska vara "plan" eller "prognos"/),
      });
    expect(q.residualDeficit(2021, "x")).toMatchObject({ ok: false, error: "invalidValue" });
  });

  it("is in the effects per year only when some measure has a forecast", () => {
    const read = wb.measures!;
    const entries = wb.followUp!.entries;
    expect(measuresWithForecast(read.measures, entries).map((m) => m.id)).toEqual([
      "F1",
      "F2",
      "F3",
      "F4",
    ]);
    const f = computeForecastEffects(read.measures, read.unit, [2021, 2022], entries, wb.deficits)!;
    expect(f.totals.get(2021)).toBeCloseTo(9 + 3 + 3 + 4.5 + 1, 12);
    expect(f.residual.get(2021)).toBeCloseTo(40 - 20.5, 12);
    const plain = readBalansWorkbook([
      rawTable("Atgarder", HEADERS.slice(0, 5), [["P", "X", "p", 1, "2021"]]),
    ]);
    expect(computeForecastEffects(plain.measures!.measures, "mnkr", [2021], [])).toBeUndefined();
  });
});

describe("a forecast on a plan stated per year", () => {
  it("moves it by whole months, with a notice when the day is not the plan's", () => {
    const read = readBalansWorkbook([
      rawTable("Atgarder", HEADERS, [
        ["G1", "X", "Per år", null, null, null, 6, 12, null, "2021-04-15"],
      ]),
    ]);
    expect(read.problems.filter((p) => p.table === "Atgarder")).toEqual([
      expect.objectContaining({
        column: "Prognos start",
        severity: "notice",
        message: expect.stringMatching(
          /hela månader: från 2021-01 till 2021-04 \(dagen 15 räknas inte\)/
        ),
      }),
    ]);
    expect(v(new PlanQueries(read).savings("G1", 2021, null, "prognos"))).toBeCloseTo(4.5, 12);
  });

  it("scales it to the new full-year figure, and a forecast of 0 saves nothing", () => {
    // G2: 2021 6, 2022 12, no Helårseffekt (after 2022: 12); Prognos helårseffekt 9 = 75 %.
    // G3: 2021 5, 2022 0 (full-year figure 0); Prognos helårseffekt 0: nothing, never NaN.
    const q2 = new PlanQueries(
      readBalansWorkbook([
        rawTable("Atgarder", HEADERS, [
          ["G2", "X", "Per år", null, null, null, 6, 12, 9, null],
          ["G3", "X", "Noll", null, null, null, 5, 0, 0, null],
        ]),
      ])
    );
    expect(v(q2.savings("G2", 2021, null, "prognos"))).toBeCloseTo(4.5, 12);
    expect(v(q2.savings("G2", 2023, null, "prognos"))).toBeCloseTo(9, 12);
    expect(v(q2.savings("G3", 2021, null, "prognos"))).toBe(0);
    expect(v(q2.savings("G3", 2021, null, "plan"))).toBe(5);
  });
});

describe("the year forecast in the report", () => {
  const report = buildMonthlyReport(wb, { year: 2021, month: 6 }, { madeAt: "", source: "" });
  const line = (id: string) => report.plan!.lines.find((l) => l.measure.id === id)!;

  it("is actual to date plus the forecast plan for the remaining months", () => {
    // F1: 3 actual + Jul–Dec of the forecast plan (6) = 9; F2: 0 + 6 × 3/12; F4: 0 + Jul–Dec of
    // the moved plan (Apr–Sep 2021 of the plan, 0,5 each) = 3.
    expect(line("F1").forecastYear).toBe(9);
    expect(line("F2").forecastYear).toBeCloseTo(1.5, 12);
    expect(line("F4").forecastYear).toBeCloseTo(3, 12);
    expect(line("F1").plannedYear).toBe(12);
  });

  it("for Avbruten is its actuals only", () => {
    expect(line("F3").actualToDate).toBe(2.5);
    expect(line("F3").forecastYear).toBe(2.5);
  });

  it("gives the residual deficit by plan and by forecast", () => {
    expect(report.plan!.residualPlanned).toBeCloseTo(40 - (12 + 4 + 12 + 6 + 1), 12);
    expect(report.plan!.residualForecast).toBeCloseTo(40 - (9 + 1.5 + 2.5 + 3 + 0.5), 12);
  });
});
