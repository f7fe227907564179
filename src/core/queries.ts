import { AnswerCache, cacheableYear, monthSlot } from "./answerCache";
import { EffectShape, shapeEffect, throughSlot, YEAR_SLOTS, yearSlots } from "./effectShape";
import { forecastShapes } from "./forecast";
import { toExcelSerial } from "./dates";
import { isPlanYear, YEAR_MIN, YEAR_RANGE_TEXT } from "./limits";
import { Measure } from "./measures";
import { BalansError, describeProblem } from "./problems";
import { planRequired, PLAN_THRESHOLD } from "./rules";
import { foldText } from "./text";
import { parseTiming } from "./grammar";
import { convertAmount } from "./units";
import { parseInsats } from "./insatser";
import { transferStatus, TransferStatus } from "./transfers";
import { BalansWorkbook, requireLedger, requireTable, TABLE_NAMES } from "./workbook";

/**
 * A formula's answer: a value, or an error of the kind Excel shows (`#N/A` for something that
 * cannot be found, `#VALUE!` for an argument or a row that cannot be used) with a message.
 */
export type FormulaResult<T = number> =
  | {
      ok: true;
      value: T;
      /** The notices of the rows the answer used (`läste 2021-01-01 ur »2021«; …`), for the hover. */
      notice?: string;
    }
  | { ok: false; error: "notAvailable" | "invalidValue"; message: string };

const value = <T>(v: T): FormulaResult<T> => ({ ok: true, value: v });
const notAvailable = (message: string): FormulaResult<never> => ({
  ok: false,
  error: "notAvailable",
  message,
});
const invalid = (message: string): FormulaResult<never> => ({
  ok: false,
  error: "invalidValue",
  message,
});

/** Thrown inside a query to return an error result; caught in `answer`. */
class FormulaError extends Error {
  constructor(readonly result: FormulaResult<never>) {
    super(result.ok ? "" : result.message);
  }
}

function answer<T>(compute: () => T): FormulaResult<T> {
  try {
    return value(compute());
  } catch (error) {
    if (error instanceof FormulaError) return error.result;
    if (error instanceof BalansError) return notAvailable(error.message);
    throw error;
  }
}

/**
 * The Balans functions over one read of the workbook. Built once per read and shared by every
 * formula; totals are memoized, so thousands of formulas cost little more than one.
 */
export class PlanQueries {
  private readonly byId = new Map<string, Measure>();
  /**
   * Ids exactly as written, to the measure's place in the plan: most formulas name a measure as
   * the table does, and find it without folding.
   */
  private readonly byExactId = new Map<string, ExactId>();
  /**
   * Where a measure's year (plan or forecast) is in `slotValues`, keyed by `slotKey`: its
   * `yearSlots` (the year, each month, January through each month), built on the first question.
   */
  private readonly slots = new Map<number, number>();
  /** The slots themselves, YEAR_SLOTS numbers per measure's year, at the offsets in `slots`. */
  private slotValues = new Float64Array(YEAR_SLOTS * 256);
  private slotsUsed = 0;
  /** TOTALSAVINGS's sums by area as written ("" = all); null for an area the plan lacks. */
  private readonly totalsByArea = new Map<string, AreaTotals | null>();
  /** The same sums by folded area, shared by every spelling of it. */
  private readonly totalsByAreaKey = new Map<string, AreaTotals>();
  /** Each measure's folded area, in plan order. */
  private readonly areaOf: string[] = [];
  private readonly memo = new Map<string, number>();
  private readonly statuses = new Map<string, TransferStatus>();
  /** Areas folded once: formulas name them as the table does, thousands of times. */
  private readonly foldedAreas = new Map<string, string>();
  private readonly areaKeys = new Set<string>();
  /** Each measure's forecast plan, built on the first formula that asks for the forecast. */
  private forecasts?: Map<Measure, EffectShape>;
  /** Notices of usable rows, by folded id and by folded area ("" = all), read once. */
  private readonly noticesById = new Map<string, string>();
  private readonly noticesByArea = new Map<string, string[]>();
  /**
   * The general path's answers by exact arguments, for ids not as the table writes them (other
   * case, a number), per basis: per year the slots of `yearSlots`.
   */
  private readonly answers = new Map<string, AnswerCache>([
    ["plan", new AnswerCache(YEAR_SLOTS)],
    ["forecast", new AnswerCache(YEAR_SLOTS)],
  ]);
  private readonly transferAnswers = new AnswerCache(13);

