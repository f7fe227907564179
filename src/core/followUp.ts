import { EffectShape, monthIndex, shapeEffect } from "./effectShape";
import { MonthCellReading, readMonthCell } from "./grammar";
import { Measure, MeasureStatus, MEASURE_STATUSES, readStatus } from "./measures";
import { YearMonth } from "./months";
import { Problem } from "./problems";
import { bindTable, cellText, ProblemLog, RawTable, rememberReadings, TableSpec } from "./tables";
import { foldText } from "./text";
import { Unit } from "./units";

export const FOLLOW_UP_TABLE: TableSpec<"id" | "month" | "actual" | "status" | "comment"> = {
  name: "Uppfoljning",
  unitColumn: "actual",
  columns: [
    { key: "id", header: "Id", aliases: ["Åtgärd"], required: true },
    { key: "month", header: "Månad", aliases: ["Period", "Month"], required: true },
    {
      key: "actual",
      header: "Utfall",
      aliases: ["Effekt", "Actual"],
      required: true,
      amount: true,
    },
    { key: "status", header: "Status" },
    { key: "comment", header: "Kommentar" },
  ],
};

/** One reported month of a measure (rows for the same measure and month already added up). */
export interface FollowUpEntry {
  id: string;
  month: YearMonth;
  /** In the unit of the Atgarder table. */
  actual: number;
  status?: MeasureStatus;
  comment?: string;
  row: number;
}

/**
 * Reads the `Uppfoljning` table against the measures: rows for an unknown measure are problems;
 * several rows for the same measure and month add up, and the last row's status counts.
 */
export function readFollowUp(
  raw: RawTable,
  measures: readonly Measure[],
  measuresUnit: Unit,
  /** Folded ids of Atgarder rows that could not be read: their actuals are named as such. */
  rejectedIds: ReadonlySet<string> = new Set()
): { entries: FollowUpEntry[]; problems: Problem[] } {
  const table = bindTable(FOLLOW_UP_TABLE, raw);
  const log = new ProblemLog(table);
  const ids = new Map(measures.map((m) => [foldText(m.id), m.id]));
  const entries: FollowUpEntry[] = [];
  if (table.rows.length) log.assumedUnit("actual", measuresUnit);
  // A table of thousands of rows repeats each id several times and a few months: each distinct
  // id text is folded and looked up once, and each distinct month cell read once. An id's rows
  // group by month under the id as Atgarder writes it, whatever the spelling in Uppfoljning.
  const groups = new Map<string, Map<number, FollowUpEntry>>();
  const byText = new Map<string, { id?: string; months?: Map<number, FollowUpEntry> }>();
  const measureOf = (text: string) => {
    let found = byText.get(text);
    if (found === undefined) {
      const id = ids.get(foldText(text));
      if (id === undefined) found = {};
      else {
        let months = groups.get(id);
        if (!months) groups.set(id, (months = new Map()));
        found = { id, months };
      }
      byText.set(text, found);
    }
    return found;
  };
  const readMonth = rememberReadings<unknown, MonthCellReading>(readMonthCell);
  for (const row of table.rows) {
    const rawId = cellText(row.get("id"));
    const { id, months } = measureOf(rawId);
    if (!id)
      log.add(
        row.number,
        "id",
        !rawId
          ? "saknar åtgärds-id"
          : rejectedIds.has(foldText(rawId))
            ? `åtgärden ${rawId} kunde inte läsas i tabellen Atgarder (se problemet där); utfallet räknas inte`
            : `åtgärden ${rawId} finns inte i tabellen Atgarder`
      );
    const monthRead = readMonth(row.get("month"));
    const month = monthRead.ok ? monthRead.month : undefined;
    if (!monthRead.ok) log.add(row.number, "month", monthRead.message);
    const actual = log.amount(row, "actual", measuresUnit);
    const statusText = cellText(row.get("status"));
    const status = readStatus(statusText);
    if (status === null)
      log.add(
        row.number,
        "status",
        `»${statusText}« är ingen status; ange ${MEASURE_STATUSES.join(", ")}`
      );
    if (!id || !months || !month || actual === undefined) continue;
    const key = monthIndex(month.year, month.month);
    const entry = months.get(key);
    const comment = cellText(row.get("comment"));
    if (entry) {
      entry.actual += actual;
      if (status) entry.status = status;
      if (comment) entry.comment = comment;
      entry.row = row.number;
    } else {
      const added: FollowUpEntry = { id, month, actual, row: row.number };
      if (status) added.status = status;
      if (comment) added.comment = comment;
      months.set(key, added);
      entries.push(added);
    }
  }
  return { entries, problems: log.problems };
}

