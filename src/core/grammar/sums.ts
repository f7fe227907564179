import { foldText } from "../text";

/**
 * What a sum row says: `section` (Summa, Delsumma: the rows since the previous sum row) or
 * `total` (Totalt, Total, Summa totalt, Totalsumma: every row above).
 */
export type SumKind = "section" | "total";

const SUM_WORDS: Record<string, SumKind> = {
  summa: "section",
  "s:a": "section",
  // Σ alone is the sign for the sum of everything above; `Σ Barn` sums its area.
  σ: "total",
  sum: "section",
  delsumma: "section",
  summering: "section",
  netto: "section",
  nettosumma: "section",
  totalt: "total",
  total: "total",
  tot: "total",
  summatotalt: "total",
  "s:atotalt": "total",
  totalsumma: "total",
  totalsummatotalt: "total",
  summaallt: "total",
};

/** Words that lead a sum row's name of what is summed: `Summa Barn och unga`, `S:a Barn`, `Σ vuxna`. */
const SECTION_LEAD = /^(?:summa|delsumma|s:a|σ)[\s,:]/;
/** `Summa totalt`, `S:a totalt`, `Summa alla åtgärder`, `Totalt för nämnden`: every row above. */
const TOTAL_LEAD = /^(?:(?:summa|s:a|σ)[\s,:]+(?:totalt|alla|samtliga)\b|totalt\s+(?:for|inom)\s)/;
/** `Totala besparingar`, `Total effekt`: a total of the plan's savings, nothing more after it. */
const TOTAL_OF_SAVINGS =
  /^totala?\s+(?:besparing\w*|effekt\w*|atgard\w*|kostnadsminskning\w*|kostnadsreducering\w*|belopp)$/;

/**
 * Whether a cell is a sum word, also spaced out as PDF text writes it (`S u m m a`), with a
 * colon (`Summa:`), abbreviated (`S:a`, `Tot.`), as a sign (`Σ`) or in markdown (`**Summa**`);
 * after Summa, Delsumma, S:a or Σ, words may name what is summed (`Summa Barn och unga`).
 */
export function sumWord(text: string): SumKind | undefined {
  // Every sum word starts with s, d, t, n or Σ (markdown may wrap it): most ids and names are
  // turned away before folding.
  if (!/^\s*[sdtnSDTNΣ*_#]/.test(text)) return undefined;
  const folded = foldText(text.replace(/^[\s#]*[*_]*|[*_]*\s*$/g, "")).replace(/[:.]+$/, "");
  if (folded === "") return undefined;
  const joined = folded.replace(/\s+/g, "");
  if (Object.prototype.hasOwnProperty.call(SUM_WORDS, joined)) return SUM_WORDS[joined];
  // Only Summa, Delsumma, S:a and Σ lead such a name; `Total översyn av bemanningen` and
  // `Nettoeffekt av byte` are measures.
  if (TOTAL_LEAD.test(folded) || TOTAL_OF_SAVINGS.test(folded)) return "total";
  return SECTION_LEAD.test(folded) ? "section" : undefined;
}

/** The decimals a stated figure is written with (`8,0` read as 8 → 0; `9,75` → 2). */
export function decimalsOf(value: number): number {
  return (String(Math.round(value * 1e6) / 1e6).split(".")[1] ?? "").length;
}

/** Equal at the precision the figure is stated: 8 matches 8,025 when stated with no decimals. */
export function matchesStated(stated: number, computed: number, decimals?: number): boolean {
  const d = decimals ?? decimalsOf(stated);
  return Math.abs(stated - computed) <= 0.5 * 10 ** -d + 1e-9;
}
