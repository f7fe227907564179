/**
 * The Excel double checked against Office.js: its ExcelApi tags against @types/office-js, and
 * its behaviour against what Microsoft documents (queued operations, load state, errors at
 * sync, events, requirement sets, Excel on the web's limits, cell edit mode).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { API_VERSIONS, createExcelDouble } from "./excelDouble";

/** "Class.member" → ExcelApi version, from the `[Api set: ExcelApi x]` tags of the type definitions. */
function officeJsVersions(): Map<string, string> {
  const text = readFileSync(
    join(__dirname, "../../node_modules/@types/office-js/index.d.ts"),
    "utf8"
  );
  const start = text.indexOf("declare namespace Excel {");
  const end = text.indexOf("declare namespace Excel.Interfaces");
  const lines = text.slice(start, end).split("\n");
  const versions = new Map<string, string>();
  let cls: string | undefined;
  let tag: string | undefined;
  for (const line of lines) {
    const c = /^\s{4}(?:export )?(?:class|interface) (\w+)/.exec(line);
    if (c) {
      cls = c[1];
      tag = undefined;
      continue;
    }
    const t = /\[Api set: ExcelApi (\d+\.\d+[^\]]*)\]/.exec(line);
    if (t) tag = t[1];
    const m = /^\s{8}(?:readonly )?(\w+)\??[(:<]/.exec(line);
    if (m && cls) {
      const key = `${cls}.${m[1]}`;
      if (tag && !versions.has(key)) versions.set(key, tag);
      tag = undefined;
    }
  }
  return versions;
}

describe("the Excel double against Office.js's type definitions", () => {
  const versions = officeJsVersions();

  it("tags every API with the ExcelApi version Office.js gives it", () => {
    const wrong = Object.entries(API_VERSIONS)
      .map(([api, v]) => [api, v, versions.get(api)])
      // A tag such as "1.1 for reading visibility; 1.2 for setting it" names the version of each use.
      .filter(
        ([, v, official]) =>
          official !== v && !official?.includes(`; ${v} `) && !official?.startsWith(`${v} /`)
      );
    expect(wrong).toEqual([]);
  });

  it("knows the versions Balans' requirement checks depend on", () => {
    expect(versions.get("TableCollection.onAdded")).toBe("1.9");
    expect(versions.get("WorksheetCollection.onNameChanged")).toBe("1.17");
    expect(versions.get("Application.suspendScreenUpdatingUntilNextSync")).toBe("1.9");
  });
});

