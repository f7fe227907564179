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
      "columns",
      "measures",
      "candidates",
      "sections",
      "statedTotal",
      "computedTotal",
      "statedPerYear",
      "computedPerYear",
      "problems",
    ]);
    expect(doc.measures).toHaveLength(24);
    expect(doc.measures[13]).toMatchObject({ id: "A14", start: "2021-04-01", annual: 1.6 });
    expect(doc.columns).toHaveLength(6);
    expect(doc.columns[0].columns.map((c: { role: string }) => c.role)).toEqual([
      "name",
      "annual",
      "timing",
    ]);
    // blocks between blank lines are a reading of the layout, a little less sure than cells
    expect(doc.measures.every((m: { confidence: number }) => m.confidence === 0.9)).toBe(true);
    expect(doc.candidates).toEqual([]);
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

  it("writes nothing for a text without measures, exits 1 and says what it looked for and saw", async () => {
    const empty = path.join(dir, "prosa.txt");
    fs.writeFileSync(empty, "Bara prosa om 57 mnkr.\n");
    const out = path.join(dir, "tom.xlsx");
    const r = await balans("import", empty, "--out", out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /Hittade inga åtgärder. Balans letar efter en tabell med en rubrikrad/
    );
    expect(r.stderr).toMatch(/Belopp utanför tabeller: 57 mnkr \(rad 1\)/);
    expect(r.stdout).toMatch(/Ingen arbetsbok skrevs/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("offers prose as candidates and writes them only with --med-forslag", async () => {
    const prose = path.join(__dirname, "../fixtures/plans/mn-2019-prose.txt");
    const out = path.join(dir, "prosa.xlsx");
    const r = await balans("import", prose, "--out", out, "--json");
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.measures).toEqual([]);
    expect(
      doc.candidates.map((c: { annual: number; confidence: number }) => [c.annual, c.confidence])
    ).toEqual([
      [0.04, 0.4],
      [0.1, 0.4],
    ]);
    expect(fs.existsSync(out)).toBe(false);

    const accepted = await balans("import", prose, "--out", out, "--json", "--med-forslag");
    expect(accepted.code).toBe(0);
    const written = JSON.parse(accepted.stdout);
    expect(written.measures.map((m: { id: string; start: string }) => [m.id, m.start])).toEqual([
      ["A01", "2019-01-01"],
      ["A02", "2019-07-01"],
    ]);
    expect(written.problems).toEqual([]);
    const read = readMeasures(findTable(await readXlsxTables(out), "Atgarder")!);
    expect(read.measures.map((m) => m.annual)).toEqual([0.04, 0.1]);
  });

  it("writes per-year columns as `Effekt 2022` beside Balans's own, with the mapping in the JSON", async () => {
    const out = path.join(dir, "per-year.xlsx");
    const r = await balans(
      "import",
      path.join(__dirname, "../fixtures/plans/kfn-2022-per-year-tabs.txt"),
      "--out",
      out,
      "--json"
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.columns[0].columns).toEqual([
      { header: "Åtgärd", role: "name" },
      { header: "Besparing 2022 (tkr)", role: "year", year: 2022, unit: "tkr" },
      { header: "Besparing 2023 (tkr)", role: "year", year: 2023, unit: "tkr" },
      { header: "Besparing 2024 (tkr)", role: "year", year: 2024, unit: "tkr" },
      { header: "Kommentar", role: "comment" },
    ]);
    expect(doc.measures[0]).toMatchObject({
      perYear: { "2022": 400, "2023": 800, "2024": 800 },
      confidence: 1,
      source: "table",
    });
    const table = findTable(await readXlsxTables(out), "Atgarder")!;
    expect(table.headers.slice(-3)).toEqual(["Effekt 2022", "Effekt 2023", "Effekt 2024"]);
    expect(table.rows.map((row) => row.slice(-3))).toEqual([
      [400, 800, 800],
      [150, 300, 300],
    ]);
  });

  it("checks a per-year table's sums per year with their figures, never NaN or a quiet 0", async () => {
    const plans = path.join(__dirname, "../fixtures/plans");
    const wrong = await balans(
      "import",
      path.join(plans, "gn-2022-years-wrong-total.txt"),
      "--out",
      path.join(dir, "years.xlsx"),
      "--force"
    );
    expect(wrong.stdout).toMatch(
      /Övrigt\s+per år:\n\s+2022\s+1200,0\s+STÄMMER INTE \(angivet 9999,0\)\n\s+2023\s+2000,0\s+stämmer \(angivet 2000,0\)\n\s+2024\s+2000,0\s+stämmer \(angivet 2000,0\)/
    );
    expect(wrong.stdout).not.toMatch(/NaN|\s0,0\s+stämmer/);
    const minus = await balans(
      "import",
      path.join(plans, "son-2023-minus-title-unit.txt"),
      "--out",
      path.join(dir, "minus.xlsx"),
      "--force"
    );
    expect(minus.stdout).toMatch(/Övrigt\s+−2700,0\s+kan inte kontrolleras \(negativa belopp\)/);
    expect(minus.stdout).toMatch(/Fr\.o\.m\. → Tidsaspekt/);
    expect(minus.stdout).not.toMatch(/stämmer/);
  });
});
