import { CalendarDate, toExcelSerial } from "../dates";
import { DEFICITS_TABLE } from "../deficits";
import { FOLLOW_UP_TABLE } from "../followUp";
import { CellFormat, TableLayout } from "../layout";
import { INSATSER } from "../insatser";
import { MEASURE_STATUSES, MEASURES_TABLE } from "../measures";
import { CellValue, TableSpec } from "../tables";
import { AGREEMENTS_TABLE, COSTS_TABLE, ORDER_TABLE, TRANSFERS_TABLE } from "../transfers";
import { Unit } from "../units";

interface ColumnOf<K extends string> {
  key: K;
  width: number;
  format?: CellFormat;
  choices?: { values: readonly string[]; strict: boolean };
}

const STATUS_CHOICES = { values: MEASURE_STATUSES, strict: true };
const COMMITTEE_CHOICES = { values: ["ON", "SN"], strict: false };
const INSATS_CHOICES = { values: INSATSER.map((name, i) => `${i + 1} - ${name}`), strict: false };

/**
 * A Balans table as Balans creates it: the contract's canonical headers in the spec's order, the
 * unit in the amount column's header (`Belopp (mnkr)`), dates as serials.
 */
function tableLayout<K extends string, R>(
  spec: TableSpec<K>,
  sheet: string,
  unit: Unit,
  columns: ColumnOf<K>[],
  rows: readonly R[],
  cell: (row: R, key: K) => CellValue | CalendarDate | undefined
): TableLayout {
  const header = (key: K) => {
    const h = spec.columns.find((c) => c.key === key)!.header;
    return key === spec.unitColumn ? `${h} (${unit})` : h;
  };
  return {
    kind: "table",
    sheet,
    name: spec.name,
    columns: columns.map((c) => ({
      header: header(c.key),
      width: c.width,
      ...(c.format ? { format: c.format } : {}),
      ...(c.choices ? { choices: c.choices } : {}),
    })),
    rows: rows.map((r) =>
      columns.map((c) => {
        const v = cell(r, c.key);
        if (v && typeof v === "object" && !(v instanceof Date)) return toExcelSerial(v);
        return v ?? null;
      })
    ),
  };
}

type Row<K extends string> = Partial<Record<K, CellValue | CalendarDate>>;
const byKey = <K extends string>(row: Row<K>, key: K) => row[key];

export type MeasureRow = Row<(typeof MEASURES_TABLE.columns)[number]["key"]>;
export function measuresTableLayout(
  rows: readonly MeasureRow[],
  unit: Unit = "mnkr",
  sheet = "Åtgärder"
): TableLayout {
  return tableLayout(
    MEASURES_TABLE,
    sheet,
    unit,
    [
      { key: "id", width: 7 },
      { key: "area", width: 28 },
      { key: "name", width: 48 },
      { key: "annual", width: 14, format: "amountPrecise" },
      { key: "timing", width: 30 },
      { key: "start", width: 12, format: "date" },
      { key: "end", width: 12, format: "date" },
      { key: "status", width: 12, choices: STATUS_CHOICES },
      { key: "responsible", width: 16 },
      { key: "dependency", width: 28 },
      { key: "comment", width: 40 },
      { key: "forecastAnnual", width: 14, format: "amountPrecise" },
      { key: "forecastStart", width: 16 },
    ],
    rows,
    byKey
  );
}

export type DeficitRow = Row<(typeof DEFICITS_TABLE.columns)[number]["key"]>;
export function deficitsTableLayout(
  rows: readonly DeficitRow[],
  unit: Unit = "mnkr",
  sheet = "Underskott"
): TableLayout {
  return tableLayout(
    DEFICITS_TABLE,
    sheet,
    unit,
    [
      { key: "year", width: 8, format: "integer" },
      { key: "deficit", width: 18, format: "amountPrecise" },
      { key: "budget", width: 16, format: "amountPrecise" },
    ],
    rows,
    byKey
  );
}

export type FollowUpRow = Row<(typeof FOLLOW_UP_TABLE.columns)[number]["key"]>;
export function followUpTableLayout(
  rows: readonly FollowUpRow[],
  unit: Unit = "mnkr",
  sheet = "Uppföljning"
): TableLayout {
  return tableLayout(
    FOLLOW_UP_TABLE,
    sheet,
    unit,
    [
      { key: "id", width: 7 },
      { key: "month", width: 10 },
      { key: "actual", width: 14, format: "amountFine" },
      { key: "status", width: 12, choices: STATUS_CHOICES },
      { key: "comment", width: 50 },
    ],
    rows,
    byKey
  );
}

export type TransferRow = Row<(typeof TRANSFERS_TABLE.columns)[number]["key"]>;
export function transfersTableLayout(
  rows: readonly TransferRow[],
  unit: Unit = "mnkr",
  sheet = "Överföringar"
): TableLayout {
  return tableLayout(
    TRANSFERS_TABLE,
    sheet,
    unit,
    [
      { key: "date", width: 12, format: "date" },
      { key: "from", width: 8, choices: COMMITTEE_CHOICES },
      { key: "to", width: 8, choices: COMMITTEE_CHOICES },
      { key: "category", width: 40, choices: INSATS_CHOICES },
      { key: "amount", width: 14, format: "amountPrecise" },
      { key: "comment", width: 60 },
    ],
    rows,
    byKey
  );
}

export type AgreementRow = Row<(typeof AGREEMENTS_TABLE.columns)[number]["key"]>;
export function agreementsTableLayout(
  rows: readonly AgreementRow[],
  unit: Unit = "mnkr",
  sheet = "Avtal"
): TableLayout {
  return tableLayout(
    AGREEMENTS_TABLE,
    sheet,
    unit,
    [
      { key: "id", width: 8 },
      { key: "category", width: 36, choices: INSATS_CHOICES },
      { key: "provider", width: 26 },
      { key: "law", width: 8 },
      { key: "signed", width: 12, format: "date" },
      { key: "start", width: 12, format: "date" },
      { key: "end", width: 12, format: "date" },
      { key: "scope", width: 20 },
      { key: "monthlyCost", width: 20, format: "amountFine" },
      { key: "comment", width: 40 },
    ],
    rows,
    byKey
  );
}

export type CostRow = Row<(typeof COSTS_TABLE.columns)[number]["key"]>;
export function costsTableLayout(
  rows: readonly CostRow[],
  unit: Unit = "mnkr",
  sheet = "Kostnader"
): TableLayout {
  return tableLayout(
    COSTS_TABLE,
    sheet,
    unit,
    [
      { key: "month", width: 10 },
      { key: "category", width: 40, choices: INSATS_CHOICES },
      { key: "agreement", width: 10 },
      { key: "amount", width: 14, format: "amountFine" },
    ],
    rows,
    byKey
  );
}

export type OrderRow = Row<(typeof ORDER_TABLE.columns)[number]["key"]>;
export function orderTableLayout(
  rows: readonly OrderRow[],
  unit: Unit = "mnkr",
  sheet = "Beställning"
): TableLayout {
  return tableLayout(
    ORDER_TABLE,
    sheet,
    unit,
    [
      { key: "category", width: 60, choices: INSATS_CHOICES },
      { key: "need", width: 30 },
      { key: "budget", width: 14, format: "amountPrecise" },
      { key: "comment", width: 50 },
    ],
    rows,
    byKey
  );
}
