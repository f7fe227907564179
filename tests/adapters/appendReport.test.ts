import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { appendReportSheet, freeName, sheetNames } from "../../src/adapters/xlsx/appendReport";
import { readXlsxFile, tablesOfPackage } from "../../src/adapters/xlsx/readTables";
import { writeLayoutsToFile } from "../../src/adapters/xlsx/writeLayouts";
import { XlsxPackage } from "../../src/adapters/xlsx/xlsxPackage";
import { entryData, unpackEntry } from "../../src/adapters/xlsx/zip";
import { ReportLayout, RowStyle } from "../../src/core/layout";
import { roundComputed } from "../../src/core/rounding";
import fc from "fast-check";
import { ALL_TABLES, readBalansWorkbook } from "../../src/core/workbook";
import { buildMonthlyReport } from "../../src/core/report";
import { monthlyReportLayout } from "../../src/core/sheets/monthlyReportSheet";
import { balans, tempDir } from "../helpers/cli";
import { convertToPdf, pdfText, soffice } from "../helpers/libreoffice";
import { handmadeXlsx, MAIN, REL, sheetXml } from "../helpers/xlsxParts";
import { rewriteZip } from "../../src/adapters/xlsx/zipWrite";

const dir = tempDir();

/** Everything exceljs reads of a sheet that a user sees or prints, cell by cell. */
async function sheetAsSeen(file: string, name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name)!;
  const breaks = (ws as unknown as { rowBreaks?: { id: number }[] }).rowBreaks ?? [];
  const seen: unknown[] = [
    ws.views,
    ws.pageSetup,
    ws.headerFooter,
    breaks.map((b) => b.id),
    ws.columnCount,
  ];
  for (let c = 1; c <= ws.columnCount; c++) seen.push(ws.getColumn(c).width);
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    seen.push([r, row.height]);
    row.eachCell({ includeEmpty: true }, (cell) =>
      seen.push([
        cell.address,
        cell.value,
        cell.numFmt,
        cell.font,
        cell.fill,
        cell.border,
        cell.alignment,
      ])
    );
  });
  return seen;
}

async function reportLayoutOf(file: string, month: { year: number; month: number }) {
  const pkg = await readXlsxFile(file);
  const report = buildMonthlyReport(
    readBalansWorkbook(await tablesOfPackage(pkg, ALL_TABLES)),
    month,
    {
      madeAt: "2026-01-01 09:00",
      source: path.basename(file),
    }
  );
  const layout = monthlyReportLayout(report);
  layout.sheet = freeName(sheetNames(pkg), layout.sheet);
  return { pkg, layout };
}

