/**
 * Set-up and an existing Atgarder table without the forecast columns: Balans offers to add them
 * at the table's right end, adds them only when the user agrees and only into empty cells, and
 * the engine then reads the forecast typed there. Expectations written by hand from the contract
 * (headers `Prognos helårseffekt` / `Prognos start`, aliases, the template's number formats).
 */
import { Book, createExcelDouble } from "../double/excelDouble";
import { readWorkbookTables } from "../../src/adapters/office/readTables";
import { PlanQueries } from "../../src/core/queries";
import { FIGURE_TABLES, readBalansWorkbook } from "../../src/core/workbook";
import { PaneHost, setUpTables } from "../../src/taskpane/operations";

const HEADERS = ["Id", "Område", "Åtgärd", "Helårseffekt (mnkr)", "Tidsaspekt", "Kommentar"];
const ROWS = [
  ["A01", "Äldreomsorg", "Färre timvikarier", 4, "2021-01-01", "mitt eget"],
  ["A02", "Äldreomsorg", "Ny rutin", 1.5, "2021-07-01", ""],
  ["A03", "IFO", "Hemmaplan", 2, "2022-01-01", "se bilaga"],
];
/** amountPrecise, as the template formats Prognos helårseffekt; Prognos start is text. */
const AMOUNT_FORMAT = "#,##0.0#;-#,##0.0#;0.0";

/** A user's plan on the sheet Plan: an Excel table Atgarder (A1:F4), or the sheet itself. */
async function setup(
  headers = HEADERS,
  rows: unknown[][] = ROWS,
  kind: "table" | "sheet" = "table"
) {
  const { book, Excel, Office } = createExcelDouble();
  Object.assign(globalThis, { Excel, Office });
  const sheetName = kind === "table" ? "Plan" : "Atgarder";
  book.addSheet(sheetName);
  [headers, ...rows].forEach((row, r) =>
    row.forEach((v, c) => book.type(sheetName, `${"ABCDEFGHIJ"[c]}${r + 1}`, v))
  );
  if (kind === "table")
    await Excel.run(async (context) => {
      const t = context.workbook.worksheets
        .getItem("Plan")
        .tables.add(`A1:${"ABCDEFGHIJ"[headers.length - 1]}${rows.length + 1}`, true);
      t.name = "Atgarder";
      await context.sync();
    });
  const confirmAddColumns = jest.fn<Promise<boolean>, [string, string[]]>(async () => true);
  const host: PaneHost = {
    run: (batch) => Excel.run({ delayForCellEdit: true }, batch),
    confirmReplace: async () => true,
    confirmAddColumns,
    now: () => new Date(2026, 10, 23, 9, 30),
  };
  return { book, host, confirmAddColumns, sheetName };
}

const format = (book: Book, sheet: string, r: number, c: number) =>
  book.sheets.find((s) => s.name === sheet)!.cells.get(`${r},${c}`)?.format;
const atgarder = (book: Book) => book.tables.find((t) => t.name === "Atgarder")!;

