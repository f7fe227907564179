/**
 * After an edit, Balans reads only what changed: the watch says which Balans table and cells
 * changed, a small edit inside a table's body is read as those cells (one round trip, patching
 * the cached table), anything less certain reads the table again, and the model is always the one
 * a full read would give.
 */
import { readChangedTables, TableChange } from "../../src/adapters/office/readChanges";
import { readWorkbookTables } from "../../src/adapters/office/readTables";
import { FormulaResult, PlanQueries } from "../../src/core/queries";
import { RawTable } from "../../src/core/tables";
import { LiveFormulas } from "../../src/functions/liveFormulas";
import {
  FORMULA_TABLES,
  liveFormulas,
  stopLiveFormulas,
  toCustomFunctionsError,
} from "../../src/functions/runtime";
import { watchWorkbook } from "../../src/functions/workbookWatch";
import { ExcelDouble } from "../double/excelDouble";
import { eventually, FakeInvocation, installExcelDouble, settle } from "../helpers/officeGlobals";
import { addTemplateTables } from "../helpers/templateWorkbook";

// The template's Atgarder on sheet Åtgärder from A1: Id A, Område B, Åtgärd C, Helårseffekt D,
// Tidsaspekt E. Row 2 is A00001: 0,05 mnkr a year from Q 1 2020. Underskott on its own sheet:
// År A, Underskott B; 2021 on row 3.
const N = 1_000;

function workbook(): ExcelDouble {
  const double = installExcelDouble();
  addTemplateTables(double.book, N);
  return double;
}

const full = (double: ExcelDouble) =>
  double.Excel.run((context) => readWorkbookTables(context, FORMULA_TABLES));
const byName = (tables: readonly RawTable[]) =>
  [...tables].sort((a, b) => a.name.localeCompare(b.name));

/** The add-in adds a row B1 (Vård, 3 a year from Q 1 2021) to Atgarder through the table's rows. */
const addRowB1 = (double: ExcelDouble) =>
  double.Excel.run(async (context) => {
    context.workbook.tables
      .getItem("Atgarder")
      .rows.add(undefined, [["B1", "Vård", "Ny", 3, "Q 1 2021", "", "", "", "", "", "", "", ""]]);
    await context.sync();
  });

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const stop of cleanup.splice(0)) await stop();
});

/** LiveFormulas wired as the runtime wires it: full reads, reads of changes, the watch. */
async function live(double: ExcelDouble, debounceMs = 5): Promise<LiveFormulas> {
  const instance = new LiveFormulas({
    readTables: () => full(double),
    readChanges: (base, changes) =>
      double.Excel.run((context) => readChangedTables(context, FORMULA_TABLES, base, changes)),
    toError: toCustomFunctionsError,
    debounceMs,
    retryMs: 20,
  });
  const stop = await watchWorkbook(FORMULA_TABLES, (change) => instance.invalidate(change), {
    pollMs: 60_000,
  });
  cleanup.push(stop, () => instance.dispose());
  instance.watch = { state: "live" };
  return instance;
}

/** The value a formula has on a fresh full read of the workbook as it is now. */
async function freshValue(
  double: ExcelDouble,
  compute: (q: PlanQueries) => FormulaResult<unknown>
) {
  const fresh = new LiveFormulas({
    readTables: () => full(double),
    toError: toCustomFunctionsError,
  });
  const q = await fresh.queries();
  const result = compute(q);
  return result.ok ? result.value : result;
}

