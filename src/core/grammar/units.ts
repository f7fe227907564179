import { foldText } from "../text";

/** The amount units of Swedish municipal budgets; mdkr = miljarder kronor (1 000 mnkr). */
export type Unit = "mnkr" | "tkr" | "kr" | "mdkr";

export const DEFAULT_UNIT: Unit = "mnkr";

const KRONOR_PER_UNIT: Record<Unit, number> = {
  mdkr: 1_000_000_000,
  mnkr: 1_000_000,
  tkr: 1_000,
  kr: 1,
};

/**
 * Every spelling of each unit, folded (lower case, no diacritics). `milj` and `miljoner` alone
 * are read as mnkr, as budgets write `1,5 miljoner`.
 */
const SPELLINGS: Record<Unit, readonly string[]> = {
  mdkr: [
    "mdkr",
    "md kr",
    "mdr kr",
    "mdr",
    "miljarder kronor",
    "miljarder kr",
    "miljard kronor",
    "miljarder",
    "miljard",
    "mdsek",
  ],
  mnkr: [
    "mnkr",
    "mn kr",
    "mkr",
    "msek",
    "mnsek",
    "mn sek",
    "miljoner kronor",
    "miljoner kr",
    "miljon kronor",
    "milj kr",
    "milj. kr",
    "milj kronor",
    "milj. kronor",
    "miljoner",
    "miljon",
    "milj.",
    "milj",
  ],
  tkr: ["tkr", "kkr", "tsek", "ksek", "t kr", "tusen kronor", "tusen kr", "tusental kronor"],
  kr: ["kr", "kr.", "sek", "kronor"],
};

const BY_SPELLING = new Map<string, Unit>(
  (Object.keys(SPELLINGS) as Unit[]).flatMap((u) => SPELLINGS[u].map((s) => [s, u] as const))
);

/**
 * A regular-expression source matching any spelling of a unit in folded text, longest first so
 * `miljoner kronor` wins over `miljoner`. Use with a word end after it.
 */
export const UNIT_SOURCE = [...BY_SPELLING.keys()]
  .sort((a, b) => b.length - a.length)
  .map((s) => s.replace(/[.]/g, "\\.").replace(/ /g, "\\s?"))
  .join("|");

/** Reads a unit as budgets write it (`mnkr`, `Mkr`, `MSEK`, `tkr`, `TSEK`, `kr`, `mdkr`), or undefined. */
export function parseUnit(text: string): Unit | undefined {
  const t = foldText(text);
  return BY_SPELLING.get(t) ?? BY_SPELLING.get(t.replace(/\.$/, ""));
}

/** Converts an amount between units; exact for the decimal factors involved. */
export function convertAmount(value: number, from: Unit, to: Unit): number {
  if (from === to) return value;
  const factor = KRONOR_PER_UNIT[from] / KRONOR_PER_UNIT[to];
  // Dividing by the inverse keeps 350000 kr → 0.35 mnkr exact in binary floating point.
  return factor >= 1 ? value * factor : value / (1 / factor);
}

/** What a column header says about its unit. */
export type HeaderUnit =
  | { kind: "none" }
  | { kind: "unit"; unit: Unit; text: string }
  /** Text after the name, in parentheses, that is no unit: an error for an amount column. */
  | { kind: "unknown"; text: string };

/** A header split into the name that matches a column and what it says about the unit. */
export interface HeaderParts {
  /** Folded name without the unit: `Helårseffekt (tkr)` → `helarseffekt`. */
  key: string;
  unit: HeaderUnit;
}

const UNIT_AT_END = new RegExp(`^(.*?)[\\s,]*(?:\\bi\\s+)?\\b(${UNIT_SOURCE})\\s*$`);
const IN_UNIT = new RegExp(`^(?:(.*?)\\s+)?i\\s+(${UNIT_SOURCE})$`);

/**
 * Splits a header into its name and its unit, wherever the unit is written after the name:
 * `Helårseffekt (tkr)`, `Belopp, tkr`, `Helårseffekt tkr`, `(belopp i tkr)`, `Belopp i tkr`.
 * Text in trailing parentheses that is no unit is kept as `unknown`, for amount columns to
 * reject; other columns ignore it (`Start (datum)`).
 */
export function splitHeader(header: string): HeaderParts {
  let t = foldText(header);
  // A header written wholly in parentheses: `(belopp i tkr)`.
  const whole = /^\((.*)\)$/.exec(t);
  if (whole && !whole[1].includes("(")) t = whole[1].trim();
  const paren = /^(.*?)\s*\(([^()]*)\)$/.exec(t);
  if (paren) {
    const inside = paren[2].trim();
    const unit = parseUnit(inside) ?? unitOfPhrase(inside);
    if (unit) return { key: paren[1].trim(), unit: { kind: "unit", unit, text: inside } };
    // Shown as the user wrote it, not folded.
    const written = /\(([^()]*)\)\s*$/.exec(header)?.[1].trim() ?? inside;
    return { key: paren[1].trim(), unit: { kind: "unknown", text: written } };
  }
  const inPhrase = IN_UNIT.exec(t);
  if (inPhrase && inPhrase[1]) {
    return {
      key: inPhrase[1].trim(),
      unit: { kind: "unit", unit: parseUnit(inPhrase[2])!, text: inPhrase[2] },
    };
  }
  const end = UNIT_AT_END.exec(t);
  if (end && end[1].trim() !== "") {
    const unit = parseUnit(end[2].replace(/\s+/g, " "));
    if (unit) return { key: end[1].trim(), unit: { kind: "unit", unit, text: end[2] } };
  }
  return { key: t, unit: { kind: "none" } };
}

/** `belopp i tkr`, `i tkr`, `tkr`: the unit of a short phrase, or undefined. */
function unitOfPhrase(text: string): Unit | undefined {
  const m = IN_UNIT.exec(text);
  return m ? parseUnit(m[2].replace(/\s+/g, " ")) : undefined;
}
