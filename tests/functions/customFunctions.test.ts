import * as fn from "../../src/functions/functions";
import { readWorkbookTables } from "../../src/adapters/office/readTables";
import { LiveFormulas } from "../../src/functions/liveFormulas";
import {
  FORMULA_TABLES,
  toCustomFunctionsError,
  useLiveFormulas,
} from "../../src/functions/runtime";
import { watchWorkbook } from "../../src/functions/workbookWatch";
import { exampleTableLayouts } from "../../src/example/exampleWorkbook";
import { ExcelFake, FakeTable } from "../helpers/excelFake";
import {
  eventually,
  FakeCustomFunctionsError,
  FakeInvocation,
  installOfficeGlobals,
  settle,
} from "../helpers/officeGlobals";

/** The example's tables as Excel tables in the fake workbook. */
function exampleTables(): FakeTable[] {
  return exampleTableLayouts().map((t) => ({
    name: t.name,
    sheet: t.sheet,
    headers: t.columns.map((c) => c.header),
    rows: t.rows.map((r) => [...r]),
  }));
}

function setup(tables = exampleTables(), sheets = []) {
  const fake = new ExcelFake(tables, sheets);
  installOfficeGlobals(fake);
  const live = new LiveFormulas({
    readTables: () =>
      fake.Excel.run((context) =>
        readWorkbookTables(context as unknown as Excel.RequestContext, FORMULA_TABLES)
      ),
    toError: toCustomFunctionsError,
    debounceMs: 5,
  });
  useLiveFormulas(live);
  return { fake, live };
}

type Streaming = CustomFunctions.StreamingInvocation<number>;
const as = (i: FakeInvocation) => i as unknown as Streaming;

async function evaluate(call: (inv: Streaming) => void): Promise<FakeInvocation> {
  const inv = new FakeInvocation();
  call(as(inv));
  await settle();
  return inv;
}

const stops: (() => void)[] = [];
afterEach(() => {
  useLiveFormulas(undefined);
  stops.splice(0).forEach((stop) => stop());
});

async function watch(live: LiveFormulas, pollMs = 60_000): Promise<void> {
  stops.push(await watchWorkbook(FORMULA_TABLES, () => live.invalidate(), pollMs));
}

