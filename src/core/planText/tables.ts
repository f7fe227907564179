import { findAmounts, sumWord, Unit, unitInText } from "./grammar";
import { HeaderMatch, matchHeader, matchWrappedHeader, roleOf } from "./columns";
import { Line, splitCells } from "./lines";

/**
 * Finding tables: a header row (see columns.ts), the rows under it up to where the table ends,
 * and the section heading above it.
 */
export interface FoundTable {
  /** The header row (its lines joined when it stands one name per line) and where it starts. */
  header: Line;
  headerIndex: number;
  match: HeaderMatch;
  /** Lines after the header up to the table's end (sum rows included). */
  body: Line[];
  /** Index in the lines of the table's last line. */
  endIndex: number;
  area: string;
  /** The unit written in the title line above the table (`belopp i tkr`), when it gave one. */
  titleUnit?: { unit: Unit; line: number };
}

/**
 * A sum row's label (`Summa`, `Delsumma`, `Totalt`, `Summa totalt`, `S u m m a`), read by the
 * grammar's sum words; the figures after it are left out.
 */
const sumLabel = (t: string) => t.trim().replace(/\s*[-\u2212\u2013]?\s*\d[\s\S]*$/, "");
export const isSumText = (t: string) => sumWord(sumLabel(t)) !== undefined;
export const isTotalText = (t: string) => sumWord(sumLabel(t)) === "total";

/** Words that end a table: the text after it. */
const TABLE_END =
  /^(konsekvensbeskrivning|total summa|sammanfattning|kostnadsreducering per år|beslutsunderlag|bakgrund|ärende)\b/i;
const STRUCTURAL =
  /^(förslag till beslut|ärende|bakgrund|beslutsunderlag:?|konsekvensbeskrivning|sammanfattning|samråd|kommunala mål|åtgärdsförslag(\/plan)?|information eller förhandling.*|kostnadsreducering per år)$/i;

/** A table's unit written on a line of its own next to the header: `Belopp i tkr`, `(tkr)`. */
function unitNear(lines: Line[], i: number): Unit | undefined {
  for (const k of [i - 1, i + 1]) {
    const t = lines[k]?.text.trim();
    if (
      t &&
      t.length <= 40 &&
      /^\(?((alla\s+)?belopp\s+(anges\s+)?i\s+)?\S+\)?$|^\((belopp\s+)?i\s+\S+\)$/i.test(t)
    ) {
      const u = unitInText(t);
      if (u) return u;
    }
  }
  return undefined;
}

/**
 * A table's unit written in its title, the text line just above it: `Budgetanpassning 2023,
 * belopp i tkr`, `Åtgärder socialnämnden 2022 (tkr)`, `Belopp i tusental kronor`.
 */
function unitInTitle(lines: Line[], i: number): { unit: Unit; line: number } | undefined {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const t = lines[k].text.trim();
    if (t === "") continue;
    const m =
      /\bbelopp(?:en)?\s+(?:anges\s+)?i\s+([\p{L} ]+?)(?=[,;.()]|$)|\(\s*([\p{L} ]+?)\s*\)/iu.exec(
        t
      );
    const unit = m && unitInText((m[1] ?? m[2]).trim());
    return unit ? { unit, line: lines[k].number } : undefined;
  }
  return undefined;
}

export function findTables(lines: Line[], isHeading: (i: number) => boolean): FoundTable[] {
  const tables: FoundTable[] = [];
  let lastEnd = -1;
  for (let i = 0; i < lines.length; i++) {
    const title = unitInTitle(lines, i);
    const found = headerAt(lines, i, title?.unit);
    if (!found) continue;
    const { match, last } = found;
    const end = match.by === "words" ? blockTableEnd(lines, last) : cellTableEnd(lines, last);
    // A header with no row under it is a title shaped like one (`Åtgärder 2022 (tkr)`).
    if (!lines.slice(last + 1, end + 1).some((l) => l.text.trim() !== "")) continue;
    tables.push({
      header: { text: found.text, number: lines[i].number },
      headerIndex: i,
      match,
      body: lines.slice(last + 1, end + 1),
      endIndex: end,
      area: findHeading(lines, lastEnd + 1, i, isHeading) ?? "Övrigt",
      ...(title && !unitNear(lines, i) ? { titleUnit: title } : {}),
    });
    lastEnd = end;
    i = end;
  }
  return tables;
}

/**
 * A header row at line `i`: on one line, or one column name per line as some PDF viewers copy a
 * table (`Förslag` / `Kostnadsreducering` / `Tidsaspekt`), read as a header written with spaces.
 */