describe("the report appended to a copy of the input", () => {
  it("is cell for cell the sheet the exceljs writer makes: values, formats, fonts, fills, borders, widths, print setup", async () => {
    const example = path.join(dir, "exempel.xlsx");
    expect((await balans("demo", "--out", example)).code).toBe(0);
    for (const month of [
      { year: 2020, month: 8 },
      { year: 2018, month: 8 },
    ]) {
      const { pkg, layout } = await reportLayoutOf(example, month);
      const appended = path.join(dir, `appended-${month.year}.xlsx`);
      fs.writeFileSync(appended, appendReportSheet(pkg, layout));
      const reference = path.join(dir, `exceljs-${month.year}.xlsx`);
      await writeLayoutsToFile(reference, [layout]);
      const ours = await sheetAsSeen(appended, layout.sheet);
      expect(ours.length).toBeGreaterThan(200);
      // the document properties list the new sheet after the input's nine
      const app = new XlsxPackage(fs.readFileSync(appended)).text("docProps/app.xml")!;
      expect(app).toContain(
        "<vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>10</vt:i4>"
      );
      expect(app).toContain(
        `<vt:vector size="10" baseType="lpstr"><vt:lpstr>Årseffekter</vt:lpstr>`
      );
      expect(app).toContain(
        `<vt:lpstr>Beställning</vt:lpstr><vt:lpstr>${layout.sheet}</vt:lpstr></vt:vector>`
      );
      expect(ours).toEqual(await sheetAsSeen(reference, layout.sheet));
    }
  });

  it("writes a hand-made layout alike too: print titles, portrait, text that looks like XML or escapes", async () => {
    const layout: ReportLayout = {
      kind: "report",
      sheet: "Prov 'a' x",
      columns: [
        { header: "Id", width: 8, format: "text" },
        { header: "Åtgärd", width: 30, format: "text" },
        { header: "Belopp", width: 12, format: "amount" },
        { header: "Datum", width: 12, format: "date" },
      ],
      rows: [
        { style: "title", cells: ['Titel <&> "citat"'] },
        { style: "subtitle", cells: ["  inledande mellanslag"] },
        {
          style: "header",
          cells: ["Id", "Åtgärd med en mycket lång rubrik som radbryts", "Belopp", "Datum"],
        },
        { style: "item", cells: ["A1", "tab\there och & < >", 1.25, 44197] },
        { style: "group", cells: ["Grupp", null, -0.5, null] },
        {
          style: "subtotal",
          cells: ["Delsumma", null, 0.75, null],
          formats: [undefined, undefined, "amountFine"],
        },
        { style: "total", cells: ["Summa", true, 0.75] },
        { style: "emphasis", cells: ["Viktigt", "=SUM(A1:A2)"] },
        { style: "blank", cells: [] },
        { style: "note", cells: [null, "Not"] },
      ],
      freezeRows: 3,
      orientation: "portrait",
    };
    const example = path.join(dir, "exempel-2.xlsx");
    expect((await balans("demo", "--out", example)).code).toBe(0);
    const pkg = await readXlsxFile(example);
    const appended = path.join(dir, "appended-prov.xlsx");
    const copy = appendReportSheet(pkg, layout);
    fs.writeFileSync(appended, copy);
    const reference = path.join(dir, "exceljs-prov.xlsx");
    await writeLayoutsToFile(reference, [layout]);
    const ours = await sheetAsSeen(appended, layout.sheet);
    expect(ours[1]).toMatchObject({ orientation: "portrait", printTitlesRow: "3:3" });
    expect(ours).toEqual(await sheetAsSeen(reference, layout.sheet));
    const sheets = sheetNames(pkg).length;
    expect(new XlsxPackage(copy).text("xl/workbook.xml")).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="${sheets}">'Prov ''a'' x'!$3:$3</definedName>`
    );
    // text that spreadsheet XML must escape reads back as written (exceljs does not decode it)
    const tricky = "tab\there _x000D_ och\u0001styr  ";
    const copy2 = appendReportSheet(pkg, {
      ...layout,
      sheet: "Prov 2",
      rows: [{ style: "title", cells: [tricky] }],
    });
    const [back] = await tablesOfPackage(new XlsxPackage(copy2), ["Prov 2"]);
    expect(back.headers).toEqual([tricky]);
    expect(() => appendReportSheet(pkg, { ...layout, sheet: "ÅTGÄRDER" })).toThrow(
      "Arbetsboken har redan ett blad som heter ÅTGÄRDER."
    );
  });

  it("keeps a chart, a pivot cache, a VBA project, defined names and data validation byte for byte", async () => {
    const input = path.join(dir, "plan.xlsm");
    fs.writeFileSync(input, workbookWithEverything());
    const before = new XlsxPackage(fs.readFileSync(input));
    const out = path.join(dir, "rapport.xlsm");
    const r = await balans("report", input, "--month", "2021-03", "--out", out);
    expect(r).toMatchObject({ code: 0 });
    // Excel opens a workbook with macros only as .xlsm, and one without only as .xlsx
    expect(
      await balans("report", input, "--month", "2021-03", "--out", path.join(dir, "x.xlsx"))
    ).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/ska vara en .xlsm-fil: plan.xlsm har makron/),
    });
    expect(
      await balans("report", out, "--month", "2021-03", "--out", path.join(dir, "y.xlsm"))
    ).toMatchObject({ code: 0 });
    const after = new XlsxPackage(fs.readFileSync(out));

    const rewritten = [
      "[Content_Types].xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
    ];
    for (const e of before.entries) {
      const copy = after.entry(e.name)!;
      expect(copy).toBeDefined();
      if (rewritten.includes(e.name)) continue;
      // the compressed bytes and the central record are the input's own
      expect(entryData(after.zip, copy).equals(entryData(before.zip, e))).toBe(true);
      expect(copy.central.subarray(0, 42).equals(e.central.subarray(0, 42))).toBe(true);
    }
    for (const part of [
      "xl/vbaProject.bin",
      "xl/charts/chart1.xml",
      "xl/drawings/drawing1.xml",
      "xl/pivotCache/pivotCacheDefinition1.xml",
      "xl/worksheets/sheet2.xml",
    ])
      expect(
        unpackEntry(after.zip, after.entry(part)!).equals(
          unpackEntry(before.zip, before.entry(part)!)
        )
      ).toBe(true);

    const workbook = after.text("xl/workbook.xml")!;
    expect(workbook).toContain(`<definedName name="Budgetram">Diagram!$B$1</definedName>`);
    expect(workbook).toContain(`<pivotCache cacheId="1" r:id="rIdP"/>`);
    expect(workbook).toMatch(
      /<sheet name="Rapport 2021-03" sheetId="3" r:id="rId\d+"\/><\/sheets>/
    );
    expect(after.text("[Content_Types].xml")).toContain(
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    );
    // the styles the input had keep their indexes: each list begins with the input's own entries
    const body = (xml: string, name: string) =>
      new RegExp(`<${name}[^>]*>([\\s\\S]*?)</${name}>`).exec(xml)![1];
    const oldStyles = before.text("xl/styles.xml")!;
    const newStyles = after.text("xl/styles.xml")!;
    for (const name of ["fonts", "fills", "borders", "cellXfs"]) {
      expect(body(newStyles, name).startsWith(body(oldStyles, name))).toBe(true);
      expect(body(newStyles, name).length).toBeGreaterThan(body(oldStyles, name).length);
    }

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Plan", "Diagram", "Rapport 2021-03"]);
    expect(wb.getWorksheet("Rapport 2021-03")!.getCell("A1").value).toBe(
      "Månadsrapport mars 2021: åtgärdsplan"
    );
    expect(wb.getWorksheet("Diagram")!.getCell("B1").dataValidation).toMatchObject({
      type: "list",
    });
    if (soffice()) {
      const xlsx = path.join(dir, "lo", "rapport.xlsx");
      fs.mkdirSync(path.dirname(xlsx), { recursive: true });
      fs.copyFileSync(out, xlsx);
      const pdf = convertToPdf(xlsx);
      expect(fs.statSync(pdf).size).toBeGreaterThan(5_000);
      const text = pdfText(pdf);
      if (text !== undefined) expect(text).toMatch(/Månadsrapport mars 2021: åtgärdsplan/);
    } else if (process.env.CI) throw new Error("CI must have LibreOffice");
  }, 240_000);
});

/** A macro workbook with a Balans table, a chart, a pivot cache, defined names and data validation. */
function workbookWithEverything(): Buffer {
  const plan = sheetXml(
    `<row r="1"><c r="A1" t="inlineStr"><is><t>Id</t></is></c><c r="B1" t="inlineStr"><is><t>Åtgärd</t></is></c><c r="C1" t="inlineStr"><is><t>Helårseffekt (mnkr)</t></is></c><c r="D1" t="inlineStr"><is><t>Tidsaspekt</t></is></c></row>` +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>A1</t></is></c><c r="B2" t="inlineStr"><is><t>Färre konsulter</t></is></c><c r="C2"><v>1.2</v></c><c r="D2" t="inlineStr"><is><t>2021-01-01</t></is></c></row>`
  ).replace(
    "</sheetData>",
    '</sheetData><tableParts count="1"><tablePart r:id="rId1"/></tableParts>'
  );
  const diagram = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData><row r="1"><c r="A1"><v>3</v></c><c r="B1" t="inlineStr"><is><t>Ja</t></is></c></row></sheetData><dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="B1"><formula1>"Ja,Nej"</formula1></dataValidation></dataValidations><drawing r:id="rId1"/></worksheet>`;
  const base = handmadeXlsx({
    sheets: [
      {
        name: "Plan",
        xml: plan,
        tables: [
          `<table xmlns="${MAIN}" id="1" name="Atgarder" displayName="Atgarder" ref="A1:D2"><autoFilter ref="A1:D2"/><tableColumns count="4"><tableColumn id="1" name="Id"/><tableColumn id="2" name="Åtgärd"/><tableColumn id="3" name="Helårseffekt (mnkr)"/><tableColumn id="4" name="Tidsaspekt"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></table>`,
        ],
      },
      { name: "Diagram", xml: diagram },
    ],
  });
  const pkg = new XlsxPackage(base);
  const text = (part: string) => pkg.text(part)!;
  const rels = (body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
  const replace = new Map<string, Buffer>([
    [
      "[Content_Types].xml",
      Buffer.from(
        text("[Content_Types].xml")
          .replace(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
          )
          .replace(
            "</Types>",
            `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/><Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/></Types>`
          )
      ),
    ],
    [
      "xl/workbook.xml",
      Buffer.from(
        text("xl/workbook.xml").replace(
          "</sheets>",
          `</sheets><definedNames><definedName name="Budgetram">Diagram!$B$1</definedName></definedNames><pivotCaches><pivotCache cacheId="1" r:id="rIdP"/></pivotCaches>`
        )
      ),
    ],
    [
      "xl/_rels/workbook.xml.rels",
      Buffer.from(
        text("xl/_rels/workbook.xml.rels").replace(
          "</Relationships>",
          `<Relationship Id="rIdP" Type="${REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/><Relationship Id="rIdV" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>`
        )
      ),
    ],
  ]);
  return rewriteZip(base, pkg.entries, replace, [
    {
      name: "xl/worksheets/_rels/sheet2.xml.rels",
      data: Buffer.from(
        rels(`<Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/>`)
      ),
    },
    {
      name: "xl/drawings/drawing1.xml",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Diagram 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
      ),
    },
    {
      name: "xl/drawings/_rels/drawing1.xml.rels",
      data: Buffer.from(
        rels(`<Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/>`)
      ),
    },
    {
      name: "xl/charts/chart1.xml",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Diagram!$A$1</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`
      ),
    },
    {
      name: "xl/pivotCache/pivotCacheDefinition1.xml",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" refreshOnLoad="1" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="A1:D2" sheet="Plan"/></cacheSource><cacheFields count="1"><cacheField name="Id" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`
      ),
    },
    {
      name: "xl/vbaProject.bin",
      data: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)),
    },
  ]);
}

