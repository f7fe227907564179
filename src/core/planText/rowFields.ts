import { Problem } from "../problems";
import { ColumnMapping, ColumnRole } from "./columns";
import { readTiming, Unit } from "./grammar";
import { joinAllWrapped, Separator } from "./lines";
import { IMPORT_TABLE, RawMeasure } from "./types";
import { foldText } from "../text";

/**
 * What the row readers (cellRows.ts, blockRows.ts) share: the table they read, and how a row's
 * timing text, name and remarks become the measure's fields.
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
export const isAmountColumn = (c: ColumnMapping) => AMOUNT_ROLES.includes(c.role);

/** A line that is a timing of its own: a date expression, perhaps after one word (`Från Q 4 2020`). */
export function isTimingLine(line: string): boolean {
  const r = readTiming(line);
  if (!r.ok) return false;
  const folded = foldText(line);
  const at = folded.indexOf(r.source);
  return at >= 0 && folded.slice(0, at).split(/\s+/).filter(Boolean).length <= 1;
}

export const unbalanced = (s: string) =>
  (s.match(/\(/g)?.length ?? 0) > (s.match(/\)/g)?.length ?? 0);

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
export const cleanName = (name: string) =>
  name
    .replace(/^[•·▪◦*\-–]\s+/, "")
    .replace(/\s*[–-]\s*$/, "")
    .trim();

const tidy = (s: string) => s.replace(/\s+/g, " ").replace(/\(\s+/g, "(").trim();
