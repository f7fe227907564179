import { perYearColumnHeader } from "../perYear";
import { Problem } from "../problems";
import { ColumnMapping, ColumnRole, ROLE_LABELS } from "./columns";
import { convertAmount, findAmounts, Unit, unitInText } from "./grammar";
import { cleanLines } from "./lines";
import { proseCandidates } from "./prose";
import { checkPlanFigures, checkSums, readPlanFigures } from "./reconcile";
import { readBlockTable } from "./blockRows";
import { readCellTable } from "./cellRows";
import { checkSigns } from "./signs";
import { TableContext } from "./rowFields";
import { findTables, FoundTable, headingTest } from "./tables";
import {
  ColumnOverrides,
  IMPORT_TABLE,
  ImportedMeasure,
  ImportedSection,
  ImportedTable,
  PlanImport,
  RawMeasure,
  TableRows,
} from "./types";

export { IMPORT_TABLE } from "./types";
export type {
  ColumnOverrides,
  ImportedMeasure,
  ImportedSection,
  ImportedTable,
  PlanImport,
} from "./types";
export type { ColumnMapping, ColumnRole } from "./columns";
export { COLUMN_ROLES, ROLE_LABELS } from "./columns";
export { sumsVerdict } from "./reconcile";

/**
 * Reads an action plan from its text, as it comes out of a PDF, Word or Excel: tables found by
 * their header row in any order and vocabulary become measures (Område from the column or the
 * section heading above); sum rows, the plan's total and its table per year are checked against
 * what the measures add up to; sentences stating a saving become candidates. Any text gives a
 * result; what cannot be read is a problem naming the line and column.
 *
 * `overrides` changes the role of a table's columns (the preview's choice) and reads again.
 */
export function parsePlanText(input: unknown, overrides: ColumnOverrides = {}): PlanImport {
  const problems: Problem[] = [];
  const text = typeof input === "string" ? input : "";
  if (typeof input !== "string")
    problems.push({
      table: IMPORT_TABLE,
      message: "Ingen text att läsa; klistra in planens text.",
    });
  const lines = cleanLines(text);
  const found = findTables(lines, headingTest(lines));

  const tables: ImportedTable[] = [];
  const raws: RawMeasure[] = [];
  const sectionsRaw: { area: string; rows: TableRows; signUnclear: boolean }[] = [];
  for (const t of found) {
    const { table, rows, signUnclear } = readTable(t, overrides[t.header.number] ?? {}, problems);
    tables.push(table);
    raws.push(...rows.measures);
    sectionsRaw.push({ area: t.area, rows, signUnclear });
  }

  // The import's unit is the one most tables use; the others are converted to it.
  const unit = mostCommon(tables.map((t) => t.unit)) ?? "mnkr";
  const inImportUnit = (r: RawMeasure): ImportedMeasure => {
    const m = r.measure;
    const conv = (v: number) => convertAmount(v, r.unit, unit);
    return {
      ...m,
      ...(m.annual !== undefined ? { annual: conv(m.annual) } : {}),
      ...(m.perYear
        ? { perYear: Object.fromEntries(Object.entries(m.perYear).map(([y, v]) => [y, conv(v)])) }
        : {}),
      confidence: Math.max(0.1, Math.round(m.confidence * 100) / 100),
    };
  };
  const planIds = raws.map((r) => r.measure.id);
  const useOwnIds =
    planIds.every(Boolean) && new Set(planIds.map((i) => i.toLowerCase())).size === planIds.length;
  const measures = raws.map((r, i) => ({
    ...inImportUnit(r),
    id: useOwnIds ? r.measure.id : `A${String(i + 1).padStart(2, "0")}`,
  }));

  const sections: ImportedSection[] = sectionsRaw.flatMap((s) =>
    checkSums(s.area, s.rows.sums, s.rows.measures, unit, problems).map((section) =>
      s.signUnclear ? { ...section, unchecked: "negativa belopp" } : section
    )
  );
  const figures = checkPlanFigures(readPlanFigures(lines), measures, unit, problems);

  const tableLines = new Set<number>();
  found.forEach((t) => {
    for (let k = t.headerIndex; k <= t.endIndex; k++) tableLines.add(k);
  });
  const inTable = (i: number) => tableLines.has(i);
  const candidates = proseCandidates(
    lines,
    inTable,
    raws
      .filter((r) => r.measure.annual !== undefined)
      .map((r) => ({ value: r.measure.annual!, unit: r.unit }))
  ).map((r, i) => ({ ...inImportUnit(r), id: `F${String(i + 1).padStart(2, "0")}` }));

  const amountsOutside = lines
    .filter((_, i) => !inTable(i))
    .flatMap((l) => findAmounts(l.text).map((a) => ({ line: l.number, text: a.text.trim() })));

  const hint = measures.length ? undefined : noMeasureHint(candidates.length, amountsOutside);
  if (hint) problems.push({ table: IMPORT_TABLE, message: hint });

  return {
    unit,
    measures,
    candidates,
    sections,
    tables,
    ...figures,
    amountsOutside,
    ...(hint ? { hint } : {}),
    problems,
  };
}

