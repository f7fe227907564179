import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { balans, tempDir } from "../helpers/cli";

describe("balans demo", () => {
  const dir = tempDir();
  const file = path.join(dir, "exempel.xlsx");

  it("writes the example workbook and prints the yearly table", async () => {
    const r = await balans("demo", "--out", file);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/SUMMA ÅTGÄRDER\s+62,9\s+8,0\s+59,2\s+60,7\s+62,9\s+62,9/);
    expect(r.stdout).toMatch(/Restunderskott\s+49,0/);
    expect(r.stdout).toMatch(/Summa Insatser för barn och unga\s+9,75/);
    expect(fs.existsSync(file)).toBe(true);
  });

  it("lays out Årseffekter with areas, subtotals, total, deficit and residual", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Årseffekter",
      "Rapport 2020-08",
      "Överföringar 2018",
      "Åtgärder",
      "Underskott",
      "Uppföljning",
      "Överföringar",
      "Avtal",
      "Beställning",
    ]);
    for (const name of [
      "Åtgärder",
      "Underskott",
      "Uppföljning",
      "Överföringar",
      "Avtal",
      "Beställning",
    ]) {
      expect(wb.getWorksheet(name)!.getTables()).toHaveLength(1);
    }
    const ws = wb.getWorksheet("Årseffekter")!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const find = (label: string) => rows.find((r) => r[1] === label)!;
    expect(rows[0][0]).toBe("Årseffekter av åtgärdsplanen (mnkr)");
    expect(rows[1][0]).toMatch(/Beräknat 2026-11-22 09:30/);
    expect(rows[2]).toEqual([
      "Id",
      "Åtgärd",
      "Tidsaspekt",
      "Start",
      "Helårseffekt",
      "2020",
      "2021",
      "2022",
      "2023",
      "2024",
      "Prognos 2020",
      "Prognos 2021",
      "Prognos 2022",
      "Prognos 2023",
      "Prognos 2024",
    ]);
    const total = find("Summa kostnadsreducerande åtgärder");
    expect(total[5]).toBeCloseTo(8.025, 10);
    expect(total[9]).toBeCloseTo(62.9, 10);
    // Beside the plan, the forecast plan: A08 at 2 instead of 3 mnkr, A15 from January 2021,
    // A20 Avbruten in August 2020.
    expect(total[10]).toBeCloseTo(8.025 - 0.5 - 1.25 - 0.775, 10);
    expect(total[14]).toBeCloseTo(62.9 - 1 - 3.1, 10);
    expect(find("Restunderskott efter åtgärder")[5]).toBeCloseTo(48.975, 10);
    expect(find("Restunderskott efter åtgärder")[10]).toBeCloseTo(57 - 5.5, 10);
    const a15 = rows.find((r) => r[0] === "A15")!;
    expect([a15[5], a15[6], a15[10], a15[11]]).toEqual([1.25, 5, 0, 5]);
    expect(find("Summa Föreningsbidrag")[4]).toBeCloseTo(0.75, 10);
    expect(
      rows.filter((r) => typeof r[0] === "string" && /^A\d\d$/.test(r[0] as string))
    ).toHaveLength(24);
    const a14 = rows.find((r) => r[0] === "A14")!;
    expect(a14[3]).toEqual(new Date(Date.UTC(2021, 3, 1))); // Start written as a date
    expect(ws.getRow(rows.indexOf(total) + 1).getCell(6).numFmt).toBe("#,##0.0;-#,##0.0;0.0");
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9 });
  });

  it("refuses an --out that is not .xlsx", async () => {
    const r = await balans("demo", "--out", path.join(dir, "x.csv"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out ska vara en .xlsx-fil/);
  });
});

