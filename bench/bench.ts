/*
 * `npm run bench`: Balans' figures against its budgets, on this machine, in one run.
 * Prints a table and exits non-zero when a figure is over its budget.
 */
import { spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as v8 from "v8";
import * as vm from "vm";
import * as zlib from "zlib";
import { writeLayoutsToFile } from "../src/adapters/xlsx/writeLayouts";
import { accrue } from "../src/core/accrual";
import { parseAmount } from "../src/core/amount";
import { PlanQueries } from "../src/core/queries";
import {
  followUpTableLayout,
  measuresTableLayout,
  deficitsTableLayout,
} from "../src/core/sheets/inputTables";
import { CellValue, RawTable } from "../src/core/tables";
import { parseTiming } from "../src/core/timing";
import { readBalansWorkbook } from "../src/core/workbook";
import { RESPONSE_LIMIT_BYTES } from "../src/adapters/office/readTables";
import { createLiveFormulas, FORMULA_TABLES, watchForLiveFormulas } from "../src/functions/runtime";
import { watchWorkbook } from "../src/functions/workbookWatch";
import { PaneHost, writeMonthlyReport } from "../src/taskpane/operations";
import { buildAddin } from "../tests/helpers/buildAddin";
import { addTemplateTables } from "../tests/helpers/templateWorkbook";
import { handmadeXlsx, MAIN, sheetXml } from "../tests/helpers/xlsxParts";

const root = process.cwd();
// The Excel double all tests use (Office.js semantics: queued operations, loads at sync, limits).
const { createExcelDouble } = require(path.join(root, "tests/double/excelDouble.js"));

interface Row {
  what: string;
  figure: string;
  budget: string;
  ok: boolean;
}
const rows: Row[] = [];
const record = (what: string, figure: string, budget: string, ok: boolean) =>
  rows.push({ what, figure, budget, ok });
const fmt = (n: number) => Math.round(n).toLocaleString("sv-SE");

const AREAS = 10;
function planRows(n: number): CellValue[][] {
  return Array.from({ length: n }, (_, i) => [
    `M${i + 1}`,
    `Område ${i % AREAS}`,
    `Åtgärd ${i + 1}`,
    (i % 17) / 10 + 0.1,
    `Q ${(i % 4) + 1} ${2020 + (i % 3)}`,
  ]);
}
const HEADERS = ["Id", "Område", "Åtgärd", "Helårseffekt (mnkr)", "Tidsaspekt"];
const rawPlan = (n: number): RawTable[] => [
  { name: "Atgarder", headers: HEADERS, rows: planRows(n), firstRowNumber: 2 },
];

/**
 * Calls per second of `run`: warmed up with `warmup` calls, then five windows of at least half a
 * second (and together at least `minCalls` calls), each timed over batches of `batch` calls; the
 * median window is the figure, so one noisy window (another process on the machine) does not count.
 */
function rate(
  run: (k: number) => void,
  opts: { warmup: number; batch: number; minCalls?: number }
): { perSecond: number; calls: number } {
  let k = 0;
  while (k < opts.warmup) run(k++);
  const perWindow = Math.ceil((opts.minCalls ?? 0) / 5);
  const rates: number[] = [];
  let calls = 0;
  for (let w = 0; w < 5; w++) {
    let n = 0;
    let seconds = 0;
    const t0 = process.hrtime.bigint();
    do {
      for (let b = 0; b < opts.batch; b++) run(k++);
      n += opts.batch;
      seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    } while (seconds < 0.5 || n < perWindow);
    rates.push(n / seconds);
    calls += n;
  }
  rates.sort((x, y) => x - y);
  return { perSecond: rates[2], calls };
}

const FAST = { warmup: 100_000, batch: 10_000 };
const BASELINE = { warmup: 2_000, batch: 100, minCalls: 20_000 };

// A hand-written lookup formula: find the row by scanning, then read its cells, for every call.
function baselineSavings(table: RawTable, id: string, year: number): number {
  for (const row of table.rows) {
    if (row[0] !== id) continue;
    const amount = parseAmount(row[3]);
    const timing = parseTiming(row[4]);
    return amount.ok && timing.ok ? accrue(amount.value, { start: timing.start }, year) : NaN;
  }
  return NaN;
}
function baselineTotal(table: RawTable, year: number, area?: string): number {
  let sum = 0;
  for (const row of table.rows) {
    if (area !== undefined && row[1] !== area) continue;
    const amount = parseAmount(row[3]);
    const timing = parseTiming(row[4]);
    if (amount.ok && timing.ok) sum += accrue(amount.value, { start: timing.start }, year);
  }
  return sum;
}

/** A formula's rate against its baseline: the figure, the same-run ratio, and both budgets. */
function formulaFigure(
  what: string,
  fast: { perSecond: number },
  base: { perSecond: number; calls: number },
  baseWhat: string,
  minRatio: number
): void {
  const ratio = fast.perSecond / base.perSecond;
  record(
    `${what}, evaluations/s (10 000 measures; goal 10 000 000)`,
    fmt(fast.perSecond),
    "≥ 5 000 000",
    fast.perSecond >= 5_000_000
  );
  record(
    `  baseline: ${baseWhat} (${fmt(base.calls)} calls)`,
    `${fmt(base.perSecond)}/s; Balans ${fmt(ratio)}×`,
    `Balans ≥ ${fmt(minRatio)}×`,
    ratio >= minRatio
  );
}

// A hand-written SUMIFS over the transfers: every row of the ledger on every call.
function baselineTransfers(rows: CellValue[][], year: number, month: number): number {
  let sum = 0;
  for (const [date, from, to, amount] of rows) {
    const d = date as Date;
    if (d.getUTCFullYear() !== year || d.getUTCMonth() + 1 > month) continue;
    if (to === "SN") sum += amount as number;
    if (from === "SN") sum -= amount as number;
  }
  return sum;
}

/**
 * A read's first answers: after every edit the model is built afresh and every formula asks
 * once. Builds the model from 10 000 measures' tables and 50 000 follow-up rows, then asks
 * 10 000 SAVINGS (each id, one year) and 10 000 SAVINGSYTD; the median of five runs. The
 * same-run comparison asks the same questions with each id spelled otherwise (lower case), which
 * takes the general path (folded lookup, checked arguments) and its answer cache. Measured on
 * this machine before the model was precomputed: model ~580 ms, first answers ~36 ms; after:
 * ~60 ms and ~6–11 ms. The budgets are about twice the figures, for the machine's noise.
 */
function firstAnswerFigures(): void {
  const n = 10_000;
  const followUp: RawTable = {
    name: "Uppfoljning",
    headers: ["Id", "Månad", "Utfall (mnkr)"],
    rows: Array.from({ length: 50_000 }, (_, k) => [
      `M${(k % n) + 1}`,
      `2021-${String(1 + Math.floor(k / n)).padStart(2, "0")}`,
      (k % 7) / 100,
    ]),
    firstRowNumber: 2,
  };
  const tables = [...rawPlan(n), followUp];
  const ids = Array.from({ length: n }, (_, k) => `M${k + 1}`);
  const lower = ids.map((id) => id.toLowerCase());
  const run = (asked: readonly string[]) => {
    const t0 = process.hrtime.bigint();
    const q = new PlanQueries(readBalansWorkbook(tables));
    const t1 = process.hrtime.bigint();
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const r = q.savings(asked[k], 2021);
      if (!r.ok) throw new Error(`SAVINGS in the bench: ${r.message}`);
      sum += r.value;
    }
    for (let k = 0; k < n; k++) {
      const r = q.savingsYtd(asked[k], 2021, 1 + (k % 12));
      if (!r.ok) throw new Error(`SAVINGSYTD in the bench: ${r.message}`);
      sum += r.value;
    }
    const t2 = process.hrtime.bigint();
    return { model: Number(t1 - t0) / 1e6, answers: Number(t2 - t1) / 1e6, sum };
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const fast: ReturnType<typeof run>[] = [];
  const general: ReturnType<typeof run>[] = [];
  for (let w = 0; w < 7; w++) {
    fast.push(run(ids));
    general.push(run(lower));
  }
  if (fast.some((r) => r.sum !== general[0].sum))
    throw new Error("the first answers differ between the id as written and spelled otherwise");
  // the first two runs warm up
  const model = median(fast.slice(2).map((r) => r.model));
  const answers = median(fast.slice(2).map((r) => r.answers));
  const generalAnswers = median(general.slice(2).map((r) => r.answers));
  record(
    "a read's model: 10 000 measures + 50 000 follow-up rows read and indexed",
    `${model.toFixed(1)} ms`,
    "≤ 120 ms",
    model <= 120
  );
  record(
    "  its first answers: 10 000 SAVINGS + 10 000 SAVINGSYTD",
    `${answers.toFixed(1)} ms; ${fmt((2 * n) / (answers / 1000))}/s`,
    "≤ 25 ms",
    answers <= 25
  );
  record(
    "  baseline: the general path, each id spelled otherwise",
    `${generalAnswers.toFixed(1)} ms; Balans ${(generalAnswers / answers).toFixed(1)}×`,
    "Balans ≥ 2×",
    generalAnswers / answers >= 2
  );
  record(
    "  model + first answers",
    `${(model + answers).toFixed(1)} ms`,
    "≤ 140 ms",
    model + answers <= 140
  );
}

function engineFigures(): void {
  firstAnswerFigures();
  const n = 10_000;
  const tables = rawPlan(n);
  const transfers = Array.from({ length: 2_000 }, (_, k) => [
    new Date(Date.UTC(2021, k % 12, 1 + (k % 28))),
    k % 5 ? "ON" : "SN",
    k % 5 ? "SN" : "ON",
    1 + (k % 7) / 10,
  ]);
  // Agreements, so that SN's costs can be counted and TRANSFERBALANCE answers with a figure.
  const agreements = Array.from({ length: 50 }, (_, k) => [
    `AV-${k + 1}`,
    new Date(Date.UTC(2021, k % 12, 1)),
    0.1,
  ]);
  const q = new PlanQueries(
    readBalansWorkbook([
      ...tables,
      { name: "Overforingar", headers: ["Datum", "Från", "Till", "Belopp"], rows: transfers },
      { name: "Avtal", headers: ["Avtal", "Start", "Månadskostnad"], rows: agreements },
    ])
  );
  const check = q.transferBalance(2021, 8);
  if (!check.ok) throw new Error(`TRANSFERBALANCE in the bench: ${check.message}`);
  const ids = Array.from({ length: 997 }, (_, k) => `M${((k * 7919) % n) + 1}`);
  const scan = rate(
    (k) => baselineSavings(tables[0], ids[k % ids.length], 2020 + (k % 5)),
    BASELINE
  );
  formulaFigure(
    "SAVINGS",
    rate((k) => q.savings(ids[k % ids.length], 2020 + (k % 5)), FAST),
    scan,
    "a linear scan of the table per call",
    100
  );
  formulaFigure(
    "SAVINGSYTD",
    rate((k) => q.savingsYtd(ids[k % ids.length], 2020 + (k % 5), 1 + (k % 12)), FAST),
    scan,
    "a linear scan of the table per call",
    100
  );
  formulaFigure(
    "TOTALSAVINGS",
    rate((k) => q.totalSavings(2020 + (k % 5), k % 2 ? `Område ${k % AREAS}` : null), FAST),
    rate(
      (k) => baselineTotal(tables[0], 2020 + (k % 5), k % 2 ? `Område ${k % AREAS}` : undefined),
      { warmup: 20, batch: 1 }
    ),
    "a scan of every row per call",
    1000
  );
  formulaFigure(
    "TRANSFERBALANCE",
    rate((k) => q.transferBalance(2021, 1 + (k % 12)), FAST),
    rate((k) => baselineTransfers(transfers, 2021, 1 + (k % 12)), BASELINE),
    "a scan of the 2 000 transfers per call",
    100
  );
}

/** A new Excel double, installed as the globals Excel, Office and CustomFunctions. */
function doubleAsGlobals() {
  const { book, Excel, Office } = createExcelDouble();
  Object.assign(globalThis, {
    Excel,
    Office,
    CustomFunctions: {
      Error: class {
        constructor(
          public code: string,
          public message?: string
        ) {}
      },
      ErrorCode: { notAvailable: "#N/A", invalidValue: "#VALUE!" },
    },
  });
  return { book, Excel };
}

/** The bench's five-column plan of `n` measures, and an Underskott, in the double. */
function fakeWorkbook(n: number) {
  const { book, Excel } = doubleAsGlobals();
  book.addUserTable("Plan", "Atgarder", HEADERS, planRows(n));
  book.addUserTable("Underskott", "Underskott", ["År", "Underskott"], [[2021, 57]]);
  return { book, Excel };
}

/** The template's tables with `n` measures (13 columns) in the double. */
function templateBook(n: number, followUps = 0) {
  const { book, Excel } = doubleAsGlobals();
  addTemplateTables(book, n, followUps);
  return { book, Excel };
}

/** Round trips (sync() calls) and bytes read since `from` in the double's log. */
function since(book: { syncLog: { responseBytes: number }[] }, from: number) {
  const log = book.syncLog.slice(from);
  return { syncs: log.length, bytes: log.reduce((n, l) => n + l.responseBytes, 0) };
}
const kB = (bytes: number) => (bytes < 10_000 ? `${fmt(bytes)} B` : `${fmt(bytes / 1000)} kB`);

/**
 * Round trips of the live formulas on the template's columns, wired as the runtime wires them
 * (full reads, reads of what changed, the watch): the first evaluation of 10 000 formulas, a
 * one-cell edit, and an edit of another table, at each plan size.
 */
async function liveSyncs(n: number) {
  const { book } = templateBook(n);
  const live = createLiveFormulas({ debounceMs: 1 });
  const stop = await watchWorkbook(FORMULA_TABLES, (change) => live.invalidate(change), {
    pollMs: 3_600_000,
  });
  const results = new Map<number, unknown>();
  const invocation = (k: number) => ({ setResult: (v: unknown) => results.set(k, v) });
  const id = (k: number) => `A${String((k % n) + 1).padStart(5, "0")}`;
  let from = book.syncLog.length;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: 10_000 }, (_, k) =>
      k % 2
        ? live.register(invocation(k), (q) => q.savings(id(k), 2021))
        : live.register(invocation(k), (q) => q.residualDeficit(2021))
    )
  );
  const first = { ...since(book, from), ms: Date.now() - t0 };

  // A user edits one Helårseffekt (A00002, row 3, from Q 2 2021): formula 1 shows 7 × 9/12.
  const close = (v: unknown, x: number) => typeof v === "number" && Math.abs(v - x) < 1e-9;
  const settled = async (done: () => boolean) => {
    for (let i = 0; i < 2_000 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
  };
  from = book.syncLog.length;
  await book.edit("Åtgärder", "D3", 7);
  await settled(() => close(results.get(1), 5.25));
  const edit = since(book, from);
  const editOk = close(results.get(1), 5.25);

  // Another table: the deficit of 2021 (Underskott, row 3) changes; every residual follows.
  const residualBefore = results.get(0);
  from = book.syncLog.length;
  await book.edit("Underskott", "B3", 45);
  await settled(() => results.get(0) !== residualBefore);
  const other = since(book, from);
  const otherOk = close(results.get(0), (residualBefore as number) + 5);
  live.dispose();
  await stop();
  return { first, edit, editOk, other, otherOk };
}

