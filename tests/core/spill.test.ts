import { FormulaResult, PlanQueries } from "../../src/core/queries";
import { asGrid, EMPTY, sameAnswer, spill, SpillArgument } from "../../src/core/spill";
import { readBalansWorkbook } from "../../src/core/workbook";
import { exampleTableLayouts, layoutAsRawTable } from "../../src/example/exampleWorkbook";

const ok = (value: number | ""): FormulaResult<number | ""> => ({ ok: true, value });
const na = (message: string | RegExp) => ({
  ok: false,
  error: "notAvailable",
  message: typeof message === "string" ? message : expect.stringMatching(message),
});
const arg = (value: unknown, name = "x", listsRows = false): SpillArgument => ({
  value,
  name,
  listsRows,
});
/** A scalar function that adds its numeric arguments (nulls count 0). */
const sum = (cells: readonly unknown[]): FormulaResult =>
  ok(cells.reduce<number>((s, v) => s + ((v as number) ?? 0), 0)) as FormulaResult;

describe("spill: lifting a scalar function over ranges, as Excel lifts its operators", () => {
  it("reads a single value, an omitted argument and a row as matrices", () => {
    expect(asGrid(5)).toEqual([[5]]);
    expect(asGrid(null)).toEqual([[null]]);
    expect(asGrid([])).toEqual([[null]]);
    expect(asGrid([[]])).toEqual([[null]]);
    expect(asGrid([1, 2])).toEqual([[1, 2]]);
    expect(asGrid([[1], [2]])).toEqual([[1], [2]]);
  });

  it("repeats a single value everywhere, and a column along a row (ids × years)", () => {
    expect(spill([arg([[1], [2], [3]]), arg(100)], sum)).toEqual([[ok(101)], [ok(102)], [ok(103)]]);
    // A column of 3 × a row of 2 is a 3×2 table: (i, j) = column[i] + row[j].
    expect(spill([arg([[1], [2], [3]]), arg([[10, 20]])], sum)).toEqual([
      [ok(11), ok(21)],
      [ok(12), ok(22)],
      [ok(13), ok(23)],
    ]);
    // Same-size arguments pair element by element.
    expect(
      spill(
        [
          arg([
            [1, 2],
            [3, 4],
          ]),
          arg([
            [10, 20],
            [30, 40],
          ]),
        ],
        sum
      )
    ).toEqual([
      [ok(11), ok(22)],
      [ok(33), ok(44)],
    ]);
  });

  it("gives #N/A in the cells outside an argument of another size, as {1;2;3}+{1;2} does", () => {
    expect(spill([arg([[1], [2], [3]], "åtgärd"), arg([[10], [20]], "år")], sum)).toEqual([
      [ok(11)],
      [ok(22)],
      [
        na(
          "Argumenten har olika storlek: »år« är 2×1, svaret 3×1. Den här cellen ligger utanför »år«."
        ),
      ],
    ]);
    // 2×2 with 3×1: 3 rows, 2 columns; the third row lies outside the 2×2 argument.
    const r = spill(
      [
        arg(
          [
            [1, 2],
            [3, 4],
          ],
          "a"
        ),
        arg([[10], [20], [30]], "b"),
      ],
      sum
    );
    expect(r.slice(0, 2)).toEqual([
      [ok(11), ok(12)],
      [ok(23), ok(24)],
    ]);
    expect(r[2]).toEqual([na(/»a« är 2×2, svaret 3×2/), na(/»a« är 2×2, svaret 3×2/)]);
  });

  it("gives an empty cell for an empty row of a range that lists rows, not an error wall", () => {
    const seen: unknown[] = [];
    const r = spill([arg([["A"], [null], [""], ["  "], [undefined]], "åtgärd", true)], ([id]) => {
      seen.push(id);
      return ok(1) as FormulaResult;
    });
    expect(r).toEqual([[ok(1)], [ok("")], [ok("")], [ok("")], [ok("")]]);
    expect(r[1][0]).toBe(EMPTY);
    expect(seen).toEqual(["A"]);
  });

  it("reads a 0 in such a range as the empty cell Excel on Windows sends, unless it answers", () => {
    const lookup = (known: boolean) => () =>
      (known ? ok(7) : na("Ingen åtgärd har id 0")) as FormulaResult;
    expect(spill([arg([["A"], [0]], "åtgärd", true)], lookup(false))).toEqual([
      [na("Ingen åtgärd har id 0")],
      [ok("")],
    ]);
    expect(spill([arg([["A"], [0]], "åtgärd", true)], lookup(true))).toEqual([[ok(7)], [ok(7)]]);
  });

  it("keeps the scalar rule for blanks in a single cell; a blank in another range is #VALUE!, never an omitted argument", () => {
    const blank = na("Ange ett åtgärds-id");
    const says = () => blank as FormulaResult;
    expect(spill([arg([[null]], "åtgärd", true)], says)).toEqual([[blank]]);
    expect(spill([arg(null, "åtgärd", true), arg([[2020, 2021]], "år")], says)).toEqual([
      [blank, blank],
    ]);
    const years: unknown[] = [];
    const r = spill([arg("A03"), arg([[2020], [null]], "år")], ([, y]) => {
      years.push(y);
      return ok(0) as FormulaResult;
    });
    // The blank year is not passed on (the scalar function would take it as left out).
    expect(years).toEqual([2020]);
    expect(r[1][0]).toEqual({
      ok: false,
      error: "invalidValue",
      message:
        "»år« har en tom cell (rad 2 i cellområdet); fyll i den. " +
        "En tom cell i ett cellområde betyder inte att argumentet utelämnas.",
    });
  });

  it("answers single values with exactly the scalar answer, notice and all", () => {
    const answer: FormulaResult = { ok: true, value: 2, notice: "läste »2 mnkr«" };
    const r = spill([arg("A03"), arg(2021)], () => answer);
    expect(r).toHaveLength(1);
    expect(r[0]).toHaveLength(1);
    expect(r[0][0]).toBe(answer);
  });
});

