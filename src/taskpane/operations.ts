/*
 * What each task-pane button does, through the same engine and sheet layouts as the command
 * line. Every operation reads only the tables it needs, once (names, shapes, values: three round
 * trips while the values fit one 5 MB response, one more per further response; see
 * readWorkbookTables), and writes in two or three (state, ownership marks, sheets), whatever the
 * size of the plan.
 */
import { locateTables, readWorkbookTables, Source } from "../adapters/office/readTables";
import { addTableColumns, lookRightOf, NewColumn } from "../adapters/office/addTableColumns";
import { columnNumberFormat } from "../adapters/office/renderSheet";
import { ConfirmReplace, writeSheets, WrittenSheet } from "../adapters/office/writeSheets";
import { defaultYears } from "../core/effects";
import { planAndForecastEffects } from "../core/forecast";
import { lastCompleteMonth, YearMonth } from "../core/months";
import { locateProblem, ProblemLocation } from "../core/problemLocation";
import { BalansError, Problem } from "../core/problems";
import { buildMonthlyReport } from "../core/report";
import { monthlyReportLayout } from "../core/sheets/monthlyReportSheet";
import { transferBalancesLayout } from "../core/sheets/transferSheet";
import { yearlyEffectsLayout } from "../core/sheets/yearlyEffectsSheet";
import {
  bindTable,
  CellValue,
  cellText,
  findTable,
  isEmpty,
  locateColumns,
  RawTable,
} from "../core/tables";
import { MEASURES_TABLE } from "../core/measures";
import type { PlanImport } from "../core/planText";
import { perYearColumnHeader, readPerYearHeader } from "../core/perYear";
import { importedMeasuresLayout } from "../core/sheets/importedPlan";
import { foldText } from "../core/text";
import { MAX_YEARS_SHOWN } from "../core/limits";
import { convertAmount } from "../core/units";
import { appendRows } from "../adapters/office/appendRows";
import {
  ALL_TABLES,
  FIGURE_TABLES,
  readBalansWorkbook,
  requireLedger,
  requireMeasures,
  structuralProblems,
  TABLE_NAMES,
} from "../core/workbook";
import { balansTableLayouts } from "../example/exampleWorkbook";

export interface PaneHost {
  /** Runs a batch against the open workbook (Excel.run). */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Asks the user before Balans replaces sheets it wrote earlier. */
  confirmReplace: ConfirmReplace;
  /** Asks the user before Balans adds columns (headers named) to a table of theirs. */
  confirmAddColumns(table: string, headers: string[]): Promise<boolean>;
  now(): Date;
}

/** When and from what a sheet was made, as the pane stamps it. */
export const stamp = (now: Date) => {
  const p = (n: number) => String(n).padStart(2, "0");
  return {
    madeAt: `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())} ${p(now.getHours())}:${p(now.getMinutes())}`,
    source: "denna arbetsbok",
  };
};

export interface TableState {
  name: string;
  found: boolean;
  rows: number;
  sheet?: string;
}

export interface WorkbookState {
  tables: TableState[];
  /** Years the plan spans, for the Årseffekter inputs. */
  planYears: number[];
  /** Years with transfers, for the Överföringar input. */
  transferYears: number[];
  /** The month a report is usually made for. */
  defaultMonth: YearMonth;
  problems: number;
}

/** The tables the workbook has, and sensible defaults for the other buttons. */
export async function inspectWorkbook(host: PaneHost): Promise<WorkbookState> {
  const tables = await host.run((context) => readWorkbookTables(context, ALL_TABLES));
  const wb = readBalansWorkbook(tables);
  const transferYears = [...new Set((wb.ledger?.transfers ?? []).map((t) => t.date.year))].sort();
  return {
    tables: ALL_TABLES.map((name) => {
      const raw = findTable(tables, name);
      return {
        name,
        found: !!raw,
        rows: raw ? raw.rows.filter((r) => r.some((c) => !isEmpty(c))).length : 0,
        ...(raw?.sheetName ? { sheet: raw.sheetName } : {}),
      };
    }),
    planYears: wb.measures ? defaultYears(wb.measures.measures) : [],
    transferYears,
    defaultMonth: lastCompleteMonth(host.now()),
    problems: wb.problems.length + wb.tableErrors.size,
  };
}

