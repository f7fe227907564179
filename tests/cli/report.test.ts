import { createHash } from "crypto";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { balans, tempDir } from "../helpers/cli";
import { convertToPdf, pdfText, soffice } from "../helpers/libreoffice";

const dir = tempDir();
const example = path.join(dir, "exempel.xlsx");
const hash = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

beforeAll(async () => expect((await balans("demo", "--out", example)).code).toBe(0));

async function workbookWith(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}
const table = (wb: ExcelJS.Workbook, name: string, columns: string[], rows: unknown[][]) =>
  wb
    .addWorksheet(name)
    .addTable({ name, ref: "A1", columns: columns.map((c) => ({ name: c })), rows });

describe("balans transfers", () => {
  it("gives SN's balance at 2018-08 as the contract's JSON", async () => {
    const r = await balans("transfers", example, "--month", "2018-08", "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc).slice(0, 6)).toEqual([
      "month",
      "unit",
      "transferredToDate",
      "costsToDate",
      "balance",
      "forecastYearEnd",
    ]);
    expect(doc).toMatchObject({ month: "2018-08", unit: "mnkr", costSource: "Avtal" });
    expect(doc.transferredToDate).toBeCloseTo(9.8, 12);
    expect(doc.balance).toBeCloseTo(9.8 - 3.8689677, 6);
    expect(doc.byCategory).toHaveLength(4);
    expect(doc.byCategory[2]).toMatchObject({ category: "Stöd i boende enligt SoL", ordered: 2 });
    expect(doc.agreementsSigned).toEqual([
      {
        id: "AV-06",
        category: "Stöd i boende enligt SoL",
        provider: "Annan kommun",
        signed: "2018-08-14",
        start: "2018-08-20",
        scope: "15 tim/v",
        monthlyCost: 0.095,
      },
      expect.objectContaining({ id: "AV-07", signed: "2018-08-02", start: "2018-09-01" }),
    ]);
    expect(doc.problems).toEqual([]);
  });

  it("prints the balance per insats and the agreements signed", async () => {
    const r = await balans("transfers", example, "--month", "2018-08");
    expect(r.stdout).toMatch(/SUMMA\s+9,80\s+9,80\s+3,87\s+5,93\s+3,61/);
    expect(r.stdout).toMatch(/AV-06 {2}Stöd i boende enligt SoL, Annan kommun, tecknat 2018-08-14/);
  });

  it("notes a month outside the data instead of showing zeros as if they were figures", async () => {
    const doc = JSON.parse(
      (await balans("transfers", example, "--month", "2031-05", "--json")).stdout
    );
    expect(doc.transferredToDate).toBe(0);
    expect(doc.problems).toEqual([
      expect.objectContaining({
        table: "Overforingar",
        message: expect.stringMatching(/Inga överföringar är daterade 2031/),
      }),
    ]);
  });

  it("names the missing Avtal table, and refuses a bad month", async () => {
    const file = await workbookWith("utan-avtal.xlsx", (wb) =>
      table(
        wb,
        "Overforingar",
        ["Datum", "Från", "Till", "Belopp"],
        [[new Date(Date.UTC(2018, 0, 15)), "ON", "SN", 9.8]]
      )
    );
    expect(await balans("transfers", file, "--month", "2018-08")).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/saknar tabellen Avtal \(och Kostnader\)/),
    });
    expect(await balans("transfers", example, "--month", "2018-13")).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--month ska vara ÅÅÅÅ-MM/),
    });
    expect(await balans("transfers", example)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/ange månaden med --month/),
    });
  });

  it("lists unknown committees and agreements ending before they start as problems", async () => {
    const file = await workbookWith("fel.xlsx", (wb) => {
      table(
        wb,
        "Overforingar",
        ["Datum", "Från", "Till", "Belopp"],
        [
          ["2018-01-15", "Socialen", "SN", 1],
          ["2018-01-15", "ON", "SN", 2],
        ]
      );
      table(
        wb,
        "Avtal",
        ["Avtal", "Start", "Slut", "Månadskostnad"],
        [["B1", "2018-05-01", "2018-04-01", 0.1]]
      );
    });
    const r = await balans("transfers", file, "--month", "2018-06", "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.transferredToDate).toBe(2);
    expect(
      doc.problems.map((p: { table: string; row: number; column: string }) => [
        p.table,
        p.row,
        p.column,
      ])
    ).toEqual([
      ["Overforingar", 2, "Från"],
      ["Avtal", 2, "Slut"],
    ]);
  });
});

