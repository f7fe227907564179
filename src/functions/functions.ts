/*
 * Balans custom functions. English names are the ids; Swedish names come from
 * functions-sv.names.json at build time. Each function is a streaming function served by one
 * shared read of the workbook's tables (see liveFormulas.ts), so values follow the tables
 * without F9. custom-functions-metadata-plugin generates functions.json from these comments
 * and registers the functions; do not call CustomFunctions.associate here.
 *
 * SAVINGS, SAVINGSYTD and TOTALSAVINGS take matrix parameters (`any[][]`, a single value arrives
 * as `[[v]]`) and return a matrix, so a range spills one column or table from one invocation
 * (src/core/spill.ts). An omitted optional argument arrives as null; its type stays `any[][]`
 * because the generator declares `any[][] | null` a scalar.
 */
import { planRequiredFormula } from "../core/queries";
import { spill, SpillArgument } from "../core/spill";
import { liveFormulas, toCustomFunctionsError } from "./runtime";
import svNames from "./functions-sv.names.json";

/**
 * A measure's saving in a year, or in one month of it, in the unit of the Atgarder table. A range of ids, years or months gives a column or a table, one formula for all (a spill).
 * @customfunction SAVINGS
 * @param measureId The measure's Id in the Atgarder table, e.g. "A03"; or a range of Ids (e.g. A2:A200) for a column, one row per Id (an empty cell gives an empty row).
 * @param year The year, e.g. 2021; or a row of years (e.g. B1:F1) for a column per year.
 * @param [month] A month 1-12 to get that month's saving only; or a range of months.
 * @param [basis] "plan" (default) or "forecast" ("prognos"): the plan, or the forecast plan with Prognos helårseffekt, Prognos start and Avbruten applied.
 * @param invocation Streaming invocation.
 */
export function savings(
  measureId: any[][],
  year: any[][],
  month: any[][],
  basis: string | null,
  invocation: CustomFunctions.StreamingInvocation<any[][]>
): void {
  const args = spillArguments("SAVINGS", { measureId, year, month }, "measureId");
  void liveFormulas().register(invocation, (q) =>
    spill(args, (c) => q.savings(c[0], c[1], c[2], basis))
  );
}

/**
 * A measure's saving from January through a month. A range of ids, years or months gives a column or a table (a spill).
 * @customfunction SAVINGSYTD
 * @param measureId The measure's Id in the Atgarder table, e.g. "A03"; or a range of Ids (e.g. A2:A200) for a column, one row per Id (an empty cell gives an empty row).
 * @param year The year, e.g. 2021; or a row of years (e.g. B1:F1) for a column per year.
 * @param month The last month 1-12 to include; or a range of months.
 * @param [basis] "plan" (default) or "forecast" ("prognos"): the plan, or the forecast plan with Prognos helårseffekt, Prognos start and Avbruten applied.
 * @param invocation Streaming invocation.
 */
export function savingsYtd(
  measureId: any[][],
  year: any[][],
  month: any[][],
  basis: string | null,
  invocation: CustomFunctions.StreamingInvocation<any[][]>
): void {
  const args = spillArguments("SAVINGSYTD", { measureId, year, month }, "measureId");
  void liveFormulas().register(invocation, (q) =>
    spill(args, (c) => q.savingsYtd(c[0], c[1], c[2], basis))
  );
}

/**
 * The saving of all measures in a year, or of one area's measures, or in one month. A range of years, areas or months gives a row, a column or a table (a spill).
 * @customfunction TOTALSAVINGS
 * @param year The year, e.g. 2021; or a range of years (e.g. B1:F1).
 * @param [area] An Område of the Atgarder table; empty for all measures; or a range of areas, one row each (an empty cell gives an empty row).
 * @param [month] A month 1-12 to get that month's saving only; or a range of months.
 * @param [basis] "plan" (default) or "forecast" ("prognos"): the plan, or the forecast plan with Prognos helårseffekt, Prognos start and Avbruten applied.
 * @param invocation Streaming invocation.
 */
export function totalSavings(
  year: any[][],
  area: any[][],
  month: any[][],
  basis: string | null,
  invocation: CustomFunctions.StreamingInvocation<any[][]>
): void {
  const args = spillArguments("TOTALSAVINGS", { year, area, month }, "area");
  void liveFormulas().register(invocation, (q) =>
    spill(args, (c) => q.totalSavings(c[0], c[1], c[2], basis))
  );
}

/**
 * The arguments a call spills over, named as Swedish Excel shows them; `listsRows` is the
 * parameter a range of which lists rows (ids, areas), so its empty cells give empty rows.
 */
function spillArguments(
  id: keyof typeof svNames,
  values: Record<string, unknown>,
  listsRows: string
): SpillArgument[] {
  const names: Record<string, string[]> = svNames[id].parameters;
  return Object.entries(values).map(([key, value]) => ({
    value,
    name: names[key][0],
    listsRows: key === listsRows,
  }));
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