async function syncFigures(): Promise<void> {
  const sizes = [1_000, 10_000, 20_000];
  const figures: Awaited<ReturnType<typeof liveSyncs>>[] = [];
  for (const n of sizes) figures.push(await liveSyncs(n));
  sizes.forEach((n, k) => {
    const { first, edit, editOk, other, otherOk } = figures[k];
    const size = `${fmt(n)} measures (13 columns)`;
    // Names, shapes, values: the same at every size whose values fit one response (≤ 5 MB);
    // 20 000 measures of the template's texts weigh more, and take one request more.
    const firstBudget = n <= 10_000 ? 3 : 4;
    record(
      `sync() calls, first evaluation of 10 000 formulas, ${size}`,
      `${first.syncs} (${first.ms} ms, ${kB(first.bytes)})`,
      n <= 10_000 ? "= 3 at every size ≤ 5 MB" : "≤ 4 (values > 5 MB)",
      first.syncs <= firstBudget
    );
    record(
      `sync() calls after a one-cell edit, ${size}`,
      `${edit.syncs} (${kB(edit.bytes)})${editOk ? "" : " WRONG VALUE"}`,
      "= 1, ≤ 2 kB",
      editOk && edit.syncs === 1 && edit.bytes <= 2_000
    );
    record(
      `sync() calls after an edit of Underskott, ${size}`,
      `${other.syncs} (${kB(other.bytes)})${otherOk ? "" : " WRONG VALUE"}`,
      "= 1, ≤ 2 kB",
      otherOk && other.syncs === 1 && other.bytes <= 2_000
    );
  });

  const counts: number[] = [];
  const read: number[] = [];
  for (const [n, followUps] of [
    [10, 0],
    [10_000, 50_000],
  ]) {
    const { book: b, Excel: X } = templateBook(n, followUps);
    const host: PaneHost = {
      run: (batch) => X.run(batch),
      confirmReplace: async () => true,
      confirmAddColumns: async () => false, // the report never adds columns
      now: () => new Date(),
    };
    const s = b.syncCount;
    await writeMonthlyReport(host, { year: 2021, month: 8 });
    counts.push(b.syncCount - s);
    read.push(since(b, s).bytes);
  }
  // Values beyond one 5 MB response need more requests: at best one per further 5 MB, and one
  // more for the margin by which sizes are estimated from the first rows.
  const extra = Math.ceil(read[1] / RESPONSE_LIMIT_BYTES);
  record("sync() calls per monthly report, 10 measures", String(counts[0]), "≤ 6", counts[0] <= 6);
  record(
    "sync() calls per monthly report, 10 000 measures + 50 000 follow-up rows",
    `${counts[1]} (${kB(read[1])} read)`,
    `≤ the 10-measure report + ${extra}`,
    counts[1] <= counts[0] + extra
  );
}

