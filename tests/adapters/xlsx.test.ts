import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { readXlsxTables } from "../../src/adapters/xlsx/readTables";
import { writeLayoutsToFile } from "../../src/adapters/xlsx/writeLayouts";
import { readMeasures } from "../../src/core/measures";
import { findTable } from "../../src/core/tables";
import { exampleTableLayouts } from "../../src/example/exampleWorkbook";
import { tempDir } from "../helpers/cli";

describe("xlsx adapter", () => {
  const dir = tempDir();

  it("writes real Excel tables with number formats and frozen headers, and reads them back", async () => {
    const file = path.join(dir, "tables.xlsx");
    await writeLayoutsToFile(file, exampleTableLayouts());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("Åtgärder")!;
    expect(ws.getTables()).toHaveLength(1);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getColumn(4).numFmt).toBe("#,##0.0#;-#,##0.0#;0.0");
    const tables = await readXlsxTables(file);
    const atgarder = findTable(tables, "atgarder")!;
    expect(atgarder.sheetName).toBe("Åtgärder");
    expect(atgarder.headers[3]).toBe("Helårseffekt (mnkr)");
    expect(atgarder.rows).toHaveLength(24);
    const read = readMeasures(atgarder);
    expect(read.problems).toEqual([]);
    expect(read.measures.reduce((s, m) => s + m.annual, 0)).toBeCloseTo(62.9, 10);
  });

  it("reads a plain sheet whose first non-empty row is the header, with worksheet row numbers", async () => {
    const file = path.join(dir, "sheet.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("ATGARDER");
    ws.getRow(3).values = ["Nr", "Förslag", "Besparing (tkr)", "Tidsaspekt", "Egen kolumn"];
    ws.getRow(4).values = ["1", "Färre konsulter", 500, "Q 3 2020", "x"];
    ws.getRow(6).values = ["2", "Ny rutin", { formula: "B1*2", result: 300 } as never, "på sikt"];
    ws.getRow(7).values = [
      "3",
      { richText: [{ text: "Rik " }, { text: "text" }] } as never,
      "Ca 1 200 tkr",
      "2021",
    ];
    await wb.xlsx.writeFile(file);

    const raw = findTable(await readXlsxTables(file), "Atgarder")!;
    const read = readMeasures(raw);
    expect(read.unit).toBe("tkr");
    expect(read.measures.map((m) => [m.id, m.name, m.annual])).toEqual([
      ["1", "Färre konsulter", 500],
      ["3", "Rik text", 1200],
    ]);
    expect(read.problems).toEqual([
      expect.objectContaining({ table: "Atgarder", row: 6, column: "Tidsaspekt" }),
    ]);
  });

  it("prefers an Excel table to a sheet of the same name", async () => {
    const file = path.join(dir, "both.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Atgarder").getRow(1).values = ["Anteckningar"];
    const ws = wb.addWorksheet("Plan");
    ws.addTable({
      name: "Atgarder",
      ref: "B2",
      columns: [
        { name: "Id" },
        { name: "Åtgärd" },
        { name: "Helårseffekt" },
        { name: "Tidsaspekt" },
      ],
      rows: [["A1", "X", 2, "2021"]],
    });
    await wb.xlsx.writeFile(file);
    const raw = findTable(await readXlsxTables(file), "Atgarder")!;
    expect(raw.sheetName).toBe("Plan");
    expect(raw.firstRowNumber).toBe(3);
    expect(readMeasures(raw).measures[0]).toMatchObject({ id: "A1", annual: 2 });
  });

  it("refuses files that are missing or not xlsx with one clear message", async () => {
    const txt = path.join(dir, "plan.xlsx");
    fs.writeFileSync(txt, "Id;Åtgärd\nA1;X\n");
    await expect(readXlsxTables(txt)).rejects.toThrow("plan.xlsx är ingen xlsx-arbetsbok");
    await expect(readXlsxTables(path.join(dir, "saknas.xlsx"))).rejects.toThrow(/finns inte/);
    const brokenZip = path.join(dir, "broken.xlsx");
    fs.writeFileSync(
      brokenZip,
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)])
    );
    await expect(readXlsxTables(brokenZip)).rejects.toThrow(/kan inte läsas som xlsx/);
  });
});
