/**
 * Reading real workbooks' cells (issue 11, contract Revision 2 "Reading cells"): each case with
 * the figure, problem or notice the contract asks for, written by hand.
 */
import { readDeficits } from "../../src/core/deficits";
import { readFollowUp } from "../../src/core/followUp";
import { readMeasures } from "../../src/core/measures";
import { BalansError, describeProblem, Problem } from "../../src/core/problems";
import { readTransfers } from "../../src/core/transfers";
import { readBalansWorkbook, requireLedger, structuralProblems } from "../../src/core/workbook";
import { buildMonthlyReport } from "../../src/core/report";
import { PlanQueries } from "../../src/core/queries";
import { measuresTable, rawTable } from "../helpers/tables";

const messages = (problems: Problem[]) => problems.map(describeProblem);

describe("units per column header", () => {
  it.each([
    ["Helårseffekt (TSEK)", "tkr"],
    ["Helårseffekt (kkr)", "tkr"],
    ["Besparing (belopp i tkr)", "tkr"],
    ["Helårseffekt, tkr", "tkr"],
    ["Helårseffekt tkr", "tkr"],
    ["Helårseffekt (MSEK)", "mnkr"],
    ["Helårseffekt", "mnkr"],
  ])("Atgarder with %j is read in %s", (header, unit) => {
    const read = readMeasures(
      rawTable("Atgarder", ["Id", "Åtgärd", header, "Tidsaspekt"], [["A1", "X", 400, "2021"]])
    );
    expect(read.unit).toBe(unit);
    expect(read.measures[0].annual).toBe(400);
  });

  it("an unknown unit in an amount header is an error naming table, column and text", () => {
    expect(() =>
      readMeasures(rawTable("Atgarder", ["Id", "Åtgärd", "Helårseffekt (euro)"], [["A1", "X", 1]]))
    ).toThrow(
      new BalansError(
        "Tabellen Atgarder: kolumnen »Helårseffekt (euro)« anger enheten »euro«, som Balans inte känner igen. Skriv mnkr, tkr, kr eller mdkr (t.ex. Helårseffekt (tkr))."
      )
    );
  });

  it("converts Budget (tkr) beside Underskott (mnkr), so the 1 % rule compares like with like", () => {
    const read = readDeficits(
      rawTable("Underskott", ["År", "Underskott (mnkr)", "Budget (tkr)"], [[2020, 57, 1_900_000]])
    );
    expect(read.unit).toBe("mnkr");
    expect(read.byYear.get(2020)).toMatchObject({ deficit: 57, budget: 1900 });
  });

  it("a text amount with its own unit is converted: 57 000 tkr in an mnkr table is 57", () => {
    const read = readMeasures(
      measuresTable([
        ["A1", "", "X", "57 000 tkr", "2021"],
        ["A2", "", "Y", "ca 4,1 mdkr", "2021"],
      ])
    );
    expect(read.measures.map((m) => m.annual)).toEqual([57, 4100]);
    expect(read.problems).toEqual([
      expect.objectContaining({
        row: 2,
        severity: "notice",
        message: "läste »57 000 tkr« som 57 mnkr",
      }),
      expect.objectContaining({
        row: 3,
        severity: "notice",
        message: "läste »ca 4,1 mdkr« som 4100 mnkr",
      }),
    ]);
  });

  it("2 tkr/mån is 24 tkr a year, with a notice", () => {
    const read = readMeasures(
      rawTable(
        "Atgarder",
        ["Id", "Åtgärd", "Helårseffekt (tkr)", "Tidsaspekt"],
        [["A1", "X", "2 tkr/mån", "2021"]]
      )
    );
    expect(read.measures[0].annual).toBe(24);
    expect(read.problems[0]).toMatchObject({ severity: "notice", column: "Helårseffekt (tkr)" });
  });

  it("a range is a problem showing both readings, the same in every reader", () => {
    const read = readMeasures(measuresTable([["A1", "", "X", "0,5–1 mnkr", "2021"]]));
    expect(read.measures).toEqual([]);
    expect(read.problems[0].message).toBe(
      "»0,5–1 mnkr« är ett intervall: 0,5 mnkr eller 1 mnkr; skriv det belopp planen räknar med"
    );
  });
});

