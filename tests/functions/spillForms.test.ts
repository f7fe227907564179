/**
 * The spill forms in Excel's terms: one formula over a range of ids, years or areas answers with
 * one matrix from one invocation; per-cell errors are CustomFunctions.Error elements; a live
 * formula re-sends its spill only when an element changed.
 */
import * as fn from "../../src/functions/functions";
import { readWorkbookTables } from "../../src/adapters/office/readTables";
import { PlanQueries } from "../../src/core/queries";
import { spill } from "../../src/core/spill";
import { CellValue, RawTable } from "../../src/core/tables";
import { readBalansWorkbook } from "../../src/core/workbook";
import { LiveFormulas } from "../../src/functions/liveFormulas";
import {
  FORMULA_TABLES,
  toCustomFunctionsError,
  useLiveFormulas,
} from "../../src/functions/runtime";
import {
  FakeCustomFunctionsError,
  FakeInvocation,
  installExcelDouble,
  settle,
} from "../helpers/officeGlobals";
import { MEASURE_HEADERS, measuresTable } from "../helpers/tables";

type Streaming = CustomFunctions.StreamingInvocation<unknown[][]>;
const as = (i: FakeInvocation) => i as unknown as Streaming;
const column = (values: unknown[]) => values.map((v) => [v]);

/** What Excel passes for an omitted optional argument (the parameter's type says a matrix). */
const OMITTED = null as unknown as unknown[][];

afterEach(() => useLiveFormulas(undefined));

/** A workbook double holding an Atgarder table, served by a LiveFormulas of its own. */
function setup(rows: CellValue[][]) {
  const double = installExcelDouble();
  double.book.addUserTable("Åtgärder", "Atgarder", MEASURE_HEADERS, measuresTable(rows).rows);
  const live = new LiveFormulas({
    readTables: () => double.Excel.run((context) => readWorkbookTables(context, FORMULA_TABLES)),
    toError: toCustomFunctionsError,
    debounceMs: 5,
  });
  useLiveFormulas(live);
  return { double, live };
}

// A03: 1 mnkr a year from Q 3 2020 (0,5 in 2020, 1 in 2021); A04: 2 mnkr a year from 2021-07-01.
const A03: CellValue[] = ["A03", "Vård", "Gemensamt HVB", 1, "Q 3 2020"];
const A04: CellValue[] = ["A04", "Skola", "Skolskjuts", 2, "2021-07-01"];

describe("spill forms of the Balans functions", () => {
  it("BESPARING(ids; years) answers a table in one result, with #N/A only where an id is unknown", async () => {
    const { live } = setup([A03, A04]);
    const inv = new FakeInvocation();
    fn.savings(column(["A03", "A99", null, "A04"]), [[2020, 2021]], OMITTED, null, as(inv));
    await settle();
    expect(live.reads).toBe(1);
    expect(inv.results).toHaveLength(1);
    const [a03, a99, blank, a04] = inv.last as unknown[][];
    expect(a03).toEqual([0.5, 1]);
    expect(a99).toEqual([
      new FakeCustomFunctionsError("#N/A", expect.stringMatching(/^Ingen åtgärd har id A99/)),
      new FakeCustomFunctionsError("#N/A", expect.stringMatching(/^Ingen åtgärd har id A99/)),
    ]);
    expect(blank).toEqual(["", ""]);
    expect(a04).toEqual([0, 1]);
  });

  it("TOTALBESPARING(years) answers a row; areas in a column give a table", async () => {
    setup([A03, A04]);
    const years = new FakeInvocation();
    fn.totalSavings([[2020, 2021, 2022]], OMITTED, OMITTED, null, as(years));
    const areas = new FakeInvocation();
    fn.totalSavings([[2021, 2022]], column(["Vård", "Skola", ""]), OMITTED, null, as(areas));
    const ytd = new FakeInvocation();
    fn.savingsYtd([["A04"]], [[2021]], [[6, 7, 12]], null, as(ytd));
    await settle();
    expect(years.last).toEqual([[0.5, 2, 3]]);
    expect(areas.last).toEqual([
      [1, 1],
      [1, 2],
      ["", ""],
    ]);
    expect(ytd.last).toEqual([[0, 2 / 12, 1]]);
  });

  it("keeps messages of errors inside a spill to the 255 characters Excel shows", async () => {
    setup([A03, ["A05", "Vård", "Lång", 1, `på sikt ${"x".repeat(400)}`]]);
    const inv = new FakeInvocation();
    fn.savings(column(["A03", "A05"]), [[2021]], OMITTED, null, as(inv));
    await settle();
    const [[a03], [a05]] = inv.last as [[number], [FakeCustomFunctionsError]];
    expect(a03).toBe(1);
    expect(a05.code).toBe("#VALUE!");
    expect(a05.message).toHaveLength(255);
  });

  it("answers a column of 10 000 ids with the scalar calls' values, from one invocation", async () => {
    const rows = Array.from({ length: 10_000 }, (_, k) => [
      `M${k + 1}`,
      `Område ${k % 7}`,
      `Åtgärd ${k + 1}`,
      ((k % 13) + 1) / 4,
      `${["Q 1", "Q 2", "Q 3", "Q 4"][k % 4]} ${2019 + (k % 4)}`,
    ]);
    const { double, live } = setup(rows);
    const ids = column(rows.map((r) => r[0]));
    const inv = new FakeInvocation();
    const started = performance.now();
    fn.savings(ids, [[2019, 2020, 2021, 2022]], OMITTED, "prognos", as(inv));
    await settle();
    console.log(
      `BESPARING over 10 000 ids × 4 years: one result in ${Math.round(performance.now() - started)} ms including the read`
    );
    expect(inv.results).toHaveLength(1);
    expect(live.reads).toBe(1);
    // The scalar calls, on a model of their own (no answers shared with the spill).
    const tables = await double.Excel.run((context) => readWorkbookTables(context, FORMULA_TABLES));
    const q = new PlanQueries(readBalansWorkbook(tables));
    const years = [2019, 2020, 2021, 2022];
    const scalars = rows.map(([id]) =>
      years.map((year) => {
        const scalar = q.savings(id, year, null, "prognos");
        if (!scalar.ok) throw new Error(`${id} ${year}: ${scalar.message}`);
        return scalar.value;
      })
    );
    expect(inv.last).toEqual(scalars);
    // Not a column of zeros: the plan has effects in every one of these years.
    expect(scalars.map((r) => r[3]).filter((v) => v > 0)).toHaveLength(10_000);
  });
});

