import { Problem } from "../problems";
import { ColumnMapping, ColumnRole } from "./columns";
import {
  convertAmount,
  findAmounts,
  findFigures,
  isAmountText,
  leadingAmount,
  readCellAmount,
  CellAmount,
  readStated,
  readStatedFigures,
  readTiming,
  readYear,
  Stated,
  Unit,
} from "./grammar";
import { Cell, joinAllWrapped, joinWrapped, Line, Separator, splitCells } from "./lines";
import { isSumText, isTotalText } from "./tables";
import { IMPORT_TABLE, RawMeasure, SumRow, TableRows } from "./types";

/**
 * Reading rows: the lines under a header become measures and sum rows. Tables laid out in columns
 * (tabs, PDF spacing, Excel) are read cell by cell; tables whose cells stand in blocks between
 * blank lines (seed 000) are read block by block.
 */
export interface TableContext {
  columns: ColumnMapping[];
  by: "tab" | "space" | "words";
  sep?: Separator;
  area: string;
  unit: Unit;
  /** Whether any header or line near it names a unit. */
  unitStated: boolean;
  problems: Problem[];
}

const AMOUNT_ROLES: readonly ColumnRole[] = ["annual", "year"];
const isAmountColumn = (c: ColumnMapping) => AMOUNT_ROLES.includes(c.role);

// ---------------------------------------------------------------------------------------------
// Tables laid out in columns

interface CellRow {
  line: number;
  texts: string[];
}

