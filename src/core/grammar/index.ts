/**
 * The grammar of what users write in cells and plan texts: Swedish numbers, units, month names,
 * amounts, timings, dates in cells and Excel's error values. One copy, used by the cell readers,
 * the functions, the pane, the command line and the plan-text import alike.
 */
export {
  findNumbers,
  GROUP_SPACE,
  MINUS_SIGNS,
  NUMBER_SOURCE,
  numberValue,
  parseSwedishNumber,
} from "./numbers";
export type { NumberToken } from "./numbers";
export { convertAmount, DEFAULT_UNIT, parseUnit, splitHeader, UNIT_SOURCE } from "./units";
export type { HeaderParts, HeaderUnit, Unit } from "./units";
export { MONTH_NAME_SOURCE, monthNumber, SWEDISH_MONTHS, swedishMonthName } from "./months";
export type { YearMonth } from "./months";
export { amountInUnit, findAmounts, parseAmount, readingNotice } from "./amounts";
export type { AmountInText, AmountReading } from "./amounts";
export { parseTiming, readDateExpression } from "./timings";
export type { DateExpression, TimingPrecision, TimingReading } from "./timings";
export { lastDayOf, readDateCell, readMonthCell } from "./dateCells";
export type { DateCellReading, DateRole, MonthCellReading } from "./dateCells";
export { EXCEL_ERRORS, excelErrorMessage, excelErrorOf } from "./excelErrors";
export type { ExcelError } from "./excelErrors";
export { decimalsOf, matchesStated, sumWord } from "./sums";
export type { SumKind } from "./sums";
