import { foldText } from "../text";

/**
 * What a sum row says: `section` (Summa, Delsumma: the rows since the previous sum row) or
 * `total` (Totalt, Total, Summa totalt, Totalsumma: every row above).
 */
export type SumKind = "section" | "total";

const SUM_WORDS: Record<string, SumKind> = {
  summa: "section",
  delsumma: "section",
  summering: "section",
  totalt: "total",
  total: "total",
  summatotalt: "total",
  totalsumma: "total",
  totalsummatotalt: "total",
  summaallt: "total",
};

/**
 * Whether a cell is a sum word, also spaced out as PDF text writes it (`S u m m a`) and with a
 * colon (`Summa:`); after Summa or Delsumma, words may name what is summed (`Summa Barn och unga`).
 */
export function sumWord(text: string): SumKind | undefined {
  // Every sum word starts with s, d or t: most ids and names are turned away before folding.
  if (!/^\s*[sdtSDT]/.test(text)) return undefined;
  const folded = foldText(text).replace(/[:.]+$/, "");
  if (folded === "") return undefined;
  const joined = folded.replace(/\s+/g, "");
  if (SUM_WORDS[joined]) return SUM_WORDS[joined];
  // `Summa Barn och unga`, `Delsumma vuxna`: a sum word and what it sums. Only Summa and
  // Delsumma lead such a name; `Total översyn av bemanningen` is a measure.
  if (/^summa totalt\b/.test(folded)) return "total";
  return /^(summa|delsumma)\s/.test(folded) ? "section" : undefined;
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