describe("Balans custom functions over a workbook", () => {
  it("give seed 000's figures", async () => {
    setup();
    expect((await evaluate((i) => fn.savings("A03", 2020, null, null, i))).last).toBeCloseTo(
      0.5,
      12
    );
    expect((await evaluate((i) => fn.savings("A14", 2021, null, null, i))).last).toBeCloseTo(
      1.2,
      12
    );
    expect((await evaluate((i) => fn.savings("A14", 2021, 4, null, i))).last).toBeCloseTo(
      1.6 / 12,
      12
    );
    expect((await evaluate((i) => fn.savingsYtd("A14", 2021, 6, null, i))).last).toBeCloseTo(
      0.4,
      12
    );
    expect((await evaluate((i) => fn.totalSavings(2020, null, null, null, i))).last).toBeCloseTo(
      8.025,
      12
    );
    expect(
      (await evaluate((i) => fn.totalSavings(2021, "Insatser för barn och unga", null, null, i)))
        .last
    ).toBeCloseTo(8.65, 12);
    expect((await evaluate((i) => fn.residualDeficit(2020, null, i))).last).toBeCloseTo(48.975, 12);
    expect((await evaluate((i) => fn.startDate("A14", i))).last).toBe(44287);
    // The last argument: the example's illustrative forecast moves A15 (5 mnkr from Q4 2020) to
    // January 2021; A20 is Avbruten in Uppfoljning (August 2020), so it forecasts nothing in 2021.
    expect((await evaluate((i) => fn.savings("A15", 2020, null, "prognos", i))).last).toBe(0);
    expect((await evaluate((i) => fn.savings("A15", 2020, null, "plan", i))).last).toBe(1.25);
    expect((await evaluate((i) => fn.savings("A20", 2021, null, "forecast", i))).last).toBe(0);
    expect((await evaluate((i) => fn.savings("A20", 2021, null, null, i))).last).toBe(3.1);
    expect((await evaluate((i) => fn.residualDeficit(2020, "prognos", i))).last).toBeCloseTo(
      57 - (8.025 - 0.5 - 1.25 - 0.775),
      12
    );
    expect(
      (await evaluate((i) => fn.totalSavings(2020, null, null, "utfall", i))).last
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
    expect(await err((i) => fn.savings("A99", 2021, null, null, i))).toEqual(
      new FakeCustomFunctionsError("#N/A", expect.stringMatching(/Ingen åtgärd har id A99/))
    );
    expect(await err((i) => fn.savings("A03", 20, null, null, i))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/Året/),
    });
    expect(await err((i) => fn.savings("A03", 2021, 0, null, i))).toMatchObject({
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
    expect((await evaluate((i) => fn.savings("A03", 2021, null, null, i))).last).toMatchObject({
      code: "#N/A",
      message: expect.stringMatching(/saknar tabellen Atgarder/),
    });

    const tables = exampleTables();
    tables[0].rows[4][4] = "på sikt"; // A05's Tidsaspekt, worksheet row 6
    setup(tables);
    expect((await evaluate((i) => fn.savings("A05", 2021, null, null, i))).last).toMatchObject({
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
    const e = (await evaluate((i) => fn.savings("A05", 2021, null, null, i)))
      .last as FakeCustomFunctionsError;
    expect(e.message!.length).toBe(255);
    expect(e.message!.endsWith("...")).toBe(true);
  });

  it("serve 10,000 formulas with one read of the tables", async () => {
    const { fake, live } = setup();
    const invocations: FakeInvocation[] = [];
    for (let k = 0; k < 10_000; k++) {
      const inv = new FakeInvocation();
      invocations.push(inv);
      const id = `A${String((k % 24) + 1).padStart(2, "0")}`;
      if (k % 2) fn.savings(id, 2020 + (k % 5), null, null, as(inv));
      else fn.totalSavings(2020 + (k % 5), null, null, null, as(inv));
    }
    await settle();
    expect(invocations.every((i) => typeof i.last === "number")).toBe(true);
    expect(live.reads).toBe(1);
    expect(fake.syncCount).toBe(3); // names, shapes, values
    console.log(
      `10 000 Balans formulas: ${live.reads} read of the tables, ${fake.syncCount} context.sync() calls`
    );
  });
});

describe("live updates", () => {
  it("show a table edit, an added row and a deleted table without F9", async () => {
    const { fake, live } = setup();
    await watch(live);
    const a03 = await evaluate((i) => fn.savings("A03", 2020, null, null, i));
    const total = await evaluate((i) => fn.totalSavings(2021, null, null, null, i));
    const newOne = await evaluate((i) => fn.savings("A25", 2021, null, null, i));
    expect(a03.last).toBeCloseTo(0.5, 12);
    expect(newOne.last).toMatchObject({ code: "#N/A" });

    const balance = await evaluate((i) => fn.transferBalance(2018, 12, null, i));
    expect(balance.last).toBeCloseTo(3.6056129, 6);

    // A user (or a co-author) changes A03's Helårseffekt from 1 to 2 mnkr, adds A25, and books
    // one more transfer from ON to SN.
    fake.tables
      .find((t) => t.name === "Overforingar")!
      .rows.push([43435, "ON", "SN", "", 0.5, null]);
    fake.tables[0].rows[2][3] = 2;
    fake.tables[0].rows.push(["A25", "Övrigt", "Ny åtgärd", 1.2, "2021"]);
    await fake.fire("tables.onChanged", {
      tableId: "t1",
      changeType: "RangeEdited",
      source: "Remote",
    });
    // balance is the last formula served, so once it has its new value, all have
    await eventually(() => expect(balance.last).toBeCloseTo(3.6056129 + 0.5, 6));
    expect(a03.last).toBeCloseTo(1, 12);
    expect(total.last).toBeCloseTo(59.2 + 1 + 1.2, 10);
    expect(newOne.last).toBeCloseTo(1.2, 12);
    expect(balance.last).toBeCloseTo(3.6056129 + 0.5, 6);
    const readsAfterEdit = live.reads;

    // Unchanged values are not set again: one result each so far after the edit.
    expect(a03.results).toHaveLength(2);

    // The table is deleted.
    fake.tables = fake.tables.filter((t) => t.name !== "Atgarder");
    await fake.fire("tables.onDeleted", {});
    await eventually(() => expect(a03.last).toMatchObject({ code: "#N/A" }));
    expect(a03.last).toMatchObject({
      code: "#N/A",
      message: expect.stringMatching(/saknar tabellen Atgarder/),
    });
    expect(live.reads).toBe(readsAfterEdit + 1);
  });

  it("read once for a burst of edits", async () => {
    const { fake, live } = setup();
    await watch(live);
    await evaluate((i) => fn.savings("A03", 2020, null, null, i));
    const before = live.reads;
    for (let k = 0; k < 20; k++) await fake.fire("tables.onChanged", {});
    await eventually(() => expect(live.reads).toBe(before + 1));
    await settle(50);
    expect(live.reads).toBe(before + 1);
  });

  it("notice a renamed or created table by comparing names", async () => {
    const tables = exampleTables();
    tables[0].name = "Plan";
    const { fake, live } = setup(tables);
    await watch(live, 10);
    const a03 = await evaluate((i) => fn.savings("A03", 2020, null, null, i));
    expect(a03.last).toMatchObject({ code: "#N/A" });
    fake.tables[0].name = "ATGARDER"; // renamed to Balans' name, in other case
    await eventually(() => expect(a03.last).toBeCloseTo(0.5, 12));
  });

  it("follow a sheet used as a table, and ignore edits on other sheets", async () => {
    const values = [
      ["Id", "Åtgärd", "Helårseffekt (tkr)", "Tidsaspekt"],
      ["1", "Färre konsulter", 600, "Q 3 2020"],
    ];
    const { fake, live } = setup([], [
      { name: "Atgarder", id: "s1", values },
      { name: "Budget", id: "s2", values: [["x"]] },
    ] as never);
    await watch(live);
    const inv = await evaluate((i) => fn.savings("1", 2020, null, null, i));
    expect(inv.last).toBe(300);
    const reads = live.reads;
    await fake.fire("worksheets.onChanged", { worksheetId: "s2" });
    await settle(50);
    expect(live.reads).toBe(reads);
    values[1][2] = 1200;
    await fake.fire("worksheets.onChanged", { worksheetId: "s1" });
    await eventually(() => expect(inv.last).toBe(600));
  });

  it("stop serving a formula that Excel cancels", async () => {
    const { fake, live } = setup();
    await watch(live);
    const inv = await evaluate((i) => fn.savings("A03", 2020, null, null, i));
    expect(live.activeCount).toBe(1);
    inv.onCanceled!();
    expect(live.activeCount).toBe(0);
    fake.tables[0].rows[2][3] = 5;
    await fake.fire("tables.onChanged", {});
    await settle(50);
    expect(inv.results).toHaveLength(1);
  });

  it("report a failed read as #N/A and try again on the next change", async () => {
    const { fake, live } = setup();
    const realRun = fake.Excel.run;
    fake.Excel.run = async () => {
      throw new Error("GeneralException");
    };
    const inv = await evaluate((i) => fn.savings("A03", 2020, null, null, i));
    expect(inv.last).toMatchObject({
      code: "#N/A",
      message: expect.stringMatching(/kunde inte läsa.*GeneralException/),
    });
    fake.Excel.run = realRun;
    live.invalidate();
    await eventually(() => expect(inv.last).toBeCloseTo(0.5, 12));
  });
});
