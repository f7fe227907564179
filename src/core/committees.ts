import { foldText } from "./text";

/** Omsorgsnämnden and socialnämnden by their short names; other committees as written. */
export type Committee = "ON" | "SN" | (string & { readonly other?: true });

const ALIASES: Record<string, "ON" | "SN"> = {
  on: "ON",
  omsorgsnamnden: "ON",
  "omsorgs- och aldrenamnden": "ON",
  "omsorgs- och aldreforvaltningen": "ON",
  omsorgskontoret: "ON",
  sn: "SN",
  socialnamnden: "SN",
  socialforvaltningen: "SN",
};

export type CommitteeResult = { ok: true; committee: Committee } | { ok: false; message: string };

/**
 * Reads a committee: `ON`/`Omsorgsnämnden`, `SN`/`Socialnämnden` in any case (also their
 * administrations, as seed 003 names them), or another committee written as a name ending in
 * -nämnden or -styrelsen, or as an abbreviation such as KS or AN. Anything else is most likely a typo.
 */
export function parseCommittee(value: unknown): CommitteeResult {
  const text =
    typeof value === "string"
      ? value.trim()
      : value === null || value === undefined
        ? ""
        : String(value);
  if (text === "") return { ok: false, message: "är tom; ange ON, SN eller nämndens namn" };
  const folded = foldText(text).replace(/\s*\(.*\)\s*$/, "");
  const known = ALIASES[folded] ?? ALIASES[folded.replace(/\.$/, "")];
  if (known) return { ok: true, committee: known };
  if (/(namnd|styrelse)(n|en)?$/.test(folded) || /^[A-ZÅÄÖ]{2,5}$/.test(text))
    return { ok: true, committee: text };
  return {
    ok: false,
    message: `»${text}« är ingen känd nämnd; ange ON (omsorgsnämnden), SN (socialnämnden) eller nämndens namn`,
  };
}
