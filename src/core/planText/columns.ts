import { MEASURES_TABLE } from "../measures";
import { foldText } from "../text";
import { readPerYearHeader } from "../perYear";
import { headerName, readUnit, Unit, unitInText } from "./grammar";
import { Cell, joinWrapped, Separator, separatorOf, splitCells } from "./lines";

/**
 * Finding a table's columns: each header cell scored against the aliases of every Atgarder column,
 * in any order and vocabulary; the unit taken from the header.
 */
export type ColumnRole =
  "id" | "area" | "name" | "annual" | "year" | "timing" | "dependency" | "comment" | "ignore";

export const COLUMN_ROLES: readonly ColumnRole[] = [
  "id",
  "area",
  "name",
  "annual",
  "year",
  "timing",
  "dependency",
  "comment",
  "ignore",
];

type NamedRole = Exclude<ColumnRole, "year" | "ignore">;

/** Words plans use for the columns beyond Atgarder's own headers and aliases, folded. */
const PLAN_WORDS: Record<NamedRole, readonly string[]> = {
  id: ["nr.", "nummer", "atgardsid", "#", "lopnummer"],
  area: ["verksamhet", "avdelning", "enhet"],
  name: ["atgarder", "beskrivning", "atgardsforslag", "aktivitet", "forslag till atgard"],
  annual: [
    "effekt",
    "belopp",
    "ekonomisk effekt",
    "effekt helar",
    "besparing helar",
    "besparing/ar",
    "effekt/ar",
    "belopp per ar",
    "besparing per ar",
  ],
  timing: [
    "nar",
    "tidpunkt",
    "tidplan",
    "genomforande",
    "fran",
    "fr.o.m",
    "fr o m",
    "from",
    "fran och med",
    "start",
    "startdatum",
    "inforande",
  ],
  dependency: ["beroenden", "forutsattning"],
  comment: ["kommentarer", "anmarkning", "not"],
};

/** Atgarder's columns that a plan's role stands for (the contract's headers and aliases). */
const CONTRACT_COLUMNS: Record<NamedRole, readonly string[]> = {
  id: ["id"],
  area: ["area"],
  name: ["name"],
  annual: ["annual"],
  timing: ["timing", "start"],
  dependency: ["dependency"],
  comment: ["comment", "responsible", "status"],
};

/** Aliases per role, folded: Atgarder's own (measures.ts), then the plan words. */
const ALIASES = {} as Record<NamedRole, readonly string[]>;
for (const role of Object.keys(PLAN_WORDS) as NamedRole[])
  ALIASES[role] = [
    ...MEASURES_TABLE.columns
      .filter((c) => CONTRACT_COLUMNS[role].includes(c.key))
      .flatMap((c) => [c.header, ...(c.aliases ?? [])])
      .map(foldText),
    ...PLAN_WORDS[role],
  ];
/** Words a header may hold beside the column names: `Belopp i tkr`, `per år`. */
const FILLER = new Set(["i", "per", "ar", "och", "/", "-", "–"]);

export interface ColumnMapping {
  /** The header cell as written. */
  header: string;
  role: ColumnRole;
  /** For a per-year column. */
  year?: number;
  /** The unit the header names, for amount columns. */
  unit?: Unit;
  /** A parenthesis after an amount column's name that is no unit (`Belopp (st)`): an error. */
  notUnit?: string;
  /** Where the header cell stands on its line (for PDF column spacing). */
  start: number;
  end: number;
}

export interface HeaderMatch {
  columns: ColumnMapping[];
  by: "tab" | "space" | "words";
  /** The character between cells, for tables whose cells it separates. */
  sep?: Separator;
  /** How many cells matched a column name. */
  score: number;
}

/** The role a header cell names, or undefined when it names none. */
export function roleOf(
  header: string,
  byWord = false
): { role: ColumnRole; year?: number } | undefined {
  const key = headerName(header).key.replace(/[:.]$/, "");
  if (key === "") return undefined;
  // A year's column as the engine reads it in Atgarder (`2022`, `Effekt 2022 (tkr)`).
  const perYear = readPerYearHeader(header);
  if (perYear) return { role: "year", year: perYear.year };
  for (const [role, aliases] of Object.entries(ALIASES))
    if (aliases.includes(key)) return { role: role as ColumnRole };
  // A header of several words names the column of its first word that is a column's name:
  // `Beskrivning av åtgärd`, `Ekonomisk effekt helår`, `Tidpunkt för genomförande`.
  // (Only for a cell of its own: in a header written with single spaces, words are columns.)
  if (!byWord) return undefined;
  for (const word of key.split(/[\s/,]+/))
    for (const [role, aliases] of Object.entries(ALIASES))
      if (aliases.includes(word)) return { role: role as ColumnRole };
  return undefined;
}

const isAmountRole = (r: ColumnRole) => r === "annual" || r === "year";

/**
 * Reads a line as a table's header row, or undefined. Cells split at tabs or wide spacing; a
 * header written with single spaces (`Förslag Kostnadsreducering Tidsaspekt`) is read word by
 * word and must hold nothing but column names, units and filler words.
 */