/**
 * The shared runtime over a working day: 1 000 edits of a 5 000-measure plan while 10 000 live
 * formulas follow them, each edit seen through Excel's change event (the watch), read, and
 * delivered; with every edit Excel also re-enters ten formula cells (the old invocations are
 * cancelled, new ones registered). The heap after a full garbage collection must not grow
 * between edit 100 and edit 1 000: what a read builds must be let go by the next one.
 */
async function soakFigures(): Promise<void> {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  const heap = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed / 1048576;
  };
  const MEASURES = 5_000;
  const FORMULAS = 10_000;
  const EDITS = 1_000;
  const { book } = fakeWorkbook(MEASURES);
  // Wired as the runtime wires it: the watch's changes, reads of only what changed.
  const live = createLiveFormulas({ debounceMs: 0 });
  const watch = watchForLiveFormulas(live, { pollMs: 3_600_000 });
  // Formula f is SAVINGS of measure f % 5 000 in 2021 (f < 5 000) or 2022.
  const waiting = new Map<number, () => void>();
  const cells: { onCanceled?: () => void }[] = [];
  const enter = (f: number) => {
    cells[f]?.onCanceled?.();
    const invocation = {
      setResult: () => waiting.get(f)?.(),
      onCanceled: undefined as undefined | (() => void),
    };
    cells[f] = invocation;
    return live.register(invocation, (q) =>
      q.savings(`M${(f % MEASURES) + 1}`, f < MEASURES ? 2021 : 2022)
    );
  };
  await Promise.all(Array.from({ length: FORMULAS }, (_, f) => enter(f)));
  while (live.watch.state !== "live") await new Promise((r) => setTimeout(r, 1));

  let before = 0;
  let t0 = 0;
  let syncs0 = 0;
  for (let e = 1; e <= EDITS; e++) {
    if (e === 101) {
      before = heap();
      t0 = Date.now();
      syncs0 = book.syncCount;
    }
    const m = (e * 7919) % MEASURES; // measure M(m+1), on row m+2
    // The 2022 formula of the edited measure (its full year) gets the new figure.
    const seen = new Promise<void>((resolve) => waiting.set(MEASURES + m, resolve));
    await book.edit("Plan", `D${m + 2}`, 100 + e); // a figure no earlier edit gave it
    await seen;
    waiting.delete(MEASURES + m);
    for (let r = 0; r < 10; r++) await enter((e * 31 + r * 997) % FORMULAS);
    book.syncLog.length = 0; // the double's own record of syncs is not the runtime's memory
  }
  const msPerEdit = (Date.now() - t0) / (EDITS - 100);
  const syncsPerEdit = (book.syncCount - syncs0) / (EDITS - 100);
  const after = heap();
  await watch.stop();
  live.dispose();
  const growth = after - before;
  const ok = live.activeCount === FORMULAS && growth <= 2;
  record(
    `shared runtime: ${fmt(EDITS)} edits, ${fmt(MEASURES)} measures, ${fmt(FORMULAS)} live formulas`,
    `heap ${before.toFixed(1)} → ${after.toFixed(1)} MB (${growth >= 0 ? "+" : ""}${growth.toFixed(1)}), ${live.activeCount === FORMULAS ? "" : `${fmt(live.activeCount)} formulas live (FAILED), `}${msPerEdit.toFixed(0)} ms and ${syncsPerEdit.toFixed(1)} sync() per edit`,
    "growth ≤ 2 MB",
    ok
  );
}

