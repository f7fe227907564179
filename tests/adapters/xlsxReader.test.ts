import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { appendReportSheet } from "../../src/adapters/xlsx/appendReport";
import { readXlsxTables, tablesOfPackage } from "../../src/adapters/xlsx/readTables";
import { XlsxPackage } from "../../src/adapters/xlsx/xlsxPackage";
import { crc32, crc32ByTable, unpackEntry } from "../../src/adapters/xlsx/zip";
import { deflateRawSync } from "zlib";
import { escapeXml } from "../../src/adapters/xlsx/xml";
import { BalansError } from "../../src/core/problems";
import { findTable } from "../../src/core/tables";
import { tempDir } from "../helpers/cli";
import { handmadeXlsx, MAIN, sheetXml } from "../helpers/xlsxParts";

const dir = tempDir();
const write = (name: string, data: Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
};
const read = (data: Buffer, names = ["Atgarder", "Uppfoljning"]) =>
  tablesOfPackage(new XlsxPackage(data), names);

// Styles: 0 general, 1 a custom date format, 2 Excel's built-in date (14), 3 a Swedish amount
// format whose "kr" is quoted text (not a date).
const STYLES = `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="#,##0 &quot;kr&quot;;[Red]\\-#,##0 &quot;kr&quot;"/></numFmts><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/></cellXfs></styleSheet>`;

