import { accrue, accrueByMonth, accrueMonthly, shareOfMonth } from "../../src/core/accrual";
import { makeDate } from "../../src/core/dates";

const from = (y: number, m: number, d = 1) => ({ start: makeDate(y, m, d) });

describe("accrual", () => {
  it("saves a twelfth per month fully in effect", () => {
    expect(accrue(12, from(2020, 7), 2020)).toBe(6);
    expect(accrue(12, from(2020, 7), 2021)).toBe(12);
    expect(accrue(12, from(2021, 1), 2020)).toBe(0);
  });

  it("counts a month partly in effect by its share of days", () => {
    expect(shareOfMonth(from(2020, 5, 15), 2020, 5)).toBeCloseTo(17 / 31, 12);
    expect(accrue(12, from(2020, 5, 15), 2020)).toBeCloseTo(7 + 17 / 31, 12);
    // February 2020 has 29 days
    expect(shareOfMonth(from(2020, 2, 15), 2020, 2)).toBeCloseTo(15 / 29, 12);
  });

  it("stops after the last day in effect, inclusive", () => {
    const period = { start: makeDate(2020, 1, 1), end: makeDate(2020, 3, 15) };
    expect(shareOfMonth(period, 2020, 3)).toBeCloseTo(15 / 31, 12);
    expect(accrue(12, period, 2020)).toBeCloseTo(2 + 15 / 31, 12);
    expect(accrue(12, period, 2021)).toBe(0);
    expect(
      shareOfMonth({ start: makeDate(2020, 3, 10), end: makeDate(2020, 3, 10) }, 2020, 3)
    ).toBeCloseTo(1 / 31, 12);
  });

  it("gives months that sum to the year", () => {
    const period = { start: makeDate(2020, 4, 17), end: makeDate(2020, 11, 3) };
    const months = accrueByMonth(7.3, period, 2020);
    expect(months).toHaveLength(12);
    expect(months.reduce((a, b) => a + b, 0)).toBeCloseTo(accrue(7.3, period, 2020), 12);
  });

  it("accrues part of a year through a month", () => {
    expect(accrue(12, from(2020, 1), 2020, 1, 8)).toBe(8);
    expect(accrue(12, from(2020, 7), 2020, 1, 8)).toBe(2);
  });

  it("accrues a monthly cost the same way", () => {
    expect(
      accrueMonthly(50, { start: makeDate(2018, 4, 1), end: makeDate(2018, 6, 30) }, 2018)
    ).toBe(150);
    expect(accrueMonthly(30, { start: makeDate(2018, 4, 16) }, 2018, 4, 4)).toBeCloseTo(15, 12);
  });
});
