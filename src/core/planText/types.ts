import { CalendarDate } from "../dates";
import { Problem } from "../problems";
import { ColumnMapping } from "./columns";
import { Stated, Unit } from "./grammar";

export const IMPORT_TABLE = "Import";

export interface ImportedMeasure {
  id: string;
  area: string;
  name: string;
  /** Saving per full year, in the import's unit; undefined when the plan states only years. */
  annual?: number;
  /** Effect per year as the plan states it (per-year columns), in the import's unit. */
  perYear?: Record<string, number>;
  /** The timing as the plan writes it (the rest of the row after its amount, kept whole). */
  timing: string;
  start?: CalendarDate;
  /** An end the timing names (`avtalet löper ut 2021-06-30`): fills Slut. */
  end?: CalendarDate;
  dependency?: string;
  comment?: string;
  /** Line of the text where the measure starts (1-based). */
  line: number;
  /** How sure the reading is, 0–1: a table row read in full is 1; prose is a candidate. */
  confidence: number;
  /** `table`: a row of a table found by its header; `prose`: a sentence (a candidate). */
  source: "table" | "prose";
}

export interface ImportedSection {
  area: string;
  statedSum?: number;
  computedSum: number;
  /** Whether the stated sum equals the computed one at the precision the plan writes it. */
  matches?: boolean;
  /** Stated and computed sums of per-year columns, by year. */
  statedPerYear?: Record<string, number>;
  computedPerYear?: Record<string, number>;
  /** Whether the stated Helårseffekt sum equals the computed one (the sum row states one). */
  annualMatches?: boolean;
  /** Whether each stated per-year sum equals the computed one, by year. */
  matchesPerYear?: Record<string, boolean>;
  /** Why the sums could not be checked (`negativa belopp`): then `matches` says nothing. */
  unchecked?: string;
}

/** A table found in the text: its header line and the role given to each column. */
export interface ImportedTable {
  line: number;
  area: string;
  unit: Unit;
  columns: ColumnMapping[];
}

export interface PlanImport {
  unit: Unit;
  measures: ImportedMeasure[];
  /** Measures stated in prose: offered, never written without the user's confirmation. */
  candidates: ImportedMeasure[];
  sections: ImportedSection[];
  tables: ImportedTable[];
  statedTotal?: number;
  computedTotal: number;
  statedPerYear: Record<string, number>;
  computedPerYear: Record<string, number>;
  /** Amounts with a unit seen outside every table (for the hint when nothing is found). */
  amountsOutside: { line: number; text: string }[];
  /** When no measure was found: what Balans looked for and what it saw (also a problem). */
  hint?: string;
  problems: Problem[];
}

/** A measure as read, before the import's unit is settled. */
export interface RawMeasure {
  measure: ImportedMeasure;
  /** Unit of `annual` and of `perYear`. */
  unit: Unit;
}

/** A sum row (`Summa`, `Delsumma`, `Totalt`): the stated sums of the rows it covers. */
export interface SumRow {
  line: number;
  label: string;
  annual?: Stated;
  perYear: Record<string, Stated>;
  /** `Totalt`, `Summa totalt`, `Total`: all rows of the table; otherwise the rows since the last sum. */
  total: boolean;
  /** The measures it covers. */
  covers: RawMeasure[];
}

/** What reading a table's rows gives. */
export interface TableRows {
  measures: RawMeasure[];
  sums: SumRow[];
}

/** A user's change of a column's role in the preview: table by header line, column by index. */
export type ColumnOverrides = Record<number, Record<number, ColumnRole>>;
import type { ColumnRole } from "./columns";