  constructor(readonly workbook: BalansWorkbook) {
    const rejected = workbook.measures?.rejectedIds ?? new Set<string>();
    const measures = workbook.measures?.measures ?? [];
    const keys = measures.map((m) => foldText(m.id));
    measures.forEach((m, i) => {
      const key = keys[i];
      this.byId.set(key, m);
      const area = this.foldArea(m.area);
      this.areaOf.push(area);
      this.areaKeys.add(area);
      const problems = workbook.measures?.problemsById.get(key);
      const notes = problems ? problems.filter((p) => p.severity === "notice") : [];
      if (notes.length && !rejected.has(key)) {
        const text = notes.map(describeProblem).join("; ");
        this.noticesById.set(key, text);
        for (const at of ["", area])
          this.noticesByArea.set(at, [...(this.noticesByArea.get(at) ?? []), text]);
      }
    });
    // An id as written finds the very measure (and notice) the folded lookup would: not rejected
    // (a duplicate of a rejected row answers with that row's problem), and the row byId keeps.
    measures.forEach((m, i) => {
      const key = keys[i];
      if (isBlank(m.id) || rejected.has(key) || this.byId.get(key) !== m) return;
      if (this.byExactId.has(m.id)) return;
      this.byExactId.set(m.id, { measure: i, notice: this.noticesById.get(key), key: -1, at: -1 });
    });
  }

  /** The answer with the notices of the rows it used, when there are any. */
  private noted<T>(result: FormulaResult<T>, notices: readonly string[] | undefined) {
    const notice = noticeText(notices);
    return !result.ok || notice === undefined ? result : { ...result, notice };
  }

  private measureNotice(measureId: unknown): string[] | undefined {
    const exact = typeof measureId === "string" ? this.byExactId.get(measureId) : undefined;
    if (exact) return exact.notice ? [exact.notice] : undefined;
    const text = isBlank(measureId) ? undefined : this.noticesById.get(foldText(String(measureId)));
    return text ? [text] : undefined;
  }

  /** SAVINGS(measureId; year; [month]; [basis]): a measure's effect in the year, or in that month. */
  savings(measureId: unknown, year: unknown, month?: unknown, basis?: unknown): FormulaResult {
    const slot = monthSlot(month);
    if (slot >= 0) {
      const exact = this.exactYear(measureId, year, basis);
      if (exact) return exactAnswer(exact, this.slotValues[exact.at + slot]);
    }
    const cache = this.measureCache(measureId, basis);
    if (!cache || slot < 0 || !cacheableYear(year))
      return this.savingsGeneral(measureId, year, month, basis);
    return (
      cache.get(measureId, year, slot) ??
      cache.put(measureId, year, slot, this.savingsGeneral(measureId, year, month, basis))
    );
  }

  /** SAVINGSYTD(measureId; year; month; [basis]): the effect from January through the month. */
  savingsYtd(measureId: unknown, year: unknown, month: unknown, basis?: unknown): FormulaResult {
    const slot = monthSlot(month);
    if (slot >= 1) {
      const exact = this.exactYear(measureId, year, basis);
      if (exact) return exactAnswer(exact, this.slotValues[exact.at + throughSlot(slot)]);
    }
    const cache = this.measureCache(measureId, basis);
    if (!cache || slot < 1 || !cacheableYear(year))
      return this.savingsYtdGeneral(measureId, year, month, basis);
    return (
      cache.get(measureId, year, throughSlot(slot)) ??
      cache.put(
        measureId,
        year,
        throughSlot(slot),
        this.savingsYtdGeneral(measureId, year, month, basis)
      )
    );
  }

