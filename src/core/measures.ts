import { CalendarDate, compareDates, toIsoDate } from "./dates";
import {
  matchesStated,
  parseTiming,
  readDateCell,
  sumWord,
  SumKind,
  TimingReading,
} from "./grammar";
import { MeasureForecast, readForecastCells } from "./forecastColumns";
import {
  annualAfterStatedYears,
  checkStatedYears,
  findPerYearColumns,
  PerYearColumn,
  readPerYearCells,
  startOfStatedYears,
  StatedYearSums,
  statedYearsUnit,
} from "./perYear";
import { Problem } from "./problems";
import {
  bindTable,
  BoundRow,
  BoundTable,
  CellValue,
  cellText,
  isEmpty,
  ProblemLog,
  RawTable,
  rememberReadings,
  TableSpec,
} from "./tables";
import { foldText, formatSwedish } from "./text";
import { Unit } from "./units";

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
      amount: true,
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
      amount: true,
    },
    { key: "forecastStart", header: "Prognos start", aliases: ["Ny start", "Reviderad start"] },
  ],
};

/** Helårseffekt is optional in a table that states effects per year. */
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

/** A sum row of the plan (`Summa`, `Totalt`): the stated sum and what the rows above add up to. */
export interface StatedSum {
  row: number;
  kind: SumKind;
  stated: number;
  computed: number;
  matches: boolean;
}

export interface MeasuresRead {
  unit: Unit;
  measures: Measure[];
  problems: Problem[];
  /** Problems by folded measure id, including rows left out, for the formulas a row affects. */
  problemsById: Map<string, Problem[]>;
  /** Folded ids of rows left out because their effect cannot be computed. */
  rejectedIds: Set<string>;
  /** The plan's sum rows, checked against the measures above them. */
  sums: StatedSum[];
}

type MeasureKey = (typeof MEASURES_TABLE.columns)[number]["key"];
type Row = BoundRow<MeasureKey>;

/**
 * Reads the `Atgarder` table. Rows with a problem that makes their effect unknowable (no id, no
 * amount, no start) are left out and reported; rows with a minor problem are kept and reported.
 * Sum rows (`Summa`, `Totalt`, also `S u m m a`) are no measures: their amount is checked against
 * the rows above. Areas group case-insensitively and are shown as first written.
 */
export function readMeasures(raw: RawTable): MeasuresRead {
  const yearColumns = findPerYearColumns(raw.headers);
  const table = bindTable(
    yearColumns.length ? MEASURES_TABLE_WITH_YEARS : MEASURES_TABLE,
    raw,
    yearColumns.map((c) => c.index)
  );
  // Without a Helårseffekt column, per-year columns that agree on a unit give the table's unit.
  const unit = table.has("annual") ? table.unit : (statedYearsUnit(yearColumns) ?? table.unit);
  const years = { columns: yearColumns, unit };
  const log = new ProblemLog(table);
  const measures: Measure[] = [];
  const rowOfId = new Map<string, number>();
  const problemsById = new Map<string, Problem[]>();
  const rejectedIds = new Set<string>();
  const areaAsWritten = new Map<string, string>();
  // areas are few and written thousands of times: each spelling folded once
  const areaKeyOf = rememberReadings(foldText);
  const sums = new SumChecker(table, log);
  const yearSums = new StatedYearSums(yearColumns, unit);
  // Plans repeat their timings (Q 3 2020, 2021): each distinct cell is parsed once per read.
  const timingOf = rememberReadings<CellValue, TimingReading>(parseTiming);

  for (const row of table.rows) {
    const kind = sumRowKind(row);
    if (kind) {
      sums.check(row, kind);
      yearSums.check(row.cells, kind, yearProblem(log, row.number));
      continue;
    }
    const measure = readMeasureRow(table, log, row, rowOfId, years, timingOf);
    const id = cellText(row.get("id"));
    const key = id === "" ? "" : foldText(id);
    if (id !== "") {
      if (!rowOfId.has(key)) rowOfId.set(key, row.number);
      const mine = log.problemsOfRow(row.number);
      if (mine.length) problemsById.set(key, [...(problemsById.get(key) ?? []), ...mine]);
    }
    sums.add(measure ? measure.annual : undefined);
    yearSums.add(measure);
    if (!measure) {
      if (id !== "") rejectedIds.add(key);
      continue;
    }
    const areaKey = areaKeyOf(measure.area);
    if (!areaAsWritten.has(areaKey)) areaAsWritten.set(areaKey, measure.area);
    measure.area = areaAsWritten.get(areaKey)!;
    measures.push(measure);
  }
  return {
    unit,
    measures,
    problems: log.problems,
    problemsById,
    rejectedIds,
    sums: sums.sums,
  };
}