async function reportFigures(dir: string): Promise<void> {
  const file = path.join(dir, "stor-plan.xlsx");
  const n = 10_000;
  const measures = planRows(n).map(([id, area, name, annual, timing]) => ({
    id,
    area,
    name,
    annual,
    timing,
  }));
  const followUp = Array.from({ length: 50_000 }, (_, k) => ({
    id: `M${(k % n) + 1}`,
    month: `2021-${String((k % 8) + 1).padStart(2, "0")}`,
    actual: 0.01 + (k % 5) / 100,
    status: "Pågår",
  }));
  await writeLayoutsToFile(file, [
    measuresTableLayout(measures),
    deficitsTableLayout([{ year: 2021, deficit: 57 }]),
    followUpTableLayout(followUp),
  ]);
  const out = path.join(dir, "rapport.xlsx");
  const main = JSON.stringify(path.join(root, "dist/node/cli/main.js"));
  const reportScript = `require(${main}).run(["report", ${JSON.stringify(file)}, "--month", "2021-08", "--out", ${JSON.stringify(out)}, "--json"], {out(){}, err(t){process.stderr.write(t)}, now:()=>new Date()})`;
  const exceljsScript = `new (require(${JSON.stringify(require.resolve("exceljs"))}).Workbook)().xlsx.readFile(${JSON.stringify(file)}).then(()=>0)`;
  // Alternate the two, three times each, and compare medians: the machine's noise hits both.
  const report: Run[] = [];
  const exceljs: Run[] = [];
  for (let k = 0; k < 3; k++) {
    fs.rmSync(out, { force: true });
    report.push(child(reportScript));
    exceljs.push(child(exceljsScript));
  }
  const r = median(report);
  const e = median(exceljs);
  const mb = Math.max(...report.map((x) => x.mb));
  const ok = report.every((x) => x.code === 0);
  record(
    `balans report: 10 000 measures, 50 000 follow-up rows (${(fs.statSync(file).size / 1048576).toFixed(1)} MB xlsx)`,
    `${r.seconds.toFixed(2)} s, ${fmt(mb)} MB peak${ok ? "" : " (FAILED)"}`,
    "≤ 300 MB",
    ok && mb <= 300
  );
  record(
    "  baseline: exceljs merely loading that file",
    `${e.seconds.toFixed(2)} s, ${fmt(e.mb)} MB; report/load ${(r.seconds / e.seconds).toFixed(2)}`,
    "ratio ≤ 1,0",
    r.seconds / e.seconds <= 1
  );
}

