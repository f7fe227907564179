import { computePlanEffects } from "../../src/core/effects";
import { readMeasures } from "../../src/core/measures";
import {
  findPerYearColumns,
  perYearHeader,
  plannedShape,
  readPerYearHeader,
} from "../../src/core/perYear";
import { PlanQueries } from "../../src/core/queries";
import { buildMonthlyReport } from "../../src/core/report";
import { readBalansWorkbook } from "../../src/core/workbook";
import { rawTable } from "../helpers/tables";

describe("per-year headers", () => {
  it("are a year, or a saving word and a year, with an optional unit", () => {
    expect(perYearHeader("2021")).toEqual({ year: 2021 });
    expect(perYearHeader(2021)).toEqual({ year: 2021 });
    expect(perYearHeader("2021 (tkr)")).toEqual({ year: 2021, unit: "tkr" });
    expect(perYearHeader("Effekt 2021")).toEqual({ year: 2021 });
    expect(perYearHeader("Besparing 2022")).toEqual({ year: 2022 });
    expect(perYearHeader("Kostnadsreducering 2023 (mnkr)")).toEqual({ year: 2023, unit: "mnkr" });
    expect(perYearHeader("Effekt 2021, tkr")).toEqual({ year: 2021, unit: "tkr" });
  });

  it("are not other headers", () => {
    for (const h of [
      "Helårseffekt",
      "Besparing",
      "Tidsaspekt",
      "Effekt 2021 prognos",
      "1850",
      "2021-04",
      "Id",
      null,
    ])
      expect(perYearHeader(h)).toBeUndefined();
  });

  it("are read the same by the plan import: Helårseffekt/Belopp and a year, a trailing colon", () => {
    expect(perYearHeader("Helårseffekt 2022 (tkr)")).toEqual({ year: 2022, unit: "tkr" });
    expect(perYearHeader("Belopp 2023:")).toEqual({ year: 2023 });
    // The import's reading never throws: a parenthesis that is no unit is handed back.
    expect(readPerYearHeader("2021 (st)")).toEqual({ year: 2021, notUnit: "st" });
    expect(readPerYearHeader("Helårseffekt")).toBeUndefined();
  });

  it("with a parenthesis that is no unit, or twice the same year, are errors naming the column", () => {
    expect(() => perYearHeader("2021 (st)")).toThrow(/»2021 \(st\)«.*»st«/);
    expect(() => findPerYearColumns(["Id", "2021", "Effekt 2021"])).toThrow(
      /två kolumner för 2021: »2021« och »Effekt 2021«/
    );
  });
});

const HEADERS = [
  "Id",
  "Område",
  "Åtgärd",
  "Helårseffekt (mnkr)",
  "Tidsaspekt",
  "Slut",
  "2021",
  "2022 (tkr)",
  "Effekt 2023",
];
const plan = (rows: unknown[][]) => rawTable("Atgarder", HEADERS, rows as never);

// Figures by hand from the contract:
//  P1: 2021 1, 2022 2000 tkr = 2, 2023 3; no Helårseffekt → after 2023 the last figure, 3.
//  P2: Helårseffekt 4 from Q3 2021, 2021 stated 1 → Jul–Dec share 1 (1/6 each); 2022 on: 4.
//  P3: Helårseffekt 6 from 2021, only 2022 stated 3 → 2021 accrues 6, 2022 3, 2023 6.
//  P7: only 2021 »ca 500 tkr« = 0,5 → 0,5 every later year.
const ROWS = [
  ["P1", "X", "Per år utan helår", null, null, null, 1, 2000, 3],
  ["P2", "X", "Start mitt i året", 4, "Q3 2021", null, 1, null, null],
  ["P3", "Y", "Ett år angivet", 6, "2021", null, null, 3000, null],
  ["P7", "Y", "Text med enhet", null, null, null, "ca 500 tkr", null, null],
];

