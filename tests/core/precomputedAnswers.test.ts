import fc from "fast-check";
import { FormulaResult, PlanQueries } from "../../src/core/queries";
import { CellValue, RawTable } from "../../src/core/tables";
import { readBalansWorkbook } from "../../src/core/workbook";

/**
 * Plans of every kind a read meets: timings with a day, a quarter, an end (a notice), stated
 * years (per-year columns, with or without Helårseffekt), Prognos helårseffekt and Prognos start,
 * follow-up rows that stop a measure (Avbruten), ids and areas with letters outside ASCII, rows
 * that cannot be read. The answers of the precomputed path (a measure's year built once) are
 * compared with the general path's, bit for bit.
 */
const HEADERS = [
  "Id",
  "Område",
  "Åtgärd",
  "Helårseffekt (mnkr)",
  "Tidsaspekt",
  "Status",
  "2021",
  "Effekt 2022",
  "Prognos helårseffekt",
  "Prognos start",
];
const TIMINGS = [
  "Q 3 2020",
  "2021",
  "april 2021",
  "2020-03-15",
  "2021-02-17",
  "Q4 2020, avtalet löper ut 2021-06-30",
  "2020-11-30",
  null,
];
const AREAS = ["Vård", "Skola", "skola", "Äldre omsorg", "IFO"];
const measureRow = fc
  .record({
    area: fc.constantFrom(...AREAS),
    annual: fc.option(
      fc.integer({ min: 0, max: 30_000 }).map((n) => n / 1000),
      { nil: null }
    ),
    timing: fc.constantFrom(...TIMINGS),
    status: fc.constantFrom<CellValue>(null, null, "Pågår", "Avbruten"),
    y2021: fc.option(
      fc.integer({ min: 0, max: 9_000 }).map((n) => n / 100),
      { nil: null, freq: 4 }
    ),
    y2022: fc.option(
      fc.integer({ min: 0, max: 9_000 }).map((n) => n / 100),
      { nil: null, freq: 4 }
    ),
    forecastAnnual: fc.option(
      fc.integer({ min: 0, max: 9_000 }).map((n) => n / 700),
      {
        nil: null,
        freq: 3,
      }
    ),
    forecastStart: fc.constantFrom<CellValue>(
      null,
      null,
      null,
      "2021-05-01",
      "Q 2 2022",
      "mars 2020"
    ),
  })
  .map((r) => [
    r.area,
    "Åtgärd",
    r.annual,
    r.timing,
    r.status,
    r.y2021,
    r.y2022,
    r.forecastAnnual,
    r.forecastStart,
  ]);
const followUpRow = fc.record({
  measure: fc.nat(),
  month: fc.integer({ min: 1, max: 36 }),
  actual: fc.integer({ min: 0, max: 500 }).map((n) => n / 100),
  status: fc.constantFrom<CellValue>(null, null, null, "Pågår", "Avbruten"),
});
const plan = fc
  .tuple(
    fc.array(measureRow, { minLength: 1, maxLength: 14 }),
    fc.array(followUpRow, { maxLength: 20 })
  )
  .map(([measures, followUp]): RawTable[] => {
    const ids = measures.map((_, i) => (i % 5 === 4 ? `Å${i}` : `G${i}`));
    const month = (k: number) =>
      `${2020 + Math.floor((k - 1) / 12)}-${String(((k - 1) % 12) + 1).padStart(2, "0")}`;
    return [
      {
        name: "Atgarder",
        headers: HEADERS,
        rows: measures.map((r, i) => [ids[i], ...r]),
        firstRowNumber: 2,
      },
      {
        name: "Uppfoljning",
        headers: ["Id", "Månad", "Utfall", "Status"],
        rows: followUp.map((f) => [
          ids[f.measure % ids.length],
          month(f.month),
          f.actual,
          f.status,
        ]),
        firstRowNumber: 2,
      },
    ];
  });

type General = {
  savingsGeneral: (...a: unknown[]) => FormulaResult;
  savingsYtdGeneral: (...a: unknown[]) => FormulaResult;
  totalSavingsGeneral: (...a: unknown[]) => FormulaResult;
};

function same(fast: FormulaResult, general: FormulaResult, what: string): void {
  expect([what, fast]).toEqual([what, general]);
  if (fast.ok && general.ok)
    expect([what, Object.is(fast.value, general.value)]).toEqual([what, true]);
}

describe("the precomputed answers of a read", () => {
  it("are the general path's, bit for bit, over measures, years, months, bases and areas (property)", () => {
    fc.assert(
      fc.property(plan, (tables) => {
        const data = readBalansWorkbook(tables);
        const q = new PlanQueries(data);
        const general = new PlanQueries(data) as unknown as General;
        const ids = (tables[0].rows as CellValue[][]).map((r) => r[0] as string);
        for (const basis of [undefined, "prognos"]) {
          for (const year of [2019, 2020, 2021, 2022, 2023]) {
            for (const id of ids) {
              const at = `${id} ${year} ${basis}`;
              same(
                q.savings(id, year, undefined, basis),
                general.savingsGeneral(id, year, undefined, basis),
                at
              );
              for (let m = 1; m <= 12; m++) {
                same(
                  q.savings(id, year, m, basis),
                  general.savingsGeneral(id, year, m, basis),
                  `${at} ${m}`
                );
                same(
                  q.savingsYtd(id, year, m, basis),
                  general.savingsYtdGeneral(id, year, m, basis),
                  `${at} ytd ${m}`
                );
              }
            }
            for (const area of [undefined, null, "", "Okänt", ...AREAS, " vård "]) {
              for (const m of [undefined, 1, 6, 12]) {
                same(
                  q.totalSavings(year, area, m, basis),
                  general.totalSavingsGeneral(year, area, m, basis),
                  `total ${area} ${year} ${m} ${basis}`
                );
              }
            }
          }
        }
      }),
      { numRuns: 25 }
    );
  });

  it("meet every kind of measure in the plans above", () => {
    // The generator is meant to reach stated years, forecasts, Avbruten and notices: one plan shows it.
    const tables = fc.sample(plan, { numRuns: 200, seed: 15 });
    const kinds = { perYear: 0, forecast: 0, stopped: 0, notices: 0, rejected: 0 };
    for (const t of tables) {
      const data = readBalansWorkbook(t);
      const read = data.measures!;
      kinds.perYear += read.measures.filter((m) => m.perYear).length;
      kinds.forecast += read.measures.filter((m) => m.forecast).length;
      kinds.rejected += read.rejectedIds.size;
      kinds.notices += read.problems.filter((p) => p.severity === "notice").length;
      kinds.stopped += (data.followUp?.entries ?? []).filter((e) => e.status === "Avbruten").length;
    }
    for (const [kind, n] of Object.entries(kinds)) expect([kind, n > 20]).toEqual([kind, true]);
  });
});