describe("a workbook saved by LibreOffice", () => {
  it("gives the same report as the workbook it was saved from, and the copy opens", async () => {
    const cmd = soffice();
    if (!cmd) {
      if (process.env.CI) throw new Error("CI must have LibreOffice");
      return;
    }
    const original = path.join(dir, "lo-original.xlsx");
    expect((await balans("demo", "--out", original)).code).toBe(0);
    expect(
      await balans("report", original, "--month", "2020-08", "--out", path.join(dir, "z.xlsm"))
    ).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/ska vara en .xlsx-fil: .* har inga makron/),
    });
    const outDir = path.join(dir, "lo-saved");
    const r = spawnSync(
      cmd,
      [
        `-env:UserInstallation=file://${path.join(dir, "lo-profile-2")}`,
        "--headless",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        outDir,
        original,
      ],
      { encoding: "utf8", timeout: 180_000 }
    );
    const saved = path.join(outDir, "lo-original.xlsx");
    expect(r.status).toBe(0);
    // LibreOffice writes its tables without tableStyleInfo
    const table = new XlsxPackage(fs.readFileSync(saved)).text("xl/tables/table1.xml")!;
    expect(table).toContain('name="Atgarder"');
    expect(table).not.toContain("tableStyleInfo");

    const json = async (file: string, out: string) => {
      const run = await balans("report", file, "--month", "2020-08", "--out", out, "--json");
      expect(run.code).toBe(0);
      const { madeAt, source, ...figures } = JSON.parse(run.stdout);
      void madeAt;
      void source;
      return figures;
    };
    const fromSaved = await json(saved, path.join(dir, "lo-rapport.xlsx"));
    expect(fromSaved.measures).toHaveLength(24);
    expect(fromSaved).toEqual(await json(original, path.join(dir, "orig-rapport.xlsx")));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "lo-rapport.xlsx"));
    expect(wb.getWorksheet("Rapport 2020-08 (2)")!.getCell("A1").value).toBe(
      "Månadsrapport augusti 2020: åtgärdsplan"
    );
  }, 240_000);
});