interface Run {
  seconds: number;
  mb: number;
  code: number;
}

/** Runs a script in a fresh Node process: wall time, peak memory (max RSS) and exit code. */
function child(script: string): Run {
  const wrapped = `Promise.resolve().then(()=>${script}).then((code)=>{process.stderr.write("\\nRUSAGE " + JSON.stringify({code: code ?? 0, maxRSS: process.resourceUsage().maxRSS}))})`;
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ["-e", wrapped], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (Date.now() - t0) / 1000;
  const usage = JSON.parse(/RUSAGE (.*)$/m.exec(r.stderr)?.[1] ?? "{}");
  if (usage.code !== 0) process.stderr.write(r.stderr);
  return { seconds, mb: (usage.maxRSS ?? 0) / 1024, code: usage.code ?? 1 };
}

function median(runs: Run[]): Run {
  return [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)];
}

/** A plan of ten measures on a sheet of its own, in a table whose texts are shared strings. */
function planSheet(firstString: number): { xml: string; table: string; strings: string[] } {
  const strings: string[] = ["Id", "Åtgärd", "Helårseffekt (mnkr)", "Tidsaspekt"];
  const rows = [
    `<row r="1">${strings.map((_, c) => `<c r="${"ABCD"[c]}1" t="s"><v>${firstString + c}</v></c>`).join("")}</row>`,
  ];
  for (let i = 1; i <= 10; i++) {
    const at = firstString + strings.length;
    strings.push(`M${i}`, `Åtgärd ${i}`, `Q${(i % 4) + 1} 2021`);
    rows.push(
      `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${at}</v></c><c r="B${i + 1}" t="s"><v>${at + 1}</v></c><c r="C${i + 1}"><v>${i / 10}</v></c><c r="D${i + 1}" t="s"><v>${at + 2}</v></c></row>`
    );
  }
  return {
    xml: sheetXml(rows.join("")),
    table: `<table xmlns="${MAIN}" id="1" name="Atgarder" displayName="Atgarder" ref="A1:D11"><autoFilter ref="A1:D11"/><tableColumns count="4">${strings
      .slice(0, 4)
      .map((h, c) => `<tableColumn id="${c + 1}" name="${h}"/>`)
      .join("")}</tableColumns></table>`,
    strings,
  };
}