describe("balans effects", () => {
  const dir = tempDir();
  const example = path.join(dir, "exempel.xlsx");
  beforeAll(async () => expect((await balans("demo", "--out", example)).code).toBe(0));

  it("gives the contract's JSON and nothing else on stdout", async () => {
    const r = await balans("effects", example, "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual([
      "unit",
      "years",
      "measures",
      "totals",
      "byArea",
      "deficit",
      "residual",
      "forecast",
      "problems",
    ]);
    expect(doc.unit).toBe("mnkr");
    expect(doc.years).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(doc.totals["2020"]).toBeCloseTo(8.025, 10);
    expect(doc.residual["2020"]).toBeCloseTo(48.975, 10);
    expect(doc.measures).toHaveLength(24);
    expect(doc.measures[13]).toMatchObject({
      id: "A14",
      start: "2021-04-01",
      end: null,
      annual: 1.6,
    });
    expect(doc.measures[13].perYear["2021"]).toBeCloseTo(1.2, 12);
    expect(doc.byArea.map((a: { annual: number }) => Math.round(a.annual * 100) / 100)).toEqual([
      23.5, 4, 7.3, 9.75, 17.6, 0.75,
    ]);
    expect(doc.problems).toEqual([]);
  });

  it("limits the years with --from and --to", async () => {
    const doc = JSON.parse(
      (await balans("effects", example, "--from", "2021", "--to=2022", "--json")).stdout
    );
    expect(doc.years).toEqual([2021, 2022]);
    expect(Object.keys(doc.totals)).toEqual(["2021", "2022"]);
  });

  it("lists row problems in the JSON without failing", async () => {
    const file = path.join(dir, "problem.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Plan");
    ws.addTable({
      name: "Atgarder",
      ref: "A1",
      columns: ["Id", "Åtgärd", "Helårseffekt (mnkr)", "Tidsaspekt"].map((name) => ({ name })),
      rows: [
        ["A1", "Bra", 2, "2021"],
        ["A1", "Dubblett", 1, "2021"],
        ["A2", "Vag", 1, "på sikt"],
        ["A3", "Text", "mycket", "2021"],
        [null, null, null, null],
        ["A4", "Negativ", -1, "2021"],
      ],
    });
    await wb.xlsx.writeFile(file);
    const r = await balans("effects", file, "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.measures.map((m: { id: string }) => m.id)).toEqual(["A1"]);
    expect(doc.problems).toEqual([
      {
        table: "Atgarder",
        row: 3,
        column: "Id",
        key: "id",
        severity: "error",
        message: expect.stringMatching(/A1 finns redan på rad 2/),
      },
      {
        table: "Atgarder",
        row: 4,
        column: "Tidsaspekt",
        key: "timing",
        severity: "error",
        message: expect.stringMatching(/på sikt/),
      },
      {
        table: "Atgarder",
        row: 5,
        column: "Helårseffekt (mnkr)",
        key: "annual",
        severity: "error",
        message: expect.stringMatching(/mycket/),
      },
      {
        table: "Atgarder",
        row: 7,
        column: "Helårseffekt (mnkr)",
        key: "annual",
        severity: "error",
        message: expect.stringMatching(/negativ/),
      },
      // no Underskott table in this workbook: said once, as a notice
      {
        table: "Underskott",
        severity: "notice",
        message: expect.stringMatching(/Underskott saknas.*inget restunderskott/),
      },
    ]);
    const text = await balans("effects", file);
    expect(text.stdout).toMatch(/4 problem och 1 anmärkning i tabellerna/);
    expect(text.stdout).toMatch(/Obs: Underskott: Tabellen Underskott saknas/);
    expect(text.stdout).toMatch(/Atgarder, rad 4, Tidsaspekt: »på sikt« anger ingen tidpunkt/);
  });

  it("exits non-zero with one line naming the table and column when a required column is missing", async () => {
    const file = path.join(dir, "nocol.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Atgarder").addRows([
      ["Id", "Åtgärd", "Tidsaspekt"],
      ["A1", "X", "2021"],
    ]);
    await wb.xlsx.writeFile(file);
    const r = await balans("effects", file, "--json");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/Tabellen Atgarder saknar kolumnen Helårseffekt/);
  });

  it("exits non-zero when the workbook has no Atgarder table", async () => {
    const file = path.join(dir, "empty.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Budget").addRow(["År", "Belopp"]);
    await wb.xlsx.writeFile(file);
    const r = await balans("effects", file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/saknar tabellen Atgarder/);
  });

  it("exits non-zero for a file that is not an xlsx, or missing", async () => {
    const file = path.join(dir, "text.xlsx");
    fs.writeFileSync(file, "not a workbook");
    expect(await balans("effects", file)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/ingen xlsx-arbetsbok/),
    });
    expect(await balans("effects", path.join(dir, "none.xlsx"))).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/finns inte/),
    });
  });

  it("explains command-line mistakes with exit code 2", async () => {
    expect(await balans("effects")).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/ange en arbetsbok/),
    });
    expect(await balans("effects", example, "--from", "tjugo")).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--from ska vara ett år/),
    });
    expect(await balans("effects", example, "--from", "2023", "--to", "2021")).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/ligger efter/),
    });
    expect(await balans("effects", example, "--bogus")).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/okänd flagga --bogus/),
    });
    expect(await balans("frobnicate")).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/okänt kommando/),
    });
    expect((await balans("--help")).stdout).toMatch(/Användning: balans/);
  });
});