describe("readChangedTables", () => {
  it("reads a one-cell edit as that cell and patches the cached table into what a full read gives", async () => {
    const double = workbook();
    const base = await full(double);
    double.book.type("Åtgärder", "D2", 2);
    const from = double.book.syncLog.length;
    const tables = await double.Excel.run((context) =>
      readChangedTables(context, FORMULA_TABLES, base, [{ table: "Atgarder", address: "D2" }])
    );
    const log = double.book.syncLog.slice(from);
    expect(log).toHaveLength(1);
    expect(log[0].responseBytes).toBeLessThan(1_000); // the cell, the header, the table's shape
    expect(byName(tables)).toEqual(byName(await full(double)));
    // the cached tables are not changed in place (a model built on them stays as it was)
    expect(base.find((t) => t.name === "Atgarder")!.rows[0][3]).toBe(0.05);
  });

  it("reads the table again when rows were inserted, its header edited or the edit is outside it", async () => {
    const cases: { change: TableChange; act: (d: ExcelDouble) => Promise<unknown> | void }[] = [
      {
        change: { table: "Atgarder" }, // RowInserted: no address to trust
        act: addRowB1,
      },
      {
        change: { table: "Atgarder", address: "D1" }, // the header: the unit changes
        act: (d) => void d.book.type("Åtgärder", "D1", "Helårseffekt (tkr)"),
      },
      {
        change: { table: "Atgarder", address: "D1000:D1002" }, // past the table's last row
        act: (d) => void d.book.type("Åtgärder", "D1001", 7),
      },
    ];
    for (const { change, act } of cases) {
      const double = workbook();
      const base = await full(double);
      await act(double);
      const from = double.book.syncLog.length;
      const tables = await double.Excel.run((context) =>
        readChangedTables(context, FORMULA_TABLES, base, [change])
      );
      // names, shapes, values of that one table
      expect(double.book.syncLog.length - from).toBe(3);
      expect(byName(tables)).toEqual(byName(await full(double)));
    }
  });

  it("reads the table again when it is no longer as it was read (a row added without the event seen)", async () => {
    const double = workbook();
    const base = await full(double);
    await addRowB1(double);
    double.book.type("Åtgärder", "D2", 2);
    const from = double.book.syncLog.length;
    const tables = await double.Excel.run((context) =>
      readChangedTables(context, FORMULA_TABLES, base, [{ table: "Atgarder", address: "D2" }])
    );
    expect(double.book.syncLog.length - from).toBe(4); // the patch's check, then the table
    expect(byName(tables)).toEqual(byName(await full(double)));
  });

  it("reads the table whole when one of its changes in a window is outside its body, in either order", async () => {
    const inside: TableChange = { table: "Atgarder", address: "D2" };
    const beside: TableChange = { table: "Atgarder", address: "N1" }; // a column typed beside it
    for (const changes of [
      [inside, beside],
      [beside, inside],
    ]) {
      const double = workbook();
      const base = await full(double);
      double.book.type("Åtgärder", "D2", 2);
      await double.book.typeBeside("Åtgärder", "N1", 2021);
      double.book.type("Åtgärder", "N2", 4); // A00001 states 4 for 2021
      const from = double.book.syncLog.length;
      const tables = await double.Excel.run((context) =>
        readChangedTables(context, FORMULA_TABLES, base, changes)
      );
      expect(double.book.syncLog.length - from).toBe(3); // names, shapes, values: no patch
      expect(byName(tables)).toEqual(byName(await full(double)));
      expect(tables.find((t) => t.name === "Atgarder")!.rows[0].slice(3, 4)).toEqual([2]);
      expect(tables.find((t) => t.name === "Atgarder")!.rows[0][13]).toBe(4);
    }
  });

  it("reads a table deleted since it was read as a full read would (here its sheet serves)", async () => {
    const double = workbook();
    const base = await full(double);
    await double.Excel.run(async (context) => {
      context.workbook.tables.getItem("Underskott").delete();
      await context.sync();
    });
    const tables = await double.Excel.run((context) =>
      readChangedTables(context, FORMULA_TABLES, base, [{ table: "Underskott", address: "B3" }])
    );
    // The patch finds no table Underskott; the sheet Underskott, with the cells, is read instead.
    expect(tables.find((t) => t.name === "Underskott")?.kind).toBe("sheet");
    expect(byName(tables)).toEqual(byName(await full(double)));
  });
});

