import { FormulaResult, PlanQueries } from "../core/queries";
import { sameAnswer, Spill } from "../core/spill";
import { RawTable } from "../core/tables";
import { readBalansWorkbook } from "../core/workbook";
import { errorCode } from "../adapters/office/officeErrors";
import { TableChange } from "../adapters/office/readChanges";
import { LiveStatus } from "./sharedRuntime";

/** The part of a streaming custom-function invocation Balans uses. */
export interface LiveInvocation<T> {
  setResult(value: T | CustomFunctions.Error): void;
  onCanceled?: () => void;
}

/** What a formula answers: one value or error, or a spilled matrix of them. */
export type Answer<T = unknown> = FormulaResult<T> | Spill<T>;

interface Entry {
  invocation: LiveInvocation<unknown>;
  compute: (q: PlanQueries) => Answer;
  last?: Answer;
}

export interface LiveFormulasOptions {
  /** Reads the Balans tables from the workbook (one constant-size batch of round trips). */
  readTables: () => Promise<RawTable[]>;
  /**
   * Reads only what changed: the tables after `changes`, from the tables of the last read. Used
   * when every change since that read is known (else, or without it, `readTables`).
   */
  readChanges?: (base: readonly RawTable[], changes: readonly TableChange[]) => Promise<RawTable[]>;
  /** Turns an error result into what Excel shows (#N/A or #VALUE! with the message). */
  toError: (result: Extract<FormulaResult<unknown>, { ok: false }>) => CustomFunctions.Error;
  /** Edits arriving within this many milliseconds are served by one read. */
  debounceMs?: number;
  /** A read that has not finished after this long (a hung sync) is given up and tried again. */
  readTimeoutMs?: number;
  /** The first retry of a failed read waits this long; each further one twice as long. */
  retryMs?: number;
  maxRetryMs?: number;
  /**
   * A formula invoked when the model is older than this (Excel re-invokes every formula on F9 or
   * Ctrl+Alt+F9) is answered at once and then read again.
   */
  freshMs?: number;
  now?: () => number;
}

/** How the last read went, for the pane. */
export interface ReadHealth {
  ok: boolean;
  /** The Office error code (or "Timeout") of the last failed read. */
  code?: string;
  /** When the next attempt is due (ms since epoch), while reads are failing. */
  retryAt?: number;
}

interface Model {
  generation: number;
  queries: PlanQueries;
  /** The tables read, patched by later reads of what changed. */
  tables: readonly RawTable[];
  at: number;
}

/** A read that gave up waiting for Excel. */
export class ReadTimeout extends Error {
  readonly code = "Timeout";
  constructor(ms: number) {
    super(`Excel svarade inte på ${Math.round(ms / 1000)} s.`);
  }
}

/**
 * Keeps every Balans formula live. The tables are read once and the resulting model serves all
 * formulas; when a table changes the model is read again, once, and each formula whose value
 * changed gets its new value. When every change since the last read is known (the watch says
 * which table and cells), only those are read and the last read's tables patched. Each read
 * carries a generation: a read that finishes after a newer one is dropped. A failed or hung read
 * keeps the values shown and is retried with backoff, so formulas recover on their own. Formulas
 * are streaming functions, so Excel needs no F9; F9 re-invokes them, and that reads again.
 */
export class LiveFormulas {
  private current?: Model;
  private pending?: { generation: number; promise: Promise<Model> };
  /** Generations up to this one may be out of date: the workbook changed after they started. */
  private needAfter = 0;
  private started = 0;
  /** What changed since the last read started ("all": not known, or a read failed). */
  private changes: TableChange[] | "all" = "all";
  private readonly active = new Set<Entry>();
  private timer?: ReturnType<typeof setTimeout>;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private retryDelay: number;
  private readonly now: () => number;
  /** How many times the tables have been read; for tests and the benchmark. */
  reads = 0;
  /** How many of those reads read only what changed. */
  partialReads = 0;
  health: ReadHealth = { ok: true };
  /** Whether changes are being watched (set by whoever watches the workbook). */
  watch: Omit<LiveStatus, "formulas"> = { state: "starting" };

  constructor(private readonly options: LiveFormulasOptions) {
    this.now = options.now ?? Date.now;
    this.retryDelay = options.retryMs ?? 1000;
  }

  get activeCount(): number {
    return this.active.size;
  }

  /** Live when changes are watched and the last read succeeded; else why not, and until when. */
  status(): LiveStatus {
    const formulas = this.active.size;
    if (this.watch.state !== "live") return { ...this.watch, formulas };
    if (!this.health.ok)
      return { state: "retrying", code: this.health.code, retryAt: this.health.retryAt, formulas };
    return { state: "live", formulas };
  }

  /** The current model, reading the tables only if none is valid or under way. */
  queries(): Promise<PlanQueries> {
    return this.model().then((m) => m.queries);
  }

  private model(): Promise<Model> {
    if (this.current && this.current.generation > this.needAfter)
      return Promise.resolve(this.current);
    if (this.pending && this.pending.generation > this.needAfter) return this.pending.promise;
    return this.read();
  }