/** The tables set-up creates (see balansTableLayouts). */
const SETUP_TABLES: string[] = balansTableLayouts(false).map((l) => l.name);

/** What set-up did about the forecast columns of an existing Atgarder table. */
export interface ForecastColumnsResult {
  /** Added; declined by the user; or not added, since `address` right of the table holds something. */
  outcome: "added" | "declined" | "blocked";
  table: string;
  /** The headers of the columns that were missing, as Balans writes them. */
  headers: string[];
  /** The cells right of the table that were not empty (`L1:M25`), when blocked. */
  address?: string;
}

export interface SetupResult {
  created: WrittenSheet[];
  alreadyThere: string[];
  /** Set when an existing Atgarder table lacked one or both forecast columns. */
  forecastColumns?: ForecastColumnsResult;
}

/**
 * Creates the Balans tables that are missing, empty or filled with the example, and offers to
 * add the forecast columns an existing Atgarder table lacks.
 */
export async function setUpTables(
  host: PaneHost,
  withExample: boolean
): Promise<SetupResult | "cancelled"> {
  return host.run(async (context) => {
    // Where they are and their headers; their values are not read.
    const sources = await locateTables(context, SETUP_TABLES, false);
    const found = new Set(sources.map((s) => foldText(s.name)));
    const alreadyThere = SETUP_TABLES.filter((name) => found.has(foldText(name)));
    if (withExample && alreadyThere.length) {
      throw new BalansError(
        `Exemplet fylls bara i en arbetsbok utan Balans-tabeller; den här har redan ${alreadyThere.join(", ")}.`
      );
    }
    const layouts = balansTableLayouts(withExample).filter((l) => !alreadyThere.includes(l.name));
    let created: WrittenSheet[] = [];
    if (layouts.length) {
      const written = await writeSheets(context, layouts, host.confirmReplace);
      if (written === "cancelled") return "cancelled";
      created = written;
    }
    const measures = sources.find((s) => foldText(s.name) === foldText(TABLE_NAMES.measures));
    const forecastColumns = measures && (await addForecastColumns(context, host, measures));
    return { created, alreadyThere, ...(forecastColumns ? { forecastColumns } : {}) };
  });
}

/** The forecast columns, in the order Balans adds them. */
const FORECAST_KEYS = ["forecastAnnual", "forecastStart"] as const;

/** The forecast columns a header row lacks (by the engine's header rule, aliases included). */
function missingForecastColumns(headers: readonly CellValue[]): NewColumn[] {
  const located = locateColumns(MEASURES_TABLE, headers);
  const template = balansTableLayouts(false).find((l) => l.name === MEASURES_TABLE.name)!;
  return FORECAST_KEYS.filter((key) => !located.has(key)).map((key) => {
    const header = MEASURES_TABLE.columns.find((c) => c.key === key)!.header;
    const column = template.columns.find((c) => c.header === header)!;
    return { header, numberFormat: columnNumberFormat(column) };
  });
}

/**
 * Adds the forecast columns an existing Atgarder lacks at its right end, with the template's
 * headers and number formats and empty bodies, after the user agrees, and only into empty cells.
 * Three round trips: look, look again after the question, add.
 */