  /** TOTALSAVINGS(year; [area]; [month]; [basis]): all measures, or one area's. Rows with problems count nothing. */
  totalSavings(year: unknown, area?: unknown, month?: unknown, basis?: unknown): FormulaResult {
    const slot = monthSlot(month);
    const basisAt = basisKey(basis);
    if (
      slot >= 0 &&
      basisAt !== undefined &&
      cacheableYear(year) &&
      (area === undefined || area === null || typeof area === "string")
    ) {
      const totals = this.areaTotals(area ?? "");
      if (totals) {
        const at = yearIndex(basisAt, year);
        const sums = totals.years[at] ?? (totals.years[at] = this.sumArea(totals, basisAt, year));
        return totals.notice === undefined
          ? { ok: true, value: sums[slot] }
          : { ok: true, value: sums[slot], notice: totals.notice };
      }
    }
    // Anything else (odd arguments, no plan, an area the plan lacks) is an error or a rare
    // question: the general path answers it.
    return this.totalSavingsGeneral(year, area, month, basis);
  }

  /** TRANSFERBALANCE(year; month; [verksamhet]): SN's balance of transferred funds at the end of the month. */
  transferBalance(year: unknown, month: unknown, category?: unknown): FormulaResult {
    const slot = monthSlot(month);
    const key = category === undefined || category === null ? "" : category;
    if (slot < 1 || !cacheableYear(year) || (typeof key !== "string" && typeof key !== "number"))
      return this.transferBalanceGeneral(year, month, category);
    return (
      this.transferAnswers.get(key, year, slot) ??
      this.transferAnswers.put(key, year, slot, this.transferBalanceGeneral(year, month, category))
    );
  }

  /**
   * A measure named by its id as written, with `at` where its year's slots are, for arguments the
   * general path would take without error (a plan year, "plan"/"prognos"/"forecast" or none).
   */
  private exactYear(measureId: unknown, year: unknown, basis: unknown): ExactId | undefined {
    if (typeof measureId !== "string" || !cacheableYear(year)) return undefined;
    const exact = this.byExactId.get(measureId);
    const basisAt = basisKey(basis);
    if (!exact || basisAt === undefined) return undefined;
    const key = slotKey(exact.measure, basisAt, year);
    if (exact.key !== key) {
      exact.at = this.yearAt(exact.measure, basisAt, year);
      exact.key = key;
    }
    return exact;
  }

  /** Where the measure's year is in `slotValues`, built there on the first question. */
  private yearAt(measure: number, basis: Basis, year: number): number {
    const key = slotKey(measure, basis, year);
    let at = this.slots.get(key);
    if (at === undefined) {
      if (this.slotsUsed + YEAR_SLOTS > this.slotValues.length) {
        const more = new Float64Array(this.slotValues.length * 2);
        more.set(this.slotValues);
        this.slotValues = more;
      }
      at = this.slotsUsed;
      this.slotsUsed += YEAR_SLOTS;
      const m = this.workbook.measures!.measures[measure];
      yearSlots(this.shape(m, basis), year, this.slotValues, at);
      this.slots.set(key, at);
    }
    return at;
  }

  /**
   * TOTALSAVINGS's sums for an area as written ("" = all), with the notices the general path
   * shows for it; undefined where the general path answers (no plan, an area the plan lacks).
   */
  private areaTotals(written: string): AreaTotals | undefined {
    let totals = this.totalsByArea.get(written);
    if (totals === undefined) {
      const areaKey = isBlank(written) ? "" : this.foldArea(written);
      totals = null;
      if (this.workbook.measures && (areaKey === "" || this.areaKeys.has(areaKey))) {
        totals = this.totalsByAreaKey.get(areaKey) ?? {
          areaKey,
          notice: noticeText(this.noticesByArea.get(areaKey)),
          years: [],
        };
        this.totalsByAreaKey.set(areaKey, totals);
      }
      this.totalsByArea.set(written, totals);
    }
    return totals ?? undefined;
  }

  /**
   * An area's year: slot 0 the year, 1–12 the months, each the sum of the measures' slots in
   * plan order, as the general path adds them.
   */
  private sumArea(totals: AreaTotals, basis: Basis, year: number): Float64Array {
    const sums = new Float64Array(13);
    const measures = this.workbook.measures!.measures;
    for (let i = 0; i < measures.length; i++) {
      if (totals.areaKey !== "" && this.areaOf[i] !== totals.areaKey) continue;
      const at = this.yearAt(i, basis, year);
      for (let s = 0; s < 13; s++) sums[s] += this.slotValues[at + s];
    }
    return sums;
  }

