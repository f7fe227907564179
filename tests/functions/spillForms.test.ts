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