/** A problem in a per-year column of a row, named by the header the user wrote. */
function yearProblem(log: ProblemLog<MeasureKey>, row: number) {
  return (column: { header: string; year: number }, message: string, notice?: boolean) =>
    log.addInColumn(
      row,
      column.header,
      `year:${column.year}`,
      message,
      notice ? "notice" : "error"
    );
}

function sumRowKind(row: Row): SumKind | undefined {
  return sumWord(cellText(row.get("id"))) ?? sumWord(cellText(row.get("name")));
}

/** One row of Atgarder as a measure, or undefined (with its problems logged) when unusable. */
function readMeasureRow(
  table: BoundTable<MeasureKey>,
  log: ProblemLog<MeasureKey>,
  row: Row,
  rowOfId: Map<string, number>,
  years: { columns: readonly PerYearColumn[]; unit: Unit },
  timingOf: (cell: CellValue) => TimingReading
): Measure | undefined {
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

  // Per-year columns: a stated year overrides the accrual; Helårseffekt and Tidsaspekt become
  // optional for a row that fills them (see perYear.ts).
  const stated = readPerYearCells(
    row.cells,
    years.columns,
    years.unit,
    yearProblem(log, row.number)
  );
  if (!stated.ok) usable = false;
  const perYear = stated.perYear.size ? stated.perYear : undefined;
  const annual =
    stated.filled && isEmpty(row.get("annual"))
      ? perYear && annualAfterStatedYears(perYear, undefined)
      : readAnnual(table, log, row);
  if (annual === undefined) usable = false;

  const timing = cellText(row.get("timing"));
  const startCell = row.get("start");
  let start: CalendarDate | undefined;
  let endFromTiming: CalendarDate | undefined;
  if (!isEmpty(startCell)) {
    const r = readDateCell(startCell, "start");
    if (r.ok) start = r.date;
    else log.add(row.number, "start", r.message);
  } else if (isEmpty(row.get("timing")) && stated.filled) {
    if (perYear) start = startOfStatedYears(perYear);
  } else if (isEmpty(row.get("timing")) || log.hasError(row.number, "timing")) {
    log.add(
      row.number,
      table.has("timing") ? "timing" : "start",
      "saknar tidpunkt; fyll i Tidsaspekt (t.ex. Q 3 2020) eller Start"
    );
  } else {
    const parsed = timingOf(row.get("timing"));
    if (parsed.ok) {
      start = parsed.start;
      endFromTiming = parsed.end;
      if (parsed.notice) log.notice(row.number, "timing", parsed.notice);
    } else log.add(row.number, "timing", parsed.message);
  }
  if (!start) usable = false;

  let end: CalendarDate | undefined;
  const endCell = row.get("end");
  if (!isEmpty(endCell)) {
    const r = readDateCell(endCell, "end");
    if (r.ok) end = r.date;
    else log.add(row.number, "end", r.message);
  } else if (endFromTiming) {
    end = endFromTiming;
    log.notice(row.number, "timing", `läste slutet ${toIsoDate(end)} ur Tidsaspekt (Slut är tom)`);
  }
  if (end && start && compareDates(end, start) < 0) {
    log.add(
      row.number,
      endCell ? "end" : "timing",
      `slutar ${toIsoDate(end)}, före start ${toIsoDate(start)}`
    );
    usable = false;
  }

  if (perYear && start && usable) {
    const period = { start, ...(end ? { end } : {}) };
    const annualGiven = !isEmpty(row.get("annual"));
    if (
      !checkStatedYears(perYear, period, years.columns, annualGiven, yearProblem(log, row.number))
    )
      usable = false;
  }

  const forecast =
    annual === undefined
      ? undefined
      : readForecastCells(
          { annual: row.get("forecastAnnual"), startCell: row.get("forecastStart") },
          { column: table.statedUnit("forecastAnnual") ?? years.unit, table: years.unit },
          {
            annual,
            ...(start ? { start } : {}),
            ...(perYear ? { perYear } : {}),
            ...(end ? { end } : {}),
          },
          (key, message, notice) => log.add(row.number, key, message, notice ? "notice" : "error")
        );

  const status = readStatus(cellText(row.get("status")));
  if (status === null) {
    log.add(
      row.number,
      "status",
      `»${cellText(row.get("status"))}« är ingen status; ange ${MEASURE_STATUSES.join(", ")}`
    );
  }
  if (!usable || !start || annual === undefined) return undefined;
  return {
    id,
    area: cellText(row.get("area")) || DEFAULT_AREA,
    name,
    annual,
    ...(perYear ? { perYear } : {}),
    ...(forecast ? { forecast } : {}),
    // A row dated only by its stated years has no timing to show.
    timing: timing || (perYear && isEmpty(startCell) ? "" : toIsoDate(start)),
    start,
    ...(end ? { end } : {}),
    ...(status ? { status } : {}),
    ...optionalText("responsible", row.get("responsible")),
    ...optionalText("dependency", row.get("dependency")),
    ...optionalText("comment", row.get("comment")),
    row: row.number,
  };
}

