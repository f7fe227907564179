import { foldText } from "./text";

/** The amount units used in Swedish municipal budgets. */
export type Unit = "mnkr" | "tkr" | "kr";

export const DEFAULT_UNIT: Unit = "mnkr";

const KRONOR_PER_UNIT: Record<Unit, number> = { mnkr: 1_000_000, tkr: 1_000, kr: 1 };

/** Reads a unit as budgets write it (`mnkr`, `Mkr`, `miljoner kronor`, `tkr`, `kr`), or undefined. */
export function parseUnit(text: string): Unit | undefined {
  const t = foldText(text).replace(/\.$/, "");
  if (/^(mnkr|mkr|mn kr|milj\.? ?kr|miljoner kronor|miljoner kr|msek)$/.test(t)) return "mnkr";
  if (/^(tkr|tusen kronor|tusen kr|ksek)$/.test(t)) return "tkr";
  if (/^(kr|kronor|sek)$/.test(t)) return "kr";
  return undefined;
}

/** Converts an amount between units; exact for the decimal factors involved. */
export function convertAmount(value: number, from: Unit, to: Unit): number {
  if (from === to) return value;
  const factor = KRONOR_PER_UNIT[from] / KRONOR_PER_UNIT[to];
  // Dividing by the inverse keeps 350000 kr → 0.35 mnkr exact in binary floating point.
  return factor >= 1 ? value * factor : value / (1 / factor);
}
