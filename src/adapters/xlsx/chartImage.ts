import { deflateSync } from "zlib";
import { ChartLayout, ReportLayout } from "../../core/layout";

/**
 * A chart drawn as a PNG when a file is written. exceljs cannot write Excel charts, so files from
 * the command line carry a picture of the chart instead (the task pane draws a real chart in
 * Excel). The picture spans the chart block's columns: each category's bars stand under its own
 * column of the block, so the block's header names the categories, and the series' names in the
 * block are coloured as their bars (the legend). The value axis is labelled in whole numbers.
 */
export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

/** The block's series, read as the chart reads them (see ChartLayout). */
export function chartSeries(layout: ReportLayout, chart: ChartLayout): ChartSeries[] {
  const cell = (r: number, c: number) => layout.rows[r]?.cells[c] ?? null;
  const num = (v: unknown) => (typeof v === "number" ? v : null);
  const series: ChartSeries[] = [];
  if (chart.seriesBy === "rows") {
    for (let r = chart.firstRow + 1; r <= chart.lastRow; r++) {
      const values: (number | null)[] = [];
      for (let c = chart.firstColumn + 1; c <= chart.lastColumn; c++) values.push(num(cell(r, c)));
      series.push({ name: String(cell(r, chart.firstColumn) ?? ""), values });
    }
  } else {
    for (let c = chart.firstColumn + 1; c <= chart.lastColumn; c++) {
      const values: (number | null)[] = [];
      for (let r = chart.firstRow + 1; r <= chart.lastRow; r++) values.push(num(cell(r, c)));
      series.push({ name: String(cell(chart.firstRow, c) ?? ""), values });
    }
  }
  return series;
}

/** Bar colours, in series order; also the fill of each series' name cell. */
export const SERIES_COLOURS = ["70AD47", "A5A5A5", "C00000", "4472C4", "FFC000"];

type Rgb = [number, number, number];
const hex = (h: string): Rgb => [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;

/**
 * Draws clustered bars: `slots` are the relative widths of the picture's columns; the first slot
 * holds the value axis, each further slot one category.
 */
export function drawBarChart(
  series: readonly ChartSeries[],
  slots: readonly number[],
  width: number,
  height: number
): Buffer {
  const image = new Raster(width, height);
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(0, ...all);
  const min = Math.min(0, ...all);
  const step = niceStep((max - min) / 5 || 1);
  const top = Math.ceil(max / step) * step || step;
  const bottom = Math.floor(min / step) * step;
  const plotTop = 12;
  const plotBottom = height - 12;
  const y = (v: number) => plotTop + ((top - v) / (top - bottom)) * (plotBottom - plotTop);
  const total = slots.reduce((s, w) => s + w, 0);
  const edges = slots.reduce<number[]>(
    (acc, w) => [...acc, acc[acc.length - 1] + (w / total) * width],
    [0]
  );
  const plotLeft = Math.round(edges[1]);
  for (let v = bottom; v <= top + step / 2; v += step) {
    const gy = Math.round(y(v));
    image.fill(plotLeft, gy, width - 1, gy, v === 0 ? hex("404040") : hex("D9D9D9"));
    image.text(String(Math.round(v)), plotLeft - 6, gy, hex("404040"));
  }
  const categories = slots.length - 1;
  for (let k = 0; k < categories; k++) {
    const left = edges[k + 1];
    const slot = edges[k + 2] - left;
    const barWidth = (slot * 0.8) / Math.max(1, series.length);
    series.forEach((s, i) => {
      const v = s.values[k];
      if (v === null || v === undefined) return;
      const x0 = Math.round(left + slot * 0.1 + i * barWidth);
      const x1 = Math.round(left + slot * 0.1 + (i + 1) * barWidth) - 2;
      const [ya, yb] = [y(v), y(0)].sort((a, b) => a - b);
      image.fill(
        x0,
        Math.round(ya),
        x1,
        Math.round(yb),
        hex(SERIES_COLOURS[i % SERIES_COLOURS.length])
      );
    });
  }
  return image.png();
}

/** 1, 2 or 5 times a power of ten: gridline steps a reader counts easily. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
}

// Digits and the minus sign, 3 × 5 pixels, drawn at 3× for the axis labels.
const GLYPHS: Record<string, string[]> = {
  "0": ["111", "101", "101", "101", "111"],
  "1": ["010", "110", "010", "010", "111"],
  "2": ["111", "001", "111", "100", "111"],
  "3": ["111", "001", "111", "001", "111"],
  "4": ["101", "101", "111", "001", "001"],
  "5": ["111", "100", "111", "001", "111"],
  "6": ["111", "100", "111", "101", "111"],
  "7": ["111", "001", "010", "010", "010"],
  "8": ["111", "101", "111", "101", "111"],
  "9": ["111", "101", "111", "001", "111"],
  "-": ["000", "000", "111", "000", "000"],
};
const DOT = 3;

class Raster {
  private readonly pixels: Buffer;
  constructor(
    private readonly width: number,
    private readonly height: number
  ) {
    this.pixels = Buffer.alloc(width * height * 3, 255);
  }

  fill(x0: number, y0: number, x1: number, y1: number, [r, g, b]: Rgb): void {
    for (let y = Math.max(0, y0); y <= Math.min(this.height - 1, y1); y++)
      for (let x = Math.max(0, x0); x <= Math.min(this.width - 1, x1); x++) {
        const i = (y * this.width + x) * 3;
        this.pixels[i] = r;
        this.pixels[i + 1] = g;
        this.pixels[i + 2] = b;
      }
  }

  /** Text right-aligned at `right`, vertically centred on `middle`. */
  text(text: string, right: number, middle: number, colour: Rgb): void {
    let x = right - text.length * 4 * DOT + DOT;
    const top = middle - Math.floor((5 * DOT) / 2);
    for (const ch of text) {
      GLYPHS[ch]?.forEach((line, gy) =>
        [...line].forEach((bit, gx) => {
          if (bit === "1")
            this.fill(
              x + gx * DOT,
              top + gy * DOT,
              x + gx * DOT + DOT - 1,
              top + gy * DOT + DOT - 1,
              colour
            );
        })
      );
      x += 4 * DOT;
    }
  }

  png(): Buffer {
    const stride = this.width * 3;
    const raw = Buffer.alloc((stride + 1) * this.height);
    for (let y = 0; y < this.height; y++)
      this.pixels.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
    const header = Buffer.alloc(13);
    header.writeUInt32BE(this.width, 0);
    header.writeUInt32BE(this.height, 4);
    header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method, no interlace
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("IDAT", deflateSync(raw)),
      chunk("IEND", Buffer.alloc(0)),
    ]);
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