/** Helårseffekt in the table's unit; a text amount with its own unit is converted. */
function readAnnual(
  table: BoundTable<MeasureKey>,
  log: ProblemLog<MeasureKey>,
  row: Row
): number | undefined {
  const annual = log.amount(row, "annual");
  if (annual === undefined) return undefined;
  if (annual < 0) {
    log.add(
      row.number,
      "annual",
      `är negativ (${formatSwedish(annual)}); ange besparingen som ett positivt belopp i ${table.unit}`
    );
    return undefined;
  }
  return annual;
}

/**
 * Checks each sum row against the measures above it: `Summa`/`Delsumma` the rows since the
 * previous sum row, `Totalt` every row above. A row that could not be read makes the sum
 * uncheckable (said so), not wrong.
 */
class SumChecker {
  readonly sums: StatedSum[] = [];
  private section = { total: 0, unread: 0 };
  private all = { total: 0, unread: 0 };

  constructor(
    private readonly table: BoundTable<MeasureKey>,
    private readonly log: ProblemLog<MeasureKey>
  ) {}

  add(annual: number | undefined): void {
    for (const s of [this.section, this.all]) {
      if (annual === undefined) s.unread++;
      else s.total += annual;
    }
  }

  check(row: Row, kind: SumKind): void {
    const scope = kind === "total" ? this.all : this.section;
    if (kind === "section") this.section = { total: 0, unread: 0 };
    const cell = row.get("annual");
    if (isEmpty(cell)) return;
    const stated = this.log.amount(row, "annual");
    if (stated === undefined) return;
    const unit = this.table.unit;
    if (scope.unread > 0) {
      this.log.notice(
        row.number,
        "annual",
        `summan ${formatSwedish(stated)} ${unit} kan inte kontrolleras: ${scope.unread} rad(er) ovanför kunde inte läsas`
      );
      return;
    }
    const matches = matchesStated(stated, scope.total);
    this.sums.push({ row: row.number, kind, stated, computed: scope.total, matches });
    if (!matches)
      this.log.add(
        row.number,
        "annual",
        `summaraden anger ${formatSwedish(stated)} ${unit}, men åtgärderna ovanför summerar till ${formatSwedish(scope.total)} ${unit}`
      );
  }
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