  private read(): Promise<Model> {
    // Only what changed is read when the last read started is the model's (so the changes since
    // are all that can differ from it) and each change is known; else every table.
    const changes = this.changes;
    const base = this.current;
    const partial =
      this.options.readChanges && changes !== "all" && base && base.generation === this.started;
    this.changes = [];
    const generation = ++this.started;
    this.reads++;
    if (partial) this.partialReads++;
    const timeoutMs = this.options.readTimeoutMs ?? 20_000;
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const promise = Promise.race([
      partial ? this.options.readChanges!(base.tables, changes) : this.options.readTables(),
      new Promise<never>((_, reject) => {
        timeout = setTimeout(() => reject(new ReadTimeout(timeoutMs)), timeoutMs);
      }),
    ])
      .finally(() => clearTimeout(timeout))
      .then((tables) => {
        const model = {
          generation,
          queries: new PlanQueries(readBalansWorkbook(tables)),
          tables,
          at: this.now(),
        };
        if (!this.current || generation > this.current.generation) this.current = model;
        this.health = { ok: true };
        this.retryDelay = this.options.retryMs ?? 1000;
        return model;
      });
    const entry = { generation, promise };
    this.pending = entry;
    promise.then(
      () => this.pending === entry && (this.pending = undefined),
      (error) => {
        if (this.pending === entry) this.pending = undefined;
        // What this read was to read is not in any model: the next read reads everything.
        this.changes = "all";
        this.scheduleRetry(error);
      }
    );
    return promise;
  }

  private scheduleRetry(error: unknown): void {
    if (this.retryTimer) return;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(delay * 2, this.options.maxRetryMs ?? 60_000);
    this.health = { ok: false, code: errorCode(error), retryAt: this.now() + delay };
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.needAfter = this.started;
      this.changes = "all";
      void this.deliverAll([...this.active]);
    }, delay);
  }

  /** Starts serving one formula: answers now, and again whenever its value changes. */
  async register<T>(
    invocation: LiveInvocation<T>,
    compute: (q: PlanQueries) => Answer<unknown>
  ): Promise<void> {
    const entry: Entry = { invocation: invocation as LiveInvocation<unknown>, compute };
    this.active.add(entry);
    invocation.onCanceled = () => this.active.delete(entry);
    // A formula invoked again on a model that is not fresh (F9): answer now, then read again.
    const old =
      this.current &&
      this.current.generation > this.needAfter &&
      !this.pending &&
      this.now() - this.current.at > (this.options.freshMs ?? 1000);
    await this.deliverAll([entry]);
    if (old) this.invalidate();
  }

  /** Stops the debounce and retry timers (when the runtime stops). */
  dispose(): void {
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    this.timer = this.retryTimer = undefined;
  }

  /**
   * A table changed (`change` says where; without it, anything may have): read once after the
   * burst of edits settles, then update what changed.
   */
  invalidate(change?: TableChange): void {
    if (change && this.changes !== "all") this.changes.push(change);
    else this.changes = "all";
    this.needAfter = this.started;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.deliverAll([...this.active]);
    }, this.options.debounceMs ?? 200);
  }

  /** Reads at once and updates every live formula; resolves when all have their value. */
  async refreshNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.needAfter = this.started;
    this.changes = "all";
    await this.deliverAll([...this.active]);
  }

  private async deliverAll(entries: Entry[]): Promise<void> {
    let model: Model | undefined;
    let failure: FormulaResult<never> | undefined;
    try {
      model = await this.model();
    } catch (error) {
      // The values shown stay as they are until a read succeeds (the retry is scheduled); a
      // formula that has no value yet gets one from the last model read, or says why it has none.
      if (this.current) {
        model = this.current;
        entries = entries.filter((e) => e.last === undefined);
      } else
        failure = {
          ok: false,
          error: "notAvailable",
          message: `Balans kunde inte läsa arbetsbokens tabeller och försöker igen (${errorCode(error)}).`,
        };
    }
    // A read that finished after a newer one has nothing to deliver.
    if (model && this.current && model.generation < this.current.generation) return;
    for (const entry of entries) {
      if (!this.active.has(entry)) continue;
      let result: Answer;
      try {
        result = failure ?? entry.compute(model!.queries);
      } catch (error) {
        result = {
          ok: false,
          error: "invalidValue",
          message: `Internt fel i Balans: ${(error as Error).message}`,
        };
      }
      // An unchanged answer, or an unchanged spill, is not sent again; a changed one whole.
      if (entry.last !== undefined && sameAnswer(result, entry.last)) continue;
      entry.last = result;
      entry.invocation.setResult(this.shown(result));
    }
  }

  /**
   * What Excel shows: the value, or a CustomFunctions.Error; a spill as rows of those (an error
   * inside an array is documented for CustomFunctionsRuntime 1.2). A 1×1 spill that is an error
   * is sent as the formula's error, exactly as a scalar formula's.
   */
  private shown(result: Answer): unknown {
    const cell = (r: FormulaResult<unknown>) => (r.ok ? r.value : this.options.toError(r));
    if (!Array.isArray(result)) return cell(result);
    if (result.length === 1 && result[0].length === 1 && !result[0][0].ok)
      return cell(result[0][0]);
    return result.map((row) => row.map(cell));
  }
}
