import { amountInUnit, parseAmount } from "./amount";
import { CalendarDate, compareDates, readDateValue, toIsoDate } from "./dates";
import { MeasureForecast, readForecastCells } from "./forecastColumns";
import {
  annualAfterStatedYears,
  checkStatedYears,
  findPerYearColumns,
  readPerYearCells,
  startOfStatedYears,
} from "./perYear";
import { Problem } from "./problems";
import { bindTable, cellText, isEmpty, ProblemLog, RawTable, TableSpec } from "./tables";
import { foldText, formatSwedish, headerSuffix } from "./text";
import { parseTiming } from "./timing";
import { parseUnit, Unit } from "./units";

export const MEASURE_STATUSES = [
  "Ej påbörjad",
  "Pågår",
  "Genomförd",
  "Försenad",
  "Avbruten",
] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const DEFAULT_AREA = "Övrigt";

export const MEASURES_TABLE: TableSpec<
  | "id"
  | "area"
  | "name"
  | "annual"
  | "timing"
  | "start"
  | "end"
  | "status"
  | "responsible"
  | "dependency"
  | "comment"
  | "forecastAnnual"
  | "forecastStart"
> = {
  name: "Atgarder",
  unitColumn: "annual",
  columns: [
    { key: "id", header: "Id", aliases: ["Nr", "Åtgärds-id", "Measure"], required: true },
    { key: "area", header: "Område", aliases: ["Verksamhetsområde", "Area"] },
    { key: "name", header: "Åtgärd", aliases: ["Förslag", "Namn", "Name"], required: true },
    {
      key: "annual",
      header: "Helårseffekt",
      aliases: ["Kostnadsreducering", "Besparing", "Annual effect"],
      required: true,
    },
    { key: "timing", header: "Tidsaspekt", aliases: ["Timing"] },
    { key: "start", header: "Start", aliases: ["Startdatum"] },
    { key: "end", header: "Slut", aliases: ["Slutdatum", "End"] },
    { key: "status", header: "Status" },
    { key: "responsible", header: "Ansvarig" },
    { key: "dependency", header: "Beroende" },
    { key: "comment", header: "Kommentar" },
    {
      key: "forecastAnnual",
      header: "Prognos helårseffekt",
      aliases: ["Reviderad helårseffekt"],
    },
    { key: "forecastStart", header: "Prognos start", aliases: ["Ny start", "Reviderad start"] },
  ],
};

const MEASURES_TABLE_WITH_YEARS: typeof MEASURES_TABLE = {
  ...MEASURES_TABLE,
  columns: MEASURES_TABLE.columns.map((c) => (c.key === "annual" ? { ...c, required: false } : c)),
};

/** A measure of an action plan, read and checked; amounts in the table's unit. */
export interface Measure {
  id: string;
  area: string;
  name: string;
  /** Saving per full year: Helårseffekt, else the last stated year's figure. */
  annual: number;
  /** The effect per year where the plan states it (per-year columns); see perYear.ts. */
  perYear?: ReadonlyMap<number, number>;
  /** The economist's current forecast, where it differs from the plan; see forecast.ts. */
  forecast?: MeasureForecast;
  /** Tidsaspekt as written in the plan. */
  timing: string;
  start: CalendarDate;
  /** Last day in effect (inclusive); undefined = no end. */
  end?: CalendarDate;
  status?: MeasureStatus;
  responsible?: string;
  dependency?: string;
  comment?: string;
  /** Worksheet row, for messages and for selecting the row. */
  row: number;
}

export interface MeasuresRead {
  unit: Unit;
  measures: Measure[];
  problems: Problem[];
  /** Problems by folded measure id, including rows left out, for the formulas a row affects. */
  problemsById: Map<string, Problem[]>;
  /** Folded ids of rows left out because their effect cannot be computed. */
  rejectedIds: Set<string>;
}

/**
 * Reads the `Atgarder` table. Rows with a problem that makes their effect unknowable (no id, no
 * amount, no start) are left out and reported; rows with a minor problem are kept and reported.
 */