export function matchHeader(text: string, unitNearby?: Unit): HeaderMatch | undefined {
  const split = splitCells(text);
  // Tab-separated cells are placed by their index among the tabs; PDF cells by their position.
  const cells =
    split.by === "tab"
      ? split.cells.map((c, i) => ({ text: c.text, start: i, end: i + 1 }))
      : split.cells;
  const match =
    split.by === "none"
      ? matchWords(text)
      : matchCells(
          cells.filter((c) => c.text),
          split.by
        );
  if (!match) return undefined;
  const sep = separatorOf(text);
  if (sep) match.sep = sep;
  return complete(match, unitNearby);
}

/**
 * A header in PDF column spacing whose names wrap onto a second line (`Helårs-` / `effekt (tkr)`):
 * each cell of the second line joins the header cell it stands under.
 */
export function matchWrappedHeader(
  first: string,
  second: string,
  unitNearby?: Unit
): HeaderMatch | undefined {
  const top = splitCells(first, undefined);
  const below = splitCells(second, undefined);
  if (top.by !== "space" || below.by === "tab" || below.cells.length === 0) return undefined;
  if (below.cells.some((c) => /\d/.test(c.text) && !/\((.*)\)/.test(c.text))) return undefined;
  const cells = top.cells.map((c) => ({ ...c }));
  for (const c of below.cells) {
    const under = cells.findIndex((h) => c.start < h.end + 2 && c.end > h.start - 2);
    if (under < 0) return undefined;
    cells[under].text = joinWrapped(cells[under].text, c.text);
    cells[under].end = Math.max(cells[under].end, c.end);
  }
  const match = matchCells(cells, "space");
  return match && complete(match, unitNearby);
}

/** A header needs a name column and an amount column, once each; amount columns get their unit. */
function complete(match: HeaderMatch, unitNearby?: Unit): HeaderMatch | undefined {
  const roles = match.columns.map((c) => c.role);
  if (!roles.includes("name") || !roles.some(isAmountRole)) return undefined;
  for (const role of ["id", "area", "name", "annual", "timing"] as const)
    if (roles.filter((r) => r === role).length > 1) return undefined;
  for (const c of match.columns)
    if (isAmountRole(c.role)) {
      const unit = unitInText(c.header) ?? unitNearby;
      if (unit) c.unit = unit;
      const { notUnit } = headerName(c.header);
      if (notUnit) c.notUnit = notUnit;
    }
  return match;
}

function matchCells(cells: Cell[], by: "tab" | "space"): HeaderMatch | undefined {
  const columns = cells.map((c): ColumnMapping => {
    const r = roleOf(c.text, true);
    return {
      header: c.text,
      role: r?.role ?? "ignore",
      ...(r?.year ? { year: r.year } : {}),
      start: c.start,
      end: c.end,
    };
  });
  const score = columns.filter((c) => c.role !== "ignore").length;
  if (score < 2 || score * 2 < columns.length) return undefined;
  return { columns, by, score };
}

/** A header written with single spaces: each word (or two) a column name, a unit or filler. */
function matchWords(text: string): HeaderMatch | undefined {
  const columns: ColumnMapping[] = [];
  const re = /\([^)]*\)|[^\s()]+/g;
  const words = [...text.matchAll(re)].map((m) => ({ text: m[0], start: m.index! }));
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const two = i + 1 < words.length ? `${w.text} ${words[i + 1].text}` : undefined;
    const twoRole = two && roleOf(two);
    if (twoRole && !(readUnit(words[i + 1].text) || /^\(/.test(words[i + 1].text))) {
      columns.push({
        header: two!,
        role: twoRole.role,
        ...(twoRole.year ? { year: twoRole.year } : {}),
        start: w.start,
        end: w.start + two!.length,
      });
      i++;
      continue;
    }
    const r = roleOf(w.text);
    if (r) {
      columns.push({
        header: w.text,
        role: r.role,
        ...(r.year ? { year: r.year } : {}),
        start: w.start,
        end: w.start + w.text.length,
      });
      continue;
    }
    // A unit or a parenthesis belongs to the column before it: `Besparing (tkr)`, `Belopp i tkr`.
    const last = columns[columns.length - 1];
    if (last && (unitInText(w.text) || /^\(.*\)$/.test(w.text))) {
      last.header = `${last.header} ${w.text}`;
      last.end = w.start + w.text.length;
      continue;
    }
    if (FILLER.has(foldText(w.text))) continue;
    return undefined;
  }
  if (columns.length < 2) return undefined;
  return { columns, by: "words", score: columns.length };
}

/** A header's description for messages and the preview: `Förslag → Åtgärd`. */
export const ROLE_LABELS: Record<ColumnRole, string> = {
  id: "Id",
  area: "Område",
  name: "Åtgärd",
  annual: "Helårseffekt",
  year: "År",
  timing: "Tidsaspekt",
  dependency: "Beroende",
  comment: "Kommentar",
  ignore: "(ignoreras)",
};
