/*
 * Draws a layout on a sheet: values in chunks under the request limit, formats, tables, charts.
 * The print setup is pageSetup.ts's, called after it by writeSheets.
 */
import { numberFormatFor, ReportLayout, ROW_STYLES, TableLayout } from "../../core/layout";
import {
  blockAddress,
  columnLetter,
  columnPoints,
  numberFormatOf,
  officeValue,
  payloadBytes,
} from "./cells";
import { addChart } from "./charts";

/** Keeps each batch well under Excel on the web's 5 MB request limit. */
export const MAX_BATCH_BYTES = 4_000_000;

/** Writes queued for requests of their own, after the sheet's first request. */
export type Chunks = (() => void)[];

/** Gives a drop-down list that is too long to write inline a source range (on the lists sheet). */
export type ListSource = (values: readonly string[]) => string;

export const fitsInline = (values: readonly string[]) =>
  values.join(",").length <= 255 && values.every((v) => !v.includes(","));

/** Writes values (and number formats) in row chunks that each stay under the request limit. */
function writeValues(
  ws: Excel.Worksheet,
  top: number,
  values: (string | number | boolean)[][],
  formats: string[][] | undefined,
  chunks: Chunks
): void {
  if (values.length === 0) return;
  const width = values[0].length;
  const perRow = Math.max(
    1,
    payloadBytes(values) / values.length + (formats ? payloadBytes(formats) / values.length : 0)
  );
  const rowsPerChunk = Math.max(1, Math.floor(MAX_BATCH_BYTES / perRow));
  for (let start = 0; start < values.length; start += rowsPerChunk) {
    const end = Math.min(values.length, start + rowsPerChunk);
    const write = () => {
      const range = ws.getRange(blockAddress(top + start, 0, end - start, width));
      if (formats) range.numberFormat = formats.slice(start, end);
      range.values = values.slice(start, end);
    };
    // The first chunk goes with the sheet's own request; the rest each get a request of their own.
    if (start === 0) write();
    else chunks.push(write);
  }
}

/** A table column's number format: its own, or text, so `2021` or `2020-08` typed later stay as written. */
export function columnNumberFormat(column: TableLayout["columns"][number]): string {
  return column.format ? numberFormatOf(column.format) : "@";
}

export function renderTable(
  ws: Excel.Worksheet,
  layout: TableLayout,
  listSource: ListSource,
  chunks: Chunks
): void {
  const width = layout.columns.length;
  const rows = layout.rows.length ? layout.rows : [layout.columns.map(() => null)];
  const formats = layout.columns.map(columnNumberFormat);
  const header = ws.getRange(blockAddress(0, 0, 1, width));
  header.values = [layout.columns.map((c) => officeValue(c.header))];
  // Text columns are formatted as text first, so `2021` or `2020-08` typed later stay as written.
  writeValues(
    ws,
    1,
    rows.map((r) => layout.columns.map((_, i) => officeValue(r[i]))),
    rows.map(() => formats),
    chunks
  );
  const table = ws.tables.add(blockAddress(0, 0, rows.length + 1, width), true);
  table.name = layout.name;
  table.style = "TableStyleMedium2";
  layout.columns.forEach((c, i) => {
    const column = ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`);
    column.format.columnWidth = columnPoints(c.width);
    if (c.width >= 24) column.format.wrapText = true;
    if (c.choices) {
      const body = table.columns.getItemAt(i).getDataBodyRange();
      body.dataValidation.rule = {
        list: {
          inCellDropDown: true,
          source: fitsInline(c.choices.values)
            ? c.choices.values.join(",")
            : listSource(c.choices.values),
        },
      };
      body.dataValidation.errorAlert = {
        showAlert: true,
        style: c.choices.strict
          ? Excel.DataValidationAlertStyle.stop
          : Excel.DataValidationAlertStyle.warning,
        title: "Balans",
        message: `Välj ett av värdena i listan${c.choices.strict ? "" : " (andra värden går att skriva, men kontrollera dem)"}.`,
      };
    }
  });
  ws.freezePanes.freezeRows(1);
}

export function renderReport(ws: Excel.Worksheet, layout: ReportLayout, chunks: Chunks): void {
  const width = layout.columns.length;
  const values = layout.rows.map((r) =>
    Array.from({ length: width }, (_, c) => officeValue(r.cells[c]))
  );
  // Text cells get the text format, or Excel would turn `2018-08` into a date and `2024` into a number.
  const formats = layout.rows.map((r) =>
    Array.from({ length: width }, (_, c) => {
      const v = r.cells[c];
      if (typeof v === "string") return "@";
      const format = r.formats?.[c] ?? layout.columns[c].format;
      return typeof v === "number" && !["title", "subtitle", "header"].includes(r.style)
        ? format
          ? numberFormatFor(format, v)
          : numberFormatOf(format)
        : "General";
    })
  );
  writeValues(ws, 0, values, formats, chunks);
  layout.columns.forEach(
    (c, i) =>
      (ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = columnPoints(
        c.width
      ))
  );
  layout.rows.forEach((row, r) => {
    if (row.style === "item" || row.style === "blank") return;
    // The row's look from the core's table, as the xlsx writer draws it.
    const range = ws.getRange(blockAddress(r, 0, 1, width));
    const look = ROW_STYLES[row.style];
    if (look.font) {
      const { color, ...font } = look.font;
      range.format.font.set({ ...font, ...(color ? { color: `#${color}` } : {}) });
    }
    if (look.fill) range.format.fill.color = `#${look.fill}`;
    const rule = (kind: "thin" | "double") => (kind === "double" ? "Double" : "Continuous");
    if (look.ruleAbove) range.format.borders.getItem("EdgeTop").style = rule(look.ruleAbove);
    if (look.ruleBelow) range.format.borders.getItem("EdgeBottom").style = rule(look.ruleBelow);
    if (row.style === "header") range.format.wrapText = true;
  });
  ws.getRange(`B:B`).format.wrapText = true;
  if (layout.freezeRows) ws.freezePanes.freezeRows(layout.freezeRows);
  ws.showGridlines = false;
  if (layout.chart) addChart(ws, layout.chart);
}
