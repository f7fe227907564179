/** Any text gives a reading or a problem, never a throw; a remark never moves a timing's date. */
import fc from "fast-check";
import {
  excelErrorOf,
  findAmounts,
  findNumbers,
  monthNumber,
  sumWord,
  parseAmount,
  parseSwedishNumber,
  parseTiming,
  parseUnit,
  readDateCell,
  readMonthCell,
  splitHeader,
} from "../../../src/core/grammar";
import { formatSwedish } from "../../../src/core/text";

const pieces = [
  "Q 3 2020",
  "hösten",
  "HT21",
  "vecka 34",
  "v.",
  "från",
  "fr.o.m.",
  "t.o.m.",
  "löper ut",
  "effekt",
  "mnkr",
  "tkr",
  "mdkr",
  "/mån",
  "–",
  "−",
  "-",
  "x",
  "ca",
  "en halv miljon",
  "2021-04-01",
  "1/4",
  "01.04.",
  "årsskiftet",
  "2020/2021",
  "läsåret",
  "3:e kvartalet",
  "(",
  ")",
  "%",
  " 000",
  ",",
  "#DIV/0!",
  "helår 2022",
];
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 120 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...pieces),
        fc.string({ maxLength: 6 }),
        fc.integer({ min: -9999, max: 300000 }).map(String)
      ),
      { maxLength: 30 }
    )
    .map((parts) => parts.join(" "))
);
const anyCell = fc.oneof(
  anyText,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date()
);

const readingOrProblem = (r: { ok: boolean; message?: string }) =>
  r.ok || (typeof r.message === "string" && r.message.length > 0);

describe("numbers", () => {
  it("any text gives a number or nothing, never a throw", () =>
    fc.assert(
      fc.property(anyText, (t) => {
        const n = parseSwedishNumber(t);
        expect(n === undefined || Number.isFinite(n)).toBe(true);
        for (const token of findNumbers(t)) expect(Number.isFinite(token.value)).toBe(true);
      })
    ));

  it("reads back what Swedish formatting writes", () =>
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 99 }), (i, c) => {
        const v = i + c / 100;
        expect(parseSwedishNumber(formatSwedish(v))).toBeCloseTo(v, 9);
      })
    ));
});

describe("units", () => {
  it("any header splits into a name and a unit reading, never a throw", () =>
    fc.assert(
      fc.property(anyText, (t) => {
        const parts = splitHeader(t);
        expect(typeof parts.key).toBe("string");
        expect(["none", "unit", "unknown"]).toContain(parts.unit.kind);
        parseUnit(t);
      })
    ));
});

describe("amounts", () => {
  it("any cell gives an amount or a problem, never a throw", () =>
    fc.assert(
      fc.property(anyCell, (v) => {
        const r = parseAmount(v);
        expect(readingOrProblem(r)).toBe(true);
        if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
      })
    ));
});

describe("timings", () => {
  it("any cell gives a start or a problem, never a throw", () =>
    fc.assert(
      fc.property(anyCell, (v) => {
        const r = parseTiming(v);
        expect(readingOrProblem(r)).toBe(true);
      })
    ));

  // A remark is text in parentheses without an effect phrase and its date (those win anywhere).
  const remark = anyText
    .map((t) => t.replace(/[()]/g, " "))
    .filter((t) => !/(effekt|från|fran|fr\.?\s?o\.?\s?m|from|start)/i.test(t));
  it("a timing's date never depends on a parenthesized remark", () =>
    fc.assert(
      fc.property(anyText, remark, fc.boolean(), (timing, note, before) => {
        const base = timing.replace(/[()]/g, " ");
        const plain = parseTiming(base);
        const withRemark = parseTiming(before ? `(${note}) ${base}` : `${base} (${note})`);
        expect(withRemark.ok).toBe(plain.ok);
        if (plain.ok && withRemark.ok) {
          expect(withRemark.start).toEqual(plain.start);
          expect(withRemark.end).toEqual(plain.end);
        }
      }),
      { numRuns: 500 }
    ));
});

describe("dates and months in cells", () => {
  it("any cell gives a date or a problem, never a throw", () =>
    fc.assert(
      fc.property(
        anyCell,
        fc.constantFrom("start", "end", "date") as fc.Arbitrary<"start">,
        (v, role) => {
          const r = readDateCell(v, role);
          expect(readingOrProblem(r)).toBe(true);
          if (r.ok) expect(r.date.year >= 1990 && r.date.year <= 2100).toBe(true);
          const m = readMonthCell(v);
          expect(readingOrProblem(m)).toBe(true);
        }
      )
    ));
});

describe("month names, sum words, error values", () => {
  it("any text gives a month 1–12 or nothing, a sum kind or nothing, an error or nothing", () =>
    fc.assert(
      fc.property(anyText, (t) => {
        const m = monthNumber(t);
        expect(m === undefined || (m >= 1 && m <= 12)).toBe(true);
        expect([undefined, "section", "total"]).toContain(sumWord(t));
        const e = excelErrorOf(t);
        expect(e === undefined || e.startsWith("#")).toBe(true);
      })
    ));

  it("a sum word spaced out as PDF text writes it is still a sum word", () =>
    fc.assert(
      fc.property(fc.constantFrom("Summa", "Delsumma", "Totalt", "Summa totalt"), (word) => {
        expect(sumWord(word.split("").join(" "))).toBe(sumWord(word));
      })
    ));

  it("findAmounts gives amounts in text order, each inside the text", () =>
    fc.assert(
      fc.property(anyText, fc.constantFrom("", "İİ ", "ẞ "), (text, prefix) => {
        const t = prefix + text;
        const found = findAmounts(t);
        found.forEach((a, i) => {
          expect(a.index >= 0 && a.end <= t.length && a.index < a.end).toBe(true);
          if (i > 0) expect(a.index).toBeGreaterThanOrEqual(found[i - 1].index);
        });
      })
    ));
});
