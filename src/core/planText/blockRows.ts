import {
  convertAmount,
  findAmounts,
  findFigures,
  FoundAmount,
  periodReading,
  readStatedFigures,
  readTiming,
  readYear,
} from "./grammar";
import { joinAllWrapped, Line } from "./lines";
import { readCellRow } from "./cellRows";
import {
  applyTiming,
  cleanName,
  isAmountColumn,
  isTimingLine,
  TableContext,
  unbalanced,
} from "./rowFields";
import { isSumText, isTotalText } from "./tables";
import { IMPORT_TABLE, RawMeasure, SumRow, TableRows } from "./types";

/**
 * Reading a table whose cells stand in blocks between blank lines, as text copied from a PDF
 * gives it (seed 000): names, amounts and timings wrapped over lines, several rows in a block.
 */
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
  const figures = readStatedFigures(text.slice(label.length));
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
      raw.measure.annual = annualOf(a, ctx, raw.measure.line);
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
        // An amount alone on its line, its timing on the next (`ca 5,0 mnkr` / `Från Q 4 2020`).
        if (afterLines[0].trim() === "" && afterLines.length > 2 && isTimingLine(afterLines[1]))
          taken = 2;
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
            annual: annualOf(a, ctx, line),
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

/**
 * A measure's yearly figure from the amount found in its row, in the table's unit. An amount
 * written per week, quarter or half-year counts per year, with a notice saying so; one per day or
 * hour has no yearly figure and is a problem on the row.
 */
function annualOf(a: FoundAmount, ctx: TableContext, line: number): number | undefined {
  const r = periodReading(a);
  if (r.message)
    ctx.problems.push({
      table: IMPORT_TABLE,
      row: line,
      column: ctx.columns.find(isAmountColumn)?.header,
      message: r.message,
      ...(r.severity ? { severity: r.severity } : {}),
    });
  return r.annual === undefined ? undefined : convertAmount(r.annual, a.unit, ctx.unit);
}