  /** The cache for a measure id and basis the cache can key on (an id as text or number). */
  private measureCache(measureId: unknown, basis: unknown): AnswerCache | undefined {
    if (typeof measureId !== "string" && typeof measureId !== "number") return undefined;
    const basisAt = basisKey(basis);
    return basisAt === undefined ? undefined : this.answers.get(basisAt);
  }

  private savingsGeneral(
    measureId: unknown,
    year: unknown,
    month?: unknown,
    basis?: unknown
  ): FormulaResult {
    const result = answer(() => {
      const y = requireYear(year);
      const mo = optionalMonth(month);
      const shape = this.shape(this.measure(measureId), readBasis(basis));
      return mo === undefined ? shapeEffect(shape, y) : shapeEffect(shape, y, mo, mo);
    });
    return this.noted(result, this.measureNotice(measureId));
  }

  private savingsYtdGeneral(
    measureId: unknown,
    year: unknown,
    month: unknown,
    basis?: unknown
  ): FormulaResult {
    const result = answer(() => {
      const y = requireYear(year);
      const mo = requireMonth(month);
      return shapeEffect(this.shape(this.measure(measureId), readBasis(basis)), y, 1, mo);
    });
    return this.noted(result, this.measureNotice(measureId));
  }

  private totalSavingsGeneral(
    year: unknown,
    area?: unknown,
    month?: unknown,
    basis?: unknown
  ): FormulaResult {
    const areaNotices = this.noticesByArea.get(isBlank(area) ? "" : this.foldArea(String(area)));
    return this.noted(this.totalSavingsValue(year, area, month, basis), areaNotices);
  }

  private totalSavingsValue(
    year: unknown,
    area?: unknown,
    month?: unknown,
    basis?: unknown
  ): FormulaResult {
    return answer(() => {
      const y = requireYear(year);
      const mo = optionalMonth(month);
      const b = readBasis(basis);
      const measures = this.measuresRead().measures;
      const areaKey = isBlank(area) ? undefined : this.foldArea(String(area));
      if (areaKey !== undefined && !this.areaKeys.has(areaKey)) {
        const areas = [...new Set(measures.map((m) => m.area))];
        throw new FormulaError(
          notAvailable(
            `Området »${String(area)}« finns inte i Atgarder. Områden: ${areas.join(", ")}.`
          )
        );
      }
      return this.memoized(`total|${y}|${areaKey ?? ""}|${mo ?? ""}|${b}`, () =>
        measures
          .filter((m) => areaKey === undefined || this.foldArea(m.area) === areaKey)
          .reduce((sum, m) => sum + shapeEffect(this.shape(m, b), y, mo ?? 1, mo ?? 12), 0)
      );
    });
  }

  /** RESIDUALDEFICIT(year; [basis]): the forecast deficit less the year's effect, in Underskott's unit. */
  residualDeficit(year: unknown, basis?: unknown): FormulaResult {
    return answer(() => {
      const y = requireYear(year);
      const b = readBasis(basis);
      const deficits = requireTable(this.workbook, TABLE_NAMES.deficits, this.workbook.deficits);
      const row = deficits.byYear.get(y);
      if (!row) {
        const years = [...deficits.byYear.keys()].sort();
        const unread = deficits.problems.length
          ? ` Rader som inte kunde läsas: ${deficits.problems.map(describeProblem).join("; ")}`
          : "";
        throw new FormulaError(
          notAvailable(
            `Tabellen Underskott har inget år ${y}${years.length ? ` (finns: ${years.join(", ")})` : ""}.${unread}`
          )
        );
      }
      const measures = this.measuresRead();
      const planned = this.memoized(`total|${y}|||${b}`, () =>
        measures.measures.reduce((s, m) => s + shapeEffect(this.shape(m, b), y), 0)
      );
      return row.deficit - convertAmount(planned, measures.unit, deficits.unit);
    });
  }

