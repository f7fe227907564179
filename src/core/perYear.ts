/*
 * Per-year effects in Atgarder: columns whose header is a year (`2021`, `2021 (tkr)`) or a saving
 * word and a year (`Effekt 2021`, `Besparing 2022`, `Kostnadsreducering 2023 (mnkr)`) state the
 * measure's effect in that year. This module is the one place that recognises such a header and
 * reads such cells; the import uses the same detection.
 */
import { monthsInEffect, Period } from "./accrual";
import { CalendarDate, toIsoDate } from "./dates";
import { EffectShape, shapeEffect } from "./effectShape";
import {
  amountInUnit,
  convertAmount,
  matchesStated,
  parseAmount,
  readingNotice,
  splitHeader,
  SumKind,
  Unit,
} from "./grammar";
import { BalansError } from "./problems";
import { cellText, CellValue, isEmpty } from "./tables";
import { formatSwedish } from "./text";

/** Words that may stand before the year in a per-year header, folded (no diacritics). */
export const PER_YEAR_WORDS = [
  "effekt",
  "besparing",
  "kostnadsreducering",
  "kostnadsminskning",
  "reducering",
  "minskning",
  "helarseffekt",
  "belopp",
] as const;

const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;
// The header's name once the grammar has taken its unit off: `effekt 2021`, `2021`.
const NAME = new RegExp(String.raw`^(?:(?:${PER_YEAR_WORDS.join("|")})(?: ar)? )?(\d{4})$`);

export interface PerYearHeader {
  year: number;
  /** The unit the header states; undefined = the table's unit. */
  unit?: Unit;
}

/** A per-year header as read, before its unit is judged: `notUnit` is a parenthesis that is no unit. */
export interface PerYearReading extends PerYearHeader {
  notUnit?: string;
}

/**
 * The year (and unit) a header states, or undefined when it is no per-year header; never throws.
 * A trailing colon or full stop (`2021:`, as plans write headers) is no part of the name.
 */
export function readPerYearHeader(header: CellValue): PerYearReading | undefined {
  if (header === null || header === undefined || header instanceof Date) return undefined;
  const { key, unit } = splitHeader(String(header).trim());
  const m = NAME.exec(key.replace(/[:.]$/, ""));
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < FIRST_YEAR || year > LAST_YEAR) return undefined;
  if (unit.kind === "unknown") return { year, notUnit: unit.text };
  return unit.kind === "unit" ? { year, unit: unit.unit } : { year };
}

/**
 * The year (and unit) a header states, or undefined when it is no per-year header. A header that
 * is one but whose parenthesis is no unit (`2021 (st)`) is an error naming the column.
 */
export function perYearHeader(header: CellValue, table = "Atgarder"): PerYearHeader | undefined {
  const found = readPerYearHeader(header);
  if (found?.notUnit === undefined) return found;
  const text = String(header).trim();
  throw new BalansError(
    `Tabellen ${table}: kolumnen »${text}« anger enheten »${found.notUnit}«, som Balans inte känner igen. Skriv mnkr, tkr, kr eller mdkr (t.ex. ${found.year} (tkr)).`,
    table,
    text
  );
}

/** The unit every per-year column states, when they state one and agree; else undefined. */
export function statedYearsUnit(columns: readonly PerYearColumn[]): Unit | undefined {
  const units = new Set(columns.map((c) => c.unit));
  const [only] = units;
  return units.size === 1 ? only : undefined;
}

/** The header Balans writes for a year's column: `Effekt 2021`. */
export function perYearColumnHeader(year: number, unit?: Unit): string {
  return `Effekt ${year}${unit ? ` (${unit})` : ""}`;
}

export interface PerYearColumn extends PerYearHeader {
  /** 0-based index in the table's header row. */
  index: number;
  header: string;
}

/** The per-year columns of a header row, in year order; two columns for one year is an error. */
export function findPerYearColumns(
  headers: readonly CellValue[],
  table = "Atgarder"
): PerYearColumn[] {
  const columns: PerYearColumn[] = [];
  headers.forEach((h, index) => {
    const found = perYearHeader(h, table);
    if (!found) return;
    const twin = columns.find((c) => c.year === found.year);
    if (twin)
      throw new BalansError(
        `Tabellen ${table} har två kolumner för ${found.year}: »${twin.header}« och »${String(h).trim()}«; ta bort den ena.`,
        table,
        String(h).trim()
      );
    columns.push({ ...found, index, header: String(h).trim() });
  });
  return columns.sort((a, b) => a.year - b.year);
}

/**
 * The figures a row states per year, in the table's unit; unreadable cells are problems. `filled`
 * says the row uses per-year columns at all (then Helårseffekt and Tidsaspekt are optional).
 */
export function readPerYearCells(
  cells: readonly CellValue[],
  columns: readonly PerYearColumn[],
  tableUnit: Unit,
  problem: (column: PerYearColumn, message: string, notice?: boolean) => void
): { perYear: Map<number, number>; ok: boolean; filled: boolean } {
  const perYear = new Map<number, number>();
  let ok = true;
  let filled = false;
  for (const c of columns) {
    const cell = cells[c.index];
    if (isEmpty(cell)) continue;
    filled = true;
    const amount = parseAmount(cell);
    if (!amount.ok) {
      problem(c, amount.message);
      ok = false;
      continue;
    }
    const value = amountInUnit(amount, c.unit ?? tableUnit, tableUnit);
    const notice = readingNotice(amount, cellText(cell), tableUnit, value);
    if (notice) problem(c, notice, true);
    if (value < 0) {
      problem(c, `är negativ (${formatSwedish(value)}); ange besparingen som ett positivt belopp`);
      ok = false;
      continue;
    }
    perYear.set(c.year, value);
  }
  return { perYear, ok, filled };
}

