/**
 * Every example of issue 11 and of the contract's Revision 2 ("Reading cells", "Timings,
 * additions"), with the answer written by hand from the contract.
 */
import {
  amountInUnit,
  findAmounts,
  parseAmount,
  parseTiming,
  readingNotice,
  readDateCell,
  sumWord,
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
    parseAmount(`1${".000".repeat(20_000)}.0 kr`);
    parseAmount(`${"per vecka ".repeat(8_000)}1 kr`);
    parseTiming(`${"v. 34-".repeat(10_000)}2021`);
    parseTiming(`${"q3-".repeat(20_000)}2021`);
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

/**
 * The new-user review of 2026-11-23 ("no silent wrong number"): each text with the answer
 * written by hand from Revision 2 before the code was changed.
 */
describe("review 2026-11-23: text amounts in a mnkr table", () => {
  const inMnkr = (text: string) => {
    const r = parseAmount(text);
    return r.ok ? amountInUnit(r, "mnkr") : `problem: ${r.message}`;
  };
  it.each([
    ["300 000:-", 0.3],
    ["300 000 :-", 0.3],
    ["1.200.000 kr", 1.2],
    ["1.200.000,50 kr", 1.2000005],
    ["1.200,5 tkr", 1.2005],
    ["1 200 000 kr", 1.2],
    ["1 mnkr/år", 1],
    ["300 000 kr per år", 0.3],
  ])("%j is %d mnkr", (text, value) => expect(inMnkr(text)).toBeCloseTo(value, 12));

  it.each([
    ["3 tjänster à 0,6 mnkr", "1,8 mnkr (3 × 0,6) eller 0,6 mnkr"],
    ["4 st á 200 tkr", "800 tkr (4 × 200) eller 200 tkr"],
    ["0,6 mnkr x 3", "1,8 mnkr (0,6 × 3) eller 0,6 mnkr"],
    ["0,6 mnkr * 3", "1,8 mnkr (0,6 × 3) eller 0,6 mnkr"],
    ["3 tkr * 12", "36 tkr (3 × 12) eller 3 tkr"],
    ["2 x 0,5 mnkr", "1 mnkr (2 × 0,5) eller 0,5 mnkr"],
    ["1,5 + 0,5 mnkr", "summan 2 mnkr (1,5 + 0,5) eller 0,5 mnkr"],
    ["1,5 mnkr + 0,5 mnkr", "summan 2 mnkr (1,5 + 0,5) eller 1,5 mnkr"],
    ["50 % av 2 mnkr", "1 mnkr (50 % av 2) eller 2 mnkr"],
    ["25 procent av 400 tkr", "100 tkr (25 % av 400) eller 400 tkr"],
    ["(0,5)", "−0,5 (parentes för minus) eller 0,5"],
    ["(400 tkr)", "−400 tkr (parentes för minus) eller 400 tkr"],
  ])("%j is a problem showing both readings: %s", (text, readings) => {
    const r = parseAmount(text);
    expect(r).toEqual({ ok: false, message: expect.stringContaining(`kan läsas som ${readings}`) });
  });

  it.each([
    ["ca 400 à 500 tkr", "400 tkr eller 500 tkr"],
    ["400 till 500 tkr", "400 tkr eller 500 tkr"],
  ])("%j stays a range: %s", (text, readings) => {
    const r = parseAmount(text);
    expect(r).toEqual({ ok: false, message: expect.stringContaining(`intervall: ${readings}`) });
  });

  it.each([
    ["2 mnkr/halvår", 4, "2 mnkr per halvår, 4 mnkr per år"],
    ["0,5 mnkr per halvår", 1, "0,5 mnkr per halvår, 1 mnkr per år"],
    ["10 000 kr per vecka", 0.52, "10000 kr per vecka, 520000 kr per år"],
    ["10 000 kr/v", 0.52, "10000 kr per vecka, 520000 kr per år"],
    ["5 tkr i veckan", 0.26, "5 tkr per vecka, 260 tkr per år"],
    ["1 mnkr per kvartal", 4, "1 mnkr per kvartal, 4 mnkr per år"],
    ["250 tkr/kvartal", 1, "250 tkr per kvartal, 1000 tkr per år"],
    ["100 tkr/mån", 1.2, "100 tkr per månad, 1200 tkr per år"],
    ["en halv miljon per halvår", 1, "0,5 mnkr per halvår, 1 mnkr per år"],
  ])("%j is %d mnkr a year, with a notice saying %s", (text, mnkr, read) => {
    const r = parseAmount(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const value = amountInUnit(r, "mnkr");
    expect(value).toBeCloseTo(mnkr, 12);
    expect(r.notice).toBe(`läste »${text}« som ${read}`);
    // The notice a cell shows keeps what it interpreted and says what it became.
    const shown = readingNotice(r, text, "mnkr", value);
    expect(shown).toContain(read);
    if (r.unit !== "mnkr") expect(shown).toMatch(/alltså .* mnkr$/);
  });

  it("the notice of 10 000 kr per vecka ends in what the table gets, never a quiet 0,01", () => {
    const r = parseAmount("10 000 kr per vecka");
    expect(r.ok && readingNotice(r, "10 000 kr per vecka", "mnkr", amountInUnit(r, "mnkr"))).toBe(
      "läste »10 000 kr per vecka« som 10000 kr per vecka, 520000 kr per år, alltså 0,52 mnkr"
    );
  });

  it.each([
    ["500 kr per dag", /500 kr per dag.*inte ger ett bestämt belopp per år/],
    ["800 kr/timme", /inte ger ett bestämt belopp per år/],
    ["20 tkr per termin", /inte ger ett bestämt belopp per år/],
    ["10 000 kr, varje vecka", /nämner »varje vecka« skilt från beloppet/],
    ["1e3", /tiopotens/],
  ])("%j is a problem, not a guess", (text, message) => {
    const r = parseAmount(text);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(message) });
  });

  it.each([
    [
      "upp till 1 mnkr",
      1,
      "»upp till« anger en gräns, inte planens belopp; läste »upp till 1 mnkr« som 1 mnkr",
    ],
    [
      "minst 500 tkr",
      0.5,
      "»minst« anger en gräns, inte planens belopp; läste »minst 500 tkr« som 500 tkr, alltså 0,5 mnkr",
    ],
    [
      "max 200 tkr/mån",
      2.4,
      "»max« anger en gräns, inte planens belopp; läste »max 200 tkr/mån« som 200 tkr per månad, 2400 tkr per år, alltså 2,4 mnkr",
    ],
  ])("%j is read as written, with a notice that it is a limit", (text, mnkr, notice) => {
    const r = parseAmount(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const value = amountInUnit(r, "mnkr");
    expect(value).toBeCloseTo(mnkr, 12);
    expect(readingNotice(r, text, "mnkr", value)).toBe(notice);
  });

  it("a year after under is no limit: under 2021 ca 1 mnkr is 1 mnkr with no notice", () =>
    expect(parseAmount("under 2021 ca 1 mnkr")).toEqual({ ok: true, value: 1, unit: "mnkr" }));

  it("findAmounts says how many periods make a year, and keeps perMonth for the month", () => {
    expect(
      findAmounts("2 tkr/mån; 10 000 kr per vecka; 1 mnkr per kvartal; 3 mnkr").map((a) => [
        a.value,
        a.perYear,
        a.perMonth,
      ])
    ).toEqual([
      [2, 12, true],
      [10000, 52, false],
      [1, 4, false],
      [3, 1, false],
    ]);
  });
});

describe("review 2026-11-23: timing ranges start at the first period", () => {
  it.each([
    ["Q3-Q4 2021", "2021-07-01"],
    ["Q3–Q4 2021", "2021-07-01"],
    ["Q3 – Q4 2021", "2021-07-01"],
    ["Q3/Q4 2021", "2021-07-01"],
    ["kv 3-4 2021", "2021-07-01"],
    ["2021 Q3-Q4", "2021-07-01"],
    ["T2-T3 2021", "2021-05-01"],
    ["H1-H2 2021", "2021-01-01"],
    ["andra halvan av 2021", "2021-07-01"],
    ["första halvan av 2021", "2021-01-01"],
    ["2:a halvåret 2021", "2021-07-01"],
    ["3 kv 2021", "2021-07-01"],
    ["3:e kv. 2021", "2021-07-01"],
    ["2021 v. 34", "2021-08-23"],
    ["v. 34-36 2021", "2021-08-23"],
    ["vecka 34–35 2021", "2021-08-23"],
    ["juli-aug 2021", "2021-07-01"],
  ])("%j starts %s", (text, expected) => {
    const r = parseTiming(text);
    expect(r.ok && toIsoDate(r.start)).toBe(expected);
    expect(r.ok && r.notice).toBeUndefined();
  });

  it.each([
    ["efter sommaren 2021", "2021-08-01", "läste »efter sommaren 2021« som 2021-08-01, som hösten"],
    ["efter Q2 2021", "2021-07-01", "läste »efter q2 2021« som 2021-07-01, dagen efter perioden"],
    ["efter 2021", "2022-01-01", "läste »efter 2021« som 2022-01-01, dagen efter perioden"],
  ])("%j starts %s with a notice", (text, expected, notice) => {
    const r = parseTiming(text);
    expect(r.ok && [toIsoDate(r.start), r.notice]).toEqual([expected, notice]);
  });

  it.each([
    ["2021 (juli)", "2021-01-01", "läste 2021-01-01 ur »2021«; anmärkningen »juli« lästes inte"],
    [
      "Senast Q3 2021",
      "2021-07-01",
      "läste 2021-07-01 ur »q3 2021«; »senast« anger en gräns, inte när effekten börjar",
    ],
    [
      "tidigast 2021",
      "2021-01-01",
      "läste 2021-01-01 ur »2021«; »tidigast« anger en gräns, inte när effekten börjar",
    ],
  ])("%j starts %s, never silently: %s", (text, expected, notice) => {
    const r = parseTiming(text);
    expect(r.ok && [toIsoDate(r.start), r.notice]).toEqual([expected, notice]);
  });

  it("2021.07 is July 2021, as some systems export a month", () => {
    const r = parseTiming("2021.07");
    expect(r.ok && [toIsoDate(r.start), r.notice]).toEqual(["2021-07-01", undefined]);
  });

  it("halvårseffekt 2021 is a remark on the effect, not the second half-year", () => {
    const r = parseTiming("halvårseffekt 2021");
    expect(r.ok && toIsoDate(r.start)).toBe("2021-01-01");
    expect(r.ok && r.notice).toMatch(/»halvarseffekt« förstods inte/);
  });

  it.each([
    ["Q4-Q3 2021", /kvartal 4–3 går baklänges/],
    ["Q3-Q5 2021", /Kvartal 5 finns inte/],
    ["v. 52-53 2021", /vecka 53 finns inte 2021/],
  ])("%j is a problem", (text, message) => {
    const r = parseTiming(text);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(message) });
  });
});

describe("review 2026-11-23: sum words", () => {
  it.each([
    ["S:a", "section"],
    ["S:a Barn", "section"],
    ["S:a totalt", "total"],
    ["Tot.", "total"],
    ["Totalt", "total"],
    ["Totalt:", "total"],
    ["Σ", "total"],
    ["Σ Barn", "section"],
    ["Summa, vuxna", "section"],
    ["SUMMA ALLA ÅTGÄRDER", "total"],
    ["Totalt för nämnden", "total"],
    ["Sum", "section"],
    ["Nettosumma", "section"],
    ["Totala besparingar", "total"],
    ["Summa besparingar", "section"],
    ["**Summa**", "section"],
    ["Netto", "section"],
    ["Summa", "section"],
    ["S u m m a", "section"],
  ])("%j is a %s sum row", (text, kind) => expect(sumWord(text)).toBe(kind));

  it.each([
    "Total översyn av bemanningen",
    "Totalt stopp för inhyrning",
    "Nettoeffekt av byte av leverantör",
    "Sammanställning",
    "Tidsaspekt",
    "constructor",
    "toString",
    "#N/A",
  ])("%j is no sum word", (text) => expect(sumWord(text)).toBeUndefined());
});