describe("live formulas after an edit", () => {
  const savings = (q: PlanQueries) => q.savings("A00001", 2021);
  const residual = (q: PlanQueries) => q.residualDeficit(2021);

  it("read a one-cell edit, also a co-author's, in one round trip, with a full read's values", async () => {
    const double = workbook();
    const formulas = await live(double);
    const inv = new FakeInvocation();
    void formulas.register(inv as never, savings);
    await eventually(() => expect(inv.last).toBeCloseTo(0.05, 12));
    for (const [value, source] of [
      [2, "Local"],
      [3, "Remote"],
    ] as const) {
      const from = double.book.syncLog.length;
      await double.book.edit("Åtgärder", "D2", value, source);
      // Q 1 2020 onwards: all of 2021
      await eventually(() => expect(inv.last).toBeCloseTo(value, 12));
      expect(double.book.syncLog.length - from).toBe(1);
      expect(inv.last).toBe(await freshValue(double, savings));
    }
    expect(formulas.partialReads).toBe(2);
  });

  it("read edits of two tables in one window in one round trip", async () => {
    const double = workbook();
    const formulas = await live(double, 50);
    const a = new FakeInvocation();
    const r = new FakeInvocation();
    void formulas.register(a as never, savings);
    void formulas.register(r as never, residual);
    await eventually(() => expect(a.last).toBeCloseTo(0.05, 12));
    const before = r.last as number;
    const from = double.book.syncLog.length;
    await double.book.edit("Åtgärder", "D2", 1);
    await double.book.edit("Underskott", "B3", 50); // 2021: 40 → 50
    await eventually(() => expect(a.last).toBeCloseTo(1, 12));
    await eventually(() => expect(r.last).not.toBe(before));
    expect(double.book.syncLog.length - from).toBe(1);
    // 10 more of deficit, 0,95 more of savings
    expect(r.last as number).toBeCloseTo(before + 10 - 0.95, 10);
    expect(r.last).toBe(await freshValue(double, residual));
  });

  it("read the table again after rows are inserted, and count the new row", async () => {
    const double = workbook();
    const formulas = await live(double);
    const inv = new FakeInvocation();
    void formulas.register(inv as never, (q) => q.savings("B1", 2021));
    await eventually(() => expect(inv.results).toHaveLength(1));
    const from = double.book.syncLog.length;
    await addRowB1(double);
    await double.book.flushEvents();
    await eventually(() => expect(inv.last).toBeCloseTo(3, 12));
    // the add-in's own write, then names, shapes and values of Atgarder
    expect(double.book.syncLog.length - from).toBe(4);
    expect(inv.last).toBe(await freshValue(double, (q) => q.savings("B1", 2021)));
  });

  it("read everything when a change is not known, and after a read that failed", async () => {
    const double = workbook();
    const formulas = await live(double);
    const inv = new FakeInvocation();
    const second = new FakeInvocation();
    void formulas.register(inv as never, savings);
    void formulas.register(second as never, (q) => q.savings("A00002", 2022));
    await eventually(() => expect(inv.results).toHaveLength(1));
    double.book.type("Åtgärder", "D2", 4); // no event: only a full read can see it
    const partial = formulas.partialReads;
    formulas.invalidate(); // what the watch says when a table is renamed, added or deleted
    await eventually(() => expect(inv.last).toBeCloseTo(4, 12));
    expect(formulas.partialReads).toBe(partial);
    // A read of an edit that fails: the retry reads everything, so a change it was not told of
    // (A00002 from Q 2 2021: all of 2022) is seen too.
    double.book.failSyncs("GeneralException");
    double.book.type("Åtgärder", "D3", 9);
    await double.book.edit("Åtgärder", "D2", 5);
    await eventually(() => expect(second.last).toBeCloseTo(9, 12));
    expect(inv.last).toBeCloseTo(5, 12);
    expect(formulas.partialReads).toBe(partial + 1); // the read that failed
    expect(formulas.health.ok).toBe(true);
  });
});

