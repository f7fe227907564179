import fc from "fast-check";
import { EffectShape, monthIndex, shapeEffect } from "../../src/core/effectShape";

/** A plan: a start, maybe an end, Helårseffekt, and maybe some stated years. */
const plan = fc
  .record({
    year: fc.integer({ min: 2019, max: 2024 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    months: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    annual: fc.integer({ min: 0, max: 20_000 }).map((n) => n / 100),
    stated: fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 9_000 })), {
      maxLength: 3,
    }),
  })
  .map(({ year, month, day, months, annual, stated }): EffectShape => {
    const start = { year, month, day };
    const endIndex = months === undefined ? undefined : monthIndex(year, month) + months;
    const end =
      endIndex === undefined
        ? undefined
        : { year: Math.floor(endIndex / 12), month: (endIndex % 12) + 1, day: 28 };
    // Stated years only where the measure is in effect (as reading Atgarder ensures).
    const perYear = new Map(
      stated
        .map(([offset, v]) => [year + offset, v / 100] as [number, number])
        .filter(([y]) => !end || y <= end.year)
    );
    return { start, ...(end ? { end } : {}), annual, ...(perYear.size ? { perYear } : {}) };
  });

const YEARS = Array.from({ length: 20 }, (_, i) => 2016 + i);
const total = (s: EffectShape) => YEARS.reduce((sum, y) => sum + shapeEffect(s, y), 0);

describe("effect shapes, for any plan", () => {
  it("a year is the sum of its months (a stated year's figure is shared, not changed)", () => {
    fc.assert(
      fc.property(plan, fc.integer({ min: 2018, max: 2030 }), (s, y) => {
        let months = 0;
        for (let m = 1; m <= 12; m++) months += shapeEffect(s, y, m, m);
        expect(months).toBeCloseTo(shapeEffect(s, y), 9);
      })
    );
  });

  it("a delay moves every month by that many months and keeps the whole", () => {
    fc.assert(
      fc.property(plan, fc.integer({ min: 0, max: 36 }), (s, d) => {
        const moved = { ...s, shift: d };
        for (const i of [monthIndex(2020, 1), monthIndex(2021, 7), monthIndex(2023, 12)]) {
          const y = Math.floor(i / 12);
          const m = (i % 12) + 1;
          const from = i - d;
          expect(shapeEffect(moved, y, m, m)).toBeCloseTo(
            shapeEffect(s, Math.floor(from / 12), (from % 12) + 1, (from % 12) + 1),
            9
          );
        }
        if (s.end) expect(total(moved)).toBeCloseTo(total(s), 6);
      })
    );
  });

  it("a share scales every year", () => {
    fc.assert(
      fc.property(plan, fc.integer({ min: 0, max: 200 }), (s, p) => {
        for (const y of [2020, 2022, 2025])
          expect(shapeEffect({ ...s, factor: p / 100 }, y)).toBeCloseTo(
            (shapeEffect(s, y) * p) / 100,
            9
          );
      })
    );
  });
});
