/**
 * Numbers as Swedish text writes them: decimal comma (a point is accepted too), a space,
 * non-breaking space or narrow space between groups of three digits, and `-`, `−` (U+2212) or
 * `–` (U+2013) as minus. Every scan here is a single left-to-right pass (no backtracking across
 * a run of digits), so an 80 kB cell of `000 000 …` is read in linear time.
 */

/** The spaces Swedish text puts between groups of three digits. */
export const GROUP_SPACE = "[ \\u00a0\\u202f\\u2009]";
/** The signs read as minus. */
export const MINUS_SIGNS = "-\\u2212\\u2013";

/**
 * One number as a regular-expression source, without sign: `350 000`, `1 234,5`, `1,1`, `4`.
 * Groups need exactly three digits, so `5 barn, ca 1,1` does not join `5` and `1,1`.
 */
export const NUMBER_SOURCE = `(?:\\d{1,3}(?:${GROUP_SPACE}\\d{3})+(?![\\d])(?:[,.]\\d+)?|\\d+(?:[,.]\\d+)?)`;

const EXACT = new RegExp(`^([${MINUS_SIGNS}]\\s?)?(${NUMBER_SOURCE})$`);

/** Reads one number written the Swedish way; undefined when the text is not exactly a number. */
export function parseSwedishNumber(text: string): number | undefined {
  const m = EXACT.exec(text.trim());
  if (!m) return undefined;
  const n = numberValue(m[2]);
  if (n === undefined) return undefined;
  return m[1] ? -n : n;
}

/** The value of a match of NUMBER_SOURCE (no sign). */
export function numberValue(digits: string): number | undefined {
  const n = Number(digits.replace(/[ \u00a0\u202f\u2009]/g, "").replace(",", "."));
  return Number.isFinite(n) ? n : undefined;
}

/** A number found in a text, with where it stands. */
export interface NumberToken {
  value: number;
  /** Index of the first character (the minus sign when there is one). */
  index: number;
  /** Index just after the last digit. */
  end: number;
  text: string;
  negative: boolean;
}

// A minus sign counts only when it stands right before the digits and not after a letter or
// digit (`0,5–1` is a range, `mellantvång – 4` a dash); `– 0,5` with a space counts only at the
// very start of the text.
const TOKEN = new RegExp(
  `(?<![\\p{L}\\d,])(?:(^\\s*[${MINUS_SIGNS}]\\s?)|((?<![\\p{L}\\d])[${MINUS_SIGNS}]))?(${NUMBER_SOURCE})`,
  "gu"
);

/** Every number in a text, left to right, in one pass. */
export function findNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text))) {
    const value = numberValue(m[3]);
    if (value === undefined) continue;
    const negative = Boolean(m[1] || m[2]);
    const signAt = m[1] ? m.index + m[1].search(/[-\u2212\u2013]/) : m.index;
    out.push({
      value: negative ? -value : value,
      index: signAt,
      end: m.index + m[0].length,
      text: text.slice(signAt, m.index + m[0].length),
      negative,
    });
  }
  return out;
}