describe("the Excel double follows Office.js", () => {
  it("queues operations until sync, and throws PropertyNotLoaded before load and sync", async () => {
    const { book, Excel } = createExcelDouble();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Blad1");
      ws.getRange("A1").values = [["x"]];
      expect(book.grid("Blad1")).toEqual([]); // not yet
      const range = ws.getRange("A1").load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([["x"]]);
      // load state is per object: another proxy of the same cell has nothing loaded
      const other = ws.getRange("A1");
      expect(() => other.values).toThrow(/PropertyNotLoaded|not available/);
    });
  });

  it("fails a request at the operation that fails, with the operations before it applied", async () => {
    const { book, Excel } = createExcelDouble();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Blad1");
      ws.getRange("A1").values = [["före"]];
      const loaded = ws.getRange("A1").load("values");
      context.workbook.worksheets.getItem("Finns inte").delete();
      ws.getRange("A2").values = [["efter"]];
      await expect(context.sync()).rejects.toMatchObject({
        name: "RichApi.Error",
        code: "ItemNotFound",
      });
      expect(book.grid("Blad1")).toEqual([["före"]]);
      expect(() => loaded.values).toThrow(); // a failed request delivers no loads
    });
  });

  it("lets two Excel.run contexts overlap, each with its own loads", async () => {
    const { book, Excel } = createExcelDouble();
    book.type("Blad1", "A1", "ett");
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await gate;
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
    const second = await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Blad1").getRange("A1").load("values");
      await context.sync();
      return r.values;
    });
    release();
    expect(second).toEqual([["ett"]]);
    expect(await first).toEqual(["Blad1"]);
  });

  it("stores values as Excel does: numbers from number-like text unless the cell is text", async () => {
    const { book, Excel } = createExcelDouble();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Blad1");
      ws.getRange("A1:D1").values = [["2021", "2021-04-01", "0,5", "'2021"]];
      ws.getRange("A2:C2").numberFormat = [["@", "@", "@"]];
      ws.getRange("A2:C2").values = [["2021", "2021-04-01", "0,5"]];
      ws.getRange("A3").values = [["#N/A"]];
      const types = ws.getRange("A3:B3").load("valueTypes");
      await context.sync();
      expect(types.valueTypes).toEqual([["Error", "Empty"]]);
    });
    expect(book.grid("Blad1")).toEqual([
      [2021, 44287, 0.5, "2021"],
      ["2021", "2021-04-01", "0,5", ""],
      ["#N/A", "", "", ""],
    ]);
  });

  it("raises events with Office.js's arguments, and removes handlers at sync", async () => {
    const { book, Excel } = createExcelDouble();
    const table = book.addUserTable("Plan", "Atgarder", ["Id", "Belopp"], [["A1", 1]]);
    const seen: unknown[] = [];
    const handler = await Excel.run(async (context) => {
      const h = context.workbook.tables.onChanged.add(async (e) => void seen.push(e));
      expect(book.handlerCount()).toBe(0); // registered at sync
      await context.sync();
      return h;
    });
    await book.edit("Plan", "B2", 5, "Remote");
    expect(seen).toEqual([
      {
        type: "TableChanged",
        tableId: table.id,
        worksheetId: book.sheet("Plan")!.id,
        address: "B2",
        changeType: "RangeEdited",
        source: "Remote",
      },
    ]);
    await Excel.run(handler.context, async (context) => {
      handler.remove();
      await context.sync();
    });
    expect(book.handlerCount()).toBe(0);
  });

  it("fails an API newer than its ExcelApi version with ApiNotFound, and says so in isSetSupported", async () => {
    const { Excel, Office } = createExcelDouble({ apiVersion: "1.9" });
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.17")).toBe(false);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.onNameChanged.add(async () => undefined);
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    const newer = createExcelDouble({ apiVersion: "1.17" });
    await newer.Excel.run(async (context) => {
      newer.Excel; // the same call works where the API exists
      context.workbook.worksheets.onNameChanged.add(async () => undefined);
      await context.sync();
    });
    expect(newer.book.handlerCount("worksheets.onNameChanged")).toBe(1);
  });

  it("moves a table's rows as a user does: rows deleted, put back, sorted, typed beside it", async () => {
    const { book, Excel } = createExcelDouble({ apiVersion: "1.10" });
    const table = book.addUserTable(
      "Plan",
      "Plan",
      ["Id", "Belopp"],
      [
        ["A1", 3],
        ["A2", 1],
        ["A3", 3],
      ]
    );
    book.type("Plan", "A6", "under"); // below the table: it moves with the table's rows
    const seen: { type: string; changeType?: string; address: string }[] = [];
    await Excel.run(async (context) => {
      const record = async (e: { type: string; changeType?: string; address: string }) =>
        void seen.push({ type: e.type, changeType: e.changeType, address: e.address });
      context.workbook.tables.onChanged.add(record);
      context.workbook.worksheets.onRowSorted.add(record);
      await context.sync();
    });
    await book.deleteRows("Plan", 0, 1, "Remote");
    expect(book.grid("Plan").slice(0, 5)).toEqual([
      ["Id", "Belopp"],
      ["A2", 1],
      ["A3", 3],
      ["", ""],
      ["under", ""],
    ]);
    await book.insertRows("Plan", 0, [["A1", 3]]);
    // Excel's sort is stable: A1 stays before A3, both 3
    await book.sortTable("Plan", 1, true);
    expect(book.grid("Plan").slice(0, 5)).toEqual([
      ["Id", "Belopp"],
      ["A1", 3],
      ["A3", 3],
      ["A2", 1],
      ["", ""],
    ]);
    await book.typeBeside("Plan", "C1", "Not");
    expect([table.r1, table.c1]).toEqual([3, 2]);
    await book.typeBeside("Plan", "A5", "A4");
    expect([table.r1, table.c1]).toEqual([4, 2]);
    expect(book.grid("Plan")[5][0]).toBe("under");
    expect(seen).toEqual([
      { type: "TableChanged", changeType: "RowDeleted", address: "A2:B2" },
      { type: "TableChanged", changeType: "RowInserted", address: "A2:B2" },
      // A sort raises the sort event (ExcelApi 1.10) for the rows that moved, no change event.
      { type: "WorksheetRowSorted", changeType: undefined, address: "A3:B4" },
      { type: "TableChanged", changeType: "ColumnInserted", address: "A1:C4" },
      { type: "TableChanged", changeType: "RowInserted", address: "A1:C5" },
    ]);
    // Below ExcelApi 1.10 there is no sort event to register.
    const older = createExcelDouble({ apiVersion: "1.9" });
    await expect(
      older.Excel.run(async (context) => {
        context.workbook.worksheets.onRowSorted.add(async () => undefined);
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("deletes sheet rows: the table they cross shrinks, a table below moves up without an event", async () => {
    const { book, Excel } = createExcelDouble();
    const upper = book.addUserTable("Plan", "Upper", ["Id"], [["A1"], ["A2"], ["A3"]]);
    const lower = book.addUserTable("Plan", "Lower", ["År"], [[2021]], { r: 6, c: 0 });
    const seen: { type: string; changeType: string; tableId?: string }[] = [];
    await Excel.run(async (context) => {
      const record = async (e: { type: string; changeType: string; tableId?: string }) =>
        void seen.push({ type: e.type, changeType: e.changeType, tableId: e.tableId });
      context.workbook.tables.onChanged.add(record);
      context.workbook.worksheets.onChanged.add(record);
      await context.sync();
    });
    await book.deleteSheetRows("Plan", 3); // A2's row
    expect([upper.r0, upper.r1, lower.r0, lower.r1]).toEqual([0, 2, 5, 6]);
    expect(book.grid("Plan").map((r) => r[0])).toEqual(["Id", "A1", "A3", "", "", "År", 2021]);
    expect(seen).toEqual([
      { type: "TableChanged", changeType: "RowDeleted", tableId: upper.id },
      { type: "WorksheetChanged", changeType: "RowDeleted", tableId: undefined },
    ]);
  });

  it("refuses a response over Excel on the web's 5 MB", async () => {
    const { book, Excel } = createExcelDouble();
    const rows = Array.from({ length: 60_000 }, (_, k) => [
      `rad ${k} med en lång text om utfallet i månaden`,
    ]);
    book.addUserTable("Stor", "Stor", ["Text"], rows);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Stor").getRange("A1:A60001").load("values");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("rejects a batch in cell-edit mode unless it was run with delayForCellEdit", async () => {
    const { book, Excel } = createExcelDouble();
    book.startCellEdit();
    const write = (options: object) =>
      Excel.run(options, async (context) => {
        context.workbook.worksheets.getItem("Blad1").getRange("A1").values = [["x"]];
        await context.sync();
      });
    await expect(write({})).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    const delayed = write({ delayForCellEdit: true });
    await new Promise((r) => setTimeout(r, 10));
    expect(book.grid("Blad1")).toEqual([]);
    book.endCellEdit();
    await delayed;
    expect(book.grid("Blad1")).toEqual([["x"]]);
    // Office.js sends the option only where the host has the DelayForCellEdit set
    const old = createExcelDouble({ delayForCellEdit: false });
    old.book.startCellEdit();
    await expect(
      old.Excel.run({ delayForCellEdit: true }, async (context) => context.sync())
    ).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
  });

  it("can make a sync that never returns", async () => {
    const { book, Excel } = createExcelDouble();
    book.hangSyncs(1);
    const outcome = await Promise.race([
      Excel.run(async (context) => context.sync()).then(() => "returned"),
      new Promise((r) => setTimeout(() => r("still waiting"), 50)),
    ]);
    expect(outcome).toBe("still waiting");
  });

  it("turns formulas that point at a deleted sheet into #REF!", async () => {
    const { book, Excel } = createExcelDouble();
    book.addSheet("Data");
    book.type("Data", "A1", 5);
    book.setFormula("Blad1", "A1", "='Data'!A1*2", (b) => (b.grid("Data")[0][0] as number) * 2);
    expect(book.grid("Blad1")).toEqual([[10]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").delete();
      await context.sync();
    });
    expect(book.grid("Blad1")).toEqual([["#REF!"]]);
  });
});

describe("the Excel double's default version", () => {
  it("is the ExcelApi version the manifest requires, so every test runs at that minimum", () => {
    const manifest = readFileSync(join(__dirname, "../../manifest.xml"), "utf8");
    const declared = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\s*\/>/.exec(manifest)?.[1];
    expect(declared).toBe("1.9");
    expect(createExcelDouble().book.apiVersion).toBe(declared);
  });
});

describe("ranges derived from ranges", () => {
  it("gives a row of a range and a range resized from its top-left corner, not past the sheet", async () => {
    const { book, Excel } = createExcelDouble();
    book.addUserTable(
      "Blad1",
      "T",
      ["a", "b"],
      [
        [1, 2],
        [3, 4],
      ]
    );
    await Excel.run(async (context) => {
      const body = context.workbook.tables.getItem("T").getDataBodyRange();
      const row = body.getRow(1).load("address, values");
      // three rows from the first: past the table's two, into the empty row below
      const grown = body.getRow(0).getResizedRange(2, 0).load("address, values");
      await context.sync();
      expect(row.values).toEqual([[3, 4]]);
      expect(grown.address).toBe("Blad1!A2:B4");
      expect(grown.values).toEqual([
        [1, 2],
        [3, 4],
        ["", ""],
      ]);
      const blank = context.workbook.worksheets.add("Tomt").getUsedRange(true).load("address");
      await context.sync();
      expect(blank.address).toBe("Tomt!A1"); // a blank sheet's used range is its top-left cell
      context.workbook.worksheets
        .getItem("Blad1")
        .getRange("A1")
        .getResizedRange(-1, 0)
        .load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  it("appends a table column by TableColumnCollection.add (ExcelApi 1.4), moving cells right of the table, never overwriting them", async () => {
    const { book, Excel } = createExcelDouble();
    for (const [a, v] of [
      ["A1", "Id"],
      ["B1", "Start"],
      ["A2", "A01"],
      ["A3", "A02"],
      ["C3", "mitt"],
      ["C5", "under"],
    ])
      book.type("Blad1", a, v);
    await Excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Blad1").tables.add("A1:B3", true);
      table.name = "T";
      const right = table.getRange().getColumnsAfter(2).load("formulas");
      await context.sync();
      expect(right.formulas).toEqual([
        ["", ""],
        ["", ""],
        ["mitt", ""],
      ]);
      table.columns.add(-1, undefined, "Ny");
      table.columns.add(-1, undefined, "start"); // a header the table has gets a number
      await context.sync();
    });
    expect(book.grid("Blad1")).toEqual([
      ["Id", "Start", "Ny", "start2", ""],
      ["A01", "", "", "", ""],
      ["A02", "", "", "", "mitt"], // moved right twice, in the table's rows only
      ["", "", "", "", ""],
      ["", "", "under", "", ""],
    ]);
    expect(book.tables[0]).toMatchObject({ c0: 0, c1: 3, r0: 0, r1: 2 });

    const old = createExcelDouble({ apiVersion: "1.3" });
    old.book.type("Blad1", "A1", "Id");
    await expect(
      old.Excel.run(async (context) => {
        const table = context.workbook.worksheets.getItem("Blad1").tables.add("A1:A2", true);
        table.columns.add(-1, undefined, "Ny");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