describe("sameAnswer: whether Excel would show the same", () => {
  const err = (message: string) => ({ ok: false, error: "invalidValue", message }) as const;
  it("compares single answers by value, and errors by kind and message", () => {
    expect(sameAnswer(ok(1) as FormulaResult, ok(1) as FormulaResult)).toBe(true);
    expect(sameAnswer(ok(1) as FormulaResult, ok(2) as FormulaResult)).toBe(false);
    expect(sameAnswer(ok(NaN) as FormulaResult, ok(NaN) as FormulaResult)).toBe(true);
    expect(sameAnswer(err("a"), err("a"))).toBe(true);
    expect(sameAnswer(err("a"), err("b"))).toBe(false);
    expect(sameAnswer(err("a"), { ...err("a"), error: "notAvailable" })).toBe(false);
    expect(sameAnswer(ok(1) as FormulaResult, err("1"))).toBe(false);
    expect(sameAnswer(ok(1) as FormulaResult, [[ok(1) as FormulaResult]])).toBe(false);
  });

  it("compares spills element by element, errors with their messages, and by shape", () => {
    const a = (): FormulaResult<unknown>[][] => [
      [ok(1) as FormulaResult, err("x")],
      [ok("") as FormulaResult<unknown>],
    ];
    expect(sameAnswer(a(), a())).toBe(true);
    const b = a();
    b[0][1] = err("y");
    expect(sameAnswer(a(), b)).toBe(false);
    const c = a();
    c[1][0] = ok(0) as FormulaResult;
    expect(sameAnswer(a(), c)).toBe(false);
    expect(sameAnswer(a(), [...a(), [ok("") as FormulaResult<unknown>]])).toBe(false);
    expect(sameAnswer([[ok(1)]], [[ok(1), ok(1)]])).toBe(false);
  });
});

describe("the Balans functions lifted over seed 000", () => {
  const q = new PlanQueries(readBalansWorkbook(exampleTableLayouts().map(layoutAsRawTable)));
  const cell = (r: FormulaResult<unknown>, v: number) => {
    expect(r.ok).toBe(true);
    expect((r as { value: number }).value).toBeCloseTo(v, 10);
  };

  it("SAVINGS over a column of ids and a row of years: #N/A only in an unknown id's cells", () => {
    const r = spill(
      [
        arg([["A03"], ["A99"], [null], ["A14"]], "åtgärd", true),
        arg([[2020, 2021]], "år"),
        arg(null, "månad"),
      ],
      ([id, y, m]) => q.savings(id, y, m)
    );
    expect(r).toHaveLength(4);
    // A03: 1 mnkr a year from Q 3 2020; A14: 1,6 a year from April 2021 (9 months of 2021).
    cell(r[0][0], 0.5);
    cell(r[0][1], 1);
    expect(r[1]).toEqual([na(/Ingen åtgärd har id A99/), na(/Ingen åtgärd har id A99/)]);
    expect(r[2]).toEqual([ok(""), ok("")]);
    cell(r[3][0], 0);
    cell(r[3][1], 1.2);
  });

  it("SAVINGS over a row of months with a gap: #VALUE! there, not the whole year's figure", () => {
    const r = spill(
      [arg("A03", "åtgärd", true), arg(2021, "år"), arg([[1, null, 3, ""]], "månad")],
      ([id, y, m]) => q.savings(id, y, m)
    );
    // A03: 1 mnkr a year in 2021, 1/12 a month; the year alone would be 1.
    cell(r[0][0], 1 / 12);
    cell(r[0][2], 1 / 12);
    for (const j of [1, 3])
      expect(r[0][j]).toEqual({
        ok: false,
        error: "invalidValue",
        message:
          `»månad« har en tom cell (kolumn ${j + 1} i cellområdet); fyll i den. ` +
          "En tom cell i ett cellområde betyder inte att argumentet utelämnas.",
      });
  });

  it("SAVINGS with a bad year in the row: #VALUE! in that column only", () => {
    const r = spill(
      [arg([["A03"], ["A14"]], "åtgärd", true), arg([[2021, 20]], "år"), arg(null, "månad")],
      ([id, y, m]) => q.savings(id, y, m)
    );
    cell(r[0][0], 1);
    cell(r[1][0], 1.2);
    for (const row of r)
      expect(row[1]).toMatchObject({ ok: false, error: "invalidValue", message: /Året.*20/ });
  });

  it("SAVINGSYTD over months in a row", () => {
    const r = spill(
      [arg([["A14"]], "åtgärd", true), arg(2021, "år"), arg([[3, 4, 6]], "månad")],
      ([id, y, m]) => q.savingsYtd(id, y, m)
    );
    // A14 starts in April 2021 at 1,6 a year: nothing through March, 1,6/12 through April.
    cell(r[0][0], 0);
    cell(r[0][1], 1.6 / 12);
    cell(r[0][2], 0.4);
  });

  it("TOTALSAVINGS over a row of years, and over a column of areas with an empty row", () => {
    const years = spill([arg([[2020, 2022]], "år"), arg(null), arg(null)], ([y, a, m]) =>
      q.totalSavings(y, a, m)
    );
    cell(years[0][0], 8.025);
    cell(years[0][1], 60.7);
    const areas = spill(
      [arg(2021, "år"), arg([["Insatser för barn och unga"], [""]], "område", true), arg(null)],
      ([y, a, m]) => q.totalSavings(y, a, m)
    );
    cell(areas[0][0], 8.65);
    expect(areas[1][0]).toBe(EMPTY);
  });
});
