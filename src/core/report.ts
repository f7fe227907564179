import { convertAmount, Unit } from "./units";
import { FollowUpLine, FollowUpTotals, followUpLine, indexFollowUp, sumFollowUp } from "./followUp";
import { forecastShape } from "./forecast";
import { monthLabel, previousMonth, YearMonth } from "./months";
import { BalansError, Problem } from "./problems";
import { planRequired } from "./rules";
import { foldText } from "./text";
import { coverageProblems, transferStatus, TransferStatus } from "./transfers";
import {
  BalansWorkbook,
  missingTable,
  requireLedger,
  ledgerProblem,
  TABLE_NAMES,
  workbookErrors,
} from "./workbook";

export interface ReportStamp {
  /** When the report was made, e.g. `2026-11-22 09:30`. */
  madeAt: string;
  /** What it was made from, e.g. the file name. */
  source: string;
}

export interface AreaFollowUp {
  area: string;
  lines: FollowUpLine[];
  totals: FollowUpTotals;
}

export interface PlanSection {
  unit: Unit;
  areas: AreaFollowUp[];
  lines: FollowUpLine[];
  totals: FollowUpTotals;
  previousTotals: FollowUpTotals;
  /** The year's forecast deficit, in the plan's unit, when Underskott has the year. */
  deficit?: number;
  budget?: number;
  residualPlanned?: number;
  residualForecast?: number;
  previousResidualForecast?: number;
  /** The 1 % rule; null when the budget is not known. */
  planRequired: boolean | null;
  /** Ids of the measures whose forecast the economist revised (Prognos helårseffekt/start). */
  revised: string[];
  /** The workbook has no readable Underskott table: no residual deficit, no 1 % rule. */
  deficitsMissing?: true;
}

/**
 * The monthly report as one model: the action plan's follow-up per area with totals, deficit and
 * residual, the 1 % rule, and the transfers ON → SN, each total with the previous month's figure.
 * A snapshot: values, the month, and when and from what it was made.
 */
export interface MonthlyReport {
  at: YearMonth;
  previous: YearMonth;
  stamp: ReportStamp;
  plan?: PlanSection;
  transfers?: { current: TransferStatus; previous: TransferStatus };
  problems: Problem[];
}

export function buildMonthlyReport(
  wb: BalansWorkbook,
  at: YearMonth,
  stamp: ReportStamp
): MonthlyReport {
  const previous = previousMonth(at);
  // A table with a structural error (e.g. Uppfoljning without Utfall) is named in the report's
  // problems, never left out in silence.
  const problems = [...workbookErrors(wb), ...wb.problems];
  let plan: PlanSection | undefined;
  if (wb.measures) {
    const index = indexFollowUp(wb.followUp?.entries ?? []);
    const linesAt = (m: YearMonth) =>
      wb.measures!.measures.map((measure) => {
        const entries = index.get(foldText(measure.id)) ?? [];
        return followUpLine(measure, entries, m, forecastShape(measure, entries, m));
      });
    const lines = linesAt(at);
    const areas = new Map<string, FollowUpLine[]>();
    for (const l of lines) {
      const list = areas.get(l.measure.area) ?? [];
      list.push(l);
      areas.set(l.measure.area, list);
    }
    const totals = sumFollowUp(lines);
    const previousTotals = sumFollowUp(linesAt(previous));
    const unit = wb.measures.unit;
    const deficitRow = wb.deficits?.byYear.get(at.year);
    const toPlanUnit = (v: number) => convertAmount(v, wb.deficits!.unit, unit);
    const deficit = deficitRow ? toPlanUnit(deficitRow.deficit) : undefined;
    const budget = deficitRow?.budget !== undefined ? toPlanUnit(deficitRow.budget) : undefined;
    const previousDeficit = wb.deficits?.byYear.get(previous.year);
    plan = {
      unit,
      areas: [...areas].map(([area, l]) => ({ area, lines: l, totals: sumFollowUp(l) })),
      lines,
      totals,
      previousTotals,
      ...(deficit !== undefined
        ? {
            deficit,
            residualPlanned: deficit - totals.plannedYear,
            residualForecast: deficit - totals.forecastYear,
          }
        : {}),
      ...(previousDeficit
        ? {
            previousResidualForecast:
              toPlanUnit(previousDeficit.deficit) - previousTotals.forecastYear,
          }
        : {}),
      ...(budget !== undefined ? { budget } : {}),
      planRequired:
        deficit !== undefined && budget !== undefined ? planRequired(deficit, budget) : null,
      revised: wb.measures.measures.filter((m) => m.forecast).map((m) => m.id),
      ...(wb.deficits ? {} : { deficitsMissing: true }),
    };
    if (lines.some((l) => l.plannedYear !== 0) && lines.every((l) => !l.reportedThrough)) {
      problems.push({
        table: TABLE_NAMES.followUp,
        message: `Uppföljningen har inga rader för ${at.year} t.o.m. ${monthLabel(at)}; utfallet räknas som 0 och prognosen som planen för resten av året.`,
      });
    }
    if (lines.every((l) => l.plannedYear === 0 && l.actualToDate === 0)) {
      problems.push({
        table: TABLE_NAMES.measures,
        message: `Ingen åtgärd har planerad effekt eller utfall ${at.year}; rapporten har ingen åtgärdsdel för ${monthLabel(at)}.`,
      });
      plan = undefined;
    }
  }
  let transfers: MonthlyReport["transfers"];
  if (wb.ledger) {
    const ledger = ledgerProblem(wb) ? undefined : requireLedger(wb);
    const coverage = ledger ? coverageProblems(ledger, at) : [];
    problems.push(...coverage);
    if (ledger && coverage.length === 0)
      transfers = {
        current: transferStatus(ledger, at),
        previous: transferStatus(ledger, previous),
      };
  }
  if (!wb.measures && !wb.ledger)
    throw wb.tableErrors.get(foldText(TABLE_NAMES.measures)) ?? missingTable(TABLE_NAMES.measures);
  if (!plan && !transfers) {
    throw new BalansError(
      `Inget att rapportera för ${monthLabel(at)}: ${problems
        .slice(-2)
        .map((p) => p.message)
        .join(" ")}`
    );
  }
  return {
    at,
    previous,
    stamp,
    ...(plan ? { plan } : {}),
    ...(transfers ? { transfers } : {}),
    problems,
  };
}