export function readMeasures(raw: RawTable): MeasuresRead {
  // Helårseffekt is optional when the table states effects per year.
  const yearColumns = findPerYearColumns(raw.headers);
  const table = bindTable(yearColumns.length ? MEASURES_TABLE_WITH_YEARS : MEASURES_TABLE, raw);
  const log = new ProblemLog(table);
  const forecastUnit =
    parseUnit(headerSuffix(table.headerOf("forecastAnnual")) ?? "") ?? table.unit;
  const measures: Measure[] = [];
  const rowOfId = new Map<string, number>();
  const problemsById = new Map<string, Problem[]>();
  const rejectedIds = new Set<string>();

  for (const row of table.rows) {
    const before = log.problems.length;
    const id = cellText(row.get("id"));
    const name = cellText(row.get("name"));
    let usable = true;

    if (id === "") {
      log.add(
        row.number,
        "id",
        `saknar id${name ? ` för »${name}«` : ""}; ange ett unikt id, t.ex. A01`
      );
      usable = false;
    } else if (rowOfId.has(foldText(id))) {
      log.add(
        row.number,
        "id",
        `id ${id} finns redan på rad ${rowOfId.get(foldText(id))}; varje åtgärd behöver ett eget id`
      );
      usable = false;
    }
    if (name === "") log.add(row.number, "name", "är tom; ange vad åtgärden är");

    const stated = readPerYearCells(row.cells, yearColumns, table.unit, (column, message) =>
      log.problems.push({ table: MEASURES_TABLE.name, row: row.number, column, message })
    );
    if (!stated.ok) usable = false;
    const perYear = stated.perYear.size ? stated.perYear : undefined;
    const amount = parseAmount(row.get("annual"));
    let annual = 0;
    if (stated.filled && isEmpty(row.get("annual"))) {
      annual = perYear ? annualAfterStatedYears(perYear, undefined) : 0;
    } else if (!amount.ok) {
      log.add(row.number, "annual", amount.message);
      usable = false;
    } else {
      annual = amountInUnit(amount, table.unit);
      if (annual < 0) {
        log.add(
          row.number,
          "annual",
          `är negativ (${formatSwedish(annual)}); ange besparingen som ett positivt belopp i ${table.unit}`
        );
        usable = false;
      }
    }

    const timing = cellText(row.get("timing"));
    let start: CalendarDate | undefined;
    const startCell = row.get("start");
    if (!isEmpty(startCell)) {
      start = readDateValue(startCell);
      if (!start)
        log.add(
          row.number,
          "start",
          `»${cellText(startCell)}« är inget datum; ange t.ex. 2021-04-01`
        );
    }
    if (!start && isEmpty(startCell)) {
      if (isEmpty(row.get("timing")) && stated.filled) {
        if (perYear) start = startOfStatedYears(perYear);
      } else if (isEmpty(row.get("timing"))) {
        log.add(
          row.number,
          table.has("timing") ? "timing" : "start",
          "saknar tidpunkt; fyll i Tidsaspekt (t.ex. Q 3 2020) eller Start"
        );
      } else {
        const parsed = parseTiming(row.get("timing"));
        if (parsed.ok) start = parsed.start;
        else log.add(row.number, "timing", parsed.message);
      }
    }
    if (!start) usable = false;

    let end: CalendarDate | undefined;
    const endCell = row.get("end");
    if (!isEmpty(endCell)) {
      end = readDateValue(endCell);
      if (!end)
        log.add(
          row.number,
          "end",
          `»${cellText(endCell)}« är inget datum; ange sista dagen, t.ex. 2022-12-31`
        );
      else if (start && compareDates(end, start) < 0) {
        log.add(row.number, "end", `slutar ${toIsoDate(end)}, före start ${toIsoDate(start)}`);
        usable = false;
      }
    }

    if (perYear && start && usable) {
      const period = { start, ...(end ? { end } : {}) };
      const annualGiven = !isEmpty(row.get("annual"));
      if (
        !checkStatedYears(perYear, period, yearColumns, annualGiven, (column, message) =>
          log.problems.push({ table: MEASURES_TABLE.name, row: row.number, column, message })
        )
      )
        usable = false;
    }

    const forecast = readForecastCells(
      {
        annual: row.get("forecastAnnual"),
        startCell: row.get("forecastStart"),
      },
      { column: forecastUnit, table: table.unit },
      { annual, ...(perYear ? { perYear } : {}), ...(end ? { end } : {}) },
      (key, message) => log.add(row.number, key, message)
    );

    const status = readStatus(cellText(row.get("status")));
    if (status === null) {
      log.add(
        row.number,
        "status",
        `»${cellText(row.get("status"))}« är ingen status; ange ${MEASURE_STATUSES.join(", ")}`
      );
    }

    if (id !== "") {
      if (!rowOfId.has(foldText(id))) rowOfId.set(foldText(id), row.number);
      const mine = log.problems.slice(before);
      if (mine.length)
        problemsById.set(foldText(id), [...(problemsById.get(foldText(id)) ?? []), ...mine]);
    }
    if (!usable || !start) {
      if (id !== "") rejectedIds.add(foldText(id));
      continue;
    }

    measures.push({
      id,
      area: cellText(row.get("area")) || DEFAULT_AREA,
      name,
      annual,
      ...(perYear ? { perYear } : {}),
      ...(forecast ? { forecast } : {}),
      timing: timing || cellText(startCell),
      start,
      ...(end ? { end } : {}),
      ...(status ? { status } : {}),
      ...optionalText("responsible", row.get("responsible")),
      ...optionalText("dependency", row.get("dependency")),
      ...optionalText("comment", row.get("comment")),
      row: row.number,
    });
  }
  return { unit: table.unit, measures, problems: log.problems, problemsById, rejectedIds };
}

/** A status as the user wrote it, matched loosely; undefined when empty, null when unknown. */
export function readStatus(text: string): MeasureStatus | undefined | null {
  if (text === "") return undefined;
  const folded = foldText(text);
  return MEASURE_STATUSES.find((s) => foldText(s) === folded) ?? null;
}

function optionalText<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  const text = cellText(value as never);
  return text ? ({ [key]: text } as Record<K, string>) : {};
}