describe("spill forms as an economist uses them (expected values worked out by hand)", () => {
  const error = (code: string, message: RegExp) =>
    new FakeCustomFunctionsError(code, expect.stringMatching(message));

  it("BESPARING(Atgarder[Id]; a row of years) over 1 000 measures, the column selected past the table", async () => {
    // M1…M1000: k mod 4 + 1 mnkr a year; even k from Q 1 2020 (every year whole), odd k from
    // Q 3 2021 (nothing in 2020, half in 2021, whole after).
    const rows: CellValue[][] = Array.from({ length: 1000 }, (_, k) => [
      `M${k + 1}`,
      "Vård",
      `Åtgärd ${k + 1}`,
      (k % 4) + 1,
      k % 2 === 0 ? "Q 1 2020" : "Q 3 2021",
    ]);
    const { live } = setup(rows);
    // A2:A1101: the 1 000 ids and 100 empty cells below them
    const ids = column([...rows.map((r) => r[0]), ...Array<null>(100).fill(null)]);
    const inv = new FakeInvocation();
    fn.savings(ids, [[2020, 2021, 2022, 2023]], OMITTED, null, as(inv));
    await settle();
    expect(live.reads).toBe(1);
    expect(inv.results).toHaveLength(1);
    const result = inv.last as unknown[][];
    expect(result).toHaveLength(1100);
    expect(result[0]).toEqual([1, 1, 1, 1]); // M1: k = 0
    expect(result[1]).toEqual([0, 1, 2, 2]); // M2: k = 1, 2 mnkr from July 2021
    expect(result[2]).toEqual([3, 3, 3, 3]); // M3
    expect(result[999]).toEqual([0, 2, 4, 4]); // M1000: k = 999, 4 mnkr from July 2021
    expect(result.slice(1000).every((r) => r.every((v) => v === ""))).toBe(true);
    // the column's sum in 2022: every measure whole, 250 of each of 1, 2, 3, 4 mnkr
    expect(result.slice(0, 1000).reduce((n, r) => n + (r[2] as number), 0)).toBe(2500);
  });

  it("finds ids written as numbers in the table or the range, and ids in other case or without diacritics", async () => {
    // 101 typed as a number, "102" as text, ÅB3 with a ring: 1, 2 and 3 mnkr a year from 2020
    setup([
      [101, "Vård", "Nummer", 1, "Q 1 2020"],
      ["102", "Vård", "Text", 2, "Q 1 2020"],
      ["ÅB3", "Vård", "Ring", 3, "Q 1 2020"],
    ]);
    const inv = new FakeInvocation();
    fn.savings(
      column([101, "101", 102, "102", "åb3", "ab3", " ÅB3 "]),
      [[2021]],
      OMITTED,
      null,
      as(inv)
    );
    await settle();
    expect(inv.last).toEqual([[1], [1], [2], [2], [3], [3], [3]]);
  });

  it("broadcasts as Excel does: a 2-D range of ids against a row of years, #N/A beyond the ids' columns", async () => {
    setup([A03, A04]);
    const inv = new FakeInvocation();
    fn.savings(
      [
        ["A03", "A04"],
        ["A04", "A03"],
      ],
      [[2020, 2021, 2022]],
      OMITTED,
      null,
      as(inv)
    );
    await settle();
    // {A03, A04; A04, A03} against {2020, 2021, 2022}: element by element, the third column
    // lies outside the 2 × 2 ids (Excel: {1,2;3,4}+{1,2,3} = {2,4,#N/A;4,6,#N/A}).
    const outside = error("#N/A", /»åtgärd« är 2×2, svaret 2×3/);
    expect(inv.last).toEqual([
      [0.5, 1, outside],
      [0, 1, outside],
    ]);
  });

  it("pairs a column of ids with a column of years, #N/A where the years end", async () => {
    setup([A03, A04]);
    const inv = new FakeInvocation();
    fn.savings(column(["A03", "A04", "A03"]), column([2020, 2021]), OMITTED, null, as(inv));
    await settle();
    // A03 in 2020: 0,5; A04 in 2021: 1; the third id has no year
    expect(inv.last).toEqual([[0.5], [1], [error("#N/A", /»år« är 2×1, svaret 3×1/)]]);
  });

  it("TOTALBESPARING over a column of areas and a row of years, an empty area row left empty", async () => {
    setup([A03, A04, ["A05", "vård", "Liten", 0.5, "Q 1 2021"]]);
    const inv = new FakeInvocation();
    fn.totalSavings(
      [[2020, 2021]],
      column(["VÅRD", null, "Skola", "Okänt"]),
      OMITTED,
      null,
      as(inv)
    );
    await settle();
    // Vård (A03 and A05, area in other case): 0,5 + 0 in 2020, 1 + 0,5 in 2021; Skola: A04
    expect(inv.last).toEqual([
      [0.5, 1.5],
      ["", ""],
      [0, 1],
      [error("#N/A", /Området »Okänt« finns inte/), error("#N/A", /Området »Okänt« finns inte/)],
    ]);
  });
});

