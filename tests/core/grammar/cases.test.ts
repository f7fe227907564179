/**
 * Every example of issue 11 and of the contract's Revision 2 ("Reading cells", "Timings,
 * additions"), with the answer written by hand from the contract.
 */
import {
  amountInUnit,
  findAmounts,
  parseAmount,
  parseTiming,
  readDateCell,
  readMonthCell,
  splitHeader,
  excelErrorOf,
  EXCEL_ERRORS,
} from "../../../src/core/grammar";
import { toIsoDate } from "../../../src/core/dates";
import { cellText } from "../../../src/core/tables";

const start = (text: unknown) => {
  const r = parseTiming(text);
  return r.ok ? toIsoDate(r.start) : `problem: ${r.message}`;
};

describe("timings of issue 11 and Revision 2", () => {
  it.each([
    // Issue 11: all became 1 January with no problem.
    ["10/2020", "2020-10-01"],
    ["3:e kvartalet 2020", "2020-07-01"],
    ["HT 2021", "2021-08-01"],
    ["hösten 2021", "2021-08-01"],
    ["vecka 34 2021", "2021-08-23"],
    ["andra tertialet 2021", "2021-05-01"],
    ["1/4/2021", "2021-04-01"],
    ["01.04.2021", "2021-04-01"],
    ["årsskiftet 2020/2021", "2021-01-01"],
    ["Upphandling klar 2020-11-15, effekt fr.o.m. Q1 2021", "2021-01-01"],
    ["Q4 2020, avtalet löper ut 2021-06-30", "2020-10-01"],
    // Revision 2, more forms.
    ["HT21", "2021-08-01"],
    ["våren 2022", "2022-01-01"],
    ["VT 2022", "2022-01-01"],
    ["sommaren 2021", "2021-06-01"],
    ["v. 34 2021", "2021-08-23"],
    ["v34 2021", "2021-08-23"],
    ["vecka 1 2021", "2021-01-04"],
    ["vecka 53 2020", "2020-12-28"],
    ["vecka 1 2020", "2019-12-30"],
    ["mitten av 2021", "2021-07-01"],
    ["läsåret 2021/22", "2021-08-01"],
    ["1/4 2021", "2021-04-01"],
    ["tredje kvartalet 2020", "2020-07-01"],
    ["okt -20", "2020-10-01"],
    ["Q3 20", "2020-07-01"],
    ["januari–mars 2021", "2021-01-01"],
    ["2021 (pga. utredningsarbete)", "2021-01-01"],
    // The contract's first forms stay as they were.
    ["2023-01-01", "2023-01-01"],
    ["1 april 2021", "2021-04-01"],
    ["2021-04", "2021-04-01"],
    ["april 2021", "2021-04-01"],
    ["apr 2021", "2021-04-01"],
    ["Q3 2020", "2020-07-01"],
    ["Q 3 2020", "2020-07-01"],
    ["kv 3 2020", "2020-07-01"],
    ["kvartal 3 2020", "2020-07-01"],
    ["T2 2021", "2021-05-01"],
    ["H2 2021", "2021-07-01"],
    ["andra halvåret 2021", "2021-07-01"],
    ["2021", "2021-01-01"],
    ["helår 2021, från Q 3 2020", "2020-07-01"],
  ])("%j starts %s", (text, expected) => expect(start(text)).toBe(expected));

  it("an end phrase fills the end, never the start", () => {
    const r = parseTiming("Q4 2020, avtalet löper ut 2021-06-30");
    expect(r.ok && toIsoDate(r.end!)).toBe("2021-06-30");
    const t = parseTiming("från 2021-03-01 t.o.m. 2022-12");
    expect(r.ok && t.ok && [toIsoDate(t.start), toIsoDate(t.end!)]).toEqual([
      "2021-03-01",
      "2022-12-31",
    ]);
    const only = parseTiming("t.o.m. 2022-06-30");
    expect(only.ok).toBe(false);
  });

  it("week 53 exists only in years that have it", () => {
    expect(start("vecka 53 2021")).toMatch(/^problem: .*vecka 53 finns inte 2021 \(1–52\)/);
  });

  it.each(["omgående", "direkt", "snarast"])("%j asks for a date", (text) => {
    const r = parseTiming(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(new RegExp(`vilket datum »${text}« betyder`));
  });

  it("names time words it did not understand when it falls back on the year", () => {
    const r = parseTiming("början av 2021");
    expect(r.ok && toIsoDate(r.start)).toBe("2021-01-01");
    expect(r.ok && r.notice).toBe("läste 2021-01-01 ur »2021«; »borjan« förstods inte");
    const week = parseTiming("vintern 2021");
    expect(week.ok && week.notice).toMatch(/»vintern« förstods inte/);
  });

  it("a remark in parentheses gives no notice and never moves the date", () => {
    const r = parseTiming("2021 (pga. utredningsarbete)");
    expect(r.ok && r.notice).toBeUndefined();
    expect(start("2021 (hösten, vecka 34)")).toBe("2021-01-01");
  });

  it("text with no time is a problem", () => {
    expect(start("på sikt")).toMatch(/^problem: »på sikt« anger ingen tidpunkt/);
  });
});

describe("amounts of issue 11 and Revision 2", () => {
  const inMnkr = (text: string) => {
    const r = parseAmount(text);
    return r.ok ? amountInUnit(r, "mnkr") : `problem: ${r.message}`;
  };
  it.each([
    ["57 000 tkr", 57],
    ["ca 4,1 mdkr", 4100],
    ["en miljon", 1],
    ["två miljoner kronor", 2],
    ["en halv miljon", 0.5],
    ["– 0,5", -0.5],
    ["Reducering av kostnader för 5 barn, ca 1,1 mnkr", 1.1],
    ["350 000 kr", 0.35],
    ["1,5 MSEK", 1.5],
    ["1 500 TSEK", 1.5],
  ])("%j is %d mnkr", (text, value) => expect(inMnkr(text)).toBeCloseTo(value, 12));

  it("per month is twelve times that per year, with a notice", () => {
    const r = parseAmount("2 tkr/mån");
    expect(r).toEqual({
      ok: true,
      value: 24,
      unit: "tkr",
      notice: "läste »2 tkr/mån« som 2 tkr per månad, 24 tkr per år",
    });
    expect(parseAmount("50 000 kr per månad")).toMatchObject({ ok: true, value: 600000 });
  });

  it.each([
    ["0,5–1 mnkr", /0,5 mnkr eller 1 mnkr/],
    ["1-2 mnkr", /1 mnkr eller 2 mnkr/],
    ["2 x 0,5 mnkr", /1 mnkr \(2 × 0,5\) eller 0,5 mnkr/],
    ["1.200 tkr", /kan läsas som 1,2 tkr eller 1200 tkr/],
  ])("%j is a problem showing both readings", (text, message) => {
    const r = parseAmount(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it("findAmounts lists every amount of a longer text with its unit, in order", () => {
    expect(
      findAmounts("Färre platser, ca 1,1 mnkr; 5 barn; 2 tkr/mån och en halv miljon, 3 %").map(
        (a) => [a.value, a.unit ?? null, a.perMonth]
      )
    ).toEqual([
      [1.1, "mnkr", false],
      [5, null, false],
      [2, "tkr", true],
      [0.5, "mnkr", false],
    ]);
  });

  it("an 80 kB run of 000 000 … is read in linear time", () => {
    const text = "000 ".repeat(20_000) + "x";
    const t0 = Date.now();
    parseAmount(text);
    parseAmount(`${"000 000 ".repeat(10_000)} mnkr`);
    parseTiming(text);
    expect(Date.now() - t0).toBeLessThan(500);
  });
});

describe("Excel error values", () => {
  it.each(EXCEL_ERRORS.map((e) => [e]))("%s is a problem in an amount and a date", (error) => {
    expect(excelErrorOf(error)).toBe(error);
    const a = parseAmount(error);
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.message).toContain(error);
    expect(readDateCell(error, "start").ok).toBe(false);
    expect(readMonthCell(error).ok).toBe(false);
  });
});

describe("Excel error values in other words", () => {
  it.each([
    ["#DIVISION/0!", "#DIV/0!"],
    ["#SAKNAS!", "#N/A"],
    ["#VÄRDEFEL!", "#VALUE!"],
    ["#FEHLER!", "#FEHLER!"],
    [" #n/a ", "#N/A"],
  ])("%j is the error %s, never a number", (text, error) => {
    expect(excelErrorOf(text)).toBe(error);
    expect(parseAmount(text).ok).toBe(false);
  });

  it.each(["#1", "# Summa", "#hashtag", "A#B!"])("%j is no error value", (text) =>
    expect(excelErrorOf(text)).toBeUndefined()
  );
});

describe("dates in cells", () => {
  const date = (v: unknown, role: "start" | "end" | "date") => {
    const r = readDateCell(v, role);
    return r.ok ? toIsoDate(r.date) : "problem";
  };
  it.each([
    [2021, "start", "2021-01-01"],
    [2021, "end", "2021-12-31"],
    ["2021-12", "end", "2022-12-31".replace("2022", "2021")],
    ["2021-12", "start", "2021-12-01"],
    [44287, "start", "2021-04-01"],
    [1e10, "start", "problem"],
    [-5, "end", "problem"],
    [1000, "start", "problem"],
    ["1/4/2021", "start", "2021-04-01"],
    ["hej", "start", "problem"],
  ] as const)("%j as %s is %s", (value, role, expected) =>
    expect(date(value, role)).toBe(expected)
  );

  it("a number typed in a date-formatted cell, read back as a date, is the number typed", () => {
    // exceljs gives 2021 in a date-formatted cell as 1905-07-13, 8 as 1900-01-07.
    const typed = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
    expect(date(typed(2021), "start")).toBe("2021-01-01");
    expect(date(typed(2021), "end")).toBe("2021-12-31");
    expect(readMonthCell(typed(8)).ok).toBe(false);
    expect(readMonthCell(typed(202008))).toEqual({ ok: true, month: { year: 2020, month: 8 } });
  });

  const month = (v: unknown) => {
    const r = readMonthCell(v);
    return r.ok ? `${r.month.year}-${r.month.month}` : "problem";
  };
  it.each([
    ["2020-08", "2020-8"],
    [202008, "2020-8"],
    ["202008", "2020-8"],
    ["aug 2020", "2020-8"],
    ["augusti 2020", "2020-8"],
    [44044, "2020-8"],
    [8, "problem"],
    ["8", "problem"],
    [2020, "problem"],
    [202013, "problem"],
    ["Q3 2020", "problem"],
  ] as const)("Månad %j is %s", (value, expected) => expect(month(value)).toBe(expected));
});

describe("units in headers", () => {
  it.each([
    ["Helårseffekt (tkr)", "helarseffekt", "tkr"],
    ["Belopp, tkr", "belopp", "tkr"],
    ["Helårseffekt tkr", "helarseffekt", "tkr"],
    ["(belopp i tkr)", "belopp", "tkr"],
    ["Helårseffekt (TSEK)", "helarseffekt", "tkr"],
    ["Helårseffekt (kkr)", "helarseffekt", "tkr"],
    ["Helårseffekt (tSEK)", "helarseffekt", "tkr"],
    ["Helårseffekt (tusen kronor)", "helarseffekt", "tkr"],
    ["Underskott (mnkr)", "underskott", "mnkr"],
    ["Underskott (mkr)", "underskott", "mnkr"],
    ["Underskott (Mkr)", "underskott", "mnkr"],
    ["Underskott (MSEK)", "underskott", "mnkr"],
    ["Underskott (mnSEK)", "underskott", "mnkr"],
    ["Underskott (miljoner kronor)", "underskott", "mnkr"],
    ["Belopp (kr)", "belopp", "kr"],
    ["Belopp (SEK)", "belopp", "kr"],
    ["Belopp (kronor)", "belopp", "kr"],
    ["Budget (mdkr)", "budget", "mdkr"],
    ["Budget (miljarder kronor)", "budget", "mdkr"],
  ])("%j is %s in %s", (header, key, unit) =>
    expect(splitHeader(header)).toEqual({
      key,
      unit: expect.objectContaining({ kind: "unit", unit }),
    })
  );

  it("keeps unknown text in parentheses for the amount columns to reject", () => {
    expect(splitHeader("Helårseffekt (euro)")).toEqual({
      key: "helarseffekt",
      unit: { kind: "unknown", text: "euro" },
    });
    expect(splitHeader("Helårseffekt")).toEqual({ key: "helarseffekt", unit: { kind: "none" } });
  });
});

describe("an invalid Date from a host (a serial no calendar holds) is never a throw", () => {
  const invalid = new Date(NaN);
  it("as an amount: a problem", () => {
    const r = parseAmount(invalid);
    expect(r.ok).toBe(false);
  });
  it("as a cell's text: empty", () => {
    expect(cellText(invalid)).toBe("");
  });
});
