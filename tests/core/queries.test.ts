import { planRequiredFormula, PlanQueries } from "../../src/core/queries";
import { readBalansWorkbook } from "../../src/core/workbook";
import { exampleTableLayouts, layoutAsRawTable } from "../../src/example/exampleWorkbook";
import { measuresTable, rawTable } from "../helpers/tables";

const example = () =>
  new PlanQueries(readBalansWorkbook(exampleTableLayouts().map(layoutAsRawTable)));
const ok = (value: number | boolean) => ({ ok: true, value });
const approx = (r: { ok: boolean; value?: unknown }, v: number) => {
  expect(r.ok).toBe(true);
  expect(r.value as number).toBeCloseTo(v, 10);
};

describe("PlanQueries over seed 000", () => {
  const q = example();

  it("SAVINGS: a measure's effect in a year or a month", () => {
    approx(q.savings("A03", 2020), 0.5);
    approx(q.savings("a03", 2021), 1);
    approx(q.savings("A14", 2021), 1.2);
    approx(q.savings("A14", 2021, 3), 0);
    approx(q.savings("A14", 2021, 4), 1.6 / 12);
    approx(q.savings(" A14 ", "2021", "4"), 1.6 / 12);
  });

  it("SAVINGSYTD: January through the month", () => {
    approx(q.savingsYtd("A14", 2021, 6), 0.4);
    approx(q.savingsYtd("A06", 2020, 8), (4 * 2) / 12);
  });

  it("TOTALSAVINGS: all measures, one area, one month", () => {
    approx(q.totalSavings(2020), 8.025);
    approx(q.totalSavings(2022, null, null), 60.7);
    approx(q.totalSavings(2021, "Insatser för barn och unga"), 8.65);
    approx(q.totalSavings(2021, "insatser for barn och unga"), 8.65);
    approx(q.totalSavings(2020, "", 12), (1 + 4 + 3 + 3) / 12 + (0.6 + 5 + 3.1) / 12 + 0.35 / 12);
  });

  it("RESIDUALDEFICIT: deficit less the planned effect", () => {
    approx(q.residualDeficit(2020), 48.975);
  });

  it("STARTDATE: of a measure, or of a timing text, as an Excel date serial", () => {
    expect(q.startDate("A14")).toEqual(ok(44287));
    expect(q.startDate("Q 3 2020")).toEqual(ok(44013));
    expect(q.startDate("andra halvåret 2021")).toEqual(ok(44378));
    expect(q.startDate(2022)).toEqual(ok(44562));
  });

  it.each([
    [() => q.savings("A99", 2021), "notAvailable", /Ingen åtgärd har id A99/],
    [() => q.savings("", 2021), "invalidValue", /Ange ett åtgärds-id/],
    [() => q.savings("A03", 21), "invalidValue", /Året ska vara ett helt årtal.*21/],
    [() => q.savings("A03", 2021.5), "invalidValue", /Året/],
    [() => q.savings("A03", 2021, 13), "invalidValue", /Månaden ska vara 1–12 \(fick 13\)/],
    [() => q.savingsYtd("A03", 2021, null), "invalidValue", /Månaden/],
    [
      () => q.totalSavings(2021, "Skola"),
      "notAvailable",
      /Området »Skola« finns inte.*Insatser för barn och unga/,
    ],
    [() => q.residualDeficit(2023), "notAvailable", /Underskott har inget år 2023 \(finns: 2020\)/],
    [() => q.startDate("A77"), "notAvailable", /Ingen åtgärd har id A77/],
    [() => q.startDate("på sikt"), "invalidValue", /anger ingen tidpunkt/],
    [() => q.startDate(null), "invalidValue", /Ange ett åtgärds-id eller en tidsaspekt/],
  ])("error path %#", (call, error, message) => {
    const r = call();
    expect(r).toMatchObject({ ok: false, error });
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe("PlanQueries with problems in the workbook", () => {
  it("answers #N/A naming the missing table", () => {
    const q = new PlanQueries(readBalansWorkbook([]));
    expect(q.savings("A1", 2021)).toMatchObject({
      ok: false,
      error: "notAvailable",
      message: expect.stringMatching(/saknar tabellen Atgarder/),
    });
    expect(q.residualDeficit(2021)).toMatchObject({
      ok: false,
      error: "notAvailable",
      message: expect.stringMatching(/saknar tabellen Underskott/),
    });
    // a timing needs no table
    expect(q.startDate("Q 3 2020")).toEqual(ok(44013));
  });

  it("answers #N/A naming a missing required column", () => {
    const q = new PlanQueries(
      readBalansWorkbook([rawTable("Atgarder", ["Id", "Åtgärd"], [["A1", "X"]])])
    );
    expect(q.totalSavings(2021)).toMatchObject({
      ok: false,
      error: "notAvailable",
      message: expect.stringMatching(/saknar kolumnen Helårseffekt/),
    });
  });

  it("shows a row's problem in the formulas that use it, and leaves it out of totals", () => {
    const q = new PlanQueries(
      readBalansWorkbook([
        measuresTable([
          ["A1", "", "Bra", 12, "2021"],
          ["A2", "", "Vag", 6, "på sikt"],
          ["A1", "", "Dubblett", 1, "2021"],
        ]),
      ])
    );
    expect(q.savings("A2", 2021)).toMatchObject({
      ok: false,
      error: "invalidValue",
      message:
        "Atgarder, rad 3, Tidsaspekt: »på sikt« anger ingen tidpunkt; skriv t.ex. Q 3 2020, april 2021, 2021 eller ett datum, eller fyll i Start",
    });
    expect(q.startDate("A2")).toMatchObject({ ok: false, error: "invalidValue" });
    expect(q.savings("A1", 2021)).toMatchObject({
      ok: false,
      error: "invalidValue",
      message: expect.stringMatching(/A1 finns redan på rad 2/),
    });
    approx(q.totalSavings(2021), 12);
  });
});

describe("PLANREQUIRED", () => {
  it("applies the 1 % rule, or a given threshold", () => {
    expect(planRequiredFormula(57, 4000, null)).toEqual(ok(true));
    expect(planRequiredFormula(30, 4000)).toEqual(ok(false));
    expect(planRequiredFormula(30, 4000, 0.005)).toEqual(ok(true));
  });

  it.each([
    ["x", 4000, null, /Underskottet ska vara ett tal/],
    [57, 0, null, /Budgeten ska vara ett tal större än noll/],
    [57, 4000, 1, /andel av budgeten/],
    [57, 4000, -0.01, /andel av budgeten/],
  ])("refuses (%j, %j, %j)", (d, b, t, message) => {
    const r = planRequiredFormula(d, b, t);
    expect(r).toMatchObject({ ok: false, error: "invalidValue" });
    if (!r.ok) expect(r.message).toMatch(message);
  });
});
