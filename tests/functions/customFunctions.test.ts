import * as fn from "../../src/functions/functions";
import { readWorkbookTables } from "../../src/adapters/office/readTables";
import { LiveFormulas } from "../../src/functions/liveFormulas";
import {
  FORMULA_TABLES,
  toCustomFunctionsError,
  useLiveFormulas,
} from "../../src/functions/runtime";
import { exampleTableLayouts } from "../../src/example/exampleWorkbook";
import { CellValue } from "../../src/core/tables";
import {
  FakeCustomFunctionsError,
  FakeInvocation,
  installExcelDouble,
  settle,
} from "../helpers/officeGlobals";

interface ExampleTable {
  name: string;
  sheet: string;
  headers: string[];
  rows: CellValue[][];
}

/** The example's tables, to put in the workbook double as Excel tables. */
function exampleTables(): ExampleTable[] {
  return exampleTableLayouts().map((t) => ({
    name: t.name,
    sheet: t.sheet,
    headers: t.columns.map((c) => c.header),
    rows: t.rows.map((r) => [...r]),
  }));
}

function setup(tables = exampleTables()) {
  const double = installExcelDouble();
  for (const t of tables) double.book.addUserTable(t.sheet, t.name, t.headers, t.rows);
  const live = new LiveFormulas({
    readTables: () => double.Excel.run((context) => readWorkbookTables(context, FORMULA_TABLES)),
    toError: toCustomFunctionsError,
    debounceMs: 5,
  });
  useLiveFormulas(live);
  return { book: double.book, live };
}

type Streaming = CustomFunctions.StreamingInvocation<any>;
const as = (i: FakeInvocation) => i as unknown as Streaming;

async function evaluate(call: (inv: Streaming) => void): Promise<FakeInvocation> {
  const inv = new FakeInvocation();
  call(as(inv));
  await settle();
  return inv;
}

/** What a spill function shows for single values: the value of its 1×1 array, or its error. */
async function single(call: (inv: Streaming) => void): Promise<unknown> {
  const last = (await evaluate(call)).last;
  if (!Array.isArray(last)) return last;
  expect(last).toHaveLength(1);
  expect(last[0]).toHaveLength(1);
  return last[0][0];
}

/** What Excel passes for an omitted optional argument (the parameter's type says a matrix). */
const OMITTED = null as unknown as unknown[][];

afterEach(() => useLiveFormulas(undefined));