describe("the runtime's own live formulas", () => {
  it("read a one-cell edit as that cell (the runtime wires reads of changes to the watch)", async () => {
    const double = workbook();
    cleanup.push(stopLiveFormulas);
    const inv = new FakeInvocation();
    void liveFormulas().register(inv as never, (q) => q.savings("A00001", 2021));
    await eventually(() => expect(inv.last).toBeCloseTo(0.05, 12));
    await eventually(() => expect(liveFormulas().status().state).toBe("live"));
    const from = double.book.syncLog.length;
    await double.book.edit("Åtgärder", "D2", 6);
    await eventually(() => expect(inv.last).toBeCloseTo(6, 12));
    expect(double.book.syncLog.length - from).toBe(1);
    expect(liveFormulas().partialReads).toBe(1);
  });
});

describe("the watch says what changed", () => {
  it("names the table and cells of an edit, the table alone for inserted rows, nothing for a new table", async () => {
    const double = workbook();
    const changes: (TableChange | undefined)[] = [];
    const stop = await watchWorkbook(FORMULA_TABLES, (change) => changes.push(change), {
      pollMs: 60_000,
    });
    cleanup.push(stop);
    // The sheet Åtgärder holds the table Atgarder: it is no second Atgarder (a sheet table).
    await double.book.edit("Åtgärder", "C5", "Nytt namn", "Remote");
    await addRowB1(double);
    await double.book.flushEvents();
    await double.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Avtal");
      sheet.tables.add("A1:B2", true).name = "Avtal";
      await context.sync();
    });
    await double.book.flushEvents();
    await eventually(() => expect(changes.length).toBeGreaterThan(3));
    expect(changes.slice(0, 3)).toEqual([
      { table: "Atgarder", address: "C5" },
      // rows inserted: the table's event, and the sheet's (which moves every table on it)
      { table: "Atgarder" },
      { table: "Atgarder" },
    ]);
    // a table added (its sheet and the table each raise an event): anything may have changed
    expect(changes.slice(3).every((c) => c === undefined)).toBe(true);
  });
});

describe("cells Excel calculated (ExcelApi 1.11: the calculated event says which)", () => {
  /** The template workbook at `apiVersion`, with D3 (Helårseffekt of A00002) = Blad1!A1 and Z2 = Blad1!A1 * 2 beside the table. */
  function withFormulas(apiVersion: string): ExcelDouble {
    const double = installExcelDouble({ apiVersion });
    addTemplateTables(double.book, N);
    double.book.type("Blad1", "A1", 1);
    const a1 = (b: typeof double.book) => b.grid("Blad1")[0][0] as number;
    double.book.setFormula("Åtgärder", "D3", "=Blad1!A1", a1);
    double.book.setFormula("Åtgärder", "Z2", "=Blad1!A1*2", (b) => a1(b) * 2);
    return double;
  }

  it("the watch names the calculated cells where Excel has 1.11, else the whole table", async () => {
    for (const [version, expected] of [
      ["1.11", [{ table: "Atgarder", address: "D3, Z2", calculated: true }]],
      ["1.9", [{ table: "Atgarder" }]],
    ] as const) {
      const double = withFormulas(version);
      const changes: (TableChange | undefined)[] = [];
      const stop = await watchWorkbook(FORMULA_TABLES, (c) => changes.push(c), {
        pollMs: 60_000,
      });
      cleanup.push(stop);
      await double.book.edit("Blad1", "A1", 4); // no Balans table: only the calculation counts
      await eventually(() => expect(changes).toEqual(expected));
    }
  });

  it("a formula in the table recalculated is read as that cell; one beside it only checks the table", async () => {
    const double = withFormulas("1.11");
    const formulas = await live(double);
    const inv = new FakeInvocation();
    // A00002 from Q 2 2021: all of 2022 is its Helårseffekt, D3
    void formulas.register(inv as never, (q) => q.savings("A00002", 2022));
    await eventually(() => expect(inv.last).toBeCloseTo(1, 12));
    const from = double.book.syncLog.length;
    await double.book.edit("Blad1", "A1", 3);
    await eventually(() => expect(inv.last).toBeCloseTo(3, 12));
    const log = double.book.syncLog.slice(from);
    expect(log).toHaveLength(1); // D3 and the table's shape; Z2 is outside it
    expect(log[0].responseBytes).toBeLessThan(1_000);
    expect(inv.last).toBe(await freshValue(double, (q) => q.savings("A00002", 2022)));
  });

  it("reads the table whole when a calculated area touches its header; one beside it only checks", async () => {
    const double = withFormulas("1.11");
    const base = await full(double);
    const cases = [
      { address: "A1:B1", syncs: 3 }, // the header row: names, shapes, values of Atgarder
      { address: "N2", syncs: 1 }, // right of the table (A:M): the check of its shape only
    ];
    for (const { address, syncs } of cases) {
      const from = double.book.syncLog.length;
      const tables = await double.Excel.run((context) =>
        readChangedTables(context, FORMULA_TABLES, base, [
          { table: "Atgarder", address, calculated: true },
        ])
      );
      expect(double.book.syncLog.length - from).toBe(syncs);
      expect(byName(tables)).toEqual(byName(base));
    }
  });
});