async function addForecastColumns(
  context: Excel.RequestContext,
  host: PaneHost,
  measures: Source
): Promise<ForecastColumnsResult | undefined> {
  const missing = missingForecastColumns(measures.headers);
  if (missing.length === 0) return undefined;
  const headers = missing.map((c) => c.header);
  const result = { table: measures.name, headers };
  const before = await lookRightOf(context, measures, missing.length);
  if (!before.free) return { ...result, outcome: "blocked", address: before.address };
  if (!(await host.confirmAddColumns(measures.name, headers)))
    return { ...result, outcome: "declined" };
  // The workbook stays open to the user while the question is: look again.
  const now = await lookRightOf(context, measures, missing.length);
  const still = missingForecastColumns(now.headers).map((c) => c.header);
  if (still.join("\n") !== headers.join("\n"))
    throw new BalansError(
      `Tabellen ${measures.name} ändrades medan frågan var öppen; inga kolumner lades till. Försök igen.`,
      measures.name
    );
  if (!now.free) return { ...result, outcome: "blocked", address: now.address };
  const after = await addTableColumns(context, measures, now, missing);
  const added = after.slice(-missing.length).map((h) => String(h ?? ""));
  if (added.join("\n") !== headers.join("\n") || missingForecastColumns(after).length)
    throw new BalansError(
      `Excel gav de nya kolumnerna i ${measures.name} rubrikerna ${added.join(", ")} i stället för ${headers.join(", ")}; rätta rubrikerna.`,
      measures.name
    );
  return { ...result, outcome: "added" };
}

export interface CheckedProblem extends Problem {
  location?: ProblemLocation;
}

/** Every problem in the tables, each with the cell to select. */
export async function checkTables(host: PaneHost): Promise<CheckedProblem[]> {
  const tables = await host.run((context) => readWorkbookTables(context, ALL_TABLES));
  const wb = readBalansWorkbook(tables);
  const structural: Problem[] = [...wb.tableErrors.values()].map((e) => ({
    table: e.table ?? "",
    message: e.message,
  }));
  const missing: Problem[] = [TABLE_NAMES.measures]
    .filter((n) => !findTable(tables, n))
    .map((n) => ({ table: n, message: `Tabellen ${n} saknas; skapa den under Arbetsbok.` }));
  return [...missing, ...structural, ...wb.problems].map((p) => {
    const location = locateProblem(p, tables);
    return location ? { ...p, location } : p;
  });
}

export async function selectCell(host: PaneHost, location: ProblemLocation): Promise<void> {
  await host.run(async (context) => {
    context.workbook.worksheets.getItem(location.sheet).getRange(location.address).select();
    await context.sync();
  });
}

type Written = WrittenSheet[] | "cancelled";

/**
 * The tables each sheet is made from. Årseffekter needs Uppfoljning for its forecast columns
 * (a cancelled measure forecasts its actuals only), not the transfer ledger.
 */
export const TABLES_FOR = {
  yearlyEffects: [TABLE_NAMES.measures, TABLE_NAMES.deficits, TABLE_NAMES.followUp],
  transfers: [TABLE_NAMES.transfers, TABLE_NAMES.agreements, TABLE_NAMES.costs],
  monthlyReport: FIGURE_TABLES,
};

async function writeFromTables(
  host: PaneHost,
  names: readonly string[],
  build: (tables: RawTable[]) => Parameters<typeof writeSheets>[1]
): Promise<Written> {
  return host.run(async (context) => {
    const tables = await readWorkbookTables(context, names);
    return writeSheets(context, build(tables), host.confirmReplace);
  });
}

/** `Årseffekter`: measures × years with subtotals, total, deficit, residual and a chart. */
export function writeYearlyEffects(host: PaneHost, from?: number, to?: number): Promise<Written> {
  return writeFromTables(host, TABLES_FOR.yearlyEffects, (tables) => {
    const wb = readBalansWorkbook(tables);
    const measures = requireMeasures(wb);
    // An Underskott table that cannot be read stops here, named, rather than a sheet without
    // the residual deficit and no word why.
    const [deficitError] = structuralProblems(wb, [TABLE_NAMES.deficits]);
    if (deficitError) throw new BalansError(deficitError.message, deficitError.table);
    const years = defaultYears(measures.measures, from, to);
    if (years.length === 0 || years.length > MAX_YEARS_SHOWN)
      throw new BalansError(
        `Välj högst ${MAX_YEARS_SHOWN} år, med första året före sista (${from}–${to}).`
      );
    const { plan, forecast } = planAndForecastEffects(
      measures,
      years,
      wb.followUp?.entries ?? [],
      wb.deficits
    );
    return [yearlyEffectsLayout(plan, stamp(host.now()), forecast)];
  });
}

