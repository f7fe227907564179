import { ColumnMapping, ColumnRole } from "./columns";
import {
  CellAmount,
  convertAmount,
  findAmounts,
  isAmountText,
  leadingAmount,
  readCellAmount,
  readStated,
  readStatedFigures,
  readTiming,
  Stated,
} from "./grammar";
import { Cell, joinAllWrapped, joinWrapped, Line, splitCells } from "./lines";
import { applyTiming, cleanName, isAmountColumn, TableContext } from "./rowFields";
import { isSumText, isTotalText } from "./tables";
import { IMPORT_TABLE, RawMeasure, SumRow, TableRows } from "./types";

/**
 * Reading a table laid out in columns (tabs, `|`, `;`, PDF spacing, Excel): each line's cells
 * placed under the header's columns, wrapped lines joined to their row, sum rows apart.
 */
export interface CellRow {
  line: number;
  texts: string[];
}

export function readCellTable(body: Line[], ctx: TableContext): TableRows {
  const rows: CellRow[] = [];
  const sums: { row: CellRow; index: number }[] = [];
  let pending: string[] | undefined;
  let blankBefore = false;
  for (const line of body) {
    // Blank lines, and the rules of a table drawn in text (`|---|---|`), hold no cell.
    if (/^[\s|+\-=:_]*$/.test(line.text)) {
      blankBefore = line.text.trim() === "";
      continue;
    }
    const afterBlank = blankBefore;
    blankBefore = false;
    const texts = assignCells(line.text, ctx);
    const first = firstText(texts, ctx.columns);
    if (isSumText(first) || isSumText(line.text)) {
      sums.push({ row: { line: line.number, texts }, index: rows.length });
      continue;
    }
    const hasAmount = ctx.columns.some((c, k) => isAmountColumn(c) && hasFigure(texts[k]));
    if (hasAmount) {
      const row = { line: line.number, texts };
      if (pending) row.texts = row.texts.map((t, k) => joinWrapped(pending![k] ?? "", t));
      pending = undefined;
      rows.push(row);
      continue;
    }
    // A wrapped line of the row above; before the first row, or after a blank line, of the row
    // below (a PDF centres a row's amount beside the middle of its name).
    const lastSum = sums.length ? sums[sums.length - 1].index : 0;
    const prev =
      rows.length > lastSum && !afterBlank && !pending ? rows[rows.length - 1] : undefined;
    if (prev) prev.texts = prev.texts.map((t, k) => joinWrapped(t, texts[k] ?? ""));
    else pending = (pending ?? texts.map(() => "")).map((t, k) => joinWrapped(t, texts[k] ?? ""));
  }
  const measures = rows.map((r) => readCellRow(r, ctx));
  let areaBefore = ctx.area;
  for (const m of measures) {
    if (m.measure.area) areaBefore = m.measure.area;
    else m.measure.area = areaBefore;
  }
  const sumRows: SumRow[] = sums.map(({ row, index }, k) => {
    const from = sums[k - 1]?.index ?? 0;
    const label = firstText(row.texts, ctx.columns) || row.texts.find(Boolean) || "Summa";
    const total = isTotalText(label) && k > 0;
    return {
      line: row.line,
      label,
      total,
      covers: measures.slice(total ? 0 : from, index),
      ...statedSums(row.texts, ctx),
    };
  });
  return { measures, sums: sumRows };
}

/** The texts of a line per column of the header. */
function assignCells(text: string, ctx: TableContext): string[] {
  const out = ctx.columns.map(() => "");
  const { cells, by } = splitCells(text, ctx.sep);
  const put = (k: number, t: string) => (out[k] = joinWrapped(out[k], t));
  const filled = cells.filter((c) => c.text);
  if (filled.length === 0) return out;
  if (by === "tab" && ctx.by === "tab") {
    const width = Math.max(...ctx.columns.map((c) => c.start)) + 1;
    // An empty cell between two tabs shows the line keeps its columns' places, even when its
    // trailing empty cells were cut off (`B\t\t2`: 2 is the third column's, not the first amount).
    const keepsPlaces = cells.slice(1, -1).some((c) => !c.text) && cells.length <= width;
    const byIndex = cells.length === width || keepsPlaces;
    if (byIndex) {
      cells.forEach((c, i) => {
        const k = ctx.columns.findIndex((col) => col.start === i);
        if (k >= 0 && c.text) put(k, c.text);
      });
      return out;
    }
    if (filled.length === ctx.columns.length) {
      filled.forEach((c, k) => put(k, c.text));
      return out;
    }
    return typedAlignment(filled, ctx, out);
  }
  if (ctx.by === "space" && by !== "tab") {
    for (const c of filled) put(nearestColumn(c, ctx.columns), c.text);
    return out;
  }
  if (filled.length === ctx.columns.length && by !== "none") {
    filled.forEach((c, k) => put(k, c.text));
    return out;
  }
  if (by === "none") return splitAtAmount(filled[0].text, ctx, out);
  return typedAlignment(filled, ctx, out);
}

