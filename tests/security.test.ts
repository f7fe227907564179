/**
 * Safe to deploy: the production build points where it is told, the code it ships neither
 * evaluates strings nor talks to the network, the pane has a Content-Security-Policy, the command
 * line refuses oversized and corrupt files, and text from users is never written as a formula.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unpackedSize } from "../src/adapters/xlsx/zip";
import { buildAddin } from "./helpers/buildAddin";
import { balans, tempDir } from "./helpers/cli";

describe("the production build", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "balans-prod-"));
  const URL_GIVEN = "https://balans.example.kommun.se/addin/";

  beforeAll(() => {
    const r = buildAddin(out, "production", URL_GIVEN);
    if (!r.ok) throw new Error(`production build failed:\n${r.output}`);
  }, 180_000);

  it("points the manifest at the URL given at build time, and nowhere else", () => {
    const manifest = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(manifest).not.toMatch(/localhost/);
    const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map(
      (m) => m[1]
    );
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url.startsWith(URL_GIVEN)).toBe(true);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
  });

  it("ships code that neither evaluates strings nor calls the network", () => {
    for (const bundle of ["functions.js", "taskpane.js", "commands.js"]) {
      const code = fs.readFileSync(path.join(out, bundle), "utf8");
      expect([
        bundle,
        code.match(
          /\beval\s*\(|new Function\s*\(|\bfetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon|importScripts/g
        ),
      ]).toEqual([bundle, null]);
    }
  });

  it("serves the pane with a Content-Security-Policy that allows scripts only from itself and Office.js", () => {
    const html = fs.readFileSync(path.join(out, "taskpane.html"), "utf8");
    const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBeDefined();
    const directives = Object.fromEntries(
      csp!
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v])
    );
    expect(directives["script-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives["connect-src"]).toEqual(["'self'"]);
    expect(directives["object-src"]).toEqual(["'none'"]);
    expect(directives["frame-src"]).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval/);
  });

  it("refuses to build for a URL that is not https", () => {
    const r = buildAddin(
      fs.mkdtempSync(path.join(os.tmpdir(), "balans-bad-")),
      "production",
      "http://balans.example.se/"
    );
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/must be https/);
  }, 120_000);
});

describe("the command line refuses files it should not open", () => {
  const dir = tempDir();

  it("refuses a file over 50 MB before reading it", async () => {
    const big = path.join(dir, "stor.xlsx");
    fs.writeFileSync(big, "PK\u0003\u0004");
    fs.truncateSync(big, 60 * 1024 * 1024); // sparse: nothing is written
    expect(await balans("effects", big)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/stor.xlsx är 60 MB; Balans läser arbetsböcker upp till 50 MB/),
    });
  });

  it("refuses a zip bomb by what its directory says it unpacks to", async () => {
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(0xfffffff0, 24); // says: unpacks to 4 GB
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + name.length, 12);
    end.writeUInt32LE(30 + name.length, 16);
    const bomb = Buffer.concat([local, name, central, name, end]);
    expect(unpackedSize(bomb)).toBe(0xfffffff0);
    const file = path.join(dir, "bomb.xlsx");
    fs.writeFileSync(file, bomb);
    expect(await balans("effects", file)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/packas upp till 4096 MB/),
    });
  });

  it("measures a real workbook's unpacked size", async () => {
    const file = path.join(dir, "ok.xlsx");
    expect((await balans("demo", "--out", file)).code).toBe(0);
    const size = unpackedSize(fs.readFileSync(file))!;
    expect(size).toBeGreaterThan(fs.statSync(file).size);
    expect(size).toBeLessThan(2_000_000);
  });
});

describe("text from users is written as text, never as a formula", () => {
  const dir = tempDir();

  it("in a workbook written from an imported plan", async () => {
    const text =
      'Förslag\tKostnadsreducering\tTidsaspekt\n=HYPERLINK("http://example.org";"klicka")\t1 mnkr\t2021\n+cmd|\' /C calc\'!A0\t2 mnkr\t2022\n@SUMMA(A1)\t3 mnkr\t2022\n';
    const plan = path.join(dir, "plan.txt");
    fs.writeFileSync(plan, text);
    const out = path.join(dir, "plan.xlsx");
    expect((await balans("import", plan, "--out", out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names: ExcelJS.Cell[] = [];
    wb.getWorksheet("Åtgärder")!
      .getColumn(3)
      .eachCell((cell, row) => row > 1 && names.push(cell));
    expect(names.map((c) => [c.type, c.value])).toEqual([
      [ExcelJS.ValueType.String, '=HYPERLINK("http://example.org";"klicka")'],
      [ExcelJS.ValueType.String, "+cmd|' /C calc'!A0"],
      [ExcelJS.ValueType.String, "@SUMMA(A1)"],
    ]);
    const xml = spawnSync("unzip", ["-p", out, "xl/worksheets/sheet1.xml"], { encoding: "utf8" });
    if (xml.status === 0) expect(xml.stdout).not.toMatch(/<f>/);
  });

  it("in a report written into a copy of the user's workbook", async () => {
    const file = path.join(dir, "in.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Ö").addTable({
      name: "Overforingar",
      ref: "A1",
      columns: ["Datum", "Från", "Till", "Verksamhet", "Belopp"].map((name) => ({ name })),
      rows: [["2018-01-15", "ON", "SN", "=1+1", 5]],
    });
    wb.addWorksheet("A").addTable({
      name: "Avtal",
      ref: "A1",
      columns: ["Avtal", "Utförare", "Start", "Månadskostnad"].map((name) => ({ name })),
      rows: [["=A1", '=HYPERLINK("x")', "2018-08-01", 0.1]],
    });
    await wb.xlsx.writeFile(file);
    const out = path.join(dir, "out.xlsx");
    expect((await balans("report", file, "--month", "2018-08", "--out", out)).code).toBe(0);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    const cells: ExcelJS.Cell[] = [];
    copy
      .getWorksheet("Rapport 2018-08")!
      .eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    expect(cells.map((c) => c.value)).toEqual(
      expect.arrayContaining(["=A1", "=1+1", 'Ej angiven verksamhet – =HYPERLINK("x")'])
    );
  });
});
