import { foldText } from "../text";

/** The Swedish month names, January first: the one list every reader and writer uses. */
export const SWEDISH_MONTHS = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
] as const;

// Month names as plans write them (folded): Swedish names and abbreviations, and the English
// ones for English users.
const MONTH_WORDS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  febr: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  okt: 10,
  oct: 10,
  october: 10,
  nov: 11,
  dec: 12,
  ...Object.fromEntries(SWEDISH_MONTHS.map((name, i) => [name, i + 1])),
};

/** A regular-expression source for a month name in folded text, longest first, `.` allowed. */
export const MONTH_NAME_SOURCE = `(?:${Object.keys(MONTH_WORDS)
  .sort((a, b) => b.length - a.length)
  .join("|")})\\.?`;

/** The month number (1–12) of a month name or abbreviation, any case; undefined if none. */
export function monthNumber(word: string): number | undefined {
  return MONTH_WORDS[foldText(word).replace(/\.$/, "")];
}

/** `augusti`, as a Swedish heading names month 8. */
export function swedishMonthName(month: number): string {
  return SWEDISH_MONTHS[month - 1];
}

/** A calendar month; months are 1–12. */
export interface YearMonth {
  year: number;
  month: number;
}
