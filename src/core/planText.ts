import { parseSwedishNumber } from "./amount";
import { computePlanEffects } from "./effects";
import { CalendarDate } from "./dates";
import { Measure } from "./measures";
import { Problem } from "./problems";
import { parseTiming } from "./timing";
import { convertAmount, parseUnit, Unit } from "./units";

/**
 * Reads an action plan from its text, as it comes out of a PDF or Word decision (seed 000):
 * section headings become Område; the lists under `Förslag Kostnadsreducering Tidsaspekt` become
 * measures; each section's `Summa`, the total and the table `Kostnadsreducering per år` are
 * checked against what the engine computes. Any text gives a result; what cannot be read is a
 * problem naming the line.
 */
export interface ImportedMeasure {
  id: string;
  area: string;
  name: string;
  /** In the import's unit. */
  annual: number;
  /** The timing as the plan writes it (wrapped lines joined). */
  timing: string;
  start?: CalendarDate;
  dependency?: string;
  comment?: string;
  /** Line of the text where the measure starts (1-based). */
  line: number;
}

export interface ImportedSection {
  area: string;
  statedSum?: number;
  computedSum: number;
  /** Whether the stated sum equals the computed one at the precision the plan states it. */
  matches?: boolean;
}

export interface PlanImport {
  unit: Unit;
  measures: ImportedMeasure[];
  sections: ImportedSection[];
  statedTotal?: number;
  computedTotal: number;
  statedPerYear: Record<string, number>;
  computedPerYear: Record<string, number>;
  problems: Problem[];
}

export const IMPORT_TABLE = "Import";

const UNIT = String.raw`(mnkr|mkr|mn\s?kr|miljoner\s+kronor|tkr|tusen\s+kronor|kronor|kr)(?![\p{L}])`;
const NUMBER = String.raw`\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?`;
/** An amount with its unit, with `ca`/`cirka` before it: the anchor of each measure. */
const AMOUNT = new RegExp(String.raw`(?:(?:ca|cirka)\.?\s*)?(${NUMBER})\s*${UNIT}`, "giu");
const TABLE_HEADER =
  /^(förslag|åtgärd|åtgärder|namn)\b.*\b(kostnadsreducering|besparing|belopp|effekt)\b/i;
const TABLE_END =
  /^(konsekvensbeskrivning|total summa|sammanfattning|kostnadsreducering per år|beslutsunderlag)\b/i;
const SUM_LINE = /^summa\b/i;
const PAGE_MARKER = /^\s*\d+\s*\(\s*\d+\s*\)\s*$|^\s*_{3,}\s*$|^\s*sida\s+\d+(\s+av\s+\d+)?\s*$/i;
const STRUCTURAL =
  /^(förslag till beslut|ärende|bakgrund|beslutsunderlag:?|konsekvensbeskrivning|sammanfattning|samråd|kommunala mål|åtgärdsförslag(\/plan)?|information eller förhandling.*|kostnadsreducering per år)$/i;

// A timing at the start of a text: a prefix, date-like expressions, remarks in parentheses and
// full-year remarks, in any order, as plans write them.
const MONTHS =
  "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec";
const TIMING_PIECES = [
  String.raw`(?:från och med|fr\.?\s?o\.?\s?m\.?|från|from|start)\b`,
  String.raw`(?:q|kv|kvartal|t|tertial|h|halvår)\s*[1-4]\s*[-/]?\s*(?:19|20)\d{2}`,
  String.raw`(?:första|andra)\s+halvåret\s+(?:19|20)\d{2}`,
  String.raw`(?:19|20)\d{2}-\d{1,2}(?:-\d{1,2})?`,
  String.raw`(?:\d{1,2}\s+)?(?:${MONTHS})\.?\s+(?:19|20)\d{2}`,
  String.raw`(?:full\s+effekt\s+)?helår\s+(?:19|20)\d{2}`,
  String.raw`(?:19|20)\d{2}(?![\d-])`,
];
/** A date-like expression anywhere in a remark (the prefixes such as `från` left out). */
const TIMING_INSIDE = new RegExp(TIMING_PIECES.slice(1).join("|"), "iu");
const TIMING_PIECE = new RegExp(String.raw`^\s*(?:${TIMING_PIECES.join("|")})`, "iu");

interface Line {
  text: string;
  number: number;
}

