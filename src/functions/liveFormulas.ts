import { FormulaResult, PlanQueries } from "../core/queries";
import { RawTable } from "../core/tables";
import { readBalansWorkbook } from "../core/workbook";

/** The part of a streaming custom-function invocation Balans uses. */
export interface LiveInvocation<T> {
  setResult(value: T | CustomFunctions.Error): void;
  onCanceled?: () => void;
}

interface Entry {
  invocation: LiveInvocation<unknown>;
  compute: (q: PlanQueries) => FormulaResult<unknown>;
  last?: string;
}

export interface LiveFormulasOptions {
  /** Reads the Balans tables from the workbook (one constant-size batch of round trips). */
  readTables: () => Promise<RawTable[]>;
  /** Turns an error result into what Excel shows (#N/A or #VALUE! with the message). */
  toError: (result: Extract<FormulaResult<unknown>, { ok: false }>) => CustomFunctions.Error;
  /** Edits arriving within this many milliseconds are served by one read. */
  debounceMs?: number;
}

/**
 * Keeps every Balans formula live. The tables are read once and the resulting model serves all
 * formulas; when a table changes the model is read again, once, and each formula whose value
 * changed gets its new value. Formulas are streaming functions, so Excel needs no F9.
 */
export class LiveFormulas {
  private snapshot?: Promise<PlanQueries>;
  private readonly active = new Set<Entry>();
  private timer?: ReturnType<typeof setTimeout>;
  private readonly debounceMs: number;
  /** How many times the tables have been read; for tests and the benchmark. */
  reads = 0;

  constructor(private readonly options: LiveFormulasOptions) {
    this.debounceMs = options.debounceMs ?? 200;
  }

  get activeCount(): number {
    return this.active.size;
  }

  /** The current model, reading the tables only if no read is cached or under way. */
  queries(): Promise<PlanQueries> {
    if (!this.snapshot) {
      this.reads++;
      const read = this.options
        .readTables()
        .then((tables) => new PlanQueries(readBalansWorkbook(tables)));
      // A failed read is not cached: the next formula or change tries again.
      read.catch(() => {
        if (this.snapshot === read) this.snapshot = undefined;
      });
      this.snapshot = read;
    }
    return this.snapshot;
  }

  /** Starts serving one formula: answers now, and again whenever its value changes. */
  async register<T>(
    invocation: LiveInvocation<T>,
    compute: (q: PlanQueries) => FormulaResult<T>
  ): Promise<void> {
    const entry: Entry = { invocation: invocation as LiveInvocation<unknown>, compute };
    this.active.add(entry);
    invocation.onCanceled = () => this.active.delete(entry);
    await this.deliverAll([entry]);
  }

  /** A table changed: read once after the burst of edits settles, then update what changed. */
  invalidate(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.snapshot = undefined;
      void this.deliverAll([...this.active]);
    }, this.debounceMs);
  }

  /** Reads at once and updates every live formula; resolves when all have their value. */
  async refreshNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.snapshot = undefined;
    await this.deliverAll([...this.active]);
  }

  private async deliverAll(entries: Entry[]): Promise<void> {
    let queries: PlanQueries | undefined;
    let failure: FormulaResult<never> | undefined;
    try {
      queries = await this.queries();
    } catch (error) {
      failure = {
        ok: false,
        error: "notAvailable",
        message: `Balans kunde inte läsa arbetsbokens tabeller: ${(error as Error).message}`,
      };
    }
    for (const entry of entries) {
      if (!this.active.has(entry)) continue;
      let result: FormulaResult<unknown>;
      try {
        result = failure ?? entry.compute(queries!);
      } catch (error) {
        result = {
          ok: false,
          error: "invalidValue",
          message: `Internt fel i Balans: ${(error as Error).message}`,
        };
      }
      const key = result.ok ? `v:${String(result.value)}` : `e:${result.error}:${result.message}`;
      if (key === entry.last) continue;
      entry.last = key;
      entry.invocation.setResult(result.ok ? result.value : this.options.toError(result));
    }
  }
}