describe("per-year effects in the engine", () => {
  const read = readMeasures(plan(ROWS));

  it("read the stated years in the table's unit; Helårseffekt and Tidsaspekt are optional", () => {
    // Only a notice: a text amount with its own unit says what it became.
    expect(read.problems).toEqual([
      expect.objectContaining({
        row: 5,
        column: "2021",
        severity: "notice",
        message: "läste »ca 500 tkr« som 0,5 mnkr",
      }),
    ]);
    const p1 = read.measures.find((m) => m.id === "P1")!;
    expect([...p1.perYear!]).toEqual([
      [2021, 1],
      [2022, 2],
      [2023, 3],
    ]);
    expect(p1.start).toEqual({ year: 2021, month: 1, day: 1 });
    expect(p1.annual).toBe(3);
  });

  it("override the accrual for a stated year and follow the rules after the last one", () => {
    const effects = computePlanEffects(read.measures, read.unit, [2021, 2022, 2023, 2024]);
    const byId = (id: string) => [
      ...effects.perMeasure.get(read.measures.find((m) => m.id === id)!)!.values(),
    ];
    expect(byId("P1")).toEqual([1, 2, 3, 3]);
    expect(byId("P2")).toEqual([1, 4, 4, 4]);
    expect(byId("P3")).toEqual([6, 3, 6, 6]);
    expect(byId("P7")[0]).toBeCloseTo(0.5, 12);
    expect(byId("P7")[3]).toBeCloseTo(0.5, 12);
    expect(effects.totals.get(2021)).toBeCloseTo(8.5, 12);
    expect(effects.totals.get(2022)).toBeCloseTo(9.5, 12);
    expect(effects.totals.get(2023)).toBeCloseTo(13.5, 12);
  });

  it("share a stated year among its months by the days in effect, in every function", () => {
    const wb = readBalansWorkbook([
      plan(ROWS),
      rawTable("Underskott", ["År", "Underskott (mnkr)"], [[2021, 10]]),
    ]);
    const q = new PlanQueries(wb);
    const v = (r: { ok: boolean; value?: number }) => (expect(r.ok).toBe(true), r.value!);
    expect(v(q.savings("P1", 2021, 3))).toBeCloseTo(1 / 12, 12);
    expect(v(q.savings("P2", 2021, 6))).toBe(0);
    expect(v(q.savings("P2", 2021, 7))).toBeCloseTo(1 / 6, 12);
    expect(v(q.savingsYtd("P2", 2021, 9))).toBeCloseTo(0.5, 12);
    expect(v(q.savings("P2", 2022))).toBe(4);
    expect(v(q.totalSavings(2021))).toBeCloseTo(8.5, 12);
    expect(v(q.totalSavings(2022, "Y"))).toBeCloseTo(3.5, 12);
    expect(v(q.residualDeficit(2021))).toBeCloseTo(1.5, 12);
    const report = buildMonthlyReport(wb, { year: 2021, month: 9 }, { madeAt: "", source: "" });
    const p2 = report.plan!.lines.find((l) => l.measure.id === "P2")!;
    expect(p2.plannedYear).toBe(1);
    expect(p2.plannedToDate).toBeCloseTo(0.5, 12);
    expect(report.plan!.totals.plannedYear).toBeCloseTo(8.5, 12);
  });

  it("make a row with neither a figure nor a stated year, or with a year it cannot fill, a problem", () => {
    const bad = readMeasures(
      plan([
        // Q3 2021 start, no Helårseffekt, 2021 not stated: its 2021 effect is unknown.
        ["P4", "X", "Lucka", null, "Q3 2021", null, null, 2000, 4],
        // Starts 2023 but states 2021.
        ["P5", "X", "Fel år", null, "2023", null, 1, null, null],
        ["P6", "X", "Ingenting", null, "2021", null, null, null, null],
        ["P8", "X", "Negativt", null, null, null, -1, null, null],
      ])
    );
    expect(bad.measures).toEqual([]);
    expect(bad.problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: "2021",
        message: expect.stringMatching(/gäller 2021 men ingen effekt/),
      }),
      expect.objectContaining({
        row: 3,
        column: "2021",
        message: expect.stringMatching(
          /anger 1 för 2021, men åtgärden gäller inte då \(start 2023-01-01\)/
        ),
      }),
      expect.objectContaining({
        row: 4,
        column: "Helårseffekt (mnkr)",
        message: expect.stringMatching(/tom/),
      }),
      expect.objectContaining({
        row: 5,
        column: "2021",
        message: expect.stringMatching(/negativ/),
      }),
    ]);
  });

  it("check the per-year cells of sum rows against the rows above, never counting them", () => {
    // Summa: 2021 1 + 1 = 2 (right), 2022 2 + 4 = 6 (the row says 4 000 tkr), 2023 3 + 4 = 7.
    // Totalt: every row above: 2021 8, 2022 9, 2023 13 (all right).
    const withSums = readMeasures(
      plan([
        ROWS[0],
        ROWS[1],
        ["Summa", null, null, null, null, null, 2, 4000, 7],
        ROWS[2],
        ["Totalt", null, null, null, null, null, 8, 9000, 13],
      ])
    );
    expect(withSums.measures.map((m) => m.id)).toEqual(["P1", "P2", "P3"]);
    expect(withSums.problems).toEqual([
      expect.objectContaining({
        row: 4,
        column: "2022 (tkr)",
        key: "year:2022",
        message: "summaraden anger 4 mnkr för 2022, men åtgärderna ovanför ger 6 mnkr",
      }),
    ]);
  });

  it("make Helårseffekt optional as a column when the table has per-year columns", () => {
    const read2 = readMeasures(
      rawTable(
        "Atgarder",
        ["Id", "Åtgärd", "Besparing 2021", "Besparing 2022"],
        [["B1", "x", 1, 2]]
      )
    );
    expect(read2.measures[0].perYear!.get(2022)).toBe(2);
    expect(() =>
      readMeasures(rawTable("Atgarder", ["Id", "Åtgärd", "Tidsaspekt"], [["B1", "x", "2021"]]))
    ).toThrow(/saknar kolumnen Helårseffekt/);
  });
});

describe("plannedShape", () => {
  it("is the engine's reading of a row: start from stated years, the last year's figure after", () => {
    const perYear = new Map([
      [2022, 4],
      [2023, 6],
    ]);
    expect(plannedShape({ perYear })).toEqual({
      annual: 6,
      start: { year: 2022, month: 1, day: 1 },
      perYear,
    });
    expect(plannedShape({ annual: 10, perYear })?.annual).toBe(10);
    // Nothing says when it saves: no shape, never a guessed start.
    expect(plannedShape({ annual: 10 })).toBeUndefined();
  });
});
