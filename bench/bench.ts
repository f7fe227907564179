/*
 * `npm run bench`: Balans' figures against its budgets, on this machine, in one run.
 * Prints a table and exits non-zero when a figure is over its budget.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { readWorkbookTables } from "../src/adapters/office/readTables";
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
import { LiveFormulas } from "../src/functions/liveFormulas";
import { FORMULA_TABLES, toCustomFunctionsError } from "../src/functions/runtime";
import { PaneHost, writeMonthlyReport } from "../src/taskpane/operations";
import { buildAddin } from "../tests/helpers/buildAddin";

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

function perSecond(calls: number, run: (k: number) => void): number {
  for (let k = 0; k < Math.min(calls, 200); k++) run(k); // warm up
  const t0 = process.hrtime.bigint();
  for (let k = 0; k < calls; k++) run(k);
  return calls / (Number(process.hrtime.bigint() - t0) / 1e9);
}

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

function engineFigures(): void {
  const n = 10_000;
  const tables = rawPlan(n);
  const q = new PlanQueries(readBalansWorkbook(tables));
  const ids = Array.from({ length: 997 }, (_, k) => `M${((k * 7919) % n) + 1}`);
  const savings = perSecond(200_000, (k) => q.savings(ids[k % ids.length], 2020 + (k % 5)));
  const baseSavings = perSecond(2_000, (k) =>
    baselineSavings(tables[0], ids[k % ids.length], 2020 + (k % 5))
  );
  record("SAVINGS, evaluations/s (10 000 measures)", fmt(savings), "≥ 500 000", savings >= 500_000);
  record(
    "  baseline: a linear scan of the table per call",
    `${fmt(baseSavings)} (Balans ${fmt(savings / baseSavings)}×)`,
    "Balans ≥ 25×",
    savings / baseSavings >= 25
  );
  const total = perSecond(200_000, (k) =>
    q.totalSavings(2020 + (k % 5), k % 2 ? `Område ${k % AREAS}` : null)
  );
  const baseTotal = perSecond(50, (k) =>
    baselineTotal(tables[0], 2020 + (k % 5), k % 2 ? `Område ${k % AREAS}` : undefined)
  );
  record(
    "TOTALSAVINGS, evaluations/s (10 000 measures)",
    fmt(total),
    "≥ 500 000",
    total >= 500_000
  );
  record(
    "  baseline: a scan of every row per call",
    `${fmt(baseTotal)} (Balans ${fmt(total / baseTotal)}×)`,
    "Balans ≥ 1 000×",
    total / baseTotal >= 1000
  );
}

function fakeWorkbook(n: number) {
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
  book.addUserTable("Plan", "Atgarder", HEADERS, planRows(n));
  book.addUserTable("Underskott", "Underskott", ["År", "Underskott"], [[2021, 57]]);
  return { book, Excel };
}

async function syncFigures(): Promise<void> {
  const { book, Excel } = fakeWorkbook(10_000);
  const live = new LiveFormulas({
    readTables: () =>
      Excel.run((ctx: Excel.RequestContext) => readWorkbookTables(ctx, FORMULA_TABLES)),
    toError: toCustomFunctionsError,
    debounceMs: 1,
  });
  const results: unknown[] = [];
  const invocation = () => ({ setResult: (v: unknown) => results.push(v) });
  const before = book.syncCount;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: 10_000 }, (_, k) =>
      k % 2
        ? live.register(invocation(), (q) => q.savings(`M${k + 1}`, 2021))
        : live.register(invocation(), (q) => q.totalSavings(2021, `Område ${k % AREAS}`))
    )
  );
  const first = book.syncCount - before;
  const firstMs = Date.now() - t0;
  book.type("Plan", "D2", 5); // a user edits a Helårseffekt
  const t1 = Date.now();
  const beforeRecalc = book.syncCount;
  await live.refreshNow();
  const recalc = book.syncCount - beforeRecalc;
  record(
    "sync() calls, first evaluation of 10 000 formulas",
    `${first} (${firstMs} ms)`,
    "≤ 3",
    first <= 3
  );
  record(
    "sync() calls, recalculation of 10 000 formulas after an edit",
    `${recalc} (${Date.now() - t1} ms)`,
    "≤ 3",
    recalc <= 3
  );

  const counts: number[] = [];
  for (const n of [10, 5_000]) {
    const { book: b, Excel: X } = fakeWorkbook(n);
    const host: PaneHost = {
      run: (batch) => X.run(batch),
      confirmReplace: async () => true,
      now: () => new Date(),
    };
    const s = b.syncCount;
    await writeMonthlyReport(host, { year: 2021, month: 8 });
    counts.push(b.syncCount - s);
  }
  record("sync() calls per monthly report, 10 measures", String(counts[0]), "≤ 6", counts[0] <= 6);
  record(
    "sync() calls per monthly report, 5 000 measures",
    String(counts[1]),
    "= the same",
    counts[1] === counts[0]
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
  const script = `require(${JSON.stringify(path.join(root, "dist/node/cli/main.js"))}).run(["report", ${JSON.stringify(file)}, "--month", "2021-08", "--out", ${JSON.stringify(out)}, "--json"], {out(){}, err(t){process.stderr.write(t)}, now:()=>new Date()}).then((code)=>{process.stderr.write("\\nRUSAGE " + JSON.stringify({code, maxRSS: process.resourceUsage().maxRSS}))})`;
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ["-e", script], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (Date.now() - t0) / 1000;
  const usage = JSON.parse(/RUSAGE (.*)$/m.exec(r.stderr)?.[1] ?? "{}");
  const mb = (usage.maxRSS ?? 0) / 1024;
  record(
    `balans report: 10 000 measures, 50 000 follow-up rows (${(fs.statSync(file).size / 1048576).toFixed(1)} MB xlsx)`,
    `${seconds.toFixed(1)} s, ${fmt(mb)} MB peak memory${usage.code === 0 ? "" : " (FAILED)"}`,
    "≤ 30 s, ≤ 1 500 MB",
    usage.code === 0 && seconds <= 30 && mb <= 1500
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
  engineFigures();
  await syncFigures();
  await reportFigures(dir);
  bundleFigures(dir);
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
