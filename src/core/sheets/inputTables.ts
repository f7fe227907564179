import { toExcelSerial } from "../dates";
import { TableLayout } from "../layout";
import { DEFICITS_TABLE } from "../deficits";
import { MEASURES_TABLE } from "../measures";
import { CellValue } from "../tables";
import { Unit } from "../units";

export interface MeasureRow {
  id: string;
  area?: string;
  name: string;
  annual: number | string;
  timing?: string;
  start?: { year: number; month: number; day: number };
  end?: { year: number; month: number; day: number };
  status?: string;
  responsible?: string;
  dependency?: string;
  comment?: string;
}

const header = (key: string, table: { columns: readonly { key: string; header: string }[] }) =>
  table.columns.find((c) => c.key === key)!.header;

/** The `Atgarder` table as Balans creates it: canonical headers, unit in the amount header. */
export function measuresTableLayout(rows: readonly MeasureRow[], unit: Unit = "mnkr", sheet = "Åtgärder"): TableLayout {
  const h = (key: string) => header(key, MEASURES_TABLE);
  return {
    kind: "table",
    sheet,
    name: MEASURES_TABLE.name,
    columns: [
      { header: h("id"), width: 7 },
      { header: h("area"), width: 28 },
      { header: h("name"), width: 48 },
      { header: `${h("annual")} (${unit})`, width: 14, format: "amountPrecise" },
      { header: h("timing"), width: 30 },
      { header: h("start"), width: 12, format: "date" },
      { header: h("end"), width: 12, format: "date" },
      { header: h("status"), width: 12 },
      { header: h("responsible"), width: 16 },
      { header: h("dependency"), width: 28 },
      { header: h("comment"), width: 40 },
    ],
    rows: rows.map((r): CellValue[] => [
      r.id,
      r.area ?? null,
      r.name,
      r.annual,
      r.timing ?? null,
      r.start ? toExcelSerial(r.start) : null,
      r.end ? toExcelSerial(r.end) : null,
      r.status ?? null,
      r.responsible ?? null,
      r.dependency ?? null,
      r.comment ?? null,
    ]),
  };
}

export interface DeficitRow {
  year: number;
  deficit: number;
  budget?: number;
}

export function deficitsTableLayout(rows: readonly DeficitRow[], unit: Unit = "mnkr", sheet = "Underskott"): TableLayout {
  const h = (key: string) => header(key, DEFICITS_TABLE);
  return {
    kind: "table",
    sheet,
    name: DEFICITS_TABLE.name,
    columns: [
      { header: h("year"), width: 8, format: "integer" },
      { header: `${h("deficit")} (${unit})`, width: 18, format: "amountPrecise" },
      { header: `${h("budget")} (${unit})`, width: 16, format: "amountPrecise" },
    ],
    rows: rows.map((r) => [r.year, r.deficit, r.budget ?? null]),
  };
}