/**
 * A table's rows read with its column mapping (the user's choice of roles applied); the unit from
 * its amount column's header, else from the amounts in it, else mnkr with a problem per row.
 */
function readTable(
  t: FoundTable,
  roles: Record<number, ColumnRole>,
  problems: Problem[]
): { table: ImportedTable; rows: TableRows; signUnclear: boolean } {
  const columns: ColumnMapping[] = t.match.columns.map((c, k) =>
    roles[k] ? { ...c, role: roles[k] } : { ...c }
  );
  // An amount column whose parenthesis names no unit: its figures cannot be read with certainty.
  for (const c of columns)
    if (c.notUnit && (c.role === "annual" || c.role === "year")) {
      problems.push({
        table: IMPORT_TABLE,
        row: t.header.number,
        column: c.header,
        key: c.role === "annual" ? "annual" : String(c.year),
        severity: "error",
        message: `Kolumnen »${c.header}« anger »${c.notUnit}« som enhet; skriv mnkr, tkr eller kr.`,
      });
      c.role = "ignore";
    }
  const amountColumn =
    columns.find((c) => c.role === "annual") ?? columns.find((c) => c.role === "year");
  const headerUnit = amountColumn?.unit ?? columns.find((c) => c.unit)?.unit;
  if (t.titleUnit && headerUnit === t.titleUnit.unit && !columns.some((c) => unitInText(c.header)))
    problems.push({
      table: IMPORT_TABLE,
      row: t.titleUnit.line,
      column: amountColumn?.header ?? "",
      key: amountColumn?.role === "annual" ? "annual" : String(amountColumn?.year ?? ""),
      severity: "notice",
      message: `Tabellens rubrikrad anger ingen enhet; beloppen lästes i ${t.titleUnit.unit}, som raden ovanför tabellen anger.`,
    });
  const cellUnits = t.body.flatMap((l) => findAmounts(l.text).map((a) => a.unit));
  const unit: Unit = headerUnit ?? mostCommon(cellUnits) ?? "mnkr";
  const ctx: TableContext = {
    columns,
    by: t.match.by,
    ...(t.match.sep ? { sep: t.match.sep } : {}),
    area: t.area,
    unit,
    unitStated: headerUnit !== undefined || unitInText(t.header.text) !== undefined,
    problems,
  };
  const rows = t.match.by === "words" ? readBlockTable(t.body, ctx) : readCellTable(t.body, ctx);
  const signUnclear =
    amountColumn !== undefined &&
    checkSigns(
      rows.measures,
      {
        header: amountColumn.header,
        key: amountColumn.role === "annual" ? "annual" : String(amountColumn.year),
      },
      problems
    );
  return { table: { line: t.header.number, area: t.area, unit, columns }, rows, signUnclear };
}

/** What Balans looked for, and what it saw instead. */
function noMeasureHint(candidates: number, outside: { line: number; text: string }[]): string {
  const looked =
    "Hittade inga åtgärder. Balans letar efter en tabell med en rubrikrad som namnger åtgärden (Åtgärd, Förslag) och beloppet (Helårseffekt, Kostnadsreducering, Besparing, Effekt, Belopp eller år som 2021), i valfri ordning, och efter meningar om en besparing med belopp och år.";
  const seen = outside.length
    ? ` Belopp utanför tabeller: ${outside
        .slice(0, 8)
        .map((a) => `${a.text} (rad ${a.line})`)
        .join(", ")}${outside.length > 8 ? ` och ${outside.length - 8} till` : ""}.`
    : " Texten innehåller inga belopp med enhet (t.ex. 2 mnkr).";
  const prose = candidates
    ? ` ${candidates} förslag i löptext hittades; de skrivs bara när du bekräftar dem.`
    : "";
  return looked + seen + prose;
}

/** The column mapping of a table in words: `Förslag → Åtgärd, Kostnadsreducering → Helårseffekt`. */
export function describeColumns(columns: readonly ColumnMapping[]): string {
  return columns
    .map(
      (c) =>
        `${c.header} → ${c.role === "year" ? perYearColumnHeader(c.year!) : ROLE_LABELS[c.role]}`
    )
    .join(", ");
}

/** A plan with the chosen prose candidates added as measures (the user confirmed them). */
export function acceptCandidates(plan: PlanImport, ids: readonly string[]): PlanImport {
  const chosen = plan.candidates.filter((c) => ids.includes(c.id));
  const all = [...plan.measures, ...chosen.map((c) => ({ ...c, area: c.area || "Övrigt" }))];
  const taken = new Set(plan.measures.map((m) => m.id.toLowerCase()));
  let n = 0;
  const measures = all.map((m) => {
    if (m.source === "table") return m;
    let id: string;
    do id = `A${String(++n + plan.measures.length).padStart(2, "0")}`;
    while (taken.has(id.toLowerCase()));
    taken.add(id.toLowerCase());
    return { ...m, id };
  });
  const { hint, ...rest } = plan;
  if (measures.length === 0) return plan;
  return {
    ...rest,
    measures,
    candidates: plan.candidates.filter((c) => !ids.includes(c.id)),
    problems: plan.problems.filter((p) => p.message !== hint),
  };
}

function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const u of values) counts.set(u, (counts.get(u) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
