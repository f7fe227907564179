import {
  CELL_INDENT,
  CellFormat,
  ColumnLayout,
  FORMAT_DECIMALS,
  horizontalOf,
  PrintSetup,
  ReportLayout,
  ReportRow,
  ROW_STYLES,
  RowStyle,
  SheetLayout,
} from "./layout";
import { roundComputed } from "./rounding";
import { CellValue } from "./tables";

/**
 * A layout as it is written and prints (see PrintSetup in layout.ts): the page, the header and
 * footer, widths that cut no text, the rows' heights, and a report split into pages. Every writer
 * calls `forPrint` and maps what it returns; nothing here knows a host.
 */

/** Excel's header/footer codes, the same in the file format and in Office.js. */
const SHEET_NAME = "&A";
const PAGE_OF = "Sida &P av &N";
const PRINTED_ON = "Utskrivet &D";
/** Text in a header is literal: `&` is Excel's code character. */
const headerText = (text: string): string => text.replace(/&/g, "&&");

const MARGINS: PrintSetup["margins"] = {
  left: 0.4,
  right: 0.4,
  top: 0.75,
  bottom: 0.6,
  header: 0.3,
  footer: 0.3,
};

/**
 * The printed page: A4 landscape (portrait when a report asks for it), one page wide, the sheet
 * name and what it covers in the header (the printing date for input tables, which cover no
 * period), `Sida 2 av 5` in the footer.
 */
function pageSetupOf(
  orientation: PrintSetup["orientation"],
  period: string | undefined
): Omit<PrintSetup, "titleRows" | "rowBreaks"> {
  return {
    paper: "A4",
    orientation,
    fitToPagesWide: 1,
    margins: MARGINS,
    header: {
      left: `&B${SHEET_NAME}&B`,
      center: "",
      right: period ? headerText(period) : PRINTED_ON,
    },
    footer: { left: "Balans", center: "", right: PAGE_OF },
    verticalAlignment: "top",
  };
}

// The page's geometry, for splitting a report into pages: A4 landscape 842 × 595 pt.
const POINTS_PER_INCH = 72;
const PAGE_POINTS = { landscape: [842, 595], portrait: [595, 842] } as const;
/** Points per character of column width (Calibri 11: 7 px a character plus padding). */
const POINTS_PER_CHARACTER = 5.25;
export const LINE_POINTS = 15;
const TITLE_POINTS = 22;
/** Page fill planned for: row heights are estimates and fonts differ between programs. */
const PAGE_FILL = 0.96;
/** Columns at least this wide wrap their text; narrower ones hold codes, dates and numbers. */
export const WRAP_FROM_WIDTH = 24;
/**
 * Characters per line per unit of column width. Calibri 11 fits about 1,2; programs without
 * Calibri substitute wider fonts, so plan for fewer and let a row be a little tall rather than cut.
 */
const CHARACTERS_PER_WIDTH = 1.1;

/** The lines a row's wrapped text takes, estimated from its longest text per column width. */
export function rowLines(
  cells: readonly CellValue[],
  columns: readonly { width: number }[],
  bold = false
): number {
  let lines = 1;
  cells.forEach((value, c) => {
    const width = columns[c]?.width ?? 10;
    if (typeof value === "string" && width >= WRAP_FROM_WIDTH)
      lines = Math.max(lines, wrappedLines(value, width, bold));
  });
  return lines;
}

/** Characters of width an indent step takes. */
const INDENT_CHARACTERS = 1.5;

/**
 * Widths of characters, in thousandths of the width a unit of column width holds, for the wider of
 * the fonts a sheet prints with (DejaVu Sans, which LibreOffice uses where Calibri and Carlito are
 * missing; Calibri is narrower). Calibrated below. Unknown characters count as
 * wide.
 */
const NARROW = new Set([..."ijlI.,:;'!|"]);
const SLIM = new Set([..."ftr()[]-/ "]);
const WIDE = new Set([..."mwMW"]);
function characterWidth(ch: string): number {
  if (NARROW.has(ch)) return 450;
  if (SLIM.has(ch)) return 620;
  if (WIDE.has(ch)) return 1450;
  if (ch >= "A" && ch <= "Z") return 1150;
  if (/[ÅÄÖÉÜ]/.test(ch)) return 1150;
  if (/[a-zåäöéü0-9]/.test(ch)) return 990;
  return 1100;
}
/**
 * The calibration, measured in LibreOffice: `Nya riktlinjer vid erbjudande av bostad med särskild
 * service` fits one line of a 50 wide column, so the widths above are at most 0,977 too wide;
 * `Reducering av årsarbetare, brottsförebyggande brobyggare` does not fit 48, so they are at least
 * 0,956 too wide. Planned at the top of that range: a row a little tall rather than text cut.
 */