/** A row with stated years and no timing starts on 1 January of its first year with an effect. */
export function startOfStatedYears(perYear: ReadonlyMap<number, number>): CalendarDate {
  const years = [...perYear.keys()].sort((a, b) => a - b);
  const first = years.find((y) => perYear.get(y)! !== 0) ?? years[0];
  return { year: first, month: 1, day: 1 };
}

/** After the last stated year the measure saves Helårseffekt, else the last stated year's figure. */
export function annualAfterStatedYears(
  perYear: ReadonlyMap<number, number>,
  annual: number | undefined
): number {
  if (annual !== undefined) return annual;
  const last = Math.max(...perYear.keys());
  return perYear.get(last)!;
}

/**
 * The shape of a measure as the engine reads its row: Helårseffekt, or after the last stated year
 * that year's figure; the start from the timing, or without one 1 January of the first stated
 * year. Undefined when neither a start nor stated years say when it saves.
 */
export function plannedShape(m: {
  annual?: number;
  perYear?: ReadonlyMap<number, number>;
  start?: CalendarDate;
  end?: CalendarDate;
}): EffectShape | undefined {
  const perYear = m.perYear?.size ? m.perYear : undefined;
  const start = m.start ?? (perYear && startOfStatedYears(perYear));
  const annual = perYear ? annualAfterStatedYears(perYear, m.annual) : m.annual;
  if (!start || annual === undefined) return undefined;
  return { annual, start, ...(m.end ? { end: m.end } : {}), ...(perYear ? { perYear } : {}) };
}

/**
 * The rules that tie stated years to the period in effect: a year that states an effect must be
 * in effect; without Helårseffekt, every year in effect up to the last stated one needs its own
 * figure (Balans will not guess it). Each broken rule is a problem on that year's column.
 */
export function checkStatedYears(
  perYear: ReadonlyMap<number, number>,
  period: Period,
  columns: readonly PerYearColumn[],
  annualGiven: boolean,
  problem: (column: { header: string; year: number }, message: string) => void
): boolean {
  let ok = true;
  const columnOf = (year: number) =>
    columns.find((c) => c.year === year) ?? { header: perYearColumnHeader(year), year };
  for (const [year, value] of perYear) {
    if (value !== 0 && monthsInEffect(period, year) === 0) {
      problem(
        columnOf(year),
        `anger ${formatSwedish(value)} för ${year}, men åtgärden gäller inte då (start ${toIsoDate(period.start)}${period.end ? `, slut ${toIsoDate(period.end)}` : ""})`
      );
      ok = false;
    }
  }
  if (!annualGiven && perYear.size) {
    const last = Math.max(...perYear.keys());
    for (let year = period.start.year; year < last; year++) {
      if (perYear.has(year) || monthsInEffect(period, year) === 0) continue;
      problem(
        columnOf(year),
        `åtgärden gäller ${year} men ingen effekt är angiven för det året; fyll i ${columnOf(year).header} eller Helårseffekt`
      );
      ok = false;
    }
  }
  return ok;
}

/**
 * Checks the per-year cells of the plan's sum rows (`Summa`, `Totalt`) against the rows above, as
 * the engine computes their years: `Summa` the rows since the previous sum row, `Totalt` all. A
 * row above that could not be read makes the sum uncheckable (a notice), not wrong.
 */
export class StatedYearSums {
  private section = { rows: [] as EffectShape[], unread: 0 };
  private readonly all = { rows: [] as EffectShape[], unread: 0 };

  constructor(
    private readonly columns: readonly PerYearColumn[],
    private readonly unit: Unit
  ) {}

  add(measure: EffectShape | undefined): void {
    for (const scope of [this.section, this.all]) {
      if (measure) scope.rows.push(measure);
      else scope.unread++;
    }
  }

  check(
    cells: readonly CellValue[],
    kind: SumKind,
    problem: (column: PerYearColumn, message: string, notice?: boolean) => void
  ): void {
    const scope = kind === "total" ? this.all : this.section;
    if (kind === "section") this.section = { rows: [], unread: 0 };
    for (const c of this.columns) {
      const cell = cells[c.index];
      if (isEmpty(cell)) continue;
      const amount = parseAmount(cell);
      if (!amount.ok) {
        problem(c, `summaraden: ${amount.message}`);
        continue;
      }
      const stated = amountInUnit(amount, c.unit ?? this.unit, this.unit);
      if (scope.unread > 0) {
        problem(
          c,
          `summan ${formatSwedish(stated)} ${this.unit} för ${c.year} kan inte kontrolleras: ${scope.unread} rad(er) ovanför kunde inte läsas`,
          true
        );
        continue;
      }
      const computed = scope.rows.reduce((sum, m) => sum + shapeEffect(m, c.year), 0);
      // Compared in the column's own unit, at the precision the figure is written with there.
      const columnUnit = amount.unit ?? c.unit ?? this.unit;
      if (!matchesStated(amount.value, convertAmount(computed, this.unit, columnUnit)))
        problem(
          c,
          `summaraden anger ${formatSwedish(stated)} ${this.unit} för ${c.year}, men åtgärderna ovanför ger ${formatSwedish(computed)} ${this.unit}`
        );
    }
  }
}
