import fc from "fast-check";
import {
  EffectShape,
  monthIndex,
  shapeEffect,
  throughSlot,
  yearSlots,
} from "../../src/core/effectShape";

/**
 * Any shape a read can make: a start (any day), maybe an end, Helårseffekt with cents that do
 * not add up exactly in binary, maybe stated years, maybe moved (Prognos start), scaled
 * (Prognos helårseffekt) or stopped (Avbruten, even before the plan starts).
 */
const shape = fc
  .record({
    year: fc.integer({ min: 2018, max: 2024 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    months: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    endDay: fc.integer({ min: 1, max: 31 }),
    annual: fc.integer({ min: 0, max: 2_000_000 }).map((n) => n / 1000),
    stated: fc.array(
      fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 90_001 })),
      {
        maxLength: 3,
      }
    ),
    shift: fc.option(fc.integer({ min: -14, max: 30 }), { nil: undefined }),
    factor: fc.option(
      fc.integer({ min: 0, max: 3000 }).map((n) => n / 1001),
      { nil: undefined }
    ),
    through: fc.option(
      fc.oneof(
        fc.integer({ min: monthIndex(2017, 1), max: monthIndex(2027, 12) }),
        fc.constant(-Infinity)
      ),
      { nil: undefined }
    ),
  })
  .map((r): EffectShape => {
    const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
    const start = { year: r.year, month: r.month, day: Math.min(r.day, daysIn(r.year, r.month)) };
    let end: { year: number; month: number; day: number } | undefined;
    if (r.months !== undefined) {
      const i = monthIndex(r.year, r.month) + r.months;
      const y = Math.floor(i / 12);
      const m = (i % 12) + 1;
      end = { year: y, month: m, day: Math.min(r.endDay, daysIn(y, m)) };
      if (
        Date.UTC(end.year, end.month - 1, end.day) <
        Date.UTC(start.year, start.month - 1, start.day)
      )
        end = start;
    }
    const perYear = new Map(
      r.stated
        .map(([offset, v]) => [r.year + offset, v / 100] as [number, number])
        .filter(([y]) => !end || y <= end.year)
    );
    return {
      start,
      ...(end ? { end } : {}),
      annual: r.annual,
      ...(perYear.size ? { perYear } : {}),
      ...(r.shift !== undefined ? { shift: r.shift } : {}),
      ...(r.factor !== undefined ? { factor: r.factor } : {}),
      ...(r.through !== undefined ? { through: r.through } : {}),
    };
  });

describe("a year's slots", () => {
  it("are bit for bit shapeEffect's year, months and January-through-month (property)", () => {
    fc.assert(
      fc.property(shape, fc.integer({ min: 2016, max: 2030 }), (s, y) => {
        const slots = yearSlots(s, y);
        expect(Object.is(slots[0], shapeEffect(s, y))).toBe(true);
        for (let m = 1; m <= 12; m++) {
          expect(Object.is(slots[m], shapeEffect(s, y, m, m))).toBe(true);
          expect(Object.is(slots[throughSlot(m)], shapeEffect(s, y, 1, m))).toBe(true);
        }
      }),
      { numRuns: 2000 }
    );
  });

  it("hold the hand figures: 1,2 a year from 2020-04-16 gives April half a month", () => {
    // April 2020 has 30 days; 16–30 April is 15/30 of the month: 1,2 × 0,5 / 12 = 0,05
    const slots = yearSlots({ start: { year: 2020, month: 4, day: 16 }, annual: 1.2 }, 2020);
    expect(slots[3]).toBe(0);
    expect(slots[4]).toBeCloseTo(0.05, 12);
    expect(slots[5]).toBeCloseTo(0.1, 12);
    // the year: 8,5 months × 0,1 = 0,85; through June 2,5 months = 0,25
    expect(slots[0]).toBeCloseTo(0.85, 12);
    expect(slots[throughSlot(6)]).toBeCloseTo(0.25, 12);
    // stopped after June (Avbruten): nothing from July, the year is through June
    const stopped = yearSlots(
      { start: { year: 2020, month: 4, day: 16 }, annual: 1.2, through: monthIndex(2020, 6) },
      2020
    );
    expect(stopped[7]).toBe(0);
    expect(stopped[0]).toBeCloseTo(0.25, 12);
  });
});
