import { DeficitsRead, readDeficits } from "./deficits";
import { MeasuresRead, readMeasures } from "./measures";
import { BalansError, Problem } from "./problems";
import { findTable, RawTable } from "./tables";
import { foldText } from "./text";

/**
 * What Balans knows of a workbook after one read of its tables: the measures and deficits,
 * indexed for lookups by thousands of formulas, and every problem found.
 */
export interface PlanWorkbook {
  measures?: MeasuresRead;
  deficits?: DeficitsRead;
  /** Structural errors per table (a missing required column), kept so other tables still work. */
  tableErrors: Map<string, BalansError>;
  problems: Problem[];
}

export const TABLE_NAMES = { measures: "Atgarder", deficits: "Underskott" } as const;

/** Reads the plan's tables from raw tables; a broken table does not hide the others. */
export function readPlanWorkbook(tables: readonly RawTable[]): PlanWorkbook {
  const tableErrors = new Map<string, BalansError>();
  const attempt = <T>(name: string, read: (raw: RawTable) => T): T | undefined => {
    const raw = findTable(tables, name);
    if (!raw) return undefined;
    try {
      return read(raw);
    } catch (error) {
      if (error instanceof BalansError) {
        tableErrors.set(foldText(name), error);
        return undefined;
      }
      throw error;
    }
  };
  const measures = attempt(TABLE_NAMES.measures, readMeasures);
  const deficits = attempt(TABLE_NAMES.deficits, readDeficits);
  return {
    measures,
    deficits,
    tableErrors,
    problems: [...(measures?.problems ?? []), ...(deficits?.problems ?? [])],
  };
}

/** The measures, or the error a user must fix first: the table is missing or broken. */
export function requireMeasures(wb: PlanWorkbook): MeasuresRead {
  if (wb.measures) return wb.measures;
  throw wb.tableErrors.get(foldText(TABLE_NAMES.measures)) ?? missingTable(TABLE_NAMES.measures);
}

export function missingTable(name: string): BalansError {
  return new BalansError(
    `Arbetsboken saknar tabellen ${name}. Skapa en Excel-tabell med det namnet (eller ett blad med rubrikrad).`,
    name,
  );
}
