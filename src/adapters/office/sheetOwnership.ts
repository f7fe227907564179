/*
 * Which sheets Balans wrote. Two marks that must agree: a workbook setting lists Balans' tokens
 * (with the sheet id each was last seen on), and each Balans sheet carries its token in a
 * sheet-scoped name. Ids alone are not enough (they have been reported to change between
 * sessions and Excel versions); a name alone is copied with the sheet. A sheet is Balans' when
 * its token is in the setting and the setting's id is its own, unknown, or no longer in the
 * workbook; a copy of a Balans sheet whose original is still there is not.
 */
import { foldText } from "../../core/text";

/** The workbook setting: Balans' sheet tokens → the sheet id each was last seen on. */
export const OWNED_SHEETS_SETTING = "balans.sheets";
/** The sheet-scoped name that holds a Balans sheet's token. */
export const SHEET_MARK = "Balans_blad";

export type Registry = Record<string, string>;

export interface SheetInfo {
  name: string;
  id: string;
  position: number;
}

/** A candidate sheet as read for the ownership check: its mark, charts and tables. */
export interface Candidate extends SheetInfo {
  mark: Excel.NamedItem;
  charts: Excel.ChartCollection;
  tables: Excel.TableCollection;
}

export function parseRegistry(value: unknown): Registry {
  try {
    const parsed = typeof value === "string" ? JSON.parse(value) : value;
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === "string")
    );
  } catch {
    return {};
  }
}

/** Queues the loads for the sheets that might be Balans' (one round trip for all). */
export function loadCandidates(
  worksheets: Excel.WorksheetCollection,
  sheets: readonly SheetInfo[]
): Candidate[] {
  return sheets.map((s) => {
    const ws = worksheets.getItem(s.id);
    return {
      ...s,
      mark: ws.names.getItemOrNullObject(SHEET_MARK).load("value"),
      charts: ws.charts.load("items/name"),
      tables: ws.tables.load("items/name"),
    };
  });
}

/** Whether both marks say the sheet is Balans' (after the candidates' round trip). */
export function isOwned(candidate: Candidate, registry: Registry, ids: ReadonlySet<string>) {
  if (candidate.mark.isNullObject) return false;
  const token = String(candidate.mark.value);
  if (!(token in registry)) return false;
  const seenOn = registry[token];
  return seenOn === "" || seenOn === candidate.id || !ids.has(seenOn);
}

/** A new token for a sheet Balans creates. */
export function newToken(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** Marks a sheet as Balans' (queued; recorded in the same request as the sheet's creation). */
export function markSheet(ws: Excel.Worksheet, token: string): void {
  ws.names.add(SHEET_MARK, `="${token}"`);
}

export const sameName = (a: string, b: string) => foldText(a) === foldText(b);