  /** STARTDATE(measureId or timing text): the start date as an Excel date serial. */
  startDate(idOrTiming: unknown): FormulaResult {
    return this.noted(this.startDateValue(idOrTiming), this.measureNotice(idOrTiming));
  }

  private startDateValue(idOrTiming: unknown): FormulaResult {
    return answer(() => {
      if (isBlank(idOrTiming))
        throw new FormulaError(
          invalid('Ange ett åtgärds-id eller en tidsaspekt, t.ex. "Q 3 2020".')
        );
      const text = String(idOrTiming).trim();
      const key = foldText(text);
      const known = this.byId.get(key);
      if (known) return toExcelSerial(known.start);
      const rejected = this.rejectedProblem(key);
      if (rejected) throw new FormulaError(invalid(rejected));
      const timing = parseTiming(typeof idOrTiming === "number" ? idOrTiming : text);
      if (timing.ok) return toExcelSerial(timing.start);
      const looksLikeId = /^[\p{L}]{0,4}[-_ ]?\d{1,4}$/u.test(text) && !/^\d{4}$/.test(text);
      throw new FormulaError(
        looksLikeId
          ? notAvailable(`Ingen åtgärd har id ${text} i tabellen Atgarder.`)
          : invalid(`Tidsaspekten ${timing.message}`)
      );
    });
  }

  private transferBalanceGeneral(year: unknown, month: unknown, category?: unknown): FormulaResult {
    return answer(() => {
      const at = { year: requireYear(year), month: requireMonth(month) };
      const ledger = requireLedger(this.workbook);
      // One status per month serves the total and every insats of that month.
      const key = `${at.year}-${at.month}`;
      let status = this.statuses.get(key);
      if (!status) this.statuses.set(key, (status = transferStatus(ledger, at)));
      if (isBlank(category)) return status.balance;
      const insats = parseInsats(category);
      if (!insats.ok) throw new FormulaError(notAvailable(`Verksamheten ${insats.message}`));
      return status.byCategory.find((c) => c.category === insats.category)?.balance ?? 0;
    });
  }

  /** A measure's plan, or its forecast plan (Prognos helårseffekt, Prognos start, Avbruten). */
  private shape(m: Measure, basis: Basis): EffectShape {
    if (basis === "plan") return m;
    if (!this.forecasts) {
      const read = this.measuresRead();
      this.forecasts = forecastShapes(read.measures, this.workbook.followUp?.entries ?? []);
    }
    return this.forecasts.get(m) ?? m;
  }

  private foldArea(area: string): string {
    let key = this.foldedAreas.get(area);
    if (key === undefined) this.foldedAreas.set(area, (key = foldText(area)));
    return key;
  }

  private measuresRead() {
    return requireTable(this.workbook, TABLE_NAMES.measures, this.workbook.measures);
  }

  /** A measure by id; a row with that id that could not be read answers with its problem. */
  private measure(measureId: unknown): Measure {
    const exact = typeof measureId === "string" ? this.byExactId.get(measureId) : undefined;
    if (exact) return this.workbook.measures!.measures[exact.measure];
    if (isBlank(measureId)) throw new FormulaError(invalid('Ange ett åtgärds-id, t.ex. "A03".'));
    const read = this.measuresRead();
    const key = foldText(String(measureId));
    const rejected = this.rejectedProblem(key);
    if (rejected) throw new FormulaError(invalid(rejected));
    const m = this.byId.get(key);
    if (!m) {
      throw new FormulaError(
        notAvailable(
          `Ingen åtgärd har id ${String(measureId).trim()} i tabellen Atgarder (${read.measures.length} åtgärder).`
        )
      );
    }
    return m;
  }

  private rejectedProblem(key: string): string | undefined {
    const read = this.workbook.measures;
    if (!read?.rejectedIds.has(key)) return undefined;
    const problems = read.problemsById.get(key) ?? [];
    return problems.map(describeProblem).join("; ") || `Åtgärden ${key} kan inte räknas.`;
  }

  private memoized(key: string, compute: () => number): number {
    let v = this.memo.get(key);
    if (v === undefined) {
      v = compute();
      this.memo.set(key, v);
    }
    return v;
  }
}