describe("the report's cells", () => {
  it("read back as written, whatever text, number or style they hold (property)", async () => {
    const base = new XlsxPackage(
      handmadeXlsx({
        sheets: [{ name: "Blad1", xml: sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`) }],
      })
    );
    const value = fc.oneof(
      fc.string({
        unit: fc.constantFrom(
          "a",
          "Å",
          " ",
          "&",
          "<",
          ">",
          '"',
          "_x000D_",
          "\t",
          "\n",
          "\r",
          "\u0001",
          "€",
          "𝄞"
        ),
      }),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x || 0),
      fc.boolean(),
      fc.constant(null)
    );
    const style = fc.constantFrom<RowStyle>(
      "subtitle",
      "header",
      "group",
      "item",
      "subtotal",
      "total",
      "emphasis",
      "note",
      "blank"
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ style, cells: fc.array(value, { maxLength: 3 }) }), { maxLength: 10 }),
        async (rows) => {
          const layout: ReportLayout = {
            kind: "report",
            sheet: "Prov",
            columns: [
              { header: "A", width: 10, format: "text" },
              { header: "B", width: 30, format: "amount" },
              { header: "C", width: 12, format: "percent" },
            ],
            rows: [{ style: "title", cells: ["H1", "H2", "H3"] }, ...rows],
            freezeRows: 1,
            orientation: "landscape",
          };
          const copy = new XlsxPackage(appendReportSheet(base, layout));
          const [sheet] = await tablesOfPackage(copy, ["Prov"]);
          expect(sheet.headers).toEqual(["H1", "H2", "H3"]);
          const expected = rows.map((r) => {
            // figures are written as the core's rounding rule has them (forPrint)
            const cells = [0, 1, 2].map((c) => {
              const v = r.cells[c] ?? null;
              return typeof v === "number" ? roundComputed(v) : v;
            });
            return cells.every((v) => v === null) ? [] : cells;
          });
          // a sheet read as a table ends at its last row with a value
          while (expected.length && expected[expected.length - 1].length === 0) expected.pop();
          expect(sheet.rows).toEqual(expected);
        }
      ),
      { numRuns: 100 }
    );
  });
});