export function parsePlanText(input: unknown): PlanImport {
  const problems: Problem[] = [];
  const text = typeof input === "string" ? input : "";
  if (typeof input !== "string")
    problems.push({
      table: IMPORT_TABLE,
      message: "Ingen text att läsa; klistra in planens text.",
    });
  const lines = text
    .replace(/\r\n?/g, "\n")
    .replace(/\u00ad/g, "") // soft hyphens from Word
    .split("\n")
    .map((t, i) => ({ text: t.replace(/\u00a0/g, " ").replace(/\s+$/, ""), number: i + 1 }))
    .filter((l) => !PAGE_MARKER.test(l.text));

  const sections: { area: string; statedSum?: Stated; line: number; raw: RawMeasure[] }[] = [];
  const unitsSeen: Unit[] = [];
  let statedTotalRaw: Stated | undefined;
  const perYearRaw: Record<string, Stated> = {};

  // Section headings and tables, in order.
  let lastTableEnd = -1;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text.trim();
    const total = /^total\s+summa\b.*?:?\s*(.*)$/i.exec(t);
    if (total) {
      statedTotalRaw = readStatedAmount(total[1]) ?? statedTotalRaw;
      continue;
    }
    if (/^kostnadsreducering per år/i.test(t)) {
      readPerYear(lines, i + 1, perYearRaw);
      continue;
    }
    if (!TABLE_HEADER.test(t) || !(/tidsaspekt|tidpunkt|start|när/i.test(t) || t.includes("\t")))
      continue;

    const area = findHeading(lines, lastTableEnd + 1, i) ?? "Övrigt";
    const section: (typeof sections)[number] = { area, line: lines[i].number, raw: [] };
    sections.push(section);
    let j = i + 1;
    const body: Line[] = [];
    for (; j < lines.length; j++) {
      const tj = lines[j].text.trim();
      if (SUM_LINE.test(tj)) {
        const a = readStatedAmount(tj.replace(SUM_LINE, "").replace(/^\s*totalt\b/i, ""));
        if (a) section.statedSum = a;
        else
          problems.push({
            table: IMPORT_TABLE,
            row: lines[j].number,
            column: "Summa",
            message: `»${tj}« anger ingen summa som går att läsa`,
          });
        break;
      }
      if (TABLE_END.test(tj) || (TABLE_HEADER.test(tj) && j > i + 1)) {
        j--;
        break;
      }
      body.push(lines[j]);
    }
    lastTableEnd = j;
    i = j;
    section.raw = readTableBody(body, area, problems);
    unitsSeen.push(...section.raw.map((r) => r.unit));
  }

  // The import's unit is the one most measures use; the others are converted to it.
  const unit = mostCommon(unitsSeen) ?? "mnkr";
  const inUnit = (a: Stated) => (a.unit ? convertAmount(a.value, a.unit, unit) : a.value);
  const statedTotal = statedTotalRaw && inUnit(statedTotalRaw);
  const statedPerYear = Object.fromEntries(
    Object.entries(perYearRaw).map(([y, a]) => [y, inUnit(a)])
  );
  const measures: ImportedMeasure[] = sections
    .flatMap((s) => s.raw)
    .map((r, i) => ({
      ...r.measure,
      id: `A${String(i + 1).padStart(2, "0")}`,
      annual: convertAmount(r.measure.annual, r.unit, unit),
    }));

  if (measures.length === 0) {
    problems.push({
      table: IMPORT_TABLE,
      message:
        "Hittade inga åtgärder. Balans läser listor under en rubrikrad som »Förslag Kostnadsreducering Tidsaspekt«, med ett belopp med enhet (t.ex. 4 mnkr) för varje åtgärd.",
    });
  }

  const sectionsOut: ImportedSection[] = sections.map((s) => {
    const computedSum = s.raw.reduce(
      (sum, r) => sum + convertAmount(r.measure.annual, r.unit, unit),
      0
    );
    if (s.statedSum === undefined) return { area: s.area, computedSum };
    const statedSum = inUnit(s.statedSum);
    return { area: s.area, statedSum, computedSum, matches: sameStated(statedSum, computedSum) };
  });
  sectionsOut.forEach((s, i) => {
    if (s.matches !== false) return;
    problems.push({
      table: IMPORT_TABLE,
      row: sections[i].line,
      column: "Summa",
      message: `Avsnittet »${s.area}« anger summan ${sv(s.statedSum!)} ${unit}, men åtgärderna summerar till ${sv(s.computedSum)} ${unit}`,
    });
  });
  const computedTotal = measures.reduce((a, m) => a + m.annual, 0);
  if (statedTotal !== undefined && !sameStated(statedTotal, computedTotal)) {
    problems.push({
      table: IMPORT_TABLE,
      column: "Total summa",
      message: `Planen anger totalt ${sv(statedTotal)} ${unit}, men åtgärderna summerar till ${sv(computedTotal)} ${unit}`,
    });
  }

  const computedPerYear: Record<string, number> = {};
  const dated = measures.filter((m) => m.start);
  const years = Object.keys(statedPerYear).map(Number);
  if (years.length) {
    const asMeasures = dated.map(
      (m) => ({ ...m, start: m.start!, row: m.line }) as unknown as Measure
    );
    const effects = computePlanEffects(asMeasures, unit, years);
    for (const y of years) {
      computedPerYear[String(y)] = effects.totals.get(y)!;
      if (
        !sameStated(
          statedPerYear[String(y)],
          computedPerYear[String(y)],
          statedDecimals(statedPerYear, y)
        )
      ) {
        problems.push({
          table: IMPORT_TABLE,
          column: "Kostnadsreducering per år",
          message: `För ${y} anger planen ${sv(statedPerYear[String(y)])} ${unit}, men åtgärderna ger ${sv(computedPerYear[String(y)])} ${unit}`,
        });
      }
    }
  }

  return {
    unit,
    measures,
    sections: sectionsOut,
    ...(statedTotal !== undefined ? { statedTotal } : {}),
    computedTotal,
    statedPerYear,
    computedPerYear,
    problems,
  };
}