describe("Set-up adds the forecast columns to an existing Atgarder", () => {
  it("adds both at the right end after the user agrees; the user's cells stay as typed", async () => {
    const { book, host, confirmAddColumns } = await setup();
    const result = await setUpTables(host, false);
    expect(confirmAddColumns).toHaveBeenCalledWith("Atgarder", [
      "Prognos helårseffekt",
      "Prognos start",
    ]);
    expect(result).toMatchObject({
      forecastColumns: {
        outcome: "added",
        table: "Atgarder",
        headers: ["Prognos helårseffekt", "Prognos start"],
      },
    });
    const grid = book.grid("Plan");
    expect(grid[0]).toEqual([
      "Id",
      "Område",
      "Åtgärd",
      "Helårseffekt (mnkr)",
      "Tidsaspekt",
      "Kommentar",
      "Prognos helårseffekt",
      "Prognos start",
    ]);
    // The rows as typed (the double stores the date-like texts as Excel does, as serials).
    expect(grid.slice(1).map((r) => r.slice(0, 4))).toEqual(ROWS.map((r) => r.slice(0, 4)));
    expect(grid.slice(1).map((r) => r[5])).toEqual(["mitt eget", "", "se bilaga"]);
    expect(grid.slice(1).map((r) => r.slice(6))).toEqual([
      ["", ""],
      ["", ""],
      ["", ""],
    ]);
    // The table took them in: A1:H4.
    expect(atgarder(book)).toMatchObject({ r0: 0, c0: 0, r1: 3, c1: 7 });
    for (const r of [1, 2, 3]) {
      expect(format(book, "Plan", r, 6)).toBe(AMOUNT_FORMAT);
      expect(format(book, "Plan", r, 7)).toBe("@");
    }
    // The other Balans tables were created as before.
    expect(book.tables.map((t) => t.name)).toContain("Underskott");
  });

  it("adds only the missing one when the other is there, also under its alias", async () => {
    for (const [present, missing] of [
      ["Prognos start", "Prognos helårseffekt"],
      ["Ny start", "Prognos helårseffekt"],
      ["Reviderad helårseffekt", "Prognos start"],
    ]) {
      const { book, host, confirmAddColumns } = await setup(
        [...HEADERS, present],
        ROWS.map((r) => [...r, ""])
      );
      const result = await setUpTables(host, false);
      expect(confirmAddColumns).toHaveBeenCalledWith("Atgarder", [missing]);
      expect(result).toMatchObject({ forecastColumns: { outcome: "added", headers: [missing] } });
      expect(book.grid("Plan")[0]).toEqual([...HEADERS, present, missing]);
    }
  });

  it("changes nothing when the user declines, and says so", async () => {
    const { book, host, confirmAddColumns } = await setup();
    confirmAddColumns.mockResolvedValueOnce(false);
    const before = book.grid("Plan");
    const result = await setUpTables(host, false);
    expect(result).toMatchObject({ forecastColumns: { outcome: "declined", table: "Atgarder" } });
    expect(book.grid("Plan")).toEqual(before);
    expect(atgarder(book)).toMatchObject({ c1: 5 });
  });

  it("adds nothing where the cells right of the table are taken, and names them", async () => {
    const { book, host, confirmAddColumns } = await setup();
    book.type("Plan", "H3", "anteckning");
    const before = book.grid("Plan");
    const result = await setUpTables(host, false);
    expect(confirmAddColumns).not.toHaveBeenCalled();
    expect(result).toMatchObject({
      forecastColumns: { outcome: "blocked", table: "Atgarder", address: "G1:H4" },
    });
    expect(book.grid("Plan")).toEqual(before);
    expect(atgarder(book)).toMatchObject({ c1: 5 });
  });

  it("looks again after the question: a cell typed meanwhile stops it, and stays", async () => {
    const { book, host, confirmAddColumns } = await setup();
    confirmAddColumns.mockImplementationOnce(async () => {
      book.type("Plan", "G2", "skrev medan frågan var öppen");
      return true;
    });
    const result = await setUpTables(host, false);
    expect(result).toMatchObject({ forecastColumns: { outcome: "blocked", address: "G1:H4" } });
    expect(book.grid("Plan")[1][6]).toBe("skrev medan frågan var öppen");
    expect(atgarder(book)).toMatchObject({ c1: 5 });
  });

  it("adds nothing when a forecast column appeared while the question was open, and says so", async () => {
    const { book, host, confirmAddColumns } = await setup();
    // The user types the header beside the table meanwhile; Excel takes the column in (G).
    confirmAddColumns.mockImplementationOnce(async () => {
      await book.typeBeside("Plan", "G1", "Prognos start");
      return true;
    });
    await expect(setUpTables(host, false)).rejects.toThrow(
      "Tabellen Atgarder ändrades medan frågan var öppen; inga kolumner lades till. Försök igen."
    );
    expect(book.grid("Plan")[0]).toEqual([...HEADERS, "Prognos start"]);
    expect(atgarder(book)).toMatchObject({ c1: 6 });
  });

  it("counts a formula right of the table as taken, and a cell below the table as not", async () => {
    const blocked = await setup(
      [...HEADERS, "Prognos start"],
      ROWS.map((r) => [...r, ""])
    );
    blocked.book.type("Plan", "H1", "=1+1");
    expect(await setUpTables(blocked.host, false)).toMatchObject({
      forecastColumns: { outcome: "blocked", address: "H1:H4" },
    });
    const below = await setup();
    below.book.type("Plan", "G5", "under tabellen");
    expect(await setUpTables(below.host, false)).toMatchObject({
      forecastColumns: { outcome: "added" },
    });
    expect(below.book.grid("Plan")[4]).toEqual(["", "", "", "", "", "", "under tabellen", ""]);
  });

  it("asks nothing when the table has the forecast columns", async () => {
    const { book, host, confirmAddColumns } = await setup(
      [...HEADERS, "Reviderad helårseffekt", "Ny start"],
      ROWS.map((r) => [...r, "", ""])
    );
    const before = book.grid("Plan");
    const result = await setUpTables(host, false);
    expect(confirmAddColumns).not.toHaveBeenCalled();
    expect(result).not.toHaveProperty("forecastColumns");
    expect(book.grid("Plan")).toEqual(before);
  });

  it("adds the headers to a sheet read as the table, after its last column", async () => {
    const { book, host } = await setup(HEADERS, ROWS, "sheet");
    const result = await setUpTables(host, false);
    expect(result).toMatchObject({ forecastColumns: { outcome: "added" } });
    expect(book.grid("Atgarder")[0]).toEqual([...HEADERS, "Prognos helårseffekt", "Prognos start"]);
    expect(format(book, "Atgarder", 3, 6)).toBe(AMOUNT_FORMAT);
    expect(format(book, "Atgarder", 3, 7)).toBe("@");
  });

  it("takes the same number of round trips for 3 rows as for 3 000", async () => {
    const syncs = async (rows: unknown[][]) => {
      const { book, host } = await setup(HEADERS, rows);
      const start = book.syncCount;
      await setUpTables(host, false);
      return book.syncCount - start;
    };
    const many = Array.from({ length: 3000 }, (_, i) => [
      `B${i + 1}`,
      "IFO",
      `Åtgärd ${i + 1}`,
      1,
      "2021-01-01",
      "",
    ]);
    expect(await syncs(many)).toBe(await syncs(ROWS));
  });

  it("then reads the forecast typed in the new columns", async () => {
    const { book, host } = await setup();
    await setUpTables(host, false);
    // A02: 1,5 mnkr a year from 2021-07-01 (half of 2021); the forecast: 1 mnkr from 2021-10-01.
    book.type("Plan", "G3", "1");
    book.type("Plan", "H3", "2021-10-01");
    const tables = await host.run((context) => readWorkbookTables(context, FIGURE_TABLES));
    const q = new PlanQueries(readBalansWorkbook(tables));
    expect(q.savings("A02", 2021, null, "plan")).toEqual({ ok: true, value: 0.75 });
    expect(q.savings("A02", 2021, null, "prognos")).toEqual({ ok: true, value: 0.25 });
    expect(q.savings("A02", 2022, null, "prognos")).toEqual({ ok: true, value: 1 });
    expect(q.savings("A01", 2021, null, "prognos")).toEqual({ ok: true, value: 4 });
  });
});