/** PLANREQUIRED(deficit; budget; [threshold]): needs no tables. */
export function planRequiredFormula(
  deficit: unknown,
  budget: unknown,
  threshold?: unknown
): FormulaResult<boolean> {
  if (typeof deficit !== "number" || !Number.isFinite(deficit))
    return invalid("Underskottet ska vara ett tal.");
  if (typeof budget !== "number" || !(budget > 0))
    return invalid("Budgeten ska vara ett tal större än noll.");
  if (isBlank(threshold)) return value(planRequired(deficit, budget, PLAN_THRESHOLD));
  if (typeof threshold !== "number" || !(threshold > 0 && threshold < 1)) {
    return invalid("Gränsen anges som andel av budgeten, t.ex. 1 % eller 0,01.");
  }
  return value(planRequired(deficit, budget, threshold));
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** The notices of the rows an answer used, as its hover shows them: three, and how many more. */
function noticeText(notices: readonly string[] | undefined): string | undefined {
  if (!notices?.length) return undefined;
  const shown = notices.slice(0, 3).join("; ");
  const more = notices.length > 3 ? ` (och ${notices.length - 3} till)` : "";
  return `${shown}${more}`;
}

/** TOTALSAVINGS of a folded area ("" = all), per basis and year as `yearIndex`. */
interface AreaTotals {
  areaKey: string;
  notice: string | undefined;
  years: (Float64Array | undefined)[];
}

/** A basis and year as an index: 128 years per basis. */
function yearIndex(basis: Basis, year: number): number {
  return (basis === "plan" ? 0 : 128) + (year - YEAR_MIN);
}

/** A measure as a formula names it, by its id as written. */
interface ExactId {
  /** Its place in the plan. */
  measure: number;
  /** The notices of its row, as the general path shows them. */
  notice: string | undefined;
  /** The year last asked (as `slotKey`) and where its slots are: formulas ask few years. */
  key: number;
  at: number;
}

/** An answer for an id as written, with its row's notices, as the general path gives it. */
function exactAnswer(exact: ExactId, v: number): FormulaResult {
  return exact.notice === undefined
    ? { ok: true, value: v }
    : { ok: true, value: v, notice: exact.notice };
}

/** A measure's year on a basis as one number. */
function slotKey(measure: number, basis: Basis, year: number): number {
  return measure * 256 + yearIndex(basis, year);
}

/** The basis argument as the cache keys it, without folding: undefined for any other spelling. */
function basisKey(basis: unknown): Basis | undefined {
  if (basis === undefined || basis === null || basis === "plan") return "plan";
  if (basis === "prognos" || basis === "forecast") return "forecast";
  return undefined;
}

/** What a function computes from: the plan (the default) or the forecast plan. */
export type Basis = "plan" | "forecast";

/** The functions' optional last argument: `"plan"`, or `"prognos"` / `"forecast"`. */
export function readBasis(basis: unknown): Basis {
  if (basis === undefined || basis === "plan") return "plan";
  if (isBlank(basis)) return "plan";
  const word = typeof basis === "string" ? foldText(basis) : "";
  if (word === "plan") return "plan";
  if (word === "prognos" || word === "forecast") return "forecast";
  throw new FormulaError(
    invalid(
      `Sista argumentet ska vara "plan" eller "prognos" (fick ${typeof basis === "string" ? `"${basis}"` : String(basis)}).`
    )
  );
}

function requireYear(year: unknown): number {
  const n = typeof year === "string" ? Number(year.trim()) : year;
  if (!isPlanYear(n)) {
    throw new FormulaError(
      invalid(
        `Året ska vara ett helt årtal ${YEAR_RANGE_TEXT}, t.ex. 2021 (fick ${isBlank(year) ? "inget" : String(year)}).`
      )
    );
  }
  return n;
}

function requireMonth(month: unknown): number {
  const n = typeof month === "string" ? Number(month.trim()) : month;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 12) {
    throw new FormulaError(
      invalid(`Månaden ska vara 1–12 (fick ${isBlank(month) ? "inget" : String(month)}).`)
    );
  }
  return n;
}

function optionalMonth(month: unknown): number | undefined {
  return isBlank(month) ? undefined : requireMonth(month);
}
