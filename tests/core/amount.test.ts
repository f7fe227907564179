import { parseAmount, parseSwedishNumber } from "../../src/core/grammar";
import { convertAmount, parseUnit } from "../../src/core/units";

describe("parseSwedishNumber", () => {
  it.each([
    ["1,1", 1.1],
    ["0,35", 0.35],
    ["350 000", 350000],
    ["1\u00a0234,5", 1234.5],
    ["\u22122,5", -2.5],
    ["\u20134", -4],
    ["1.5", 1.5],
  ])("reads %s as %d", (text, value) => expect(parseSwedishNumber(text)).toBe(value));

  it.each(["", "abc", "1,2,3", "12 34"])("refuses %j", (text) =>
    expect(parseSwedishNumber(text)).toBeUndefined()
  );
});

describe("parseAmount", () => {
  it("takes numbers as they are", () => {
    expect(parseAmount(4)).toEqual({ ok: true, value: 4 });
    expect(parseAmount(0.65)).toEqual({ ok: true, value: 0.65 });
  });

  it.each([
    ["4 mnkr", 4, "mnkr"],
    ["Ca 0,5 mnkr", 0.5, "mnkr"],
    ["cirka 0,6 Mkr", 0.6, "mnkr"],
    ["Reducering av kostnader för 5 barn, ca 1,1 mnkr", 1.1, "mnkr"],
    [
      "Reducering av kostnader för obelagda platser samt viten för ej verkställda beslut, 3 mnkr",
      3,
      "mnkr",
    ],
    ["1 mnkr (lägre kostnader och delfinansiering från Regionen)", 1, "mnkr"],
    ["350 000 kr", 350000, "kr"],
    ["400 tkr", 400, "tkr"],
    ["2,5 miljoner kronor", 2.5, "mnkr"],
    ["\u22121,5 mnkr", -1.5, "mnkr"],
  ])("reads %j", (text, value, unit) =>
    expect(parseAmount(text)).toEqual({ ok: true, value, unit })
  );

  it("reads a bare number in text, with Swedish separators", () => {
    expect(parseAmount("ca 0,5")).toEqual({ ok: true, value: 0.5 });
    expect(parseAmount(" 1 200,5 ")).toEqual({ ok: true, value: 1200.5 });
  });

  it("does not take a dash between words for a minus sign", () => {
    expect(parseAmount("mellantvång – 4 mnkr")).toEqual({ ok: true, value: 4, unit: "mnkr" });
  });

  it("ignores percentages beside the amount", () => {
    expect(parseAmount("1 % av budget, 2 mnkr")).toEqual({ ok: true, value: 2, unit: "mnkr" });
  });

  it.each([
    [null, /tom/],
    ["", /tom/],
    ["på sikt", /innehåller inget belopp/],
    ["5 barn 1,1", /flera tal/],
    ["1 mnkr eller 2 mnkr", /flera belopp/],
    [true, /inget belopp/],
    [Number.NaN, /inget tal/],
  ])("explains why %j is no amount", (value, message) => {
    const r = parseAmount(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe("units", () => {
  it.each([
    ["mnkr", "mnkr"],
    ["Mkr", "mnkr"],
    ["miljoner kronor", "mnkr"],
    ["tkr", "tkr"],
    ["kr", "kr"],
    ["kronor", "kr"],
    ["dagar", undefined],
  ])("parseUnit(%j) is %j", (text, unit) => expect(parseUnit(text)).toBe(unit));

  it("converts exactly between units", () => {
    expect(convertAmount(350000, "kr", "mnkr")).toBe(0.35);
    expect(convertAmount(400, "tkr", "mnkr")).toBe(0.4);
    expect(convertAmount(1.1, "mnkr", "tkr")).toBe(1100);
    expect(convertAmount(7, "mnkr", "mnkr")).toBe(7);
  });
});