describe("a live spill", () => {
  /** Tables read from `rows` as they are at the time of the read. */
  function liveOver(rows: CellValue[][]) {
    installExcelDouble(); // CustomFunctions.Error for toCustomFunctionsError
    const live = new LiveFormulas({
      readTables: async (): Promise<RawTable[]> => [measuresTable(rows.map((r) => [...r]))],
      toError: toCustomFunctionsError,
    });
    const inv = new FakeInvocation();
    void live.register(inv as never, (q) =>
      spill(
        [
          { value: column(["A03", "A04"]), name: "åtgärd", listsRows: true },
          { value: 2021, name: "år" },
        ],
        ([id, y]) => q.savings(id, y)
      )
    );
    return { live, inv };
  }

  it("is re-sent whole when an element changes, and not at all when none does", async () => {
    const rows = [[...A03], [...A04]];
    const { live, inv } = liveOver(rows);
    await settle();
    expect(inv.results).toEqual([[[1], [1]]]);
    await live.refreshNow();
    expect(inv.results).toHaveLength(1);
    rows[1][3] = 4; // A04: 4 mnkr a year from July 2021, so 2 in 2021
    await live.refreshNow();
    expect(inv.results).toEqual([
      [[1], [1]],
      [[1], [2]],
    ]);
    await live.refreshNow();
    expect(inv.results).toHaveLength(2);
  });

  it("compares errors inside it by their messages", async () => {
    const rows = [[...A03], [...A04]];
    const { live, inv } = liveOver(rows);
    await settle();
    rows[1][4] = "på sikt";
    await live.refreshNow();
    expect(inv.results).toHaveLength(2);
    const message = (k: number) =>
      ((inv.results[k] as unknown[][])[1][0] as { message: string }).message;
    expect(message(1)).toMatch(/»på sikt«/);
    await live.refreshNow(); // the same error: nothing to send
    expect(inv.results).toHaveLength(2);
    rows[1][4] = "snart";
    await live.refreshNow(); // another message in the same cell: sent
    expect(inv.results).toHaveLength(3);
    expect(message(2)).toMatch(/»snart«/);
    expect((inv.results[2] as unknown[][])[0]).toEqual([1]);
  });

  it("says why as one error when the tables cannot be read, and a 1×1 error as the formula's", async () => {
    installExcelDouble();
    const live = new LiveFormulas({
      readTables: () => Promise.reject(new Error("Excel is busy")),
      toError: toCustomFunctionsError,
      retryMs: 60_000,
    });
    const inv = new FakeInvocation();
    void live.register(inv as never, (q) =>
      spill([{ value: column(["A03", "A04"]), name: "åtgärd" }], ([id]) => q.savings(id, 2021))
    );
    await settle();
    live.dispose();
    expect(inv.last).toEqual(
      new FakeCustomFunctionsError("#N/A", expect.stringMatching(/kunde inte läsa/))
    );

    const readable = new LiveFormulas({
      readTables: async () => [measuresTable([A03])],
      toError: toCustomFunctionsError,
    });
    const single = new FakeInvocation();
    void readable.register(single as never, (q) =>
      spill([{ value: [["A99"]], name: "åtgärd", listsRows: true }], ([id]) => q.savings(id, 2021))
    );
    await settle();
    expect(single.last).toEqual(
      new FakeCustomFunctionsError("#N/A", expect.stringMatching(/Ingen åtgärd har id A99/))
    );
  });
});