// ---------------------------------------------------------------------------------------------

/** The section heading for a table: the first heading after the previous table (a parent
 * heading followed directly by another heading gives way to the more specific one). */
function findHeading(lines: Line[], from: number, to: number): string | undefined {
  for (let i = from; i < to; i++) {
    if (!isHeading(lines, i)) continue;
    let j = i;
    while (j + 1 < to && isHeading(lines, j + 1) && lines[j + 1].text.trim() !== "") j++;
    return lines[j].text.trim();
  }
  return undefined;
}

/** Short, capitalized, no closing punctuation, no figures, no file name: a heading's shape. */
function headingShaped(t: string): boolean {
  if (
    t.length < 3 ||
    t.length > 70 ||
    STRUCTURAL.test(t) ||
    TABLE_HEADER.test(t) ||
    SUM_LINE.test(t)
  )
    return false;
  if (
    !/^\p{Lu}/u.test(t) ||
    /[.,;:–-]$/.test(t) ||
    /\d/.test(t) ||
    t.split(/\s+/).length > 9 ||
    /[–:]\s/.test(t)
  )
    return false;
  return !/\.(docx?|pdf|xlsx?|txt)\b/i.test(t);
}

/** A heading stands after a finished sentence (or another heading) and before text. */
function isHeading(lines: Line[], i: number): boolean {
  const t = lines[i].text.trim();
  if (!headingShaped(t)) return false;
  const prev = previousText(lines, i);
  const next = nextText(lines, i);
  // A short line standing alone before a blank line (a title) has ended too.
  const standsAlone =
    prev !== undefined && prev.length <= 70 && i > 0 && lines[i - 1].text.trim() === "";
  const prevEnds =
    prev === undefined ||
    standsAlone ||
    /[.!?:)]$/.test(prev) ||
    STRUCTURAL.test(prev) ||
    SUM_LINE.test(prev) ||
    headingShaped(prev);
  return prevEnds && next !== undefined && /^\p{Lu}/u.test(next);
}

const previousText = (lines: Line[], i: number) => {
  for (let k = i - 1; k >= 0; k--) if (lines[k].text.trim()) return lines[k].text.trim();
  return undefined;
};
const nextText = (lines: Line[], i: number) => {
  for (let k = i + 1; k < lines.length; k++) if (lines[k].text.trim()) return lines[k].text.trim();
  return undefined;
};

interface RawMeasure {
  measure: ImportedMeasure;
  unit: Unit;
}

/**
 * The lines between a table's header and its sum. Cells are separated by blank lines (a cell
 * wraps over lines) or by tabs (pasted from Word); a block may hold several measures.
 */
