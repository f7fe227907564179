import {
  numberFormatFor,
  ReportLayout,
  ROW_STYLES,
  SheetLayout,
  TableLayout,
} from "../../core/layout";
import { forPrint } from "../../core/printLayout";
import { foldText } from "../../core/text";
import {
  blockAddress,
  columnLetter,
  columnPoints,
  numberFormatOf,
  officeValue,
  payloadBytes,
} from "./cells";
import { applyPageSetup } from "./pageSetup";

/** The workbook setting that lists the ids of the sheets Balans created. */
export const OWNED_SHEETS_SETTING = "balans.ownedSheets";
/** Sheet that holds long drop-down lists (Verksamhet); Balans owns it. */
export const LISTS_SHEET = "Balans listor";
/** Keeps each batch well under Excel on the web's 5 MB request limit. */
export const MAX_BATCH_BYTES = 4_000_000;

export interface WrittenSheet {
  /** The name the layout asked for. */
  requested: string;
  /** The name written: the same, or `name (2)` when a sheet of the user's has the name. */
  sheet: string;
  replaced: boolean;
}

export type ConfirmReplace = (sheets: string[]) => Promise<boolean>;

interface SheetInfo {
  name: string;
  id: string;
  position: number;
}

/**
 * Writes layouts as sheets of the open workbook. Balans writes only sheets it created (their ids
 * are kept in a workbook setting); a sheet of the user's with the same name is never touched
 * (Balans writes `name (2)` instead), and replacing one of Balans' own sheets needs `confirm`.
 * Three round trips whatever the size of the sheets (more only when a write would exceed Excel
 * on the web's request limit), with calculation and screen updating suspended while writing.
 */
export async function writeSheets(
  context: Excel.RequestContext,
  layouts: readonly SheetLayout[],
  confirm: ConfirmReplace
): Promise<WrittenSheet[] | "cancelled"> {
  const { worksheets, settings } = context.workbook;
  worksheets.load("items/name, items/id, items/position");
  const ownedSetting = settings.getItemOrNullObject(OWNED_SHEETS_SETTING);
  ownedSetting.load("value");
  await context.sync();

  const sheets: SheetInfo[] = worksheets.items.map((w) => ({
    name: w.name,
    id: w.id,
    position: w.position,
  }));
  const owned = new Set<string>(ownedSetting.isNullObject ? [] : parseIds(ownedSetting.value));
  const byName = (name: string) => sheets.find((s) => foldText(s.name) === foldText(name));
  const taken = new Set(sheets.map((s) => foldText(s.name)));

  const freeName = (name: string) => {
    let sheet = name;
    for (let n = 2; taken.has(foldText(sheet)); n++)
      sheet = `${name.slice(0, 31 - ` (${n})`.length)} (${n})`;
    taken.add(foldText(sheet));
    return sheet;
  };
  const plan = layouts.map((layout) => {
    const existing = byName(layout.sheet);
    if (existing && owned.has(existing.id))
      return { layout, sheet: existing.name, replace: existing };
    return { layout, sheet: freeName(layout.sheet), replace: undefined };
  });
  const replacing = plan.filter((p) => p.replace).map((p) => p.sheet);
  if (replacing.length && !(await confirm(replacing))) return "cancelled";

  const needsLists = layouts.some(
    (l) => l.kind === "table" && l.columns.some((c) => c.choices && !fitsInline(c.choices.values))
  );
  const existingLists = byName(LISTS_SHEET);
  const ownLists = existingLists && owned.has(existingLists.id) ? existingLists : undefined;

  context.application.suspendApiCalculationUntilNextSync();
  suspendScreenUpdating(context);
  const added: Excel.Worksheet[] = [];
  const batches: (() => void)[] = [];
  let listsSheet: Excel.Worksheet | undefined;
  let listsName = LISTS_SHEET;
  if (needsLists) {
    if (ownLists) listsSheet = worksheets.getItem(ownLists.name);
    else {
      listsName = freeName(LISTS_SHEET);
      listsSheet = worksheets.add(listsName);
      listsSheet.visibility = Excel.SheetVisibility.hidden;
      added.push(listsSheet);
    }
  }
  let listColumn = 0;
  const listSource = (values: readonly string[]): string => {
    const col = columnLetter(listColumn++);
    listsSheet!.getRange(`${col}1:${col}${values.length}`).values = values.map((v) => [
      officeValue(v),
    ]);
    return `='${listsName}'!$${col}$1:$${col}$${values.length}`;
  };

  for (const p of plan) {
    // Add before deleting: Excel refuses to delete a workbook's last visible sheet.
    const ws = worksheets.add(p.replace ? freeName(`Balans ${p.sheet}`.slice(0, 31)) : p.sheet);
    if (p.replace) {
      worksheets.getItem(p.replace.name).delete();
      ws.name = p.sheet;
      ws.position = p.replace.position;
    }
    added.push(ws);
    const printed = forPrint(p.layout);
    if (printed.kind === "table") writeTable(ws, printed, listSource, batches);
    else writeReport(ws, printed, batches);
    applyPageSetup(ws, printed);
  }
  if (plan.length) worksheets.getItem(plan[0].sheet).activate();
  for (const ws of added) ws.load("id");
  await context.sync();
  // Chunks of very large sheets, each its own request (none for plans that fit in one).
  for (const batch of batches) {
    batch();
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each chunk must be a request of its own to stay under the limit
    await context.sync();
  }

  const stillThere = new Set(sheets.map((s) => s.id));
  const ids = [...owned].filter(
    (id) => stillThere.has(id) && !plan.some((p) => p.replace?.id === id)
  );
  settings.add(OWNED_SHEETS_SETTING, JSON.stringify([...ids, ...added.map((w) => w.id)]));
  await context.sync();
  return plan.map((p) => ({ requested: p.layout.sheet, sheet: p.sheet, replaced: !!p.replace }));
}