/** Issue 11's files: what an unrelated sheet may cost the command line (nothing, ideally). */
function readerFigures(dir: string): void {
  const effects = (file: string) =>
    `require(${JSON.stringify(path.join(root, "dist/node/cli/main.js"))}).run(["effects", ${JSON.stringify(file)}, "--json"], {out(){}, err(t){process.stderr.write(t)}, now:()=>new Date()})`;

  const small = planSheet(0);
  const xfd = path.join(dir, "xfd1.xlsx");
  fs.writeFileSync(
    xfd,
    handmadeXlsx({
      sharedStrings: small.strings,
      sheets: [
        { name: "Anteckningar", xml: sheetXml(`<row r="1"><c r="XFD1"><v>1</v></c></row>`) },
        { name: "Plan", xml: small.xml, tables: [small.table] },
      ],
    })
  );
  const a = child(effects(xfd));
  record(
    `balans effects: ${(fs.statSync(xfd).size / 1024).toFixed(0)} kB file, a cell at XFD1 on another sheet`,
    `${a.seconds.toFixed(2)} s, ${fmt(a.mb)} MB${a.code === 0 ? "" : " (FAILED)"}`,
    "< 1 s",
    a.code === 0 && a.seconds < 1
  );

  // 400 000 rows of random text (shared strings), then the plan's strings at the very end.
  const ROWS = 400_000;
  const strings: string[] = [];
  const rows: string[] = [];
  for (let r = 1; r <= ROWS; r++) {
    const at = strings.length;
    for (let c = 0; c < 3; c++) strings.push(crypto.randomBytes(24).toString("base64"));
    rows.push(
      `<row r="${r}"><c r="A${r}" t="s"><v>${at}</v></c><c r="B${r}" t="s"><v>${at + 1}</v></c><c r="C${r}" t="s"><v>${at + 2}</v></c><c r="D${r}"><v>${r}</v></c></row>`
    );
  }
  const plan = planSheet(strings.length);
  const big = path.join(dir, "stor-data.xlsx");
  fs.writeFileSync(
    big,
    handmadeXlsx({
      sharedStrings: [...strings, ...plan.strings],
      sheets: [
        { name: "Data", xml: sheetXml(rows.join("")) },
        { name: "Plan", xml: plan.xml, tables: [plan.table] },
      ],
    })
  );
  const b = child(effects(big));
  record(
    `balans effects: ${(fs.statSync(big).size / 1048576).toFixed(0)} MB file, an unrelated ${fmt(ROWS)}-row sheet, 10 measures`,
    `${b.seconds.toFixed(2)} s, ${fmt(b.mb)} MB peak${b.code === 0 ? "" : " (FAILED)"}`,
    "< 500 MB",
    b.code === 0 && b.mb < 500
  );
}