export interface FollowUpLine {
  measure: Measure;
  plannedYear: number;
  plannedToDate: number;
  actualToDate: number;
  deviation: number;
  forecastYear: number;
  /** The latest reported status up to the month, else the Status column of Atgarder. */
  status: MeasureStatus | "";
  /** The last month with a follow-up row up to the month, if any. */
  reportedThrough?: YearMonth;
}

export interface FollowUpTotals {
  plannedYear: number;
  plannedToDate: number;
  actualToDate: number;
  deviation: number;
  forecastYear: number;
}

const ym = (m: YearMonth) => m.year * 12 + m.month;

/** Follow-up rows grouped by folded measure id, in month order: built once per report. */
export function indexFollowUp(entries: readonly FollowUpEntry[]): Map<string, FollowUpEntry[]> {
  const index = new Map<string, FollowUpEntry[]>();
  for (const e of entries) {
    const key = foldText(e.id);
    let list = index.get(key);
    if (!list) index.set(key, (list = []));
    list.push(e);
  }
  for (const list of index.values())
    list.sort((a, b) => ym(a.month) - ym(b.month) || a.row - b.row);
  return index;
}

/**
 * Follow-up at the end of a month: planned to date (months 1..M), actual to date, deviation,
 * and the year forecast = actual to date + the forecast plan for the remaining months (actual
 * only, for a measure whose status is Avbruten). `entries` are the measure's own rows, in month
 * order; `forecast` is its forecast plan (see forecast.ts), the plan itself when there is none.
 */
export function followUpLine(
  measure: Measure,
  entries: readonly FollowUpEntry[],
  at: YearMonth,
  forecast: EffectShape = measure
): FollowUpLine {
  const upTo = entries.filter((e) => ym(e.month) <= ym(at));
  const thisYear = upTo.filter((e) => e.month.year === at.year);
  const plannedYear = shapeEffect(measure, at.year);
  const plannedToDate = shapeEffect(measure, at.year, 1, at.month);
  const actualToDate = thisYear.reduce((s, e) => s + e.actual, 0);
  const status = [...upTo].reverse().find((e) => e.status)?.status ?? measure.status ?? "";
  const remaining = at.month < 12 ? shapeEffect(forecast, at.year, at.month + 1, 12) : 0;
  return {
    measure,
    plannedYear,
    plannedToDate,
    actualToDate,
    deviation: actualToDate - plannedToDate,
    forecastYear: status === "Avbruten" ? actualToDate : actualToDate + remaining,
    status,
    ...(thisYear.length ? { reportedThrough: thisYear[thisYear.length - 1].month } : {}),
  };
}

export function sumFollowUp(lines: readonly FollowUpLine[]): FollowUpTotals {
  const t: FollowUpTotals = {
    plannedYear: 0,
    plannedToDate: 0,
    actualToDate: 0,
    deviation: 0,
    forecastYear: 0,
  };
  for (const l of lines) {
    t.plannedYear += l.plannedYear;
    t.plannedToDate += l.plannedToDate;
    t.actualToDate += l.actualToDate;
    t.deviation += l.deviation;
    t.forecastYear += l.forecastYear;
  }
  return t;
}
