/**
 * Reading the Balans tables from Excel (readTables.ts) against the Excel double: only the columns
 * Balans binds are loaded, problems still name the workbook's columns, requests are sized from
 * the bytes measured, and a response Excel refuses as too large is read again in halves.
 */
import {
  cellBytes,
  MAX_READ_BYTES,
  readWorkbookTables,
} from "../../src/adapters/office/readTables";
import { locateProblem } from "../../src/core/problemLocation";
import { RawTable } from "../../src/core/tables";
import { readBalansWorkbook } from "../../src/core/workbook";
import { FORMULA_TABLES } from "../../src/functions/runtime";
import { Book, createExcelDouble } from "../double/excelDouble";
import { addTemplateTables } from "../helpers/templateWorkbook";

const LIMIT = 5 * 1024 * 1024;

async function read(n?: number) {
  const double = createExcelDouble();
  if (n !== undefined) addTemplateTables(double.book, n);
  return double;
}
function readAll(double: ReturnType<typeof createExcelDouble>) {
  return double.Excel.run((context) => readWorkbookTables(context, FORMULA_TABLES));
}
const syncsSince = (book: Book, from: number) => book.syncLog.slice(from);

describe("readWorkbookTables loads only the columns Balans binds", () => {
  const NOTE = "anteckning ".repeat(400); // 4 400 characters in a column Balans does not bind
  const headers = [
    "Id",
    "Anteckning",
    "Område",
    "Åtgärd",
    "Helårseffekt (mnkr)",
    "Egen",
    "Tidsaspekt",
  ];

  it("reads the bound columns' cells, the others as empty in their place", async () => {
    const double = await read();
    double.book.addUserTable("Åtgärder", "Atgarder", headers, [
      ["A01", NOTE, "Vård", "Gemensamt HVB", 1, NOTE, "Q 3 2020"],
    ]);
    const from = double.book.syncLog.length;
    const [table] = await readAll(double);
    expect(table.headers).toEqual(headers);
    expect(table.rows).toEqual([["A01", null, "Vård", "Gemensamt HVB", 1, null, "Q 3 2020"]]);
    // names, shapes (with the first rows, which measure them), values: the values request
    // carries the five bound cells, not the 2 × 8 800 bytes of notes.
    const log = syncsSince(double.book, from);
    expect(log).toHaveLength(3);
    expect(log[2].responseBytes).toBeLessThan(200);
  });

  it("keeps problem locations: a problem names the workbook's column, unbound columns between", async () => {
    const double = await read();
    // The table starts at B3: Id B, Anteckning C, Åtgärd D, Helårseffekt E; data from row 4.
    double.book.addUserTable(
      "Åtgärder",
      "Atgarder",
      ["Id", "Anteckning", "Åtgärd", "Helårseffekt", "Tidsaspekt"],
      [["A01", "se bilaga", "Gemensamt HVB", "mycket", "Q 3 2020"]],
      { r: 2, c: 1 }
    );
    const tables = await readAll(double);
    const problem = readBalansWorkbook(tables).problems.find((p) => p.key === "annual")!;
    expect(problem).toMatchObject({ table: "Atgarder", row: 4, column: "Helårseffekt" });
    expect(locateProblem(problem, tables)).toEqual({ sheet: "Åtgärder", address: "E4" });
  });

  it("gives the problems a read of every column gives (as the CLI reads the file)", async () => {
    const rows = [
      ["A01", "", "Vård", "HVB", 1, "", "Q 3 2020"],
      ["", "bara en anteckning", "", "", "", "", ""], // nothing Balans reads: no row
      ["A02", "", "Vård", "", "x", "egen", "Q 1 2021"],
    ];
    const double = await read();
    double.book.addUserTable("Åtgärder", "Atgarder", headers, rows);
    const tables = await readAll(double);
    const everyColumn: RawTable = {
      name: "Atgarder",
      headers,
      rows,
      firstRowNumber: 2,
      firstColumn: 0,
      sheetName: "Åtgärder",
      kind: "table",
    };
    const expected = readBalansWorkbook([everyColumn]).problems;
    expect(expected.map((p) => `${p.table} ${p.row} ${p.column}`)).toEqual([
      "Atgarder 4 Åtgärd",
      "Atgarder 4 Helårseffekt (mnkr)",
      "Underskott undefined undefined", // the workbook has none: a notice
    ]);
    expect(readBalansWorkbook(tables).problems).toEqual(expected);
  });

  it("names every header, bound or not, when a required column is missing", async () => {
    const double = await read();
    double.book.addUserTable(
      "Åtgärder",
      "Atgarder",
      ["Id", "Anteckning", "Åtgärd"],
      [["A01", "x", "HVB"]]
    );
    const wb = readBalansWorkbook(await readAll(double));
    expect(wb.tableErrors.get("atgarder")?.message).toContain(
      "Rubrikerna som finns: Id, Anteckning, Åtgärd."
    );
  });
});

