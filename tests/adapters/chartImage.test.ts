import ExcelJS from "exceljs";
import * as path from "path";
import { inflateSync } from "zlib";
import { drawBarChart } from "../../src/adapters/xlsx/chartImage";
import { writeLayoutsToFile } from "../../src/adapters/xlsx/writeLayouts";
import { computePlanEffects } from "../../src/core/effects";
import { yearlyEffectsLayout } from "../../src/core/sheets/yearlyEffectsSheet";
import { readBalansWorkbook, requireMeasures } from "../../src/core/workbook";
import { exampleTableLayouts, layoutAsRawTable } from "../../src/example/exampleWorkbook";
import { tempDir } from "../helpers/cli";

/** Decodes the PNGs drawBarChart writes (8-bit RGB, no filters): width, height, pixel(x, y). */
function decode(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString("ascii", at + 4, at + 8) === "IDAT")
      idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixel = (x: number, y: number) => {
    const i = y * (width * 3 + 1) + 1 + x * 3;
    return raw
      .subarray(i, i + 3)
      .toString("hex")
      .toUpperCase();
  };
  return { width, height, pixel };
}

describe("the chart picture in files", () => {
  it("draws each series' bars in its colour, as tall as its value, under its category", () => {
    // Axis slot 10 wide, then two categories 10 wide each: 300 px, so categories at 100–200, 200–300.
    const png = drawBarChart(
      [
        { name: "Besparing", values: [10, 40] },
        { name: "Underskott", values: [20, null] },
      ],
      [10, 10, 10],
      300,
      200
    );
    const { width, height, pixel } = decode(png);
    expect([width, height]).toEqual([300, 200]);
    const barHeight = (x: number, colour: string) =>
      Array.from({ length: height }, (_, y) => pixel(x, y)).filter((p) => p === colour).length;
    // Bars take 80 % of a slot split between the series: Besparing 110–150, Underskott 150–190.
    const first = barHeight(130, "70AD47");
    const second = barHeight(230, "70AD47");
    expect(first).toBeGreaterThan(0);
    expect(second / first).toBeCloseTo(4, 0);
    expect(barHeight(170, "A5A5A5") / first).toBeCloseTo(2, 0);
    expect(barHeight(270, "A5A5A5")).toBe(0); // no deficit in the second year: no bar
  });

  it("puts the picture under Årseffekter's chart block, with the block's series as legend", async () => {
    const wb = readBalansWorkbook(exampleTableLayouts().map(layoutAsRawTable));
    const measures = requireMeasures(wb);
    const effects = computePlanEffects(
      measures.measures,
      measures.unit,
      [2020, 2021, 2022, 2023, 2024],
      wb.deficits
    );
    const layout = yearlyEffectsLayout(effects, { madeAt: "2026-11-22 09:30", source: "test" });
    const file = path.join(tempDir(), "arseffekter.xlsx");
    await writeLayoutsToFile(file, [layout]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const ws = book.getWorksheet("Årseffekter")!;
    const images = ws.getImages();
    expect(images).toHaveLength(1);
    // The block: years in F–J, series names in E; the picture spans E–J below it.
    const names: string[] = [];
    ws.eachRow((row) => {
      const v = row.getCell(5).value;
      if (typeof v === "string" && ["Besparing", "Underskott", "Restunderskott"].includes(v))
        names.push(v);
    });
    expect(names).toEqual(["Besparing", "Underskott", "Restunderskott"]);
    expect(images[0].range.tl.nativeCol).toBe(4);
    expect(images[0].range.br.nativeCol).toBe(10);
    const media = book.model.media.find((m) => m.type === "image")!;
    expect(media.extension).toBe("png");
    // The print setup: A4 landscape, one page wide, header with sheet and years, page numbers.
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.headerFooter.oddHeader).toBe("&L&B&A&B&C&R2020–2024");
    expect(ws.headerFooter.oddFooter).toBe("&LBalans&C&RSida &P av &N");
  });
});
