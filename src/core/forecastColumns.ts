/*
 * The forecast columns of Atgarder: `Prognos helårseffekt` (alias `Reviderad helårseffekt`) and
 * `Prognos start` (aliases `Ny start`, `Reviderad start`; a date or a timing text). Empty means
 * "as planned".
 */
import { CalendarDate, compareDates, toIsoDate } from "./dates";
import { amountInUnit, parseAmount, parseTiming, readingNotice, Unit } from "./grammar";
import { monthLabel } from "./months";
import { cellText, CellValue, isEmpty } from "./tables";
import { formatSwedish } from "./text";

/** What the economist now expects of a measure, where it differs from the plan. */
export interface MeasureForecast {
  /** The new saving per full year, in the table's unit. */
  annual?: number;
  /** The new start. */
  start?: CalendarDate;
  /** Prognos start as written. */
  startText?: string;
}

/**
 * Reads a row's forecast cells. An unreadable cell is a problem and leaves that part of the
 * forecast as planned; the plan itself is not affected.
 */
export function readForecastCells(
  cells: { annual: CellValue; startCell: CellValue },
  units: { column: Unit; table: Unit },
  plan: {
    annual: number;
    start?: CalendarDate;
    perYear?: ReadonlyMap<number, number>;
    end?: CalendarDate;
  },
  problem: (key: "forecastAnnual" | "forecastStart", message: string, notice?: boolean) => void
): MeasureForecast | undefined {
  const forecast: MeasureForecast = {};
  if (!isEmpty(cells.annual)) {
    const amount = parseAmount(cells.annual);
    if (!amount.ok) problem("forecastAnnual", amount.message);
    else {
      const annual = amountInUnit(amount, units.column, units.table);
      const notice = readingNotice(amount, cellText(cells.annual), units.table, annual);
      if (notice) problem("forecastAnnual", notice, true);
      if (annual < 0)
        problem(
          "forecastAnnual",
          `är negativ (${formatSwedish(annual)}); ange den väntade besparingen som ett positivt belopp`
        );
      else if (plan.perYear && plan.annual === 0 && annual !== 0)
        problem(
          "forecastAnnual",
          "kan inte tillämpas: planen anger effekten per år och helårseffekten är 0, så det finns inget att skala om"
        );
      else forecast.annual = annual;
    }
  }
  if (!isEmpty(cells.startCell)) {
    const timing = parseTiming(cells.startCell);
    if (!timing.ok) problem("forecastStart", timing.message);
    else if (plan.end && compareDates(timing.start, plan.end) > 0)
      problem(
        "forecastStart",
        `${toIsoDate(timing.start)} är efter åtgärdens slut ${toIsoDate(plan.end)}; ändra Slut eller Prognos start`
      );
    else {
      if (timing.notice) problem("forecastStart", timing.notice, true);
      if (plan.perYear && plan.start && plan.start.day !== timing.start.day)
        problem(
          "forecastStart",
          `planen anger effekten per år, så prognosen flyttar den hela månader: från ${monthLabel(plan.start)} till ${monthLabel(timing.start)} (dagen ${timing.start.day} räknas inte)`,
          true
        );
      forecast.start = timing.start;
      forecast.startText = String(cells.startCell).trim();
    }
  }
  return forecast.annual !== undefined || forecast.start ? forecast : undefined;
}