describe("Balans custom functions over a workbook", () => {
  it("give seed 000's figures", async () => {
    setup();
    expect(await single((i) => fn.savings([["A03"]], [[2020]], OMITTED, null, i))).toBeCloseTo(
      0.5,
      12
    );
    expect(await single((i) => fn.savings([["A14"]], [[2021]], OMITTED, null, i))).toBeCloseTo(
      1.2,
      12
    );
    expect(await single((i) => fn.savings([["A14"]], [[2021]], [[4]], null, i))).toBeCloseTo(
      1.6 / 12,
      12
    );
    expect(await single((i) => fn.savingsYtd([["A14"]], [[2021]], [[6]], null, i))).toBeCloseTo(
      0.4,
      12
    );
    expect(await single((i) => fn.totalSavings([[2020]], OMITTED, OMITTED, null, i))).toBeCloseTo(
      8.025,
      12
    );
    expect(
      await single((i) =>
        fn.totalSavings([[2021]], [["Insatser för barn och unga"]], OMITTED, null, i)
      )
    ).toBeCloseTo(8.65, 12);
    expect((await evaluate((i) => fn.residualDeficit(2020, null, i))).last).toBeCloseTo(48.975, 12);
    expect((await evaluate((i) => fn.startDate("A14", i))).last).toBe(44287);
    // The last argument: the example's illustrative forecast moves A15 (5 mnkr from Q4 2020) to
    // January 2021; A20 is Avbruten in Uppfoljning (August 2020), so it forecasts nothing in 2021.
    expect(await single((i) => fn.savings([["A15"]], [[2020]], OMITTED, "prognos", i))).toBe(0);
    expect(await single((i) => fn.savings([["A15"]], [[2020]], OMITTED, "plan", i))).toBe(1.25);
    expect(await single((i) => fn.savings([["A20"]], [[2021]], OMITTED, "forecast", i))).toBe(0);
    expect(await single((i) => fn.savings([["A20"]], [[2021]], OMITTED, null, i))).toBe(3.1);
    expect((await evaluate((i) => fn.residualDeficit(2020, "prognos", i))).last).toBeCloseTo(
      57 - (8.025 - 0.5 - 1.25 - 0.775),
      12
    );
    expect(
      await single((i) => fn.totalSavings([[2020]], OMITTED, OMITTED, "utfall", i))
    ).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/Sista argumentet ska vara "plan" eller "prognos"/),
    });
    expect(fn.planRequired(57, 4000, null)).toBe(true);
  });

  it("give SN's transfer balance, in total and per insats", async () => {
    setup();
    const costs =
      0.36 + 0.54 + 0.63 + 1.05 + (16 / 31 + 3) * 0.012 + (12 / 31) * 0.095 + 0.09 + 1.12;
    expect((await evaluate((i) => fn.transferBalance(2018, 8, null, i))).last).toBeCloseTo(
      9.8 - costs,
      12
    );
    expect((await evaluate((i) => fn.transferBalance(2018, 8, 8, i))).last).toBeCloseTo(
      2 - 0.54 - (12 / 31) * 0.095,
      12
    );
    expect(
      (await evaluate((i) => fn.transferBalance(2018, 8, "Stöd i boende", i))).last
    ).toBeCloseTo(2 - 0.54 - (12 / 31) * 0.095, 12);
    expect((await evaluate((i) => fn.transferBalance(2018, 8, "Ledsagarservice", i))).last).toBe(0);
    expect(
      (await evaluate((i) => fn.transferBalance(2018, 8, "Skolskjuts", i))).last
    ).toMatchObject({ code: "#N/A", message: expect.stringMatching(/ingen av de tio insatserna/) });
    expect((await evaluate((i) => fn.transferBalance(2018, 13, null, i))).last).toMatchObject({
      code: "#VALUE!",
    });
  });

  it("answer #N/A and #VALUE! with a message, never an exception", async () => {
    setup();
    const err = async (call: (inv: Streaming) => void) =>
      (await evaluate(call)).last as FakeCustomFunctionsError;
    expect(await err((i) => fn.savings([["A99"]], [[2021]], OMITTED, null, i))).toEqual(
      new FakeCustomFunctionsError("#N/A", expect.stringMatching(/Ingen åtgärd har id A99/))
    );
    expect(await err((i) => fn.savings([["A03"]], [[20]], OMITTED, null, i))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/Året/),
    });
    expect(await err((i) => fn.savings([["A03"]], [[2021]], [[0]], null, i))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/Månaden/),
    });
    expect(await err((i) => fn.residualDeficit(2024, null, i))).toMatchObject({
      code: "#N/A",
      message: expect.stringMatching(/inget år 2024/),
    });
    expect(await err((i) => fn.startDate("på sikt", i))).toMatchObject({ code: "#VALUE!" });
    expect(() => fn.planRequired(57, 0, null)).toThrow(FakeCustomFunctionsError);
  });

  it("answer #N/A when the tables are missing, and a problem row in the message", async () => {
    setup([]);
    expect(await single((i) => fn.savings([["A03"]], [[2021]], OMITTED, null, i))).toMatchObject({
      code: "#N/A",
      message: expect.stringMatching(/saknar tabellen Atgarder/),
    });

    const tables = exampleTables();
    tables[0].rows[4][4] = "på sikt"; // A05's Tidsaspekt, worksheet row 6
    setup(tables);
    expect(await single((i) => fn.savings([["A05"]], [[2021]], OMITTED, null, i))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(
        /^Atgarder, rad 6, Tidsaspekt: »på sikt« anger ingen tidpunkt/
      ),
    });
  });

  it("cut messages to the 255 characters Excel shows", async () => {
    const tables = exampleTables();
    tables[0].rows[4][4] = `på sikt ${"x".repeat(400)}`;
    setup(tables);
    const e = (await single((i) =>
      fn.savings([["A05"]], [[2021]], OMITTED, null, i)
    )) as FakeCustomFunctionsError;
    expect(e.message!.length).toBe(255);
    expect(e.message!.endsWith("...")).toBe(true);
  });

  it("serve 10,000 formulas with one read of the tables", async () => {
    const { book, live } = setup();
    const invocations: FakeInvocation[] = [];
    for (let k = 0; k < 10_000; k++) {
      const inv = new FakeInvocation();
      invocations.push(inv);
      const id = `A${String((k % 24) + 1).padStart(2, "0")}`;
      if (k % 2) fn.savings([[id]], [[2020 + (k % 5)]], OMITTED, null, as(inv));
      else fn.totalSavings([[2020 + (k % 5)]], OMITTED, OMITTED, null, as(inv));
    }
    await settle();
    expect(
      invocations.every((i) => Array.isArray(i.last) && typeof i.last[0][0] === "number")
    ).toBe(true);
    expect(live.reads).toBe(1);
    expect(book.syncCount).toBe(3); // names, shapes, values
    console.log(
      `10 000 Balans formulas: ${live.reads} read of the tables, ${book.syncCount} context.sync() calls`
    );
  });
});
