import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { readXlsxTables } from "../src/adapters/xlsx/readTables";
import { writeLayoutsToFile } from "../src/adapters/xlsx/writeLayouts";
import { accrue, accrueByMonth } from "../src/core/accrual";
import {
  parseAmount,
  parseSwedishNumber,
  parseTiming,
  readDateCell,
  readMonthCell,
} from "../src/core/grammar";
import { parseCommittee } from "../src/core/committees";
import { CalendarDate, fromDayNumber, dayNumber } from "../src/core/dates";
import { readDeficits } from "../src/core/deficits";
import { parseInsats } from "../src/core/insatser";
import { readMeasures } from "../src/core/measures";
import { parseMonthArgument } from "../src/core/months";
import { parsePlanText } from "../src/core/planText";
import { findTable } from "../src/core/tables";
import { deficitsTableLayout, measuresTableLayout } from "../src/core/sheets/inputTables";
import { tempDir } from "./helpers/cli";

const seed = fs.readFileSync(
  path.join(__dirname, "fixtures/seed-000-atgardsplan-2020.txt"),
  "utf8"
);

/** Text of every kind: any Unicode, and the words and shapes plans are made of, mixed up. */
const fragments = [
  "Q 3 2020",
  "mnkr",
  "tkr",
  " kr",
  "Ca ",
  "helår 2021",
  "(",
  ")",
  "2021-04-01",
  "Summa",
  "\t",
  "\n\n",
  "Förslag Kostnadsreducering Tidsaspekt\n",
  "−",
  ",",
  " 000",
  "april",
  "T2",
  "H1",
  "på sikt",
  "Full effekt",
];
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...fragments),
        fc.string({ maxLength: 8 }),
        fc.integer({ min: -9999, max: 99999 }).map(String)
      ),
      { maxLength: 40 }
    )
    .map((parts) => parts.join(" "))
);

describe("no parser throws, whatever the text", () => {
  it.each([
    ["parseAmount", parseAmount],
    ["parseSwedishNumber", parseSwedishNumber],
    ["parseTiming", parseTiming],
    ["parseCommittee", parseCommittee],
    ["parseInsats", parseInsats],
    ["readMonthCell", readMonthCell],
    ["readDateCell", (s: string) => readDateCell(s, "end")],
    ["parseMonthArgument", parseMonthArgument],
  ] as [string, (s: string) => unknown][])("%s", (_, parse) => {
    fc.assert(
      fc.property(anyText, (text) => void parse(text)),
      { numRuns: 1000 }
    );
  });

  it("parsePlanText, also on the seed's lines shuffled and cut", () => {
    const lines = seed.split("\n");
    const shuffled = fc
      .shuffledSubarray(lines, { minLength: 0, maxLength: 120 })
      .map((l) => l.join("\n"));
    fc.assert(
      fc.property(fc.oneof(anyText, shuffled), (text) => {
        const plan = parsePlanText(text);
        expect(Array.isArray(plan.measures)).toBe(true);
        // a measure has a full-year figure, or figures per year (then annual may be empty), or a
        // problem on its line says which amount could not be read: never a measure silently
        // without a figure (fast-check found "Full effekt  Förslag …\n 0 0": kept, with problems)
        for (const m of plan.measures) {
          if (m.annual !== undefined) expect(Number.isFinite(m.annual)).toBe(true);
          else if (m.perYear === undefined)
            expect(plan.problems.some((p) => p.row === m.line && p.key === "annual")).toBe(true);
        }
      }),
      { numRuns: 300 }
    );
  });
});

const date = (min: number, max: number) => fc.integer({ min, max }).map((n) => fromDayNumber(n));
const Y2018 = dayNumber({ year: 2018, month: 1, day: 1 });
const Y2030 = dayNumber({ year: 2030, month: 12, day: 31 });
const period = fc
  .tuple(date(Y2018, Y2030), fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }))
  .map(([start, length]): { start: CalendarDate; end?: CalendarDate } =>
    length === undefined ? { start } : { start, end: fromDayNumber(dayNumber(start) + length) }
  );
const amount = fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true });
const year = fc.integer({ min: 2018, max: 2032 });

describe("accrual", () => {
  it("gives months that sum to the year", () => {
    fc.assert(
      fc.property(amount, period, year, (annual, p, y) => {
        const months = accrueByMonth(annual, p, y).reduce((a, b) => a + b, 0);
        expect(months).toBeCloseTo(accrue(annual, p, y), 6);
      })
    );
  });

  it("keeps every figure when a measure is split in two amounts", () => {
    fc.assert(
      fc.property(
        amount,
        fc.double({ min: 0, max: 1, noNaN: true }),
        period,
        year,
        fc.integer({ min: 1, max: 12 }),
        (annual, share, p, y, m) => {
          const a = annual * share;
          const b = annual - a;
          expect(accrue(a, p, y) + accrue(b, p, y)).toBeCloseTo(accrue(annual, p, y), 6);
          expect(accrue(a, p, y, 1, m) + accrue(b, p, y, 1, m)).toBeCloseTo(
            accrue(annual, p, y, 1, m),
            6
          );
        }
      )
    );
  });

  it("never saves less in a later year for a measure without end", () => {
    fc.assert(
      fc.property(amount, date(Y2018, Y2030), year, (annual, start, y) => {
        expect(accrue(annual, { start }, y + 1)).toBeGreaterThanOrEqual(
          accrue(annual, { start }, y) - 1e-9
        );
      })
    );
  });

  it("never saves more than the annual amount in a year, nor less than nothing", () => {
    fc.assert(
      fc.property(amount, period, year, (annual, p, y) => {
        const v = accrue(annual, p, y);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(annual + 1e-9);
      })
    );
  });
});

describe("every amount written survives a round trip through an .xlsx file", () => {
  const dir = tempDir();
  let n = 0;

  it("in Atgarder and Underskott", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }), {
          minLength: 1,
          maxLength: 10,
        }),
        async (annuals, deficits) => {
          const file = path.join(dir, `rt-${n++}.xlsx`);
          const measures = measuresTableLayout(
            annuals.map((annual, i) => ({
              id: `A${i + 1}`,
              name: `Åtgärd ${i + 1}`,
              annual,
              timing: "Q 3 2020",
            }))
          );
          const under = deficitsTableLayout(
            deficits.map((deficit, i) => ({ year: 2000 + i, deficit }))
          );
          await writeLayoutsToFile(file, [measures, under]);
          const tables = await readXlsxTables(file);
          expect(
            readMeasures(findTable(tables, "Atgarder")!).measures.map((m) => m.annual)
          ).toEqual(annuals.map((a) => (Object.is(a, -0) ? 0 : a)));
          const read = readDeficits(findTable(tables, "Underskott")!);
          expect(deficits.map((_, i) => read.byYear.get(2000 + i)!.deficit)).toEqual(
            deficits.map((d) => (Object.is(d, -0) ? 0 : d))
          );
        }
      ),
      { numRuns: 25 }
    );
  }, 60_000);
});
