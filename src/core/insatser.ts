import { foldText } from "./text";

/** The ten insatser of seed 003 that ON funds and SN pays for with special agreements. */
export const INSATSER = [
  "Kontaktfamilj/stödfamilj enligt SoL och LSS",
  "Kontaktperson enligt SoL och LSS",
  "Familjehem/stödfamilj enligt LSS",
  "Korttidsvistelse enligt LSS",
  "Korttidstillsyn för skolungdom över 12 år enligt LSS",
  "Ledsagarservice enligt LSS",
  "Daglig verksamhet enligt LSS",
  "Stöd i boende enligt SoL",
  "Externa placeringar, bostad med särskild service/enskilda vårdhem enligt SoL och LSS",
  "Öppenvårdsinsatser/individuella insatser i särskilda ärenden enligt SoL",
] as const;

/** The label used for amounts without a Verksamhet. */
export const NO_CATEGORY = "Ej angiven verksamhet";

export type InsatsResult = { ok: true; category: string } | { ok: false; message: string };

const folded = INSATSER.map((name) => foldText(name));
/** The part before `enligt …`, and each alternative of `a/b`: what people write. */
const shortNames = folded.map((name) => name.replace(/ enligt .*$/, ""));

/**
 * Reads a Verksamhet: the insats' number (`8`, `8 - Stöd i boende`), its name or the start of it
 * (`Stöd i boende`, `kontaktperson`). Empty is allowed. An ambiguous or unknown text is a problem
 * that names the ten insatser.
 */
export function parseInsats(value: unknown): InsatsResult {
  const text = value === null || value === undefined ? "" : String(value).trim();
  if (text === "") return { ok: true, category: "" };
  const number = /^(\d{1,2})(?:\s*[-–.:)]\s*.*)?$/.exec(text);
  if (number) {
    const n = Number(number[1]);
    if (n >= 1 && n <= INSATSER.length) return { ok: true, category: INSATSER[n - 1] };
  }
  const key = foldText(text);
  const matches = INSATSER.filter(
    (_, i) =>
      folded[i] === key ||
      shortNames[i] === key ||
      folded[i].startsWith(key) ||
      key.startsWith(shortNames[i])
  );
  if (matches.length === 1) return { ok: true, category: matches[0] };
  const list = INSATSER.map((name, i) => `${i + 1} ${name.replace(/ enligt .*$/, "")}`).join("; ");
  return {
    ok: false,
    message:
      matches.length > 1
        ? `»${text}« kan vara flera insatser (${matches.join(" / ")}); skriv numret 1–10 eller hela namnet`
        : `»${text}« är ingen av de tio insatserna; ange numret eller namnet: ${list}`,
  };
}

/** Sort order for categories: the ten insatser in their order, then others, then none. */
export function categoryOrder(category: string): number {
  const i = (INSATSER as readonly string[]).indexOf(category);
  if (i >= 0) return i;
  return category === "" ? 1000 : 100;
}
