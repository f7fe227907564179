/*
 * Writes layouts as sheets of the open workbook. Balans writes only sheets it created (see
 * sheetOwnership.ts); a sheet of the user's with the same name is never touched (Balans writes
 * `name (2)` instead), and replacing one of Balans' own sheets needs `confirm`. A sheet is
 * replaced in place, by id (cleared and written again), so the user's formulas that point at it
 * keep working; a new sheet is marked as Balans' in the request that creates it.
 */
import { SheetLayout } from "../../core/layout";
import { forPrint } from "../../core/printLayout";
import { columnLetter, officeValue } from "./cells";
import { errorCode } from "./officeErrors";
import { applyPageSetup } from "./pageSetup";
import { Chunks, fitsInline, renderReport, renderTable } from "./renderSheet";
import { SheetNames } from "./sheetNames";
import {
  Candidate,
  isOwned,
  loadCandidates,
  markSheet,
  newToken,
  OWNED_SHEETS_SETTING,
  parseRegistry,
  sameName,
  SheetInfo,
} from "./sheetOwnership";

export { OWNED_SHEETS_SETTING } from "./sheetOwnership";
export { MAX_BATCH_BYTES } from "./renderSheet";

/** Sheet that holds long drop-down lists (Verksamhet); Balans owns it. */
export const LISTS_SHEET = "Balans listor";

export interface WrittenSheet {
  /** The name the layout asked for. */
  requested: string;
  /** The name written: the same, or `name (2)` when a sheet of the user's has the name. */
  sheet: string;
  replaced: boolean;
}

export type ConfirmReplace = (sheets: string[]) => Promise<boolean>;

/** Sheets to be replaced were renamed or deleted while the question was open; nothing was written. */
export class SheetsChanged extends Error {
  readonly name = "SheetsChanged";
  constructor(readonly sheets: string[]) {
    super(`Bladen ändrades medan frågan var öppen (${sheets.join(", ")}); inget skrevs.`);
  }
}

/** Calculation and screen updating stay off for the request that follows (ExcelApi 1.9). */
function suspend(context: Excel.RequestContext): void {
  context.application.suspendApiCalculationUntilNextSync();
  context.application.suspendScreenUpdatingUntilNextSync();
}

/** Empties a Balans sheet in place: its values, formats, tables, charts and frozen rows. */
function clearSheet(ws: Excel.Worksheet, old: Candidate): void {
  for (const table of old.tables.items) ws.tables.getItem(table.name).delete();
  for (const chart of old.charts.items) ws.charts.getItem(chart.name).delete();
  const all = ws.getRange();
  all.clear(Excel.ClearApplyTo.all);
  all.dataValidation.clear();
  ws.freezePanes.unfreeze();
}

/**
 * One round trip to decide (two when a sheet of the layouts' names exists), one to write, one
 * to join new sheets' ids to their marks, and one more per chunk of a very large sheet (the ids
 * then go with the last), each under Excel on the web's request limit and each with
 * calculation and screen updating suspended.
 */