describe("a sheet serving as a table (no Excel table of that name)", () => {
  it("is read from its first used row as header, only the bound columns, rows numbered as on the sheet", async () => {
    const double = await read();
    const sheet = "Underskott";
    double.book.addSheet(sheet);
    // from B3: År, Anteckning, Underskott (mnkr); data on rows 4 and 5
    [
      ["År", "Anteckning", "Underskott (mnkr)"],
      [2020, "x".repeat(1_000), 57],
      [2021, "", "mycket"],
    ].forEach((row, i) => row.forEach((v, j) => double.book.type(sheet, `${"BCD"[j]}${i + 3}`, v)));
    const from = double.book.syncLog.length;
    const [table] = await readAll(double);
    expect(table).toEqual({
      name: "Underskott",
      headers: ["År", "Anteckning", "Underskott (mnkr)"],
      rows: [
        [2020, null, 57],
        [2021, null, "mycket"],
      ],
      firstRowNumber: 4,
      firstColumn: 1,
      sheetName: "Underskott",
      kind: "sheet",
    });
    const log = syncsSince(double.book, from);
    expect(log).toHaveLength(3);
    expect(log[2].responseBytes).toBeLessThan(200); // not the 2 000 bytes of the note
    const problem = readBalansWorkbook([table]).problems.find((p) => p.table === "Underskott")!;
    expect(locateProblem(problem, [table])).toEqual({ sheet: "Underskott", address: "D5" });
  });

  it("is no table while the sheet is blank", async () => {
    const double = await read();
    double.book.addSheet("Underskott");
    expect(await readAll(double)).toEqual([]);
  });
});

describe("readWorkbookTables sizes its requests from the bytes it measured", () => {
  it("reads a usual plan in names, shapes and one request of values", async () => {
    const double = await read(1_000);
    const from = double.book.syncLog.length;
    const tables = await readAll(double);
    expect(syncsSince(double.book, from).map((s) => s.failed)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(tables.find((t) => t.name === "Atgarder")!.rows).toHaveLength(1_000);
  });

  it("splits a table whose rows weigh more than a response holds, no request refused", async () => {
    const double = await read();
    const name = (i: number) => `${i} `.padEnd(1_000, "å"); // ≈ 2 kB a row: 3 000 rows ≈ 6 MB
    double.book.addUserTable(
      "Åtgärder",
      "Atgarder",
      ["Id", "Åtgärd", "Helårseffekt", "Tidsaspekt"],
      Array.from({ length: 3_000 }, (_, i) => [`A${i}`, name(i), 1, "Q 3 2020"])
    );
    const from = double.book.syncLog.length;
    const [table] = await readAll(double);
    const log = syncsSince(double.book, from);
    expect(log.every((s) => !s.failed && s.responseBytes <= MAX_READ_BYTES)).toBe(true);
    expect(log.length).toBeGreaterThanOrEqual(4); // names, shapes, two requests of values
    expect(table.rows).toHaveLength(3_000);
    expect(table.rows[2_999]).toEqual(["A2999", name(2_999), 1, "Q 3 2020"]);
  });

  it("reads again in halves a request Excel refuses as too large (rows below the measured ones are longer)", async () => {
    const double = await read();
    // The first 24 rows (those measured with the shape) are short; the 1 976 below weigh 3 kB each.
    const name = (i: number) => (i < 24 ? `Kort ${i}` : `${i} `.padEnd(1_500, "ä"));
    double.book.addUserTable(
      "Åtgärder",
      "Atgarder",
      ["Id", "Åtgärd", "Helårseffekt", "Tidsaspekt"],
      Array.from({ length: 2_000 }, (_, i) => [`A${i}`, name(i), 1, "Q 3 2020"])
    );
    const from = double.book.syncLog.length;
    const [table] = await readAll(double);
    const log = syncsSince(double.book, from);
    expect(log.map((s) => s.failed)).toEqual([
      undefined, // names
      undefined, // shapes
      "ResponsePayloadSizeLimitExceeded", // 2 000 rows, ≈ 6 MB
      undefined, // the first 1 000 rows
      undefined, // the other 1 000
    ]);
    expect(table.rows.map((r) => r[1])).toEqual(Array.from({ length: 2_000 }, (_, i) => name(i)));
  });

  it("gives up (with Excel's error) when one row alone is too large", async () => {
    const double = await read();
    double.book.addUserTable(
      "Åtgärder",
      "Atgarder",
      ["Id", "Åtgärd", "Helårseffekt"],
      [["A1", "x".repeat(3_000_000), 1]]
    );
    await expect(readAll(double)).rejects.toMatchObject({
      code: "ResponsePayloadSizeLimitExceeded",
    });
  });

  it("keeps round trips constant from 1 000 to 10 000 measures on the template's 13 columns", async () => {
    const counts: number[] = [];
    const bytes: number[] = [];
    for (const n of [1_000, 10_000, 20_000]) {
      const double = await read(n);
      const from = double.book.syncLog.length;
      await readAll(double);
      const log = syncsSince(double.book, from);
      counts.push(log.length);
      bytes.push(log.reduce((s, l) => s + l.responseBytes, 0));
    }
    expect(counts.slice(0, 2)).toEqual([3, 3]);
    // 20 000 measures weigh more than one response may (5 MB): their values take two requests.
    expect(bytes[2]).toBeGreaterThan(LIMIT);
    expect(counts[2]).toBe(4);
  }, 60_000);
});

describe("what a cell is counted to weigh in a response", () => {
  it("is its JSON text at two bytes a character, plus a separator, at least 12 bytes", () => {
    expect(cellBytes("Åtgärd")).toBe(2 * 8 + 2); // "Åtgärd" with its quotes
    expect(cellBytes('a"b')).toBe(2 * 6 + 2); // "a\"b": the escape counts
    expect(cellBytes(0.30000000000000004)).toBe(2 * 19 + 2); // every digit of a full double
    expect(cellBytes(1)).toBe(12);
    expect(cellBytes(true)).toBe(12);
    expect(cellBytes("")).toBe(12);
  });
});
