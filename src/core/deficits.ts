import { isPlanYear, YEAR_RANGE_TEXT } from "./limits";
import { Problem } from "./problems";
import { bindTable, cellText, isEmpty, ProblemLog, RawTable, TableSpec } from "./tables";
import { Unit } from "./units";

export const DEFICITS_TABLE: TableSpec<"year" | "deficit" | "budget"> = {
  name: "Underskott",
  unitColumn: "deficit",
  columns: [
    { key: "year", header: "År", aliases: ["Year"], required: true },
    {
      key: "deficit",
      header: "Underskott",
      aliases: ["Prognos", "Deficit"],
      required: true,
      amount: true,
    },
    { key: "budget", header: "Budget", amount: true },
  ],
};

export interface YearDeficit {
  year: number;
  /** Forecast deficit before measures; positive = deficit. */
  deficit: number;
  /** The committee's budget (net cost), for the 1 % rule. */
  budget?: number;
  row: number;
}

export interface DeficitsRead {
  unit: Unit;
  byYear: Map<number, YearDeficit>;
  problems: Problem[];
}

/**
 * Reads the `Underskott` table: one forecast deficit per year, in the unit of the Underskott
 * column; a Budget column with its own unit (`Budget (tkr)`) is converted to it.
 */
export function readDeficits(raw: RawTable): DeficitsRead {
  const table = bindTable(DEFICITS_TABLE, raw);
  const log = new ProblemLog(table);
  const byYear = new Map<number, YearDeficit>();
  for (const row of table.rows) {
    const year = readYear(row.get("year"));
    if (year === undefined) {
      if (!log.hasError(row.number, "year"))
        log.add(
          row.number,
          "year",
          `»${cellText(row.get("year"))}« är inget år i ${YEAR_RANGE_TEXT}; ange t.ex. 2020`
        );
      continue;
    }
    if (byYear.has(year)) {
      log.add(
        row.number,
        "year",
        `${year} finns redan på rad ${byYear.get(year)!.row}; ett underskott per år`
      );
      continue;
    }
    const deficit = log.amount(row, "deficit");
    if (deficit === undefined) continue;
    let budget: number | undefined;
    if (!isEmpty(row.get("budget"))) {
      budget = log.amount(row, "budget");
      if (budget !== undefined && !(budget > 0)) {
        log.add(row.number, "budget", "måste vara större än noll");
        budget = undefined;
      }
    }
    byYear.set(year, {
      year,
      deficit,
      ...(budget !== undefined ? { budget } : {}),
      row: row.number,
    });
  }
  return { unit: table.unit, byYear, problems: log.problems };
}

/** A year cell: 2020, "2020", or "2020.0" as some files store it; within limits.ts's years. */
export function readYear(value: unknown): number | undefined {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && value.trim() !== ""
        ? Number(value.trim())
        : NaN;
  return isPlanYear(n) ? n : undefined;
}