/** The column a PDF cell stands under: the one its span overlaps most, else the nearest. */
function nearestColumn(c: Cell, columns: ColumnMapping[]): number {
  let best = 0;
  let bestScore = -Infinity;
  columns.forEach((col, k) => {
    const spanEnd = columns[k + 1]?.start ?? Infinity;
    const overlap = Math.min(c.end, spanEnd) - Math.max(c.start, col.start);
    const score =
      overlap > 0 ? overlap : -Math.min(Math.abs(c.start - col.start), Math.abs(c.end - col.end));
    if (score > bestScore) {
      bestScore = score;
      best = k;
    }
  });
  return best;
}

const amountShaped = (t: string) => isAmountText(t) || /^[-–—]$/.test(t.trim());

/** Cells that do not line up with the header: amounts to amount columns, text to the others, in order. */
function typedAlignment(cells: Cell[], ctx: TableContext, out: string[]): string[] {
  const amountCols = ctx.columns.map((c, k) => (isAmountColumn(c) ? k : -1)).filter((k) => k >= 0);
  const textCols = ctx.columns
    .map((c, k) => (!isAmountColumn(c) && c.role !== "ignore" ? k : -1))
    .filter((k) => k >= 0);
  let a = 0;
  let t = 0;
  for (const c of cells) {
    if (amountShaped(c.text) && a < amountCols.length) out[amountCols[a++]] = c.text;
    else if (t < textCols.length) out[textCols[t++]] = c.text;
    else out[textCols[textCols.length - 1] ?? 0] += ` ${c.text}`;
  }
  return out;
}

/** A line with no cells: what stands before its amount is the name, what follows the timing. */
function splitAtAmount(text: string, ctx: TableContext, out: string[]): string[] {
  const found = findAmounts(text)[0];
  const nameAt = ctx.columns.findIndex((c) => c.role === "name");
  if (!found) {
    out[nameAt] = text;
    return out;
  }
  const amountAt = ctx.columns.findIndex(isAmountColumn);
  out[amountAt] = found.text;
  out[nameAt] = text.slice(0, found.index).trim();
  const timingAt = ctx.columns.findIndex((c) => c.role === "timing");
  const rest = text.slice(found.end).trim();
  if (timingAt >= 0) out[timingAt] = rest;
  else if (rest) out[amountAt] = `${found.text} ${rest}`;
  return out;
}

function firstText(texts: string[], columns: ColumnMapping[]): string {
  const k = texts.findIndex((t, i) => t && !isAmountColumn(columns[i]));
  return k >= 0 ? texts[k] : "";
}

/**
 * An amount cell read by the grammar (`Ca 1,2 mnkr`, `2 tkr/mån`, a range is a problem); when
 * the amount is followed by a timing in the same cell (`2,5 mnkr Q3 2023`), that rest is kept.
 */
function cellAmount(text: string): CellAmount & { rest?: string } {
  const whole = readCellAmount(text);
  const lead = leadingAmount(text);
  if (whole && !("problem" in whole)) return { ...whole, rest: lead?.rest ?? "" };
  if (lead && lead.rest && readTiming(lead.rest).ok) return lead;
  return whole ?? { problem: "är tom" };
}
/** Whether a line's amount columns hold anything like a figure (else it is a wrapped line). */
const hasFigure = (text: string | undefined) => text !== undefined && /\d/.test(text);

