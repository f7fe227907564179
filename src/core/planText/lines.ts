/**
 * Lines and cleanup: the text as PDF, Word and Excel give it, made into numbered lines without
 * page headers and footers, with letter-spaced words closed up and Excel's quoted cells joined.
 */
export interface Line {
  text: string;
  /** Line of the original text (1-based). */
  number: number;
}

/** A page number line, or a line ending in one (`Åtgärdsplan 2022      Sida 2 (4)`). */
const PAGE_NUMBER =
  /^\s*\d+\s*\(\s*\d+\s*\)\s*$|^\s*_{3,}\s*$|\bsida\s+\d+(\s*(av|\/|\(\s*)\s*\d+\s*\)?)?\s*$|^\s*[-–]\s*\d+\s*[-–]\s*$|^\s*page\s+\d+(\s+of\s+\d+)?\s*$/i;

export function cleanLines(text: string): Line[] {
  const raw = text
    .replace(/\r\n?/g, "\n")
    .replace(/\u00ad/g, "") // soft hyphens from Word
    .replace(/[\u00a0\u202f]/g, " ")
    .split("\n")
    .map((t, i) => ({
      text: closeUpLetters(stripMarkdown(t.replace(/\s+$/, ""))),
      number: i + 1,
    }));
  return dropPageFurniture(joinQuotedCells(raw));
}

/** Markdown emphasis (`**Summa**`, `**2 350**`) is no part of a cell: the text inside is. */
function stripMarkdown(text: string): string {
  return text.replace(/\*\*(.*?)\*\*/g, "$1");
}

/** `S u m m a` (PDF letter spacing) → `Summa`; three or more single letters spaced by one space. */
function closeUpLetters(text: string): string {
  return text.replace(/(?<![\p{L}\d])\p{L}(?: \p{L}){2,}(?![\p{L}\d])/gu, (m) =>
    m.replace(/ /g, "")
  );
}

/**
 * Excel copies a cell with line breaks as `"first line⏎second line"` between tabs: the lines
 * inside the quotes are one cell, joined with a space (a hyphenated break joins the word).
 */
function joinQuotedCells(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    let text = lines[i].text;
    if (!opensQuotedCell(text)) {
      out.push(lines[i]);
      continue;
    }
    let j = i;
    while (openQuote(text) && j + 1 < lines.length && j - i < 20) {
      j++;
      text = joinWrapped(text, lines[j].text.trim());
    }
    if (openQuote(text)) {
      out.push(lines[i]); // no closing quote: not an Excel cell after all
      continue;
    }
    const cells = text.split("\t").map((c) => {
      const q = /^\s*"((?:[^"]|"")*)"\s*$/.exec(c);
      return q ? q[1].replace(/""/g, '"') : c;
    });
    out.push({ text: cells.join("\t"), number: lines[i].number });
    i = j;
  }
  return out;
}
const opensQuotedCell = (t: string) =>
  t.includes("\t") || /^"/.test(t) ? /(^|\t)"/.test(t) : false;
/** Whether a quoted cell is still open at the end of the text. */
function openQuote(t: string): boolean {
  let open = false;
  for (const cell of t.split("\t")) {
    const s = cell.trimStart();
    if (!open && !s.startsWith('"')) continue;
    const quotes = (s.match(/"/g) ?? []).length;
    open = open ? quotes % 2 === 0 : quotes % 2 === 1;
  }
  return open;
}

/**
 * Page numbers, and the running header or footer lines beside them (a line printed on several
 * pages, such as `Socialnämnden, Dnr SN 2022/41`), are not part of any table or text.
 */
function dropPageFurniture(lines: Line[]): Line[] {
  const counts = new Map<string, number>();
  for (const l of lines) {
    const t = l.text.trim();
    if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const drop = new Set<number>();
  lines.forEach((l, i) => {
    if (!PAGE_NUMBER.test(l.text)) return;
    drop.add(i);
    // Repeated lines right beside a page number belong to the page's header or footer.
    for (const k of [i - 2, i - 1, i + 1, i + 2]) {
      const t = lines[k]?.text.trim();
      if (t && ((counts.get(t) ?? 0) > 1 || /^dnr\b/i.test(t)) && !/\t/.test(lines[k].text))
        drop.add(k);
    }
  });
  return lines.filter((_, i) => !drop.has(i));
}

/** A cell's wrapped lines joined: `omsorgs-` + `förvaltningen` → one word; `centrum-` + `och` keeps the dash. */
export function joinWrapped(acc: string, next: string): string {
  const a = acc.replace(/\s+$/, "");
  // Only leading space goes: a tab closing a line pasted from Excel still separates its cells.
  const n = next.replace(/^\s+/, "");
  if (a === "") return n;
  if (n.trim() === "") return a;
  if (/\p{Ll}-$/u.test(a) && /^\p{Ll}/u.test(n)) {
    // `centrum- och fritid`: the dash stands for a shared word ending; keep it.
    if (/^(och|eller|samt|respektive|till|som)\b/.test(n)) return `${a} ${n}`;
    return a.slice(0, -1) + n;
  }
  return `${a} ${n}`;
}

export function joinAllWrapped(parts: readonly string[]): string {
  return parts.reduce((acc, p) => joinWrapped(acc, p), "");
}

/** A cell of a line and where it starts, for tables laid out in columns. */
export interface Cell {
  text: string;
  start: number;
  end: number;
}

/** What separates a line's cells: a tab (Word, Excel), `|` (tables drawn in text), `;` (CSV). */
export type Separator = "\t" | "|" | ";";

export function separatorOf(text: string): Separator | undefined {
  if (text.includes("\t")) return "\t";
  if ((text.match(/\|/g)?.length ?? 0) >= 2) return "|";
  if ((text.match(/;/g)?.length ?? 0) >= 2) return ";";
  return undefined;
}

/**
 * The cells of a line: split at its separator (tabs, `|`, `;`; a table's rows use its header's),
 * else at runs of two or more spaces (PDF column spacing). A line with neither is one cell.
 * Separated cells keep their empty cells and are placed by their index (`by: "tab"`).
 */
export function splitCells(
  text: string,
  sep: Separator | undefined = separatorOf(text)
): { cells: Cell[]; by: "tab" | "space" | "none" } {
  if (sep && text.includes(sep)) {
    let pos = 0;
    let parts = text.split(sep);
    // `| a | b |`: the border pipes open and close the line, they do not make cells.
    if (sep === "|")
      parts = parts.filter((p, i) => p.trim() !== "" || (i > 0 && i < parts.length - 1));
    const cells = parts.map((t) => {
      const c = { text: t.trim(), start: pos, end: pos + t.length };
      pos += t.length + 1;
      return c;
    });
    return { cells, by: "tab" };
  }
  const cells: Cell[] = [];
  const re = /\S+(?: \S+)*/g;
  for (const m of text.matchAll(re))
    cells.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
  return { cells, by: cells.length > 1 ? "space" : "none" };
}