describe("balans report", () => {
  it("writes Rapport 2020-08 into a copy and never modifies the input", async () => {
    const before = hash(example);
    const out = path.join(dir, "rapport-2020-08.xlsx");
    const r = await balans("report", example, "--month", "2020-08", "--out", out, "--json");
    expect(r.code).toBe(0);
    expect(hash(example)).toBe(before);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc).slice(0, 11)).toEqual([
      "month",
      "unit",
      "measures",
      "totals",
      "deficit",
      "residualPlanned",
      "residualForecast",
      "planRequired",
      "transfers",
      "previous",
      "madeAt",
    ]);
    expect(doc.totals.plannedYear).toBeCloseTo(8.025, 12);
    expect(doc.deficit).toBe(57);
    expect(doc.residualPlanned).toBeCloseTo(48.975, 12);
    expect(doc.planRequired).toBeNull();
    expect(doc.transfers).toBeNull();
    expect(doc.measures.find((m: { id: string }) => m.id === "A20")).toMatchObject({
      status: "Avbruten",
      forecastYear: 0,
    });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // the example already has a Rapport 2020-08 (written by demo): the new sheet does not replace it
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["Rapport 2020-08", "Rapport 2020-08 (2)", "Åtgärder", "Avtal"])
    );
    const sheet = wb.getWorksheet("Rapport 2020-08 (2)")!;
    expect(sheet.getCell("A1").value).toBe("Månadsrapport augusti 2020: åtgärdsplan");
    expect(sheet.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToWidth: 1,
    });
    expect(wb.getWorksheet("Åtgärder")!.getTables()).toHaveLength(1); // the user's tables survive the copy
  });

  it("writes the 2018-08 report with the transfers, agreements signed and in effect", async () => {
    const out = path.join(dir, "rapport-2018-08.xlsx");
    const r = await balans("report", example, "--month", "2018-08", "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Saldo, överförda medel\s+5,9\s+6,3\s+−0,4/);
    expect(r.stdout).toMatch(/bladet Rapport 2018-08\)/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts: string[] = [];
    wb.getWorksheet("Rapport 2018-08")!.eachRow((row) =>
      texts.push((row.values as unknown[]).filter((v) => typeof v === "string").join(" | "))
    );
    expect(texts).toContain(
      "Avtal | Särskilda avtal tecknade i augusti 2018 | Lagrum | Tecknat | Start | Slut | Omfattning | Per månad"
    );
    expect(texts.some((t) => t.startsWith("AV-06 | Stöd i boende enligt SoL – Annan kommun"))).toBe(
      true
    );
    expect(texts).toContain(
      "Avtal | Särskilda avtal i kraft under augusti 2018 | Lagrum | Tecknat | Start | Slut | Omfattning | Per månad"
    );
  });

  it("opens in a real spreadsheet program: LibreOffice converts it to PDF", () => {
    if (!soffice()) {
      if (process.env.CI)
        throw new Error("CI must have LibreOffice (.ci/run installs libreoffice-calc)");
      console.warn(
        "LibreOffice not installed; skipping the conversion check (apt-get install libreoffice-calc)"
      );
      return;
    }
    const out = path.join(dir, "rapport-2018-08.xlsx");
    const pdf = convertToPdf(out);
    expect(fs.statSync(pdf).size).toBeGreaterThan(10_000);
    const text = pdfText(pdf);
    if (text !== undefined) {
      expect(text).toMatch(/Månadsrapport augusti 2018: överförda medel ON → SN/);
      expect(text).toMatch(/Särskilda avtal tecknade i augusti 2018/);
    }
  }, 240_000);

  it("refuses to write over the input, a missing --out, a month with nothing to report", async () => {
    expect(await balans("report", example, "--month", "2020-08", "--out", example)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/får inte vara indatafilen/),
    });
    expect(await balans("report", example, "--month", "2020-08")).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/ange var rapporten ska skrivas med --out/),
    });
    const r = await balans(
      "report",
      example,
      "--month",
      "2016-03",
      "--out",
      path.join(dir, "x.xlsx")
    );
    expect(r).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/Inget att rapportera för 2016-03/),
    });
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
  });
});
