/**
 * The command line on small workbooks as economists keep them (issue 11): tkr headers, error
 * values, sum rows, odd months, and every way the input could be overwritten or a failure could
 * become a stack trace. Workbooks are made here with exceljs; answers are written by hand.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { balans, tempDir } from "../helpers/cli";

type Row = ExcelJS.CellValue[];

async function workbook(
  file: string,
  tables: { name: string; columns: string[]; rows: Row[]; dateCells?: string[] }[]
) {
  const wb = new ExcelJS.Workbook();
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name);
    ws.addTable({
      name: t.name,
      ref: "A1",
      columns: t.columns.map((name) => ({ name })),
      rows: t.rows,
    });
    // Cells formatted as dates, as Excel formats a Start column: a number typed there is read
    // back by exceljs as a date (2021 as 1905-07-13).
    for (const address of t.dateCells ?? []) ws.getCell(address).numFmt = "yyyy-mm-dd";
  }
  await wb.xlsx.writeFile(file);
  return file;
}

const dir = tempDir();
const json = async (...args: string[]) => {
  const r = await balans(...args);
  return { ...r, doc: r.stdout ? JSON.parse(r.stdout) : undefined };
};

describe("effects on real-shaped workbooks", () => {
  it("reads a tkr plan in tkr, converts Budget (tkr) and a text amount, checks Summa rows", async () => {
    const file = await workbook(path.join(dir, "tkr.xlsx"), [
      {
        name: "Atgarder",
        columns: ["Nr", "Område", "Åtgärd", "Helårseffekt (TSEK)", "Tidsaspekt"],
        rows: [
          ["1", "Barn och unga", "Färre placeringar", 1200, "Q3 2020"],
          ["2", "barn och unga", "Hemmaplan", "0,6 mnkr", "hösten 2020"],
          ["Summa", null, null, 1800, null],
          ["3", "Vuxna", "Boende", 2400, "årsskiftet 2020/2021"],
          [null, null, "S u m m a", 2500, null],
        ],
      },
      {
        name: "Underskott",
        columns: ["År", "Underskott (mnkr)", "Budget (tkr)"],
        rows: [[2021, 5, 1_900_000]],
      },
    ]);
    const { code, doc } = await json("effects", file, "--from", "2020", "--to", "2021", "--json");
    expect(code).toBe(0);
    expect(doc.unit).toBe("tkr");
    expect(
      doc.measures.map((m: { id: string; start: string; annual: number }) => [
        m.id,
        m.start,
        m.annual,
      ])
    ).toEqual([
      ["1", "2020-07-01", 1200],
      ["2", "2020-08-01", 600],
      ["3", "2021-01-01", 2400],
    ]);
    // 2020: 1200 × 6/12 + 600 × 5/12 = 850; 2021: 1200 + 600 + 2400 = 4200 tkr.
    expect(doc.totals).toEqual({ "2020": 850, "2021": 4200 });
    expect(doc.byArea.map((a: { area: string }) => a.area)).toEqual(["Barn och unga", "Vuxna"]);
    // Underskott 5 mnkr = 5000 tkr; residual 2021 = 5000 − 4200.
    expect(doc.residual["2021"]).toBeCloseTo(800, 9);
    expect(doc.problems).toEqual([
      expect.objectContaining({
        row: 3,
        severity: "notice",
        message: "läste »0,6 mnkr« som 600 tkr",
      }),
      expect.objectContaining({
        row: 6,
        severity: "error",
        message: "summaraden anger 2500 tkr, men åtgärderna ovanför summerar till 2400 tkr",
      }),
    ]);
  });

  it("an error value, also a formula's cached result, is a problem and never 0", async () => {
    const file = await workbook(path.join(dir, "div0.xlsx"), [
      {
        name: "Atgarder",
        columns: ["Id", "Åtgärd", "Helårseffekt", "Tidsaspekt"],
        rows: [
          ["A1", "Värde", { error: "#DIV/0!" } as ExcelJS.CellErrorValue, "2021"],
          [
            "A2",
            "Formel",
            { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue,
            "2021",
          ],
          ["A3", "Bra", 2, "2021"],
        ],
      },
    ]);
    const { code, doc } = await json("effects", file, "--json");
    expect(code).toBe(0);
    expect(doc.measures.map((m: { id: string }) => m.id)).toEqual(["A3"]);
    expect(doc.problems).toEqual([
      ...[2, 3].map((row) => ({
        table: "Atgarder",
        row,
        column: "Helårseffekt",
        key: "annual",
        severity: "error",
        message: "innehåller felvärdet #DIV/0!; rätta formeln eller skriv ett värde",
      })),
      expect.objectContaining({ table: "Underskott", severity: "notice" }), // no Underskott sheet
    ]);
  });

  it("a date cell of 1e10 and a year typed in Start are read by the contract, no throw", async () => {
    const file = await workbook(path.join(dir, "dates.xlsx"), [
      {
        name: "Atgarder",
        columns: ["Id", "Åtgärd", "Helårseffekt", "Start", "Slut"],
        rows: [
          ["A1", "År", 1.2, 2021, "2021-12"],
          ["A2", "Trasig", 1, 1e10, null],
          ["A3", "Datumformat", 2.4, 2022, 2022],
        ],
        dateCells: ["D4", "E4"],
      },
    ]);
    const { code, doc } = await json("effects", file, "--json");
    expect(code).toBe(0);
    expect(doc.measures).toEqual([
      expect.objectContaining({ id: "A1", start: "2021-01-01", end: "2021-12-31" }),
      expect.objectContaining({ id: "A3", start: "2022-01-01", end: "2022-12-31" }),
    ]);
    expect(doc.problems).toEqual([
      expect.objectContaining({
        row: 3,
        column: "Start",
        message: expect.stringMatching(/inget datum i 1990–2100/),
      }),
      expect.objectContaining({ table: "Underskott", severity: "notice" }), // no Underskott sheet
    ]);
  });

  it("a missing Underskott column (Underskott prognos) exits 1 naming table and column", async () => {
    const file = await workbook(path.join(dir, "prognos.xlsx"), [
      {
        name: "Atgarder",
        columns: ["Id", "Åtgärd", "Helårseffekt", "Tidsaspekt"],
        rows: [["A1", "X", 1, "2021"]],
      },
      { name: "Underskott", columns: ["År", "Underskott prognos"], rows: [[2021, 5]] },
    ]);
    const r = await json("effects", file, "--json");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^balans effects: Tabellen Underskott saknar kolumnen Underskott \(eller Prognos, Deficit\)\. Rubrikerna som finns: År, Underskott prognos\.\n$/
    );
    expect(r.doc.problems[0]).toMatchObject({
      table: "Underskott",
      column: "Underskott",
      severity: "error",
    });
  });

  it("an unknown unit in the amount header exits 1 naming table, column and text", async () => {
    const file = await workbook(path.join(dir, "euro.xlsx"), [
      {
        name: "Atgarder",
        columns: ["Id", "Åtgärd", "Helårseffekt (EUR)", "Tidsaspekt"],
        rows: [["A1", "X", 1, "2021"]],
      },
    ]);
    const r = await balans("effects", file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /Tabellen Atgarder: kolumnen »Helårseffekt \(EUR\)« anger enheten »EUR«/
    );
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("report on real-shaped workbooks", () => {
  const plan = {
    name: "Atgarder",
    columns: ["Id", "Åtgärd", "Helårseffekt", "Tidsaspekt"],
    rows: [["A1", "X", 12, "2020"]],
  };

  it("odd Månad values: 202008 and aug 2020 count, a bare 8 is a problem; Belopp (tkr) converted", async () => {
    const file = await workbook(path.join(dir, "months.xlsx"), [
      plan,
      {
        name: "Uppfoljning",
        columns: ["Id", "Månad", "Utfall (tkr)"],
        rows: [
          ["A1", 202008, 500],
          ["A1", "aug 2020", 250],
          ["A1", 8, 1000],
          ["A1", 8, 2000],
        ],
        dateCells: ["B5"],
      },
    ]);
    const out = path.join(dir, "months-out.xlsx");
    const { code, doc } = await json("report", file, "--month", "2020-08", "--out", out, "--json");
    expect(code).toBe(0);
    expect(doc.measures[0]).toMatchObject({ actualToDate: 0.75, plannedToDate: 8 });
    // Row 5 holds 8 in a date-formatted cell (exceljs reads it as 1900-01-08): the same problem.
    for (const row of [4, 5])
      expect(doc.problems).toContainEqual(
        expect.objectContaining({
          table: "Uppfoljning",
          row,
          column: "Månad",
          message: "»8« anger en månad utan år; ange t.ex. 2020-08",
        })
      );
  });

  it("Uppfoljning headed Belopp: the report is written, the error listed, exit 1 with one line", async () => {
    const file = await workbook(path.join(dir, "belopp.xlsx"), [
      plan,
      { name: "Uppfoljning", columns: ["Id", "Månad", "Belopp"], rows: [["A1", "2020-08", 1]] },
    ]);
    const out = path.join(dir, "belopp-out.xlsx");
    const r = await json("report", file, "--month", "2020-08", "--out", out, "--json");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^balans report: Tabellen Uppfoljning saknar kolumnen Utfall/);
    expect(r.doc.problems[0]).toMatchObject({
      table: "Uppfoljning",
      column: "Utfall",
      severity: "error",
    });
    expect(fs.existsSync(out)).toBe(true);
  });
});

describe("never writing over the input, never a stack trace", () => {
  const plan = {
    name: "Atgarder",
    columns: ["Id", "Åtgärd", "Helårseffekt", "Tidsaspekt"],
    rows: [["A1", "X", 12, "2020"]],
  };
  let input: string;
  beforeAll(async () => {
    input = await workbook(path.join(dir, "in.xlsx"), [plan]);
  });
  const report = (out: string, ...more: string[]) =>
    balans("report", input, "--month", "2020-08", "--out", out, ...more);

  it("refuses a symlink and a hard link to the input, even with --force", async () => {
    const before = fs.readFileSync(input);
    const link = path.join(dir, "link.xlsx");
    const hard = path.join(dir, "hard.xlsx");
    fs.symlinkSync(input, link);
    fs.linkSync(input, hard);
    for (const out of [link, hard]) {
      const r = await report(out, "--force");
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/är indatafilen/);
    }
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  it("refuses an existing --out unless --force", async () => {
    const out = path.join(dir, "exists.xlsx");
    fs.writeFileSync(out, "något användaren skrev");
    const r = await report(out);
    expect(r).toMatchObject({ code: 2, stderr: expect.stringMatching(/finns redan; .*--force/) });
    expect(fs.readFileSync(out, "utf8")).toBe("något användaren skrev");
    expect((await report(out, "--force")).code).toBe(0);
    const demoOut = path.join(dir, "Budget.xlsx");
    fs.writeFileSync(demoOut, "budget");
    expect((await balans("demo", "--out", demoOut)).code).toBe(2);
    expect(fs.readFileSync(demoOut, "utf8")).toBe("budget");
  });

  it("every failure is one line and exit 1 or 2", async () => {
    const folderXlsx = path.join(dir, "mapp.xlsx");
    fs.mkdirSync(folderXlsx);
    const empty = path.join(dir, "empty.txt");
    fs.writeFileSync(empty, "");
    const cases: [string[], number, RegExp][] = [
      [["import", empty, "--out", path.join(dir, "x.xlsx")], 1, /empty\.txt är tom/],
      [["import", dir, "--out", path.join(dir, "y.xlsx")], 1, /är ingen fil/],
      [
        [
          "import",
          path.join(__dirname, "../fixtures/plans/bun-2024-tkr.txt"),
          "--out",
          path.join(dir, "saknas", "z.xlsx"),
        ],
        2,
        /mappen .*saknas för --out finns inte/,
      ],
      [
        ["report", input, "--month", "2020-08", "--out", path.join(dir, "nej", "r.xlsx")],
        2,
        /mappen .*nej för --out finns inte/,
      ],
      [["effects", dir], 1, /är ingen fil/],
      [["effects", empty], 1, /ingen xlsx-arbetsbok/],
      [["report", input, "--month", "2020-08", "--out", folderXlsx], 2, /--out .* är en mapp/],
    ];
    for (const [args, code, message] of cases) {
      const r = await balans(...args);
      expect({ args, code: r.code }).toEqual({ args, code });
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    }
  });

  it("--help per command and --version", async () => {
    for (const command of ["demo", "effects", "transfers", "report", "import"]) {
      const r = await balans(command, "--help");
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^balans ${command} `));
    }
    const v = await balans("--version");
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8"));
    expect(v).toMatchObject({ code: 0, stdout: `balans ${pkg.version}\n` });
  });
});