function headerAt(
  lines: Line[],
  i: number,
  titleUnit?: Unit
): { match: HeaderMatch; last: number; text: string } | undefined {
  const near = unitNear(lines, i) ?? titleUnit;
  const one = matchHeader(lines[i].text, near);
  if (one) return { match: one, last: i, text: lines[i].text };
  const next = lines[i + 1];
  const wrapped = next && matchWrappedHeader(lines[i].text, next.text, near);
  if (wrapped)
    return {
      match: wrapped,
      last: i + 1,
      text: wrapped.columns.map((c) => c.header).join("  "),
    };
  let j = i;
  while (j < lines.length && j - i < 8 && columnNameLine(lines[j].text)) j++;
  if (j - i < 2) return undefined;
  const text = lines
    .slice(i, j)
    .map((l) => l.text.trim())
    .join(" ");
  const match = matchHeader(text, near ?? unitNear(lines, j - 1));
  return match && match.by === "words" ? { match, last: j - 1, text } : undefined;
}

/** A line that is nothing but a column's name (and its unit). */
const columnNameLine = (t: string) => t.trim().length <= 40 && roleOf(t.trim()) !== undefined;

const isHeader = (l: Line | undefined) => l !== undefined && matchHeader(l.text) !== undefined;

/** A table whose cells stand in blocks between blank lines (seed 000): up to its sum. */
function blockTableEnd(lines: Line[], h: number): number {
  for (let j = h + 1; j < lines.length; j++) {
    const t = lines[j].text.trim();
    if (isSumText(t)) {
      if (/^delsumma\b/i.test(t)) continue;
      return j;
    }
    if (TABLE_END.test(t) || isHeader(lines[j])) return j - 1;
  }
  return lines.length - 1;
}

/** Whether a line can be a row of a table laid out in columns. */
function rowShaped(l: Line): boolean {
  const { cells } = splitCells(l.text);
  return cells.filter((c) => c.text).length > 1 || findAmounts(l.text).length > 0;
}

/** A table laid out in columns (tabs, PDF spacing): rows, their wrapped lines and sum rows. */
function cellTableEnd(lines: Line[], h: number): number {
  let last = h;
  let blank = false;
  for (let j = h + 1; j < lines.length; j++) {
    const l = lines[j];
    const t = l.text.trim();
    if (t === "") {
      blank = true;
      continue;
    }
    if (TABLE_END.test(t) || STRUCTURAL.test(t) || isHeader(l)) break;
    if (isSumText(t)) {
      last = j;
      blank = false;
      // After a sum, the table goes on only where rows follow.
      const next = lines.slice(j + 1).find((n) => n.text.trim() !== "");
      if (!next || !(rowShaped(next) || isSumText(next.text))) break;
      continue;
    }
    // A wrapped line: right under its row, indented, in lower case, or the top of a name whose
    // row follows on the next line.
    const continuation =
      !blank ||
      /^\s/.test(l.text) ||
      /^\p{Ll}/u.test(t) ||
      (lines[j + 1] !== undefined && rowShaped(lines[j + 1]) && !isSumText(lines[j + 1].text));
    if (rowShaped(l) || continuation) {
      last = j;
      blank = false;
      continue;
    }
    break;
  }
  return last;
}

// ---------------------------------------------------------------------------------------------
// Section headings

/** The section heading for a table: the first heading after the previous table (a parent
 * heading followed directly by another heading gives way to the more specific one). */
function findHeading(
  lines: Line[],
  from: number,
  to: number,
  isHeading: (i: number) => boolean
): string | undefined {
  // The document's first line is its title (`Gymnasienämnden`), not a section.
  const title = lines.findIndex((l) => l.text.trim() !== "");
  for (let i = from; i < to; i++) {
    if (i === title || !isHeading(i)) continue;
    let j = i;
    while (j + 1 < to && isHeading(j + 1) && lines[j + 1].text.trim() !== "") j++;
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
    isSumText(t) ||
    matchHeader(t) ||
    unitInText(t) // `Belopp i tkr` above a table
  )
    return false;
  if (
    !/^\p{Lu}/u.test(t) ||
    /[.,;:–-]$/.test(t) ||
    /\d/.test(t) ||
    t.split(/\s+/).length > 9 ||
    /[–:]\s/.test(t) ||
    /\t|\s{2,}/.test(t)
  )
    return false;
  return !/\.(docx?|pdf|xlsx?|txt)\b/i.test(t);
}

/** A heading stands after a finished sentence (or another heading) and before text. */
export function headingTest(lines: Line[]): (i: number) => boolean {
  const cache = new Map<number, boolean>();
  return (i) => {
    if (!cache.has(i)) cache.set(i, isHeadingAt(lines, i));
    return cache.get(i)!;
  };
}
function isHeadingAt(lines: Line[], i: number): boolean {
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
    isSumText(prev) ||
    headingShaped(prev);
  return (
    prevEnds && next !== undefined && (/^\p{Lu}/u.test(next) || matchHeader(next) !== undefined)
  );
}

const previousText = (lines: Line[], i: number) => {
  for (let k = i - 1; k >= 0; k--) if (lines[k].text.trim()) return lines[k].text.trim();
  return undefined;
};
const nextText = (lines: Line[], i: number) => {
  for (let k = i + 1; k < lines.length; k++) if (lines[k].text.trim()) return lines[k].text.trim();
  return undefined;
};
