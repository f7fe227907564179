import { parseTiming } from "../../src/core/grammar";
import { toIsoDate } from "../../src/core/dates";

const startOf = (text: unknown) => {
  const r = parseTiming(text);
  if (!r.ok) throw new Error(r.message);
  return toIsoDate(r.start);
};

describe("parseTiming: every Tidsaspekt of seed 000", () => {
  it.each([
    ["2021", "2021-01-01"],
    ["Q 3 2020", "2020-07-01"],
    ["Q 3 2020 delfinansiering från Regionen)", "2020-07-01"],
    ["2021 (pga. utredningsarbete)", "2021-01-01"],
    ["Q3 2020", "2020-07-01"],
    ["Från Q 4 2020", "2020-10-01"],
    ["Från Q 3 2020", "2020-07-01"],
    ["2021 (Dialog med Leanlink)", "2021-01-01"],
    ["2021(Dialog med Leanlink)", "2021-01-01"],
    ["2022 (Utredningsarbete)", "2022-01-01"],
    ["Q 4 2020 (Uppsägning av samverkansöverenskommelse med Regionen)", "2020-10-01"],
    ["2021 (pga. utredningarbete)", "2021-01-01"],
    ["2021 (pga utredningsarbete)", "2021-01-01"],
    ["2020", "2020-01-01"],
    ["Q 4 2020 ( helår 2021)", "2020-10-01"],
    ["2023-01-01           (avtalsbundet)", "2023-01-01"],
    ["2021 (nytt avtal från 2021-04-01) Full effekt helår 2022", "2021-04-01"],
    ["2021 (nytt avtal \nfrån 2021-04-01) \nFull effekt helår \n2022", "2021-04-01"],
  ])("%j starts %s", (text, start) => expect(startOf(text)).toBe(start));
});

describe("parseTiming: the forms of the contract", () => {
  it.each([
    ["2023-01-01", "2023-01-01"],
    ["1 april 2021", "2021-04-01"],
    ["15 maj 2020", "2020-05-15"],
    ["2021-04", "2021-04-01"],
    ["april 2021", "2021-04-01"],
    ["apr 2021", "2021-04-01"],
    ["APRIL 2021", "2021-04-01"],
    ["okt. 2020", "2020-10-01"],
    ["Q3 2020", "2020-07-01"],
    ["kv 3 2020", "2020-07-01"],
    ["kvartal 3 2020", "2020-07-01"],
    ["Kv3-2020", "2020-07-01"],
    ["2020 Q4", "2020-10-01"],
    ["T1 2021", "2021-01-01"],
    ["T2 2021", "2021-05-01"],
    ["tertial 3 2021", "2021-09-01"],
    ["H1 2021", "2021-01-01"],
    ["H2 2021", "2021-07-01"],
    ["andra halvåret 2021", "2021-07-01"],
    ["första halvåret 2022", "2022-01-01"],
    ["fr.o.m. 2022", "2022-01-01"],
    ["från och med mars 2022", "2022-03-01"],
    ["from October 2021", "2021-10-01"],
  ])("%j starts %s", (text, start) => expect(startOf(text)).toBe(start));

  it("prefers the most specific candidate, then the earliest", () => {
    expect(startOf("2021, troligen Q 2 2021")).toBe("2021-04-01");
    expect(startOf("Q 4 2021 eller Q 2 2021")).toBe("2021-04-01");
    // Revision 2: a remark in parentheses never moves the date.
    expect(startOf("mars 2022 (senast 2022-06-30)")).toBe("2022-03-01");
    expect(startOf("2022 eller 2021")).toBe("2021-01-01");
  });

  it("ignores full-year remarks", () => {
    expect(startOf("Q 4 2020 (helår 2021)")).toBe("2020-10-01");
    expect(startOf("Full effekt helår 2022, start 2021")).toBe("2021-01-01");
    expect(parseTiming("helår 2021").ok).toBe(false);
  });

  it("reads cells Excel stored as numbers or dates", () => {
    expect(startOf(2021)).toBe("2021-01-01");
    expect(startOf(44197)).toBe("2021-01-01");
    expect(startOf(new Date(Date.UTC(2021, 3, 1)))).toBe("2021-04-01");
  });

  it.each([
    ["på sikt", /anger ingen tidpunkt/],
    ["", /tom/],
    [null, /tom/],
    ["Q5 2020", /Kvartal 5 finns inte/],
    ["T4 2021", /Tertial 4 finns inte/],
    ["2021-13", /månad 13 finns inte/],
    ["2021-02-30", /inget giltigt datum/],
    ["30 februari 2021", /inget giltigt datum/],
  ])("explains why %j has no start", (text, message) => {
    const r = parseTiming(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});