/**
 * Sequences of what users, co-authors and Excel do, each ending with the formulas' values
 * compared with those of a fresh full read of the same workbook: a read of only what changed may
 * never leave a value a full read would not give.
 */
describe("after a sequence of changes, the live values are a fresh full read's", () => {
  const IDS = [...Array.from({ length: N }, (_, i) => `A${String(i + 1).padStart(5, "0")}`), "B1"];
  const YEARS = [2020, 2021, 2022, 2023];
  const shown = (r: FormulaResult<unknown>) => (r.ok ? r.value : `${r.error}: ${r.message}`);
  /** Every measure's savings in each year, the totals and the residual deficits, as one value. */
  const everything = (q: PlanQueries): FormulaResult<string> => {
    const out: unknown[] = [];
    for (const id of IDS) for (const y of YEARS) out.push(shown(q.savings(id, y)));
    for (const y of YEARS) out.push(shown(q.totalSavings(y)), shown(q.residualDeficit(y)));
    return { ok: true, value: JSON.stringify(out) };
  };

  /** The live value equals a fresh full read's, naming the first values that differ when not. */
  async function agrees(double: ExcelDouble, inv: FakeInvocation) {
    const fresh = (await freshValue(double, everything)) as string;
    const labels = [
      ...IDS.flatMap((id) => YEARS.map((y) => `${id} ${y}`)),
      ...YEARS.flatMap((y) => [`total ${y}`, `residual ${y}`]),
    ];
    const differences = () => {
      if (typeof inv.last !== "string") return [`not a value: ${String(inv.last)}`];
      const [a, b] = [JSON.parse(inv.last) as unknown[], JSON.parse(fresh) as unknown[]];
      return labels
        .map((label, k) => (a[k] === b[k] ? "" : `${label}: ${String(a[k])} ≠ ${String(b[k])}`))
        .filter(Boolean)
        .slice(0, 3);
    };
    await eventually(() => expect(differences()).toEqual([]), 3000);
  }

  const messageOf = (shown: unknown) => String((shown as { message?: unknown })?.message);

  async function start(double: ExcelDouble, debounceMs = 5) {
    const formulas = await live(double, debounceMs);
    const inv = new FakeInvocation();
    void formulas.register(inv as never, everything);
    await eventually(() => expect(inv.results).toHaveLength(1));
    return { formulas, inv };
  }

  it("numbers typed in a column Balans does not bind, then its header renamed to a year", async () => {
    const double = workbook();
    // Atgarder gets a 14th column, Anteckning (N), which Balans does not read.
    double.book.type("Åtgärder", "N1", "Anteckning");
    double.book.table("Atgarder")!.c1 = 13;
    const { formulas, inv } = await start(double);
    const a4 = new FakeInvocation();
    void formulas.register(a4 as never, (q) => q.savings("A00004", 2022));
    await eventually(() => expect(a4.last).toBeCloseTo(0.2, 12)); // (3 % 17 + 1) / 20 a year
    await double.book.edit("Åtgärder", "N5", 7, "Remote"); // A00004's row: a note, not read
    await agrees(double, inv);
    expect(a4.last).toBeCloseTo(0.2, 12);
    await double.book.edit("Åtgärder", "N1", "2022"); // now A00004 states 7 for 2022
    await agrees(double, inv);
    await eventually(() => expect(a4.last).toBeCloseTo(7, 12));
  });

  it("a header edited: the unit of Helårseffekt changes", async () => {
    const double = workbook();
    const { inv } = await start(double);
    await double.book.edit("Åtgärder", "D1", "Helårseffekt (tkr)");
    await agrees(double, inv);
  });

  it("a row typed just below the table (Excel takes it into the table), then filled in", async () => {
    const double = workbook();
    const { formulas, inv } = await start(double);
    const b1 = new FakeInvocation();
    void formulas.register(b1 as never, (q) => q.savings("B1", 2021));
    await double.book.typeBeside("Åtgärder", `A${N + 2}`, "B1");
    await agrees(double, inv);
    for (const [column, value] of [
      ["C", "Ny"],
      ["D", 3],
      ["E", "Q 1 2021"],
    ] as const) {
      await double.book.edit("Åtgärder", `${column}${N + 2}`, value);
      await agrees(double, inv);
    }
    expect(b1.last).toBeCloseTo(3, 12);
  });

  it("a per-year header (2023) typed in a new column beside the table, then a figure under it", async () => {
    const double = workbook();
    const { inv } = await start(double);
    await double.book.typeBeside("Åtgärder", "N1", 2023);
    await agrees(double, inv);
    await double.book.edit("Åtgärder", "N2", 5);
    await agrees(double, inv);
  });

  it("rows deleted by a co-author while a read of an edit is under way", async () => {
    const double = workbook();
    const { inv } = await start(double);
    double.book.latency = () => 30;
    const edited = double.book.edit("Åtgärder", "D4", 9);
    await settle(15); // the read of D4 has started and waits for Excel
    await double.book.deleteRows("Atgarder", 0, 2, "Remote");
    await edited;
    await agrees(double, inv);
  });

  it("an edit made while a full read is under way, between its requests", async () => {
    const double = workbook();
    const { formulas, inv } = await start(double);
    double.book.latency = () => 20;
    const from = double.book.syncCount;
    formulas.invalidate(); // a full read: names, shapes, values
    await eventually(() => expect(double.book.syncCount).toBeGreaterThan(from + 1), 2000);
    await double.book.edit("Åtgärder", "D3", 11); // after the shapes, before the values
    await double.book.deleteRows("Atgarder", 5, 1);
    await agrees(double, inv);
  });

  it("two edits in one window in one table, one inside it and one across its last row", async () => {
    const double = workbook();
    const { inv } = await start(double, 50);
    await double.book.edit("Åtgärder", "D2", 4);
    // A paste of D1000:D1003: two cells in the table, two below it (Excel does not take pasted
    // rows in), one event for the block.
    const sheet = double.book.sheet("Åtgärder")!;
    for (const r of [1000, 1001, 1002, 1003]) double.book.type("Åtgärder", `D${r}`, 8);
    double.book.changed(sheet, { r0: 999, c0: 3, r1: 1002, c1: 3 });
    await double.book.flushEvents();
    await agrees(double, inv);
  });

  it("a row deleted, then the deletion undone (Ctrl+Z puts the row back)", async () => {
    const double = workbook();
    const { inv } = await start(double);
    const row = double.book.grid("Åtgärder")[5].slice(0, 13);
    await double.book.deleteRows("Atgarder", 4, 1);
    await agrees(double, inv);
    await double.book.insertRows("Atgarder", 4, [row]);
    await agrees(double, inv);
  });

  it("the table sorted (Excel raises the sort event of ExcelApi 1.10, no change event)", async () => {
    const double = installExcelDouble({ apiVersion: "1.10" });
    addTemplateTables(double.book, N);
    const { inv } = await start(double);
    // Helårseffekt descending puts A00017 (0,85, the first of the largest) first
    await double.book.sortTable("Atgarder", 3, true);
    expect(double.book.grid("Åtgärder")[1][0]).toBe("A00017");
    await agrees(double, inv);
    await double.book.edit("Åtgärder", "D2", 0.5); // then an edit of the sorted table
    await agrees(double, inv);
  });

  it("a paste of long texts into a column, heavier than one response may be, is read whole", async () => {
    const double = workbook();
    const { formulas, inv } = await start(double);
    const reads = formulas.reads;
    // 1 000 descriptions of 3 000 characters: about 6 MB, over Excel on the web's 5 MB
    const sheet = double.book.sheet("Åtgärder")!;
    for (let r = 2; r <= N + 1; r++) double.book.type("Åtgärder", `C${r}`, "x".repeat(3000));
    double.book.changed(sheet, { r0: 1, c0: 2, r1: N, c1: 2 });
    await double.book.flushEvents();
    await eventually(() => expect(formulas.reads).toBe(reads + 1));
    await agrees(double, inv);
    // one read, which did not fail and was not tried again
    await settle(60);
    expect(formulas.reads).toBe(reads + 1);
    expect(formulas.health.ok).toBe(true);
  });

  it("a paste over 10 000 cells of the table is read as the table, within the response limit", async () => {
    const double = workbook();
    const { inv } = await start(double);
    const sheet = double.book.sheet("Åtgärder")!;
    for (let r = 2; r <= N + 1; r++)
      for (const c of "DEFGHIJKLM") double.book.type("Åtgärder", `${c}${r}`, c === "D" ? 1 : "");
    const from = double.book.syncLog.length;
    double.book.changed(sheet, { r0: 1, c0: 3, r1: N, c1: 12 });
    await double.book.flushEvents();
    await agrees(double, inv);
    expect(double.book.syncLog.slice(from).every((s) => !s.failed)).toBe(true);
  });

  it("a sheet row deleted through one table: the table below it on the sheet moves up, no event of its own", async () => {
    const double = workbook();
    // Underskott below Atgarder on the sheet Åtgärder, from row 1 010; its 2021 figure is not a
    // number, so RESTUNDERSKOTT(2021) names its row (1 012) in its message.
    double.book.tables = double.book.tables.filter((t) => t.name !== "Underskott");
    double.book.deleteSheet(double.book.sheet("Underskott")!);
    double.book.addUserTable(
      "Åtgärder",
      "Underskott",
      ["År", "Underskott (mnkr)", "Budget"],
      [
        [2020, 57, ""],
        [2021, "fyrtio", ""],
      ],
      { r: 1009, c: 0 }
    );
    const { formulas, inv } = await start(double);
    const residual = new FakeInvocation();
    void formulas.register(residual as never, (q) => q.residualDeficit(2021));
    await eventually(() => expect(messageOf(residual.last)).toMatch(/rad 1012\b/));
    await double.book.deleteSheetRows("Åtgärder", 3);
    await agrees(double, inv);
    await eventually(() => expect(messageOf(residual.last)).toMatch(/rad 1011\b/));
  });

  it("a sheet serving as a table (Underskott without an Excel table) edited", async () => {
    const double = workbook();
    double.book.tables = double.book.tables.filter((t) => t.name !== "Underskott");
    const { inv } = await start(double);
    await double.book.edit("Underskott", "B3", 55);
    await agrees(double, inv);
  });
});
