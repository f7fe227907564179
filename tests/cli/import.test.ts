import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { readXlsxTables } from "../../src/adapters/xlsx/readTables";
import { decodeText } from "../../src/cli/commands/import";
import { readMeasures } from "../../src/core/measures";
import { findTable } from "../../src/core/tables";
import { balans, tempDir } from "../helpers/cli";

const dir = tempDir();
const seed = path.join(__dirname, "../fixtures/seed-000-atgardsplan-2020.txt");

describe("balans import", () => {
  it("turns seed 000's text into an Atgarder table that computes the plan's figures", async () => {
    const out = path.join(dir, "plan.xlsx");
    const r = await balans("import", seed, "--out", out, "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual([
      "unit",
      "measures",
      "sections",
      "statedTotal",
      "computedTotal",
      "statedPerYear",
      "computedPerYear",
      "problems",
    ]);
    expect(doc.measures).toHaveLength(24);
    expect(doc.measures[13]).toMatchObject({ id: "A14", start: "2021-04-01", annual: 1.6 });
    expect(doc.sections).toHaveLength(6);
    expect(doc.problems).toEqual([]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("Åtgärder")!.getTables()).toHaveLength(1);
    const read = readMeasures(findTable(await readXlsxTables(out), "Atgarder")!);
    expect(read.problems).toEqual([]);
    // the written table runs through the same engine: balans effects gives the plan's table
    const effects = JSON.parse(
      (await balans("effects", out, "--json", "--from", "2020", "--to", "2024")).stdout
    );
    expect(effects.totals["2020"]).toBeCloseTo(8.025, 10);
    expect(effects.totals["2022"]).toBeCloseTo(60.7, 10);
  });

  it("prints the measures and the check against the document's sums", async () => {
    const r = await balans(
      "import",
      path.join(__dirname, "../fixtures/plans/bun-2024-tkr.txt"),
      "--out",
      path.join(dir, "bun.xlsx")
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Skolskjuts\s+750,0\s+STÄMMER INTE \(angivet 800,0\)/);
    expect(r.stdout).toMatch(/Lokaler\s+1550,0\s+stämmer/);
    expect(r.stdout).toMatch(/ingen tidsaspekt/);
  });

  it("reads Windows-1252 and UTF-16 text, and refuses Word files and missing files clearly", async () => {
    const text = "Förslag Kostnadsreducering Tidsaspekt\nÖversyn av avtal 2 mnkr Q 3 2020\n";
    expect(decodeText(Buffer.from(text, "latin1"))).toBe(text);
    expect(
      decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]))
    ).toBe(text);
    const latin = path.join(dir, "latin1.txt");
    fs.writeFileSync(latin, Buffer.from(text, "latin1"));
    const doc = JSON.parse(
      (await balans("import", latin, "--out", path.join(dir, "l.xlsx"), "--json")).stdout
    );
    expect(doc.measures[0]).toMatchObject({ name: "Översyn av avtal", annual: 2 });

    const docx = path.join(dir, "plan.docx");
    fs.writeFileSync(
      docx,
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)])
    );
    expect(await balans("import", docx, "--out", path.join(dir, "x.xlsx"))).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/spara planen som text/),
    });
    expect(
      await balans("import", path.join(dir, "nej.txt"), "--out", path.join(dir, "x.xlsx"))
    ).toMatchObject({ code: 1, stderr: expect.stringMatching(/finns inte/) });
    expect(await balans("import", seed)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--out PLAN.xlsx/),
    });
  });

  it("writes nothing for a text without measures, and says so", async () => {
    const empty = path.join(dir, "prosa.txt");
    fs.writeFileSync(empty, "Bara prosa.\n");
    const out = path.join(dir, "tom.xlsx");
    const r = await balans("import", empty, "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Hittade inga åtgärder/);
    expect(r.stdout).toMatch(/Ingen arbetsbok skrevs/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