export async function writeSheets(
  context: Excel.RequestContext,
  layouts: readonly SheetLayout[],
  confirm: ConfirmReplace
): Promise<WrittenSheet[] | "cancelled"> {
  const { worksheets, settings } = context.workbook;
  worksheets.load("items/name, items/id, items/position");
  const setting = settings.getItemOrNullObject(OWNED_SHEETS_SETTING).load("value");
  await context.sync();

  const sheets: SheetInfo[] = worksheets.items.map((w) => ({
    name: w.name,
    id: w.id,
    position: w.position,
  }));
  const registry = setting.isNullObject ? {} : parseRegistry(setting.value);
  const ids = new Set(sheets.map((s) => s.id));
  const needsLists = layouts.some(
    (l) => l.kind === "table" && l.columns.some((c) => c.choices && !fitsInline(c.choices.values))
  );
  const wantedNames = [...layouts.map((l) => l.sheet), ...(needsLists ? [LISTS_SHEET] : [])];
  const candidates = loadCandidates(
    worksheets,
    sheets.filter((s) => wantedNames.some((n) => sameName(n, s.name)))
  );
  if (candidates.length) await context.sync();
  const owned = (name: string) =>
    candidates.find((c) => sameName(c.name, name) && isOwned(c, registry, ids));
  for (const c of candidates) {
    if (!c.mark.isNullObject && isOwned(c, registry, ids)) registry[String(c.mark.value)] = c.id;
  }

  const names = new SheetNames(sheets.map((s) => s.name));
  const plan = layouts.map((layout) => {
    const replace = owned(layout.sheet);
    return { layout, sheet: replace ? replace.name : names.claim(layout.sheet), replace };
  });
  const replacing = plan.filter((p) => p.replace).map((p) => p.sheet);
  if (replacing.length && !(await confirm(replacing))) return "cancelled";

  suspend(context);
  // First the sheets being replaced, by id, under the name the user confirmed: if one was
  // deleted, or a sheet of the user's took its name while the question was open, this request
  // fails here, before anything has changed.
  const targets = new Map<string, Excel.Worksheet>();
  for (const p of plan.filter((q) => q.replace)) {
    const ws = worksheets.getItem(p.replace!.id);
    ws.name = p.sheet;
    targets.set(p.layout.sheet, ws);
  }
  const ownLists = needsLists ? owned(LISTS_SHEET) : undefined;
  const listsSheet = ownLists ? worksheets.getItem(ownLists.id) : undefined;

  const created = new Map<string, Excel.Worksheet>();
  const mark = (ws: Excel.Worksheet) => {
    const token = newToken();
    markSheet(ws, token);
    registry[token] = "";
    created.set(token, ws.load("id"));
  };
  let lists: { ws: Excel.Worksheet; name: string } | undefined;
  if (needsLists) {
    if (listsSheet && ownLists) {
      clearSheet(listsSheet, ownLists);
      lists = { ws: listsSheet, name: ownLists.name };
    } else {
      const name = names.claim(LISTS_SHEET);
      const ws = worksheets.add(name);
      ws.visibility = Excel.SheetVisibility.hidden;
      mark(ws);
      lists = { ws, name };
    }
  }
  let listColumn = 0;
  const listSource = (values: readonly string[]): string => {
    const col = columnLetter(listColumn++);
    lists!.ws.getRange(`${col}1:${col}${values.length}`).values = values.map((v) => [
      officeValue(v),
    ]);
    return `='${lists!.name}'!$${col}$1:$${col}$${values.length}`;
  };

  for (const p of plan) {
    if (targets.has(p.layout.sheet)) continue;
    const ws = worksheets.add(p.sheet);
    mark(ws);
    targets.set(p.layout.sheet, ws);
  }
  // Ownership is recorded in the request that creates the sheets, before anything is drawn.
  settings.add(OWNED_SHEETS_SETTING, JSON.stringify(registry));

  const chunks: Chunks = [];
  for (const p of plan) {
    const ws = targets.get(p.layout.sheet)!;
    if (p.replace) clearSheet(ws, p.replace);
    const printed = forPrint(p.layout);
    if (printed.kind === "table") renderTable(ws, printed, listSource, chunks);
    else renderReport(ws, printed, chunks);
    applyPageSetup(ws, printed);
    if (p === plan[0]) ws.activate();
  }
  try {
    await context.sync();
  } catch (error) {
    const code = errorCode(error);
    if (replacing.length && (code === "ItemAlreadyExists" || code === "ItemNotFound"))
      throw new SheetsChanged(replacing);
    throw error;
  }
  // The new sheets' ids join their tokens (a copy of a sheet carries the token, not the id),
  // with the last chunk of a very large sheet, or in a request of its own.
  const recordIds = () => {
    for (const [token, ws] of created) registry[token] = ws.id;
    settings.add(OWNED_SHEETS_SETTING, JSON.stringify(registry));
  };
  chunks.forEach((chunk, i) => {
    if (i === chunks.length - 1 && created.size) chunks[i] = () => (chunk(), recordIds());
  });
  if (chunks.length === 0 && created.size) {
    recordIds();
    await context.sync();
  }
  // Chunks of very large sheets, each its own request (none for plans that fit in one).
  for (const chunk of chunks) {
    suspend(context);
    chunk();
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each chunk must be a request of its own to stay under the limit
    await context.sync();
  }
  return plan.map((p) => ({ requested: p.layout.sheet, sheet: p.sheet, replaced: !!p.replace }));
}