export function readCellRow(row: CellRow, ctx: TableContext): RawMeasure {
  const text = (role: ColumnRole) =>
    joinAllWrapped(
      ctx.columns.map((c, k) => (c.role === role ? row.texts[k] : "")).filter(Boolean)
    );
  let id = text("id");
  let name = text("name");
  const numbered = /^(\d{1,3}|[A-ZÅÄÖ]{1,2}\s?\d{1,3})(?:[.)]\s*|\s+(?=\p{Lu}))(.+)$/u.exec(name);
  if (!id && numbered) {
    id = numbered[1];
    name = numbered[2];
  }
  const m: RawMeasure = {
    measure: {
      id: id.replace(/[.)]$/, ""),
      area: text("area"),
      name: cleanName(name),
      timing: "",
      line: row.line,
      confidence: 1,
      source: "table",
    },
    unit: ctx.unit,
  };
  let timing = text("timing");
  let unitGuessed = false;
  let amountRemark = "";
  ctx.columns.forEach((c, k) => {
    if (!isAmountColumn(c) || !row.texts[k]) return;
    const a = cellAmount(row.texts[k]);
    if ("problem" in a) {
      if (readCellAmount(row.texts[k]) === undefined) return; // a dash: no figure
      m.measure.confidence -= 0.3;
      ctx.problems.push({
        table: IMPORT_TABLE,
        row: row.line,
        column: c.header,
        key: c.role === "annual" ? "annual" : String(c.year),
        // the grammar's message may quote the cell already
        message: a.problem.includes(`»${row.texts[k]}«`)
          ? a.problem
          : `»${row.texts[k]}« ${a.problem}`,
      });
      return;
    }
    if (a.notice)
      ctx.problems.push({
        table: IMPORT_TABLE,
        row: row.line,
        column: c.header,
        key: c.role === "annual" ? "annual" : String(c.year),
        severity: "notice",
        message: a.notice,
      });
    if (!a.unit && !c.unit && !ctx.unitStated) unitGuessed = true;
    const value = convertAmount(a.value, a.unit ?? c.unit ?? ctx.unit, ctx.unit);
    if (c.role === "annual") {
      m.measure.annual = value;
      // The rest of the row after its amount is its timing; beside a timing column, a remark
      // on the amount (`1 mnkr (lägre kostnader och …)`) is kept as Kommentar.
      if (a.rest && !timing) timing = a.rest;
      else if (a.rest) amountRemark = a.rest.replace(/^\((.*)\)$/s, "$1").trim();
    } else (m.measure.perYear ??= {})[String(c.year)] = value;
  });
  const other = ctx.columns
    .map((c, k) => (c.role === "ignore" && row.texts[k] ? `${c.header}: ${row.texts[k]}` : ""))
    .filter(Boolean);
  const comment = [amountRemark, text("comment"), ...other].filter(Boolean).join("; ");
  if (comment) m.measure.comment = comment;
  const dependency = text("dependency");
  if (dependency) m.measure.dependency = dependency;
  if (unitGuessed) {
    m.measure.confidence -= 0.3;
    ctx.problems.push({
      table: IMPORT_TABLE,
      row: row.line,
      column: ctx.columns.find(isAmountColumn)!.header,
      message: `Tabellen anger ingen enhet; beloppet lästes som ${ctx.unit}. Ange enheten i rubriken, t.ex. »Belopp (tkr)«.`,
    });
  }
  applyTiming(m.measure, timing, ctx.problems);
  if (m.measure.annual === undefined && !m.measure.perYear) {
    m.measure.confidence -= 0.5;
    ctx.problems.push({
      table: IMPORT_TABLE,
      row: row.line,
      column: ctx.columns.find(isAmountColumn)!.header,
      message: `»${m.measure.name}« har inget belopp som går att läsa`,
    });
  }
  return m;
}

/** The sums a sum row states, per amount column. */
function statedSums(
  texts: string[],
  ctx: TableContext
): { annual?: Stated; perYear: Record<string, Stated> } {
  const out: { annual?: Stated; perYear: Record<string, Stated> } = { perYear: {} };
  const amountCols = ctx.columns.map((c, k) => [c, k] as const).filter(([c]) => isAmountColumn(c));
  // A sum written on one line (`Summa 4,0 mnkr`): its figures go to the amount columns in order.
  const inLabel = texts
    .filter((t, k) => t && !isAmountColumn(ctx.columns[k]))
    .map((t) => t.replace(/^\s*\S+(\s+totalt?)?/i, ""))
    .join(" ");
  const loose = readStatedFigures(inLabel);
  let next = 0;
  for (const [c, k] of amountCols) {
    const s = (texts[k] && readStated(texts[k])) || loose[next++];
    if (!s) continue;
    const inUnit = { ...s, unit: s.unit ?? c.unit ?? ctx.unit };
    if (c.role === "annual") out.annual = inUnit;
    else out.perYear[String(c.year)] = inUnit;
  }
  return out;
}
