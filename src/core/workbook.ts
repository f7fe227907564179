import { DeficitsRead, readDeficits } from "./deficits";
import { FollowUpEntry, readFollowUp } from "./followUp";
import { MeasuresRead, readMeasures } from "./measures";
import { BalansError, Problem, problemOfError } from "./problems";
import { findTable, RawTable } from "./tables";
import { foldText } from "./text";
import { readAgreements, readCosts, readOrder, readTransfers, TransferLedger } from "./transfers";

/** The Balans tables by the names the workbook contract gives them. */
export const TABLE_NAMES = {
  measures: "Atgarder",
  deficits: "Underskott",
  followUp: "Uppfoljning",
  transfers: "Overforingar",
  agreements: "Avtal",
  costs: "Kostnader",
  order: "Bestallning",
} as const;

export const ALL_TABLES: readonly string[] = Object.values(TABLE_NAMES);

/**
 * The tables every figure is computed from: all but Bestallning (ON's order), which only the
 * transfer sheet's comparison shows. The formulas and the monthly report read these; Uppfoljning
 * too, since a measure cancelled there (Avbruten) forecasts its actual months only.
 */
export const FIGURE_TABLES: readonly string[] = ALL_TABLES.filter((t) => t !== TABLE_NAMES.order);

/**
 * What Balans knows of a workbook after one read of its tables, indexed for lookups by thousands
 * of formulas, with every problem found. A broken table does not hide the others.
 */
export interface BalansWorkbook {
  measures?: MeasuresRead;
  deficits?: DeficitsRead;
  followUp?: { entries: FollowUpEntry[]; problems: Problem[] };
  /** Present when the workbook has an Overforingar table. */
  ledger?: TransferLedger;
  /** Structural errors per folded table name (a missing required column). */
  tableErrors: Map<string, BalansError>;
  problems: Problem[];
}

export function readBalansWorkbook(tables: readonly RawTable[]): BalansWorkbook {
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
  const followUp = measures
    ? attempt(TABLE_NAMES.followUp, (raw) =>
        readFollowUp(raw, measures.measures, measures.unit, measures.rejectedIds)
      )
    : undefined;

  let ledger: TransferLedger | undefined;
  const transfers = attempt(TABLE_NAMES.transfers, readTransfers);
  if (transfers) {
    const agreements = attempt(TABLE_NAMES.agreements, (raw) =>
      readAgreements(raw, transfers.unit)
    );
    const ids = agreements ? new Set(agreements.agreements.map((a) => a.id)) : undefined;
    const costs = attempt(TABLE_NAMES.costs, (raw) => readCosts(raw, transfers.unit, ids));
    const order = attempt(TABLE_NAMES.order, (raw) => readOrder(raw, transfers.unit));
    ledger = {
      unit: transfers.unit,
      transfers: transfers.transfers,
      ...(agreements ? { agreements: agreements.agreements } : {}),
      ...(costs ? { costs: costs.costs } : {}),
      ...(order ? { order: order.order } : {}),
      problems: [
        ...transfers.problems,
        ...(agreements?.problems ?? []),
        ...(costs?.problems ?? []),
        ...(order?.problems ?? []),
      ],
    };
  }
  return {
    measures,
    deficits,
    followUp,
    ledger,
    tableErrors,
    problems: [
      ...(measures?.problems ?? []),
      ...(deficits?.problems ?? []),
      ...(followUp?.problems ?? []),
      ...(ledger?.problems ?? []),
      ...(measures && !deficits && !tableErrors.has(foldText(TABLE_NAMES.deficits))
        ? [MISSING_DEFICITS]
        : []),
    ],
  };
}

/** A plan without its Underskott table: the effects are computed, the residual deficit is not. */
const MISSING_DEFICITS: Problem = {
  table: TABLE_NAMES.deficits,
  severity: "notice",
  message:
    "Tabellen Underskott saknas (inget blad eller ingen tabell heter Underskott), så inget restunderskott räknas.",
};

/**
 * The structural errors (a missing required column, an unknown unit) of the named tables, or of
 * all, as problems: every command, function and pane button shows them, none drops them.
 */
export function structuralProblems(wb: BalansWorkbook, names?: readonly string[]): Problem[] {
  const wanted = names ? new Set(names.map(foldText)) : undefined;
  return [...wb.tableErrors]
    .filter(([name]) => !wanted || wanted.has(name))
    .map(([, error]) => problemOfError(error));
}

/** A table the operation cannot do without: its structural error, or that it is missing. */
export function requireTable<T>(wb: BalansWorkbook, name: string, value: T | undefined): T {
  if (value !== undefined) return value;
  throw wb.tableErrors.get(foldText(name)) ?? missingTable(name);
}

export function requireMeasures(wb: BalansWorkbook): MeasuresRead {
  return requireTable(wb, TABLE_NAMES.measures, wb.measures);
}

/** The transfer ledger with a source of costs: Kostnader, or Avtal to accrue. */
export function requireLedger(wb: BalansWorkbook): TransferLedger {
  const ledger = requireTable(wb, TABLE_NAMES.transfers, wb.ledger);
  // Kostnader or Avtal present but unreadable: the balance would quietly fall back on the other
  // (or lose the forecast), so it is not computed at all.
  for (const name of [TABLE_NAMES.costs, TABLE_NAMES.agreements]) {
    const error = wb.tableErrors.get(foldText(name));
    if (error) throw error;
  }
  if (!ledger.costs && !ledger.agreements) {
    throw (
      wb.tableErrors.get(foldText(TABLE_NAMES.agreements)) ??
      wb.tableErrors.get(foldText(TABLE_NAMES.costs)) ??
      new BalansError(
        "Arbetsboken saknar tabellen Avtal (och Kostnader), så socialnämndens kostnader kan inte beräknas. Skapa tabellen Avtal med de särskilda avtalen.",
        TABLE_NAMES.agreements
      )
    );
  }
  return ledger;
}

/**
 * Why the transfer tables cannot be used, as a problem; undefined when they can, or when the
 * workbook has no Overforingar table.
 */
export function ledgerProblem(wb: BalansWorkbook): Problem | undefined {
  if (!wb.ledger) return undefined;
  try {
    requireLedger(wb);
    return undefined;
  } catch (error) {
    if (error instanceof BalansError) return problemOfError(error);
    throw error;
  }
}

/**
 * Every error that leaves a part of the workbook out: the structural errors, and an unusable
 * transfer ledger (e.g. Overforingar without Avtal), each once.
 */
export function workbookErrors(wb: BalansWorkbook): Problem[] {
  const errors = structuralProblems(wb);
  const ledger = ledgerProblem(wb);
  return ledger && !errors.some((p) => p.message === ledger.message) ? [...errors, ledger] : errors;
}

export function missingTable(name: string): BalansError {
  return new BalansError(
    `Arbetsboken saknar tabellen ${name}. Skapa en Excel-tabell med det namnet (eller ett blad med rubrikrad).`,
    name
  );
}