describe("Excel error values in any column", () => {
  it.each(["Helårseffekt (mnkr)", "Id", "Tidsaspekt", "Område"])(
    "#DIV/0! in %s is a problem, never 0",
    (column) => {
      const row: (string | number)[] = ["A1", "Vuxna", "X", 1.2, "2021"];
      const at = ["Id", "Område", "Åtgärd", "Helårseffekt (mnkr)", "Tidsaspekt"].indexOf(column);
      row[at] = "#DIV/0!";
      const read = readMeasures(measuresTable([row]));
      expect(read.problems).toContainEqual(
        expect.objectContaining({
          row: 2,
          column,
          severity: "error",
          message: "innehåller felvärdet #DIV/0!; rätta formeln eller skriv ett värde",
        })
      );
      // Exactly one problem for the cell: the error value is the reason.
      expect(read.problems.filter((p) => p.column === column)).toHaveLength(1);
      if (column === "Område") expect(read.measures[0].area).toBe("Övrigt");
      else expect(read.measures).toEqual([]);
    }
  );

  it("#N/A in Underskott and Belopp are problems", () => {
    expect(
      readDeficits(rawTable("Underskott", ["År", "Underskott"], [[2020, "#N/A"]])).problems[0]
    ).toMatchObject({ column: "Underskott", message: expect.stringContaining("#N/A") });
    const t = readTransfers(
      rawTable(
        "Overforingar",
        ["Datum", "Från", "Till", "Belopp"],
        [["2018-03-01", "ON", "SN", "#VALUE!"]]
      )
    );
    expect(t.transfers).toEqual([]);
    expect(t.problems[0]).toMatchObject({
      column: "Belopp",
      message: expect.stringContaining("#VALUE!"),
    });
  });
});