/** A LibreOffice-style table part: no tableStyleInfo, autoFilter, explicit header row count. */
const libreTable = (ref: string, columns: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><table xmlns="${MAIN}" id="1" name="Atgarder" displayName="Atgarder" ref="${ref}" headerRowCount="1" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${columns.map((c, i) => `<tableColumn id="${i + 1}" name="${c}"/>`).join("")}</tableColumns></table>`;

describe("the xlsx reader on files other programs write", () => {
  it("reads every kind of cell: shared and inline strings, t=d, errors, cached formulas, 1904 dates, cells and rows without r", async () => {
    const rows =
      // header row: shared strings (one with a phonetic run that is not text), no r on cells
      `<row r="2"><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="inlineStr"><is><r><t>Helårs</t></r><r><rPr><b/></rPr><t>effekt</t></r></is></c><c t="s"><v>2</v></c><c t="str"><f>"Start"</f><v>Start</v></c></row>` +
      // row without r follows row 2; cells with r; a shared formula's cached value; a 1904 date serial
      `<row><c r="A3" t="inlineStr"><is><t>A1</t></is></c><c r="B3" t="inlineStr"><is><t xml:space="preserve"> Färre &amp; bättre_x000D_</t></is></c><c r="C3"><f t="shared" ref="C3:C4" si="0">1+1</f><v>2.5</v></c><c r="D3" t="s"><v>3</v></c><c r="E3" s="1"><v>42460</v></c></row>` +
      // error cell, t="d" date, a formula whose cached result is an error, built-in date style 14
      `<row r="4"><c r="A4" t="inlineStr"><is><t>A2</t></is></c><c r="C4" t="e"><f t="shared" si="0"/><v>#DIV/0!</v></c><c r="D4" t="inlineStr"><is><t>Q3 2021</t></is></c><c r="E4" t="d"><v>2021-07-01T00:00:00</v></c></row>` +
      `<row r="5"><c r="A5" t="b"><v>1</v></c><c r="C5" s="3"><v>1500</v></c><c r="E5" s="2"><v>0</v></c></row>` +
      // a formula with no cached value is empty, not 0
      `<row r="6"><c r="A6" t="inlineStr"><is><t>A4</t></is></c><c r="C6"><f>C3*2</f></c></row>`;
    const data = handmadeXlsx({
      date1904: true,
      styles: STYLES,
      sharedStrings: `<sst xmlns="${MAIN}"><si><t>Id</t></si><si><t>Åtgärd</t><rPh sb="0" eb="1"><t>ATOGARDO</t></rPh></si><si><r><t>Tids</t></r><r><t>aspekt</t></r></si><si><t>2021</t></si></sst>`,
      sheets: [
        {
          name: "Plan",
          xml: sheetXml(rows),
          tables: [libreTable("A2:E6", ["Id", "Åtgärd", "Helårseffekt", "Tidsaspekt", "Start"])],
        },
      ],
    });
    const [t] = await read(data);
    expect(t).toMatchObject({
      name: "Atgarder",
      sheetName: "Plan",
      firstRowNumber: 3,
      firstColumn: 0,
      kind: "table",
    });
    expect(t.headers).toEqual(["Id", "Åtgärd", "Helårseffekt", "Tidsaspekt", "Start"]);
    expect(t.rows).toEqual([
      ["A1", " Färre & bättre\r", 2.5, "2021", new Date(Date.UTC(2020, 3, 1))],
      ["A2", null, "#DIV/0!", "Q3 2021", new Date(Date.UTC(2021, 6, 1))],
      // 1904 system: serial 0 is 1904-01-01
      [true, null, 1500, null, new Date(Date.UTC(1904, 0, 1))],
      ["A4", null, null, null, null],
    ]);
  });

  it("reads a sheet named like a table, from its first non-empty row, only as wide as its header", async () => {
    const data = handmadeXlsx({
      sheets: [
        {
          name: "ATGARDER",
          xml: sheetXml(
            `<row r="3"><c r="B3" t="inlineStr"><is><t>Id</t></is></c><c r="C3" t="inlineStr"><is><t>Helårseffekt</t></is></c></row>` +
              `<row r="4"><c r="B4" t="inlineStr"><is><t>A1</t></is></c><c r="C4"><v>2</v></c><c r="XFD4"><v>9</v></c></row>` +
              `<row r="7"><c r="B7" t="inlineStr"><is><t>A2</t></is></c></row>`
          ),
        },
      ],
    });
    const [t] = await read(data);
    expect(t).toMatchObject({ name: "ATGARDER", kind: "sheet", firstRowNumber: 4, firstColumn: 0 });
    expect(t.headers).toEqual([null, "Id", "Helårseffekt"]);
    expect(t.rows).toEqual([[null, "A1", 2], [], [], [null, "A2", null]]);
  });

  it("never unpacks a sheet no Balans table is on (a broken or huge one costs nothing)", async () => {
    const huge = `<row r="1"><c r="XFD1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`;
    const data = handmadeXlsx({
      sharedStrings: ["Id", "Helårseffekt", "A1"],
      sheets: [
        { name: "Stort", xml: sheetXml(huge) },
        { name: "Trasigt", xml: "<worksheet><sheetData><row" },
        {
          name: "Plan",
          xml: sheetXml(
            `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>3</v></c></row>`
          ),
          tables: [libreTable("A1:B2", ["Id", "Helårseffekt"])],
        },
      ],
    });
    const file = write("xfd.xlsx", data);
    const started = Date.now();
    const tables = await readXlsxTables(file);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(tables).toHaveLength(1);
    expect(findTable(tables, "Atgarder")!.rows).toEqual([["A1", 3]]);
  });

  it("reports a damaged part of a table's sheet in one line naming the file", async () => {
    const data = handmadeXlsx({
      sheets: [
        { name: "Atgarder", xml: sheetXml(`<row r="1"><c r="A1" t="s"><v>7</v></c></row>`) },
      ],
      sharedStrings: ["Id"],
    });
    await expect(readXlsxTables(write("sst.xlsx", data))).rejects.toThrow(
      "sst.xlsx kan inte läsas som xlsx-arbetsbok (delad text nr 7 saknas)."
    );
    const broken = handmadeXlsx({
      sheets: [{ name: "Atgarder", xml: "<worksheet><sheetData><row>" }],
    });
    await expect(readXlsxTables(write("broken.xlsx", broken))).rejects.toThrow(
      /broken.xlsx kan inte läsas som xlsx-arbetsbok \(XML-delen tar slut/
    );
  });

  it("reads back any table of values, however the cells are written (property)", async () => {
    const value = fc.oneof(
      fc.string({ unit: fc.constantFrom("a", "Å", " ", "&", "<", "_x000D_", "\t", "€", "1") }),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x || 0),
      fc.boolean(),
      fc.constantFrom("#DIV/0!", "#N/A", "#REF!"),
      fc.constant(null)
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        async (rows, choices) => {
          const strings: string[] = ["Id", "Belopp", "Text"];
          let k = 0;
          const pick = () => choices[k++ % choices.length];
          const cell = (v: unknown, ref: string, isError: boolean) => {
            const r = pick() ? ` r="${ref}"` : "";
            if (v === null) return pick() ? `<c${r}/>` : `<c${r} s="0"></c>`;
            if (typeof v === "number") return `<c${r}><v>${v}</v></c>`;
            if (typeof v === "boolean") return `<c${r} t="b"><v>${v ? 1 : 0}</v></c>`;
            if (isError) return `<c${r} t="e"><v>${v}</v></c>`;
            const text = escapeXml(String(v).replace(/_x/g, "_x005F_x"));
            if (pick())
              return `<c${r} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
            strings.push(text);
            return `<c${r} t="s"><v>${strings.length - 1}</v></c>`;
          };
          const errorOf = (v: unknown) => typeof v === "string" && /^#/.test(v);
          const body = rows
            .map((row, i) => {
              const n = i + 2;
              const cells = row.map((v, c) => cell(v, `${"ABC"[c]}${n}`, errorOf(v)));
              // every cell has either r or follows its predecessor, so all columns are present
              return `<row${pick() ? ` r="${n}"` : ""}>${cells.join("")}</row>`;
            })
            .join("");
          const header = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>`;
          const data = handmadeXlsx({
            sharedStrings: strings,
            sheets: [
              {
                name: "Blad1",
                xml: sheetXml(header + body),
                tables: [libreTable(`A1:C${rows.length + 1}`, ["Id", "Belopp", "Text"])],
              },
            ],
          });
          const [t] = await read(data);
          expect(t.rows).toEqual(rows);
        }
      ),
      { numRuns: 150 }
    );
  });
});