/** `Överföringar YYYY`: SN's balance month by month and per insats. */
export function writeTransfers(host: PaneHost, year: number): Promise<Written> {
  return writeFromTables(host, TABLES_FOR.transfers, (tables) => [
    transferBalancesLayout(requireLedger(readBalansWorkbook(tables)), year, stamp(host.now())),
  ]);
}

/** `Rapport YYYY-MM`: the monthly report as a snapshot. */
export function writeMonthlyReport(host: PaneHost, month: YearMonth): Promise<Written> {
  return writeFromTables(host, TABLES_FOR.monthlyReport, (tables) => [
    monthlyReportLayout(buildMonthlyReport(readBalansWorkbook(tables), month, stamp(host.now()))),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Import of a plan's text

export interface ImportWritten {
  mode: "created" | "appended";
  sheet: string;
  ids: string[];
}

/** Writes an imported plan: a new Atgarder table, or rows appended with fresh ids. */
export async function writeImportedPlan(
  host: PaneHost,
  plan: PlanImport
): Promise<ImportWritten | "cancelled"> {
  if (plan.measures.length === 0)
    throw new BalansError("Det finns inga åtgärder att skriva; förhandsgranska texten först.");
  return host.run(async (context) => {
    // Every column: a row holding only what the user typed beside Balans' columns is no blank row.
    const tables = await readWorkbookTables(context, [TABLE_NAMES.measures], "all");
    const existing = findTable(tables, TABLE_NAMES.measures);
    if (!existing) {
      const written = await writeSheets(
        context,
        [importedMeasuresLayout(plan)],
        host.confirmReplace
      );
      if (written === "cancelled") return "cancelled";
      return { mode: "created", sheet: written[0].sheet, ids: plan.measures.map((m) => m.id) };
    }
    const bound = bindTable(MEASURES_TABLE, existing);
    const taken = new Set(bound.rows.map((r) => foldText(cellText(r.get("id")))));
    const ids = freshIds(taken, plan.measures.length);
    const unit = bound.unit;
    // The years the plan states go to the table's year columns; a year without a column is
    // refused, since leaving it out would change the measure's effect without a word.
    const yearColumn = new Map(existing.headers.map((h, k) => [readPerYearHeader(h)?.year, k]));
    const years = [...new Set(plan.measures.flatMap((m) => Object.keys(m.perYear ?? {})))];
    const missing = years.filter((y) => !yearColumn.has(Number(y)));
    if (missing.length)
      throw new BalansError(
        `Planen anger effekten för ${missing.join(", ")}, men Atgarder har ingen kolumn för det; lägg till kolumnerna (t.ex. »${perYearColumnHeader(Number(missing[0]))}«) och skriv igen.`
      );
    const rows = plan.measures.map((m, i) => {
      const row: CellValue[] = existing.headers.map(() => null);
      const put = (key: Parameters<typeof bound.has>[0], value: CellValue) => {
        if (!bound.has(key)) return;
        row[existing.headers.findIndex((h) => String(h ?? "") === bound.headerOf(key))] = value;
      };
      put("id", ids[i]);
      put("area", m.area);
      put("name", m.name);
      put("annual", m.annual === undefined ? null : convertAmount(m.annual, plan.unit, unit));
      put("timing", m.timing || null);
      put("dependency", m.dependency ?? null);
      put("comment", m.comment ?? null);
      for (const [y, v] of Object.entries(m.perYear ?? {}))
        row[yearColumn.get(Number(y))!] = convertAmount(v, plan.unit, unit);
      return row;
    });
    await appendRows(context, existing, rows);
    return { mode: "appended", sheet: existing.sheetName ?? existing.name, ids };
  });
}

/** Ids A01, A02, … continuing after the highest A-number taken, skipping any in use. */
export function freshIds(taken: ReadonlySet<string>, count: number): string[] {
  let n = 0;
  for (const id of taken) {
    const m = /^a(\d+)$/.exec(id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  const ids: string[] = [];
  while (ids.length < count) {
    n++;
    const id = `A${String(n).padStart(2, "0")}`;
    if (!taken.has(foldText(id))) ids.push(id);
  }
  return ids;
}