function readTableBody(body: Line[], area: string, problems: Problem[]): RawMeasure[] {
  const out: RawMeasure[] = [];
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (const l of body) {
    if (l.text.trim() === "") {
      if (current.length) blocks.push(current);
      current = [];
    } else if (l.text.includes("\t")) {
      if (current.length) blocks.push(current);
      blocks.push([l]);
      current = [];
    } else current.push(l);
  }
  if (current.length) blocks.push(current);

  let pendingName: { text: string; line: number } | undefined;
  let open: { raw: RawMeasure; timing: string; needsTiming: boolean } | undefined;

  const finish = () => {
    if (!open) return;
    const { raw } = open;
    const timingText = open.timing.replace(/\s+/g, " ").replace(/\(\s+/g, "(").trim();
    applyTiming(raw.measure, timingText, problems);
    out.push(raw);
    open = undefined;
  };

  for (const block of blocks) {
    const tabbed = block.length === 1 && block[0].text.includes("\t");
    if (tabbed) {
      finish();
      const cells = block[0].text
        .split("\t")
        .map((c) => c.trim())
        .filter(Boolean);
      const amountAt = cells.findIndex(
        (c) =>
          new RegExp(AMOUNT.source, "iu").test(c) ||
          parseSwedishNumber(c.replace(/^(ca|cirka)\.?\s*/i, "")) !== undefined
      );
      if (amountAt <= 0) {
        problems.push({
          table: IMPORT_TABLE,
          row: block[0].number,
          column: "Kostnadsreducering",
          message: `raden »${cells.join(" | ")}« har inget belopp med enhet`,
        });
        continue;
      }
      const amount = readStatedAmount(cells[amountAt]) ?? {
        value: parseSwedishNumber(cells[amountAt].replace(/^(ca|cirka)\.?\s*/i, ""))!,
        unit: undefined,
      };
      const raw = newMeasure(cells.slice(0, amountAt).join(" "), amount, block[0].number, area);
      open = { raw, timing: cells.slice(amountAt + 1).join(" "), needsTiming: false };
      finish();
      continue;
    }

    const text = joinLines(block);
    const amounts = [...text.matchAll(AMOUNT)];
    if (amounts.length === 0) {
      const continuesRemark = open && unbalanced(open.timing);
      if (open && (continuesRemark || (open.needsTiming && TIMING_PIECE.test(text)))) {
        open.timing = `${open.timing} ${text}`;
        open.needsTiming = unbalanced(open.timing);
        if (!open.needsTiming) finish();
        continue;
      }
      finish();
      pendingName = pendingName
        ? { text: `${pendingName.text} ${text}`, line: pendingName.line }
        : { text, line: block[0].number };
      continue;
    }

    let cursor = 0;
    amounts.forEach((m, k) => {
      const before = text.slice(cursor, m.index).trim();
      const after = text.slice(
        m.index! + m[0].length,
        k + 1 < amounts.length ? amounts[k + 1].index : text.length
      );
      finish();
      let name: string;
      let comment: string | undefined;
      if (pendingName) {
        name = pendingName.text;
        comment = before ? `${before} ${m[0].trim()}` : undefined;
        pendingName = undefined;
      } else name = before;
      const unit = parseUnit(m[2].replace(/\s+/g, " "))!;
      const raw = newMeasure(
        name,
        { value: parseSwedishNumber(m[1])!, unit },
        block[0].number,
        area
      );
      if (comment) raw.measure.comment = comment.replace(/\s*,\s*(ca|cirka)?\.?\s*$/i, "");
      const { timing, rest } = splitTiming(after);
      open = { raw, timing, needsTiming: timing.trim() === "" || unbalanced(timing) };
      if (!open.needsTiming) finish();
      if (rest) {
        if (k + 1 < amounts.length) pendingName = { text: rest, line: block[0].number };
        else {
          finish();
          pendingName = { text: rest, line: block[0].number };
        }
      }
      cursor = k + 1 < amounts.length ? amounts[k + 1].index! : text.length;
    });
  }
  finish();
  if (pendingName) {
    problems.push({
      table: IMPORT_TABLE,
      row: pendingName.line,
      column: "Kostnadsreducering",
      message: `»${pendingName.text.slice(0, 80)}« ser ut som en åtgärd men har inget belopp med enhet (t.ex. 2 mnkr)`,
    });
  }
  return out;
}

function newMeasure(
  name: string,
  amount: { value: number; unit?: Unit },
  line: number,
  area: string
): RawMeasure {
  const clean = name
    .replace(/\s+/g, " ")
    .replace(/\s*[–-]\s*$/, "")
    .trim();
  return {
    measure: { id: "", area, name: clean, annual: amount.value, timing: "", line },
    unit: amount.unit ?? "mnkr",
  };
}

/** Splits the text after an amount into the timing (with its remarks) and what follows it. */
function splitTiming(after: string): { timing: string; rest: string } {
  let s = after;
  let timing = "";
  let depth = 0;
  for (;;) {
    if (depth > 0) {
      const close = s.indexOf(")");
      if (close < 0) return { timing: `${timing}${s}`, rest: "" };
      timing += s.slice(0, close + 1);
      s = s.slice(close + 1);
      depth--;
      continue;
    }
    const lead = /^\s*/.exec(s)![0];
    const rest = s.slice(lead.length);
    if (rest.startsWith("(")) {
      timing += lead + "(";
      s = rest.slice(1);
      depth++;
      continue;
    }
    const piece = TIMING_PIECE.exec(s);
    if (piece) {
      timing += piece[0];
      s = s.slice(piece[0].length);
      continue;
    }
    return { timing, rest: s.trim() };
  }
}

const unbalanced = (s: string) => (s.match(/\(/g)?.length ?? 0) > (s.match(/\)/g)?.length ?? 0);

/** Fills Tidsaspekt, start, Beroende and Kommentar from the text after the amount. */
function applyTiming(m: ImportedMeasure, timingText: string, problems: Problem[]): void {
  let timing = timingText;
  // A remark right after the amount, e.g. `1 mnkr (lägre kostnader och … Regionen)`, belongs to
  // the amount; the timing written inside it (the column beside) is the Tidsaspekt.
  const leading = /^\((.*)\)$/.exec(timing);
  if (leading) {
    const inner = leading[1];
    const piece = TIMING_INSIDE.exec(inner);
    if (piece) {
      timing = piece[0];
      const remark = `${inner.slice(0, piece.index)} ${inner.slice(piece.index + piece[0].length)}`
        .replace(/\s+/g, " ")
        .trim();
      m.comment = m.comment ? `${m.comment}; ${remark}` : remark;
    }
  }
  m.timing = timing;
  const remarks = [...timing.matchAll(/\(([^()]*)\)/g)]
    .map((r) => r[1].trim())
    .filter((r) => r && !/^(full\s+effekt\s+)?helår\s+\d{4}$/i.test(r));
  if (remarks.length)
    m.dependency = remarks.map((r) => r.charAt(0).toUpperCase() + r.slice(1)).join("; ");
  if (!timing) {
    problems.push({
      table: IMPORT_TABLE,
      row: m.line,
      column: "Tidsaspekt",
      message: `»${m.name}« har ingen tidsaspekt; fyll i Tidsaspekt eller Start innan effekten kan räknas`,
    });
    return;
  }
  const parsed = parseTiming(timing);
  if (parsed.ok) m.start = parsed.start;
  else
    problems.push({
      table: IMPORT_TABLE,
      row: m.line,
      column: "Tidsaspekt",
      message: parsed.message,
    });
}

/** Joins a cell's wrapped lines: `social och omsorgs-` + `förvaltningen` → one word. */
function joinLines(block: Line[]): string {
  return block
    .map((l) => l.text.trim())
    .reduce(
      (acc, t) =>
        acc === ""
          ? t
          : /\p{Ll}-$/u.test(acc) && /^\p{Ll}/u.test(t)
            ? acc.slice(0, -1) + t
            : `${acc} ${t}`,
      ""
    );
}

/** An amount the document states, with its unit when it gives one. */
type Stated = { value: number; unit?: Unit };

/** A stated amount such as `23,5 mnkr`, `4, 0 mnkr` (a PDF's stray space) or `Totalt 17,6 mnkr`. */
function readStatedAmount(text: string): Stated | undefined {
  const t = text.replace(/(\d),\s+(\d)/g, "$1,$2").trim();
  const m = new RegExp(String.raw`(${NUMBER})\s*(?:${UNIT})?`, "iu").exec(t);
  if (!m) return undefined;
  const value = parseSwedishNumber(m[1]);
  if (value === undefined) return undefined;
  return { value, ...(m[2] ? { unit: parseUnit(m[2].replace(/\s+/g, " ")) } : {}) };
}

function readPerYear(lines: Line[], from: number, out: Record<string, Stated>): void {
  for (let i = from; i < lines.length && i < from + 30; i++) {
    const t = lines[i].text.trim();
    if (t === "" || /^år\b/i.test(t)) continue;
    const m = /^((?:19|20)\d{2})\s+(.+)$/.exec(t);
    if (!m) break;
    const a = readStatedAmount(m[2]);
    if (a) out[m[1]] = a;
  }
}

function mostCommon(units: Unit[]): Unit | undefined {
  const counts = new Map<Unit, number>();
  for (const u of units) counts.set(u, (counts.get(u) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Equal at the precision the plan states: 8,0 matches 8,025; 9,75 must be 9,75. */
function sameStated(stated: number, computed: number, decimals?: number): boolean {
  const d = decimals ?? decimalsOf(stated);
  return Math.abs(stated - computed) <= 0.5 * 10 ** -d + 1e-9;
}
const decimalsOf = (v: number) => (String(Math.round(v * 1e6) / 1e6).split(".")[1] ?? "").length;
function statedDecimals(perYear: Record<string, number>, year: number): number {
  return Math.max(1, decimalsOf(perYear[String(year)]));
}

const sv = (v: number) => String(Math.round(v * 1000) / 1000).replace(".", ",");