describe("a damaged file", () => {
  it("gives tables or one clear BalansError, never another exception (property)", async () => {
    const good = handmadeXlsx({
      sharedStrings: ["Id", "Helårseffekt", "A1"],
      sheets: [
        {
          name: "Plan",
          xml: sheetXml(
            `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>3</v></c></row>`
          ),
          tables: [libreTable("A1:B2", ["Id", "Helårseffekt"])],
        },
      ],
    });
    const file = path.join(dir, "skadad.xlsx");
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.option(fc.nat(good.length), { nil: undefined }),
        async (changes, cutAt) => {
          const bad = Buffer.from(good.subarray(0, cutAt ?? good.length));
          for (const [at, byte] of changes) if (at < bad.length) bad[at] = byte;
          fs.writeFileSync(file, bad);
          try {
            await readXlsxTables(file);
          } catch (error) {
            expect(error).toBeInstanceOf(BalansError);
            expect((error as Error).message).toMatch(/^(skadad\.xlsx|Filen)/);
          }
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe("zip checksums", () => {
  it("are CRC-32 (check value of 123456789), continued piece by piece, with or without Node's own", () => {
    const data = Buffer.from("123456789");
    for (const crc of [crc32, crc32ByTable]) {
      expect(crc(data)).toBe(0xcbf43926);
      expect(crc(data.subarray(4), crc(data.subarray(0, 4)))).toBe(0xcbf43926);
    }
  });

  it("refuse an entry whose bytes are not those that were packed", async () => {
    const data = handmadeXlsx({
      sheets: [{ name: "Atgarder", xml: sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`) }],
    });
    const pkg = new XlsxPackage(data);
    const sheet = pkg.entry("xl/worksheets/sheet1.xml")!;
    // the central directory says another checksum than the data has
    const damaged = Buffer.from(data);
    const at = damaged.indexOf(sheet.central);
    damaged.writeUInt32LE((sheet.crc ^ 1) >>> 0, at + 16);
    await expect(readXlsxTables(write("crc.xlsx", damaged))).rejects.toThrow(
      "crc.xlsx kan inte läsas som xlsx-arbetsbok (xl/worksheets/sheet1.xml är skadad: kontrollsumman stämmer inte)."
    );
  });
});

describe("a shared string table with a comment", () => {
  it("is read whole by the tokenizer, with the same strings", async () => {
    const data = handmadeXlsx({
      sharedStrings: `<sst xmlns="${MAIN}"><si><t>Id</t></si><!-- <si><t>not an item</t></si> --><si><t>Helårseffekt</t></si><si><t><![CDATA[A&1]]></t></si></sst>`,
      sheets: [
        {
          name: "Atgarder",
          xml: sheetXml(
            `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>3</v></c></row>`
          ),
        },
      ],
    });
    const [t] = await read(data);
    expect(t.headers).toEqual(["Id", "Helårseffekt"]);
    expect(t.rows).toEqual([["A&1", 3]]);
  });
});

describe("ZIP64 extra fields", () => {
  /** The same parts, written as some programs do: sizes and offsets only in ZIP64 extra fields. */
  function asZip64(data: Buffer): Buffer {
    const pkg = new XlsxPackage(data);
    const locals: Buffer[] = [];
    const centrals: Buffer[] = [];
    let offset = 0;
    for (const e of pkg.entries) {
      const raw = unpackEntry(data, e);
      const packed = deflateRawSync(raw);
      const name = Buffer.from(e.name);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(45, 4);
      local.writeUInt16LE(8, 8);
      local.writeUInt32LE(crc32(raw), 14);
      local.writeUInt32LE(packed.length, 18);
      local.writeUInt32LE(raw.length, 22);
      local.writeUInt16LE(name.length, 26);
      const extra = Buffer.alloc(4 + 24);
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(raw.length), 4);
      extra.writeBigUInt64LE(BigInt(packed.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(45, 4);
      central.writeUInt16LE(45, 6);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(crc32(raw), 16);
      central.writeUInt32LE(0xffffffff, 20);
      central.writeUInt32LE(0xffffffff, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt16LE(extra.length, 30);
      central.writeUInt32LE(0xffffffff, 42);
      locals.push(local, name, packed);
      centrals.push(central, name, extra);
      offset += local.length + name.length + packed.length;
    }
    const size = centrals.reduce((s, b) => s + b.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(pkg.entries.length, 8);
    end.writeUInt16LE(pkg.entries.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, ...centrals, end]);
  }

  it("give the real sizes and offsets, for reading and for the report's copy", async () => {
    const data = asZip64(
      handmadeXlsx({
        sharedStrings: ["Id", "Helårseffekt", "A1"],
        sheets: [
          {
            name: "Plan",
            xml: sheetXml(
              `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>3</v></c></row>`
            ),
            tables: [libreTable("A1:B2", ["Id", "Helårseffekt"])],
          },
        ],
      })
    );
    const tables = await readXlsxTables(write("zip64.xlsx", data));
    expect(findTable(tables, "Atgarder")!.rows).toEqual([["A1", 3]]);
    const copy = appendReportSheet(new XlsxPackage(data), {
      kind: "report",
      sheet: "Rapport",
      columns: [{ header: "Text", width: 20 }],
      rows: [{ style: "title", cells: ["Titel"] }],
      freezeRows: 0,
      orientation: "portrait",
    });
    const both = await readXlsxTables(write("zip64-kopia.xlsx", copy), ["Atgarder", "Rapport"]);
    expect(findTable(both, "Atgarder")!.rows).toEqual([["A1", 3]]);
    expect(findTable(both, "Rapport")!.headers).toEqual(["Titel"]);
  });
});