function parseIds(value: unknown): string[] {
  try {
    const ids = typeof value === "string" ? JSON.parse(value) : value;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

function suspendScreenUpdating(context: Excel.RequestContext): void {
  // ExcelApi 1.9; older hosts just redraw as they go.
  const app = context.application as Excel.Application & {
    suspendScreenUpdatingUntilNextSync?: () => void;
  };
  if (typeof app.suspendScreenUpdatingUntilNextSync === "function")
    app.suspendScreenUpdatingUntilNextSync();
}

const fitsInline = (values: readonly string[]) =>
  values.join(",").length <= 255 && values.every((v) => !v.includes(","));

/** Writes values (and number formats) in row chunks that each stay under the request limit. */
function writeValues(
  ws: Excel.Worksheet,
  top: number,
  values: (string | number | boolean)[][],
  formats: string[][] | undefined,
  batches: (() => void)[]
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
    // The first chunk goes with the sheet's own batch; the rest each get a request of their own.
    if (start === 0) write();
    else batches.push(write);
  }
}

function writeTable(
  ws: Excel.Worksheet,
  layout: TableLayout,
  listSource: (values: readonly string[]) => string,
  batches: (() => void)[]
): void {
  const width = layout.columns.length;
  const rows = layout.rows.length ? layout.rows : [layout.columns.map(() => null)];
  const formats = layout.columns.map((c) => (c.format ? numberFormatOf(c.format) : "@"));
  const header = ws.getRange(blockAddress(0, 0, 1, width));
  header.values = [layout.columns.map((c) => officeValue(c.header))];
  // Text columns are formatted as text first, so `2021` or `2020-08` typed later stay as written.
  writeValues(
    ws,
    1,
    rows.map((r) => layout.columns.map((_, i) => officeValue(r[i]))),
    rows.map(() => formats),
    batches
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

function writeReport(ws: Excel.Worksheet, layout: ReportLayout, batches: (() => void)[]): void {
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
  writeValues(ws, 0, values, formats, batches);
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
  if (layout.chart) {
    const c = layout.chart;
    const source = ws.getRange(
      blockAddress(
        c.firstRow,
        c.firstColumn,
        c.lastRow - c.firstRow + 1,
        c.lastColumn - c.firstColumn + 1
      )
    );
    const chart = ws.charts.add(
      Excel.ChartType.columnClustered,
      source,
      c.seriesBy === "rows" ? Excel.ChartSeriesBy.rows : Excel.ChartSeriesBy.columns
    );
    chart.title.text = c.title;
    // Below its block and as wide, so it prints on the page with it (as the file's picture).
    chart.setPosition(
      `${columnLetter(c.firstColumn)}${c.lastRow + 3}`,
      `${columnLetter(c.lastColumn)}${c.lastRow + 17}`
    );
  }
}