const FIT = 0.977;
/** Bold text is wider by about this much. */
const BOLD = 1.08;

const textWidth = (text: string, bold: boolean) => {
  let w = 0;
  for (const ch of text) w += characterWidth(ch);
  return (w / 1000) * FIT * (bold ? BOLD : 1);
};

/** Lines of a text wrapped at word boundaries into a column `width` characters wide. */
export function wrappedLines(text: string, width: number, bold = false): number {
  const perLine = Math.max(1, width - CELL_INDENT * INDENT_CHARACTERS);
  const space = textWidth(" ", bold);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const length = textWidth(word, bold);
    if (used === 0) used = length;
    else if (used + space + length <= perLine) used += space + length;
    else {
      lines++;
      used = length;
    }
    while (used > perLine) {
      lines++;
      used -= perLine;
    }
  }
  return lines;
}

/** A header row's lines: its texts wrap in their own columns, whatever the width. */
export function headerLines(cells: readonly CellValue[], columns: readonly { width: number }[]) {
  return Math.max(
    1,
    ...cells.map((v, c) =>
      typeof v === "string" ? wrappedLines(v, columns[c]?.width ?? 10, true) : 1
    )
  );
}

/** Row styles printed in bold (see ROW_STYLES). */
const isBold = (style: RowStyle) => ROW_STYLES[style].font?.bold === true;

/** The height in points a writer gives a report row (undefined: the program's default). */
export function reportRowPoints(
  row: ReportRow,
  columns: readonly ColumnLayout[]
): number | undefined {
  if (row.style === "title") return TITLE_POINTS;
  const lines =
    row.style === "header"
      ? Math.min(3, headerLines(row.cells, columns))
      : Math.min(8, rowLines(row.cells, columns, isBold(row.style)));
  return lines > 1 ? LINE_POINTS * lines : undefined;
}

/**
 * A layout as it is written and prints: its print setup filled in, a report's computed figures
 * rounded by the one rule (see rounding.ts), and a report with more than one block of
 * columns split into pages by rows: a page breaks between blocks where it can, a header keeps at
 * least two rows below it, and a block that goes on over a page starts the new page with its own
 * header again, marked `(forts.)`. A layout with one header row in its frozen rows (a table)
 * repeats that row on every page instead.
 */
export function forPrint<L extends SheetLayout>(layout: L): L {
  // A table stays a table and a report a report: the kind of L is kept.
  return printed(layout) as L;
}

function printed(layout: SheetLayout): SheetLayout {
  if (layout.kind === "table") {
    return {
      ...layout,
      columns: fitColumns(layout.columns, layout.rows, [layout.columns.map((c) => c.header)]),
      print: {
        ...pageSetupOf("landscape", undefined),
        titleRows: { first: 0, last: 0 },
        rowBreaks: [],
      },
    };
  }
  const setup = pageSetupOf(layout.orientation, layout.period);
  layout = {
    ...layout,
    // A report's figures are computed: written as the rounding rule has them. A table's values
    // are what the user or the plan stated, written exactly.
    rows: layout.rows.map((r) => ({
      ...r,
      cells: r.cells.map((v) => (typeof v === "number" ? roundComputed(v) : v)),
    })),
    columns: fitColumns(
      layout.columns,
      layout.rows.filter((r) => FITTED_STYLES.includes(r.style)).map((r) => r.cells),
      layout.rows.filter((r) => r.style === "header").map((r) => r.cells)
    ),
  };
  const headers = layout.rows.flatMap((r, i) => (r.style === "header" ? [i] : []));
  if (headers.length === 1 && headers[0] < layout.freezeRows) {
    return {
      ...layout,
      print: { ...setup, titleRows: { first: headers[0], last: headers[0] }, rowBreaks: [] },
    };
  }
  const { breaks, ...paged } = paginate(layout);
  return { ...paged, print: { ...setup, rowBreaks: breaks } };
}

/** Characters of room beside a right-aligned header, so neighbouring headers stay apart. */
const HEADER_ROOM = 2;

/** Rows whose text stays in its column (titles, notes and groups run over empty neighbours). */
const FITTED_STYLES: RowStyle[] = ["item", "subtotal", "total", "emphasis"];

/**
 * Column widths so that no text is cut: a column that does not wrap is widened to its longest
 * text or number (as shown), and one whose text is longer than a narrow column holds becomes wide
 * enough to wrap it. Wider columns wrap and are left as laid out.
 */
