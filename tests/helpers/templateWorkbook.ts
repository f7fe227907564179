/**
 * A workbook as Balans' template lays it out (the headers `measuresTableLayout` and its siblings
 * write), filled with `n` measures whose cells read like a municipal action plan's, for the Excel
 * double: for tests and the bench that count round trips on the real template's columns.
 */
import {
  deficitsTableLayout,
  followUpTableLayout,
  measuresTableLayout,
} from "../../src/core/sheets/inputTables";
import { TableLayout } from "../../src/core/layout";
import { CellValue } from "../../src/core/tables";
import type { Book } from "../double/excelDouble";

const AREAS = [
  "Individ- och familjeomsorg",
  "Äldreomsorg",
  "Funktionsstöd",
  "Hemtjänst",
  "Socialpsykiatri",
  "Ekonomiskt bistånd",
  "Administration",
  "Arbetsmarknad",
];
const WHAT = [
  "Minska antalet externa HVB-placeringar genom utökad öppenvård",
  "Översyn av schemaläggning inom hemtjänsten",
  "Avveckla inhyrd personal och rekrytera egen personal",
  "Samordna nattpatrull mellan särskilda boenden",
  "Omförhandla avtal om skolskjuts för elever i särskola",
];
const STATUS = ["Ej påbörjad", "Pågår", "Pågår", "Genomförd", "Försenad"];

/** The headers of a template table, as the layout writes them. */
export const headersOf = (layout: TableLayout): string[] => layout.columns.map((c) => c.header);

/** Row `i` of a template Atgarder (13 columns, in the layout's order). */
export function measureRow(i: number): CellValue[] {
  return [
    `A${String(i + 1).padStart(5, "0")}`,
    AREAS[i % AREAS.length],
    `${WHAT[i % WHAT.length]} (${i + 1})`,
    ((i % 17) + 1) / 20,
    `Q ${(i % 4) + 1} ${2020 + (i % 3)}`,
    "",
    i % 7 === 0 ? "2024-12-31" : "",
    STATUS[i % STATUS.length],
    `Enhetschef ${AREAS[(i + 3) % AREAS.length].toLowerCase()}`,
    i % 5 === 0 ? "MBL-förhandling" : "",
    i % 3 === 0 ? "Beslutad i nämnden, följs upp månadsvis" : "",
    i % 11 === 0 ? ((i % 17) + 1) / 25 : "",
    "",
  ];
}

/** Follow-up row `k` over `n` measures: id, month, actual, status, comment. */
export function followUpRow(k: number, n: number): CellValue[] {
  return [
    `A${String((k % n) + 1).padStart(5, "0")}`,
    `2021-${String((k % 8) + 1).padStart(2, "0")}`,
    0.01 + (k % 5) / 100,
    "Pågår",
    k % 4 === 0 ? "Enligt plan" : "",
  ];
}

/**
 * Puts the template's Atgarder (`n` measures), Underskott and Uppfoljning (`followUps` rows) into
 * the double's workbook, on the sheets the template uses.
 */
export function addTemplateTables(book: Book, n: number, followUps = 0): void {
  const measures = measuresTableLayout([]);
  const deficits = deficitsTableLayout([]);
  const followUp = followUpTableLayout([]);
  book.addUserTable(
    measures.sheet,
    measures.name,
    headersOf(measures),
    Array.from({ length: n }, (_, i) => measureRow(i))
  );
  book.addUserTable(deficits.sheet, deficits.name, headersOf(deficits), [
    [2020, 57, ""],
    [2021, 40, ""],
  ]);
  book.addUserTable(
    followUp.sheet,
    followUp.name,
    headersOf(followUp),
    Array.from({ length: followUps }, (_, k) => followUpRow(k, n))
  );
}
