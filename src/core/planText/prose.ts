import { convertAmount, findAmounts, readTiming, Unit } from "./grammar";
import { joinWrapped, Line } from "./lines";
import { RawMeasure } from "./types";

/**
 * Prose candidates: sentences outside every table that state a saving with an amount and a year
 * (`… vilket ger en besparing på 400 000 kr från 2019`). The saving word stands in the amount's
 * own clause; a sentence that negates (`är inte en besparing`) or names a cost (`kostar`,
 * `investering`) offers none. They are offered with a lower confidence; nothing is written
 * without the user's confirmation.
 */
const SAVING =
  /besparing|\bspar(a|as|ar|ade)?\b|kostnadsreduc|reducer|\bminsk\p{L}*|\bsänk\p{L}*|\b(helårs)?effekt\b|effektivis|lägre\s+kostnad/iu;
/** A clause stating a sum (`62,9 mnkr Summa total helårseffekt`), not a measure. */
const SUM = /\bsumma|\btotal/iu;
/** A sentence that says its amount is no saving, or is a cost. */
const NOT_SAVING =
  /\b(inte|ej|icke)\b|\bkostar\b|investering|\butgift|\bök(ar|ade|as)\s+(\p{L}+\s+)?kostnad|kostnadsökning|merkostnad/iu;
const YEAR = /\b(19|20)\d{2}\b/;
/** A sentence is a guess at a measure: shown as such, never written without a tick. */
const PROSE_CONFIDENCE = 0.4;

export function proseCandidates(
  lines: Line[],
  inTable: (index: number) => boolean,
  tableAmounts: readonly { value: number; unit: Unit }[]
): RawMeasure[] {
  const out: RawMeasure[] = [];
  /** A paragraph's text, and where each of its lines starts in it (for a sentence's line). */
  let paragraph: { text: string; starts: { at: number; line: number }[] } | undefined;
  const flush = () => {
    if (paragraph) out.push(...fromParagraph(paragraph.text, paragraph.starts, tableAmounts));
    paragraph = undefined;
  };
  lines.forEach((l, i) => {
    const t = l.text.trim();
    if (t === "" || inTable(i)) return flush();
    const p = paragraph ?? { text: "", starts: [] };
    p.starts.push({ at: p.text.length, line: l.number });
    p.text = joinWrapped(p.text, t);
    paragraph = p;
  });
  flush();
  return out;
}

function fromParagraph(
  text: string,
  starts: { at: number; line: number }[],
  tableAmounts: readonly { value: number; unit: Unit }[]
): RawMeasure[] {
  const out: RawMeasure[] = [];
  let from = 0;
  for (const sentence of text.split(/(?<=[.!?])\s+(?=\p{Lu})/u)) {
    const at = text.indexOf(sentence, from);
    from = at + sentence.length;
    const line = starts.filter((s) => s.at <= at).at(-1)!.line;
    if (!YEAR.test(sentence) || NOT_SAVING.test(sentence)) continue;
    const amounts = findAmounts(sentence).filter((a) => {
      const clause = clauseOf(sentence, a);
      return SAVING.test(clause.before) && !SUM.test(clause.whole);
    });
    if (amounts.length !== 1) continue; // several amounts: which one is the saving is a guess
    const a = amounts[0];
    // The table states it already: `350 000 kr` in the text, `0,35 mnkr` in the table.
    if (tableAmounts.some((t) => Math.abs(convertAmount(t.value, t.unit, a.unit) - a.value) < 1e-9))
      continue;
    const after = sentence
      .slice(a.end)
      .replace(/[.!?]$/, "")
      .trim();
    const timing = after && readTiming(after).ok ? after : timingIn(sentence);
    const parsed = readTiming(timing);
    out.push({
      measure: {
        id: "",
        area: "",
        name: sentence.replace(/\s+/g, " ").trim(),
        annual: a.value,
        timing,
        ...(parsed.ok ? { start: parsed.start } : {}),
        line,
        confidence: PROSE_CONFIDENCE,
        source: "prose",
      },
      unit: a.unit,
    });
  }
  return out;
}

/**
 * The clause an amount stands in (between the commas or semicolons around it), and its part
 * before the amount, where the saving word stands: `vilket ger en besparing på` 40 000 kr.
 */
function clauseOf(
  sentence: string,
  a: { index: number; end: number }
): { before: string; whole: string } {
  const head = sentence.slice(0, a.index);
  const cut = Math.max(head.lastIndexOf(", "), head.lastIndexOf("; ")) + 1;
  const next = sentence.slice(a.end).search(/[,;]\s/);
  return {
    before: sentence.slice(cut, a.index),
    whole: sentence.slice(cut, next < 0 ? sentence.length : a.end + next),
  };
}

/** The expression the sentence's timing is read from (`från 2019`), as the grammar finds it. */
function timingIn(sentence: string): string {
  const r = readTiming(sentence);
  return r.ok ? r.source : "";
}
