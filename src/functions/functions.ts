/*
 * Balans custom functions. English names are the ids; Swedish names come from
 * functions-sv.names.json at build time. Each function is a streaming function served by one
 * shared read of the workbook's tables (see liveFormulas.ts), so values follow the tables
 * without F9. custom-functions-metadata-plugin generates functions.json from these comments
 * and registers the functions; do not call CustomFunctions.associate here.
 */
import { planRequiredFormula } from "../core/queries";
import { liveFormulas, toCustomFunctionsError } from "./runtime";

/**
 * A measure's saving in a year, or in one month of it, in the unit of the Atgarder table.
 * @customfunction SAVINGS
 * @param measureId The measure's Id in the Atgarder table, e.g. "A03".
 * @param year The year, e.g. 2021.
 * @param [month] A month 1-12 to get that month's saving only.
 * @param [basis] "plan" (default) or "forecast" ("prognos"): the plan, or the forecast plan with Prognos helårseffekt, Prognos start and Avbruten applied.
 * @param invocation Streaming invocation.
 */
export function savings(
  measureId: any,
  year: number,
  month: number | null,
  basis: string | null,
  invocation: CustomFunctions.StreamingInvocation<number>
): void {
  void liveFormulas().register(invocation, (q) => q.savings(measureId, year, month, basis));
}

/**
 * A measure's saving from January through a month.
 * @customfunction SAVINGSYTD
 * @param measureId The measure's Id in the Atgarder table, e.g. "A03".
 * @param year The year, e.g. 2021.
 * @param month The last month 1-12 to include.
 * @param [basis] "plan" (default) or "forecast" ("prognos"): the plan, or the forecast plan with Prognos helårseffekt, Prognos start and Avbruten applied.
 * @param invocation Streaming invocation.
 */
export function savingsYtd(
  measureId: any,
  year: number,
  month: number,
  basis: string | null,
  invocation: CustomFunctions.StreamingInvocation<number>
): void {
  void liveFormulas().register(invocation, (q) => q.savingsYtd(measureId, year, month, basis));
}

/**
 * The saving of all measures in a year, or of one area's measures, or in one month.
 * @customfunction TOTALSAVINGS
 * @param year The year, e.g. 2021.
 * @param [area] An Område of the Atgarder table; empty for all measures.
 * @param [month] A month 1-12 to get that month's saving only.
 * @param [basis] "plan" (default) or "forecast" ("prognos"): the plan, or the forecast plan with Prognos helårseffekt, Prognos start and Avbruten applied.
 * @param invocation Streaming invocation.
 */
export function totalSavings(
  year: number,
  area: string | null,
  month: number | null,
  basis: string | null,
  invocation: CustomFunctions.StreamingInvocation<number>
): void {
  void liveFormulas().register(invocation, (q) => q.totalSavings(year, area, month, basis));
}

/**
 * The forecast deficit of a year (table Underskott) less the savings of that year, planned or forecast.
 * @customfunction RESIDUALDEFICIT
 * @param year The year, e.g. 2020.
 * @param [basis] "plan" (default) or "forecast" ("prognos"): the plan, or the forecast plan with Prognos helårseffekt, Prognos start and Avbruten applied.
 * @param invocation Streaming invocation.
 */
export function residualDeficit(
  year: number,
  basis: string | null,
  invocation: CustomFunctions.StreamingInvocation<number>
): void {
  void liveFormulas().register(invocation, (q) => q.residualDeficit(year, basis));
}

/**
 * Socialnämnden's balance of funds transferred from omsorgsnämnden at the end of a month: transfers to SN in the year up to the month, less transfers back and the year's costs.
 * @customfunction TRANSFERBALANCE
 * @param year The year, e.g. 2018.
 * @param month The month 1-12.
 * @param [category] One of the ten insatser (number 1-10 or name); empty for all.
 * @param invocation Streaming invocation.
 */
export function transferBalance(
  year: number,
  month: number,
  category: any,
  invocation: CustomFunctions.StreamingInvocation<number>
): void {
  void liveFormulas().register(invocation, (q) => q.transferBalance(year, month, category));
}

/**
 * The date a measure's effect starts, or the date a timing such as "Q 3 2020" means. Format the cell as a date.
 * @customfunction STARTDATE
 * @param measureOrTiming A measure's Id, or a timing text such as "Q 3 2020" or "april 2021".
 * @param invocation Streaming invocation.
 */
export function startDate(
  measureOrTiming: any,
  invocation: CustomFunctions.StreamingInvocation<number>
): void {
  void liveFormulas().register(invocation, (q) => q.startDate(measureOrTiming));
}

/**
 * TRUE when a deficit requires an action plan: when it exceeds the threshold share (1 %) of the budget.
 * @customfunction PLANREQUIRED
 * @param deficit The forecast deficit, positive = deficit.
 * @param budget The committee's budget (net cost).
 * @param [threshold] The share of the budget, 1 % if empty.
 * @returns TRUE when an action plan is required.
 */
export function planRequired(deficit: number, budget: number, threshold?: number | null): boolean {
  const result = planRequiredFormula(deficit, budget, threshold);
  if (!result.ok) throw toCustomFunctionsError(result);
  return result.value;
}