export function readCellTable(body: Line[], ctx: TableContext): TableRows {
  const rows: CellRow[] = [];
  const sums: { row: CellRow; index: number }[] = [];
  let pending: string[] | undefined;
  for (const line of body) {
    // Blank lines, and the rules of a table drawn in text (`|---|---|`), hold no cell.
    if (/^[\s|+\-=:_]*$/.test(line.text)) continue;
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
    // A wrapped line of the row above (or, before the first row, of the row below).
    const prev =
      rows.length > sums.at(-1)?.index! || (rows.length && !sums.length) ? rows.at(-1) : undefined;
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
    const byIndex = cells.length === Math.max(...ctx.columns.map((c) => c.start)) + 1;
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

/** An amount cell: the amount (with its unit when written) and the text after it. */
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

function readCellRow(row: CellRow, ctx: TableContext): RawMeasure {
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
        message: `»${row.texts[k]}« ${a.problem}`,
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
  const loose = splitStated(inLabel);
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

/** Figures in a sum row's text, in order: `4,0 mnkr`, `1,0  2,5  3,0`. */
const splitStated = (text: string): Stated[] => readStatedFigures(text);

// ---------------------------------------------------------------------------------------------
// Tables whose cells stand in blocks between blank lines (seed 000)

/** A table's body in blocks: runs of lines between blank lines; a sum line is a block of its own. */
function toBlocks(body: Line[]): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  const flushBlock = () => {
    if (current.length) blocks.push(current);
    current = [];
  };
  for (const l of body) {
    if (l.text.trim() === "") flushBlock();
    else if (isSumText(l.text)) {
      flushBlock();
      blocks.push([l]);
    } else current.push(l);
  }
  flushBlock();
  return blocks;
}

const blockText = (block: Line[]) => block.map((l) => l.text.trim()).join("\n");
const isSumBlock = (block: Line[]) => block.length === 1 && isSumText(block[0].text);

/** A sum line of a block table (`Summa 23,5 mnkr`, `Summa Totalt 17,6 mnkr`): its figures in order. */
function readSumBlock(
  block: Line[],
  ctx: TableContext,
  sums: SumRow[],
  covers: RawMeasure[]
): SumRow {
  const text = blockText(block);
  const label = /^\S+(\s+totalt?)?/i.exec(text)![0];
  const figures = splitStated(text.slice(label.length));
  const s: SumRow = {
    line: block[0].number,
    label,
    total: isTotalText(label) && sums.length > 0,
    perYear: {},
    covers,
  };
  if (figures.length === 0)
    ctx.problems.push({
      table: IMPORT_TABLE,
      row: block[0].number,
      column: "Summa",
      key: "annual",
      message: `»${text}« anger ingen summa som går att läsa`,
    });
  ctx.columns.filter(isAmountColumn).forEach((c, k) => {
    const f = figures[k];
    if (!f) return;
    const inUnit = { ...f, unit: f.unit ?? c.unit ?? ctx.unit };
    if (c.role === "annual") s.annual = inUnit;
    else s.perYear[String(c.year)] = inUnit;
  });
  return s;
}

/** Adds a sum covering all of the table (a total after other sums) or the rows since `from`. */
function addSum(
  block: Line[],
  ctx: TableContext,
  sums: SumRow[],
  measures: RawMeasure[],
  from: number
): number {
  const s = readSumBlock(block, ctx, sums, []);
  s.covers = measures.slice(s.total ? 0 : from);
  sums.push(s);
  return measures.length;
}

export function readBlockTable(body: Line[], ctx: TableContext): TableRows {
  const blocks = toBlocks(body);
  const amountAt = ctx.columns.findIndex(isAmountColumn);
  const nameAt = ctx.columns.findIndex((c) => c.role === "name");
  if (amountAt < nameAt) return readAmountFirstBlocks(blocks, ctx);
  const measures: RawMeasure[] = [];
  const sums: SumRow[] = [];
  let sumFrom = 0;
  /** A name waiting for its amount; `sameBlock` when it stands in the amount's own block. */
  let pendingName: { text: string; line: number; sameBlock?: boolean } | undefined;
  let open: { raw: RawMeasure; timing: string[] } | undefined;
  const finish = () => {
    if (!open) return;
    applyTiming(open.raw.measure, open.timing.join("\n"), ctx.problems);
    measures.push(open.raw);
    open = undefined;
  };
  const unbalancedOpen = () => open !== undefined && unbalanced(open.timing.join(" "));
  const idFirst = ctx.columns[0]?.role === "id";

  for (const block of blocks) {
    const text = blockText(block);
    if (isSumBlock(block)) {
      finish();
      sumFrom = addSum(block, ctx, sums, measures, sumFrom);
      continue;
    }
    const amounts = findAmounts(text);
    const awaitingTiming =
      open !== undefined && (unbalancedOpen() || open.timing.join("").trim() === "");
    const bare = amounts.length === 0 && !awaitingTiming ? block.map((l) => bareRow(l, ctx)) : [];
    if (bare.length && bare.every(Boolean)) {
      finish();
      measures.push(...(bare as RawMeasure[]));
      continue;
    }
    if (amounts.length === 0) {
      if (
        open &&
        (unbalancedOpen() ||
          (open.timing.join("").trim() === "" && block.length <= 3 && readTiming(text).ok))
      ) {
        open.timing.push(text);
        if (!unbalancedOpen()) finish();
        continue;
      }
      finish();
      pendingName = pendingName
        ? { text: `${pendingName.text}\n${text}`, line: pendingName.line }
        : { text, line: block[0].number };
      continue;
    }
    let cursor = 0;
    amounts.forEach((a, k) => {
      finish();
      const before = text.slice(cursor, a.index).trim();
      let name: string;
      let comment: string | undefined;
      if (pendingName?.sameBlock) {
        name = before ? `${pendingName.text}\n${before}` : pendingName.text;
        pendingName = undefined;
      } else if (pendingName) {
        name = pendingName.text;
        comment = before ? `${before} ${a.text.trim()}` : undefined;
        pendingName = undefined;
      } else name = before;
      const flat = joinAllWrapped(name.split("\n"));
      const numbered = idFirst ? /^(\S{1,5})\s+(.+)$/.exec(flat) : null;
      const raw: RawMeasure = {
        measure: {
          id: numbered ? numbered[1].replace(/[.)]$/, "") : "",
          area: ctx.area,
          name: cleanName(numbered ? numbered[2] : flat),
          timing: "",
          line: block[0].number + text.slice(0, a.index).split("\n").length - 1,
          confidence: 0.9,
          source: "table",
        },
        unit: ctx.unit,
      };
      raw.measure.annual = convertAmount(a.value, a.unit, ctx.unit);
      if (comment)
        raw.measure.comment = joinAllWrapped(comment.split("\n")).replace(
          /\s*,\s*(ca|cirka)?\.?\s*$/i,
          ""
        );
      // The rest of the row after its amount: its line, and the lines after while a remark is
      // open; the last amount of a block takes the rest of the block.
      const after = text.slice(a.end, amounts[k + 1]?.index ?? text.length);
      const afterLines = after.split("\n");
      let taken = 1;
      if (k + 1 < amounts.length) {
        while (taken < afterLines.length && unbalanced(afterLines.slice(0, taken).join(" ")))
          taken++;
        // What is left before the next amount begins the next measure's name.
        const left = afterLines.slice(taken).join("\n").trim();
        if (left) pendingName = { text: left, line: raw.measure.line + taken, sameBlock: true };
      } else taken = afterLines.length;
      open = { raw, timing: afterLines.slice(0, taken) };
      if (!unbalancedOpen() && (k + 1 < amounts.length || open.timing.join("").trim() !== ""))
        finish();
      // What stood between this row's timing and the next amount is already the next name.
      cursor = amounts[k + 1]?.index ?? text.length;
    });
  }
  finish();
  if (pendingName) {
    ctx.problems.push({
      table: IMPORT_TABLE,
      row: pendingName.line,
      column: "Kostnadsreducering",
      key: "annual",
      message: `»${joinAllWrapped(pendingName.text.split("\n")).slice(0, 80)}« ser ut som en åtgärd men har inget belopp med enhet (t.ex. 2 mnkr)`,
    });
  }
  return { measures, sums };
}

/**
 * A row on one line with single spaces whose figures carry no unit (the unit is in the header):
 * `Översyn av avtal 400 Q3 2024`, `Ny bemanningsmodell 0,5 1,0 1,0`. The name, then one figure
 * per amount column, then the timing. Years are not taken for figures.
 */
function bareRow(line: Line, ctx: TableContext): RawMeasure | undefined {
  const amountColumns = ctx.columns.filter(isAmountColumn);
  const nameAt = ctx.columns.findIndex((c) => c.role === "name");
  const amountAt = ctx.columns.findIndex(isAmountColumn);
  // Only where the header says what a bare figure means: a unit, or a year.
  if (amountColumns.length === 0 || amountAt < nameAt) return undefined;
  if (!amountColumns.every((c) => c.unit || c.role === "year")) return undefined;
  const text = line.text.trim();
  const numbers = findFigures(text).filter((f) => !(f.decimals === 0 && readYear(f.text)));
  // The figures stand together: between them only spaces or a dash for an empty cell.
  for (let first = 0; first + amountColumns.length <= numbers.length; first++) {
    const run = numbers.slice(first, first + amountColumns.length);
    const gaps = run.slice(1).map((f, k) => text.slice(run[k].end, f.index));
    if (!gaps.every((g) => /^\s+$/.test(g))) continue;
    const name = text.slice(0, run[0].index).trim();
    if (!/\p{L}{3}/u.test(name)) continue;
    const cells = run.map((f) => f.text);
    const texts = ctx.columns.map((c) => {
      if (c.role === "name") return name;
      const k = amountColumns.indexOf(c);
      return k >= 0 ? cells[k] : "";
    });
    const timingAt = ctx.columns.findIndex((c) => c.role === "timing");
    const rest = text.slice(run[run.length - 1].end).trim();
    if (timingAt >= 0) texts[timingAt] = rest;
    else if (rest) return undefined;
    const m = readCellRow({ line: line.number, texts }, ctx);
    if (!m.measure.area) m.measure.area = ctx.area;
    m.measure.confidence = Math.min(m.measure.confidence, 0.8);
    return m;
  }
  return undefined;
}

/**
 * A block table whose amount comes first (`Belopp Åtgärd Tidsaspekt`): each amount starts a row;
 * the text after it, up to the next amount, is the row's name and then its timing.
 */
function readAmountFirstBlocks(blocks: Line[][], ctx: TableContext): TableRows {
  const measures: RawMeasure[] = [];
  const sums: SumRow[] = [];
  let sumFrom = 0;
  let open: { raw: RawMeasure; lines: string[] } | undefined;
  const close = () => {
    if (!open) return;
    const { name, timing } = splitNameTiming(open.lines);
    open.raw.measure.name = cleanName(name);
    applyTiming(open.raw.measure, timing, ctx.problems);
    measures.push(open.raw);
    open = undefined;
  };
  for (const block of blocks) {
    if (isSumBlock(block)) {
      close();
      sumFrom = addSum(block, ctx, sums, measures, sumFrom);
      continue;
    }
    const text = blockText(block);
    const amounts = findAmounts(text);
    const lead = text.slice(0, amounts[0]?.index ?? text.length).trim();
    if (lead && open) open.lines.push(...lead.split("\n"));
    else if (lead)
      ctx.problems.push({
        table: IMPORT_TABLE,
        row: block[0].number,
        column: ctx.columns.find(isAmountColumn)!.header,
        message: `»${lead.slice(0, 80)}« står före första beloppet; beloppet kommer först i den här tabellen`,
      });
    amounts.forEach((a, k) => {
      close();
      const line = block[0].number + text.slice(0, a.index).split("\n").length - 1;
      const after = text.slice(a.end, amounts[k + 1]?.index ?? text.length);
      open = {
        raw: {
          measure: {
            id: "",
            area: ctx.area,
            name: "",
            annual: convertAmount(a.value, a.unit, ctx.unit),
            timing: "",
            line,
            confidence: 0.9,
            source: "table",
          },
          unit: ctx.unit,
        },
        lines: after
          .split("\n")
          .map((l) => l.trim())
          .filter(Boolean),
      };
    });
  }
  close();
  return { measures, sums };
}

/**
 * The text after an amount: the name, then the timing. On lines of their own, the last lines that
 * read as a timing; on one line, from the first word with a figure, taking in the words before it
 * that change what the timing means (`april 2021`, not `2021`).
 */
function splitNameTiming(lines: string[]): { name: string; timing: string } {
  if (lines.length > 1) {
    let k = lines.length;
    while (k > 1 && (readTiming(lines[k - 1]).ok || /^\(/.test(lines[k - 1]))) k--;
    return { name: joinAllWrapped(lines.slice(0, k)), timing: lines.slice(k).join("\n") };
  }
  const words = (lines[0] ?? "").split(/\s+/).filter(Boolean);
  let at = words.findIndex((w) => /\d/.test(w));
  if (at < 0) return { name: words.join(" "), timing: "" };
  const startOf = (from: number) => {
    const r = readTiming(words.slice(from).join(" "));
    return r.ok ? `${r.start.year}-${r.start.month}-${r.start.day}` : undefined;
  };
  while (at > 1 && startOf(at - 1) !== startOf(at)) at--;
  return { name: words.slice(0, at).join(" "), timing: words.slice(at).join(" ") };
}

const unbalanced = (s: string) => (s.match(/\(/g)?.length ?? 0) > (s.match(/\)/g)?.length ?? 0);

/**
 * Fills Tidsaspekt, start and Beroende from a row's timing text (its lines as written). A remark
 * right after the amount, e.g. `1 mnkr (lägre kostnader och … Regionen)`, belongs to the amount;
 * a line inside it that is a timing of its own (the column beside) is the Tidsaspekt.
 */
export function applyTiming(
  m: RawMeasure["measure"],
  timingLines: string,
  problems: Problem[]
): void {
  const lines = timingLines.split("\n").map((l) => l.trim());
  let timing = tidy(joinAllWrapped(lines));
  const leading = /^\((.*)\)$/.exec(timing);
  if (leading) {
    const inner = lines.map((l) => l.replace(/^\(/, "").replace(/\)$/, "").trim());
    const at = inner.findIndex((l) => l && readTiming(l).ok && !/[()]/.test(l));
    if (at >= 0) {
      timing = inner[at];
      const remark = joinAllWrapped(inner.filter((_, i) => i !== at));
      m.comment = m.comment ? `${m.comment}; ${remark}` : remark;
    }
  }
  m.timing = timing;
  const remarks = [...timing.matchAll(/\(([^()]*)\)/g)]
    .map((r) => r[1].trim())
    .filter((r) => r && !/^(full\s+effekt\s+)?helår\s+\d{4}$/i.test(r));
  if (remarks.length)
    m.dependency = [m.dependency, ...remarks.map((r) => r.charAt(0).toUpperCase() + r.slice(1))]
      .filter(Boolean)
      .join("; ");
  // A problem with the timing lowers the confidence by what it costs the reading.
  const problem = (message: string, cost: number, severity?: "notice") => {
    m.confidence -= cost;
    problems.push({
      table: IMPORT_TABLE,
      row: m.line,
      column: "Tidsaspekt",
      key: "timing",
      ...(severity ? { severity } : {}),
      message,
    });
  };
  if (!timing) {
    if (m.perYear) return; // the years the plan states are the timing
    problem(
      `»${m.name}« har ingen tidsaspekt; fyll i Tidsaspekt eller Start innan effekten kan räknas`,
      0.3
    );
    return;
  }
  const parsed = readTiming(timing);
  if (!parsed.ok) return problem(parsed.message, 0.3);
  m.start = parsed.start;
  if (parsed.end) m.end = parsed.end; // `avtalet löper ut 2021-06-30`: an end, never a start
  if (parsed.notice) problem(parsed.notice, 0.1, "notice");
}

/** A name without a list's bullet before it or a dash after it: `• Översyn av avtal –`. */
const cleanName = (name: string) =>
  name
    .replace(/^[•·▪◦*\-–]\s+/, "")
    .replace(/\s*[–-]\s*$/, "")
    .trim();

const tidy = (s: string) => s.replace(/\s+/g, " ").replace(/\(\s+/g, "(").trim();