function bundleFigures(dir: string): void {
  const out = path.join(dir, "dist");
  if (!buildAddin(out, "production").ok) {
    record("production build", "FAILED", "builds", false);
    return;
  }
  for (const [bundle, budgetKb] of [
    ["functions.js", 120],
    ["taskpane.js", 150],
    ["import.js", 40], // the plan-text reader, fetched on the first import preview
    ["commands.js", 5],
  ] as const) {
    const code = fs.readFileSync(path.join(out, bundle));
    const kb = code.length / 1024;
    const gz = zlib.gzipSync(code).length / 1024;
    record(
      `${bundle}, minified`,
      `${kb.toFixed(1)} KB (${gz.toFixed(1)} KB gzip)`,
      `≤ ${budgetKb} KB`,
      kb <= budgetKb
    );
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "balans-bench-"));
  console.log(
    `Balans benchmark — ${os.cpus()[0]?.model ?? "cpu"} × ${os.cpus().length}, Node ${process.version}\n`
  );
  // `npm run bench -- soak sync` runs only the sections named; no name runs them all.
  const sections: Record<string, () => void | Promise<void>> = {
    formulas: engineFigures,
    sync: syncFigures,
    soak: soakFigures,
    report: () => reportFigures(dir),
    reader: () => readerFigures(dir),
    bundles: () => bundleFigures(dir),
  };
  const named = process.argv.slice(2);
  const unknown = named.filter((n) => !(n in sections));
  if (unknown.length) {
    console.error(
      `Unknown section ${unknown.join(", ")}; the sections: ${Object.keys(sections).join(", ")}.`
    );
    process.exitCode = 2;
    return;
  }
  for (const [name, run] of Object.entries(sections))
    if (named.length === 0 || named.includes(name)) await run();
  const w = [
    Math.max(...rows.map((r) => r.what.length)),
    Math.max(...rows.map((r) => r.figure.length)),
    Math.max(...rows.map((r) => r.budget.length)),
  ];
  console.log(`${"".padEnd(w[0])}  ${"figure".padEnd(w[1])}  ${"budget".padEnd(w[2])}`);
  for (const r of rows)
    console.log(
      `${r.what.padEnd(w[0])}  ${r.figure.padEnd(w[1])}  ${r.budget.padEnd(w[2])}  ${r.ok ? "ok" : "OVER BUDGET"}`
    );
  fs.rmSync(dir, { recursive: true, force: true });
  process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
}

void main();