function fitColumns(
  columns: ColumnLayout[],
  rows: readonly CellValue[][],
  headers: readonly CellValue[][]
): ColumnLayout[] {
  return columns.map((column, c) => {
    if (column.width >= WRAP_FROM_WIDTH) return column;
    // A loop, not Math.max(...): a table may have more rows than a call takes arguments.
    let longest = 0;
    for (const r of rows) longest = Math.max(longest, shownLength(r[c], column.format));
    let needed = Math.ceil(longest / CHARACTERS_PER_WIDTH + CELL_INDENT * INDENT_CHARACTERS) + 1;
    // A right-aligned header that just fits would touch the header before it: give it room.
    if (horizontalOf(column.format) === "right") {
      const header = Math.max(
        0,
        ...headers.map((h) => (typeof h[c] === "string" ? (h[c] as string).length : 0))
      );
      const width = header / CHARACTERS_PER_WIDTH;
      if (width > column.width - HEADER_ROOM && width <= column.width + HEADER_ROOM)
        needed = Math.max(needed, Math.ceil(width) + HEADER_ROOM);
    }
    if (needed <= column.width) return column;
    return { ...column, width: Math.min(needed, WRAP_FROM_WIDTH) };
  });
}

/** Characters a value takes as shown: text as written, amounts with separators and decimals. */
function shownLength(value: CellValue, format: CellFormat | undefined): number {
  if (typeof value === "string") return value.length;
  if (typeof value !== "number" || format === "date" || format === "month") return 0;
  const decimals = FORMAT_DECIMALS[format ?? "amount"] ?? 0;
  const digits = Math.abs(Math.round(value)).toString().length;
  return (
    digits + Math.floor((digits - 1) / 3) + (decimals ? decimals + 1 : 0) + (value < 0 ? 1 : 0)
  );
}

function pageCapacity(layout: ReportLayout): number {
  const [pageWidth, pageHeight] = PAGE_POINTS[layout.orientation];
  const printWidth = pageWidth - (MARGINS.left + MARGINS.right) * POINTS_PER_INCH;
  const printHeight = pageHeight - (MARGINS.top + MARGINS.bottom) * POINTS_PER_INCH;
  const sheetWidth = layout.columns.reduce((s, c) => s + c.width * POINTS_PER_CHARACTER + 4, 0);
  const scale = Math.min(1, printWidth / sheetWidth);
  return (printHeight / scale) * PAGE_FILL;
}

const CONTINUED = " (forts.)";

function paginate(layout: ReportLayout): ReportLayout & { breaks: number[] } {
  const capacity = pageCapacity(layout);
  const height = (row: ReportRow) => reportRowPoints(row, layout.columns) ?? LINE_POINTS;
  const rows: ReportRow[] = [];
  const breaks: number[] = [];
  const moved = new Map<number, number>();
  let used = 0;
  let header: ReportRow | undefined;
  const newPage = (continueWith: ReportRow | undefined) => {
    breaks.push(rows.length);
    used = 0;
    if (continueWith) {
      const again = continuedHeader(continueWith);
      rows.push(again);
      used += height(again);
    }
  };
  layout.rows.forEach((row, i) => {
    if (row.style === "header") header = row;
    else if (row.style === "blank") header = undefined;
    // Room this row needs on the page: a header or group keeps the next rows with it, and the
    // last row above a sum keeps the sum with it (a sum never starts a page alone).
    const next = layout.rows.slice(i + 1, i + (row.style === "header" ? 3 : 2));
    const sums: ReportRow[] = [];
    for (let k = i + 1; ["subtotal", "total"].includes(layout.rows[k]?.style); k++)
      sums.push(layout.rows[k]);
    const keep =
      row.style === "header" || row.style === "group"
        ? next.filter((r) => r.style !== "blank").reduce((s, r) => s + height(r), 0)
        : sums.reduce((s, r) => s + height(r), 0);
    if (used > 0 && used + height(row) + keep > capacity) {
      if (row.style === "blank") {
        // A page never starts with an empty row: the break goes after it.
        moved.set(i, rows.length);
        rows.push(row);
        newPage(undefined);
        return;
      }
      newPage(row.style === "header" ? undefined : header);
    }
    moved.set(i, rows.length);
    rows.push(row);
    used += height(row);
  });
  const chart = layout.chart && {
    ...layout.chart,
    firstRow: moved.get(layout.chart.firstRow)!,
    lastRow: moved.get(layout.chart.lastRow)!,
  };
  return { ...layout, rows, breaks, ...(chart ? { chart } : {}) };
}

/** A block's header repeated at the top of the next page, its label marked as continued. */
function continuedHeader(header: ReportRow): ReportRow {
  const label = header.cells.findIndex((v, c) => c > 0 && typeof v === "string");
  return {
    ...header,
    cells: header.cells.map((v, c) => (c === label ? `${String(v)}${CONTINUED}` : v)),
  };
}