describe("dates in cells", () => {
  it.each([
    [2021, null, "2021-01-01", undefined],
    ["2021-03-01", "2021-12", "2021-03-01", "2021-12-31"],
    ["2021-03-01", 2022, "2021-03-01", "2022-12-31"],
  ])("Start %j, Slut %j", (start, end, from, to) => {
    const read = readMeasures(measuresTable([["A1", "", "X", 1, null, start, end]]));
    const iso = (d?: { year: number; month: number; day: number }) =>
      d && `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
    expect(read.problems).toEqual([]);
    expect(iso(read.measures[0].start)).toBe(from);
    expect(iso(read.measures[0].end)).toBe(to);
  });

  it("a date serial outside 1990–2100 and 1e10 are problems naming the row, never a throw", () => {
    const read = readMeasures(
      measuresTable([
        ["A1", "", "X", 1, null, 1e10],
        ["A2", "", "Y", 1, null, 2000.5],
      ])
    );
    expect(read.measures).toEqual([]);
    expect(messages(read.problems)).toEqual([
      "Atgarder, rad 2, Start: »10000000000« är inget datum i 1990–2100; ange t.ex. 2021-04-01",
      "Atgarder, rad 3, Start: »2000,5« är inget datum i 1990–2100; ange t.ex. 2021-04-01",
    ]);
  });

  it("Månad: 202008 and aug 2020 are August 2020; a bare 8 is a problem (which year?)", () => {
    const measures = readMeasures(measuresTable([["A1", "", "X", 12, "2020"]])).measures;
    const read = readFollowUp(
      rawTable(
        "Uppfoljning",
        ["Id", "Månad", "Utfall"],
        [
          ["A1", 202008, 1],
          ["A1", "aug 2020", 2],
          ["A1", 8, 4],
        ]
      ),
      measures,
      "mnkr"
    );
    expect(read.entries).toEqual([
      expect.objectContaining({ month: { year: 2020, month: 8 }, actual: 3 }),
    ]);
    expect(messages(read.problems)).toEqual([
      "Uppfoljning, rad 4, Månad: »8« anger en månad utan år; ange t.ex. 2020-08",
    ]);
  });
});

describe("follow-up of a measure that could not be read", () => {
  it("names the unreadable measure instead of calling it unknown", () => {
    const wb = readBalansWorkbook([
      measuresTable([["A1", "", "X", "#DIV/0!", "2020"]]),
      rawTable("Uppfoljning", ["Id", "Månad", "Utfall"], [["A1", "2020-08", 1]]),
    ]);
    expect(wb.followUp?.problems.map((p) => p.message)).toEqual([
      "åtgärden A1 kunde inte läsas i tabellen Atgarder (se problemet där); utfallet räknas inte",
    ]);
  });
});

describe("timings with notices and ends", () => {
  it("an end phrase fills Slut when it is empty, and says so", () => {
    const read = readMeasures(
      measuresTable([["A1", "", "X", 1, "Q4 2020, avtalet löper ut 2021-06-30"]])
    );
    expect(read.measures[0]).toMatchObject({
      start: { year: 2020, month: 10, day: 1 },
      end: { year: 2021, month: 6, day: 30 },
    });
    expect(read.problems).toEqual([
      expect.objectContaining({
        severity: "notice",
        message: "läste slutet 2021-06-30 ur Tidsaspekt (Slut är tom)",
      }),
    ]);
  });

  it("a year read with unread time words is kept, with a notice", () => {
    const read = readMeasures(measuresTable([["A1", "", "X", 1, "vintern 2021"]]));
    expect(read.measures).toHaveLength(1);
    expect(read.problems).toEqual([
      expect.objectContaining({
        column: "Tidsaspekt",
        severity: "notice",
        message: "läste 2021-01-01 ur »2021«; »vintern« förstods inte",
      }),
    ]);
  });
});

describe("sum rows and areas", () => {
  it("Summa, spaced S u m m a and Totalt are checked stated sums, never measures", () => {
    const read = readMeasures(
      measuresTable([
        ["A1", "Barn och unga", "X", 1, "2021"],
        ["A2", "barn och unga ", "Y", 2, "2021"],
        ["Summa", null, null, 3, null],
        ["A3", "Vuxna", "Z", 4, "2021"],
        [null, null, "S u m m a", 5, null],
        ["Totalt", null, null, 7, null],
      ])
    );
    expect(read.measures.map((m) => [m.id, m.area])).toEqual([
      ["A1", "Barn och unga"],
      ["A2", "Barn och unga"],
      ["A3", "Vuxna"],
    ]);
    expect(read.sums.map((s) => [s.row, s.stated, s.computed, s.matches])).toEqual([
      [4, 3, 3, true],
      [6, 5, 4, false],
      [7, 7, 7, true],
    ]);
    expect(messages(read.problems)).toEqual([
      "Atgarder, rad 6, Helårseffekt (mnkr): summaraden anger 5 mnkr, men åtgärderna ovanför summerar till 4 mnkr",
    ]);
  });
});

describe("missing required columns in every host", () => {
  it("Uppfoljning headed Belopp: the report names the missing Utfall, never actuals 0 in silence", () => {
    const wb = readBalansWorkbook([
      measuresTable([["A1", "", "X", 12, "2020"]]),
      rawTable("Uppfoljning", ["Id", "Månad", "Belopp"], [["A1", "2020-08", 1]]),
      rawTable("Underskott", ["År", "Underskott prognos"], [[2020, 5]]),
    ]);
    const errors = structuralProblems(wb).map((p) => [p.table, p.column]);
    expect(errors).toEqual([
      ["Underskott", "Underskott"],
      ["Uppfoljning", "Utfall"],
    ]);
    const report = buildMonthlyReport(wb, { year: 2020, month: 8 }, { madeAt: "", source: "" });
    expect(report.problems.slice(0, 2).map((p) => p.message)).toEqual([
      expect.stringMatching(/^Tabellen Underskott saknar kolumnen Underskott/),
      expect.stringMatching(/^Tabellen Uppfoljning saknar kolumnen Utfall/),
    ]);
  });

  it("an unreadable Kostnader never falls back on the agreements: no balance, the error named", () => {
    const wb = readBalansWorkbook([
      measuresTable([["A1", "", "X", 12, "2018"]]),
      rawTable(
        "Overforingar",
        ["Datum", "Från", "Till", "Belopp"],
        [["2018-03-01", "ON", "SN", 9.8]]
      ),
      rawTable("Avtal", ["Avtal", "Start", "Månadskostnad"], [["AV-1", "2018-01-01", 0.5]]),
      rawTable("Kostnader", ["Månad", "Kostnad"], [["2018-03", 1]]),
    ]);
    expect(() => requireLedger(wb)).toThrow(/Tabellen Kostnader saknar kolumnen Belopp/);
    expect(new PlanQueries(wb).transferBalance(2018, 3)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Tabellen Kostnader saknar kolumnen Belopp/),
    });
    const report = buildMonthlyReport(wb, { year: 2018, month: 3 }, { madeAt: "", source: "" });
    expect(report.transfers).toBeUndefined();
    expect(report.plan?.totals.plannedToDate).toBe(3);
    expect(
      report.problems.filter((p) => /Kostnader saknar kolumnen Belopp/.test(p.message))
    ).toHaveLength(1);
  });

  it("Atgarder without Helårseffekt is an error, not an empty problem list", () => {
    expect(() =>
      readMeasures(rawTable("Atgarder", ["Id", "Åtgärd", "Tidsaspekt"], [["A1", "X", "2021"]]))
    ).toThrow(/Tabellen Atgarder saknar kolumnen Helårseffekt/);
  });
});

describe("notices reach the formulas", () => {
  it("SAVINGS of a row read with a notice carries the notice", () => {
    const q = new PlanQueries(
      readBalansWorkbook([
        measuresTable([
          ["A1", "", "X", 12, "vintern 2021"],
          ["A2", "", "Y", 12, "2021"],
        ]),
      ])
    );
    expect(q.savings("A1", 2021)).toEqual({
      ok: true,
      value: 12,
      notice:
        "Obs: Atgarder, rad 2, Tidsaspekt: läste 2021-01-01 ur »2021«; »vintern« förstods inte",
    });
    expect(q.savings("A2", 2021)).toEqual({ ok: true, value: 12 });
  });

  it("SAVINGS of a row with #DIV/0! answers #VALUE! naming the cell's error", () => {
    const q = new PlanQueries(
      readBalansWorkbook([measuresTable([["A1", "", "X", "#DIV/0!", "2021"]])])
    );
    expect(q.savings("A1", 2021)).toEqual({
      ok: false,
      error: "invalidValue",
      message:
        "Atgarder, rad 2, Helårseffekt (mnkr): innehåller felvärdet #DIV/0!; rätta formeln eller skriv ett värde",
    });
  });
});
