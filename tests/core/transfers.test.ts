import { parseCommittee } from "../../src/core/committees";
import { INSATSER, parseInsats } from "../../src/core/insatser";
import { transferStatus } from "../../src/core/transfers";
import { readBalansWorkbook, requireLedger } from "../../src/core/workbook";
import { exampleTableLayouts, layoutAsRawTable } from "../../src/example/exampleWorkbook";
import { rawTable } from "../helpers/tables";

const example = () =>
  requireLedger(readBalansWorkbook(exampleTableLayouts().map(layoutAsRawTable)));
const TRANSFER_HEADERS = ["Datum", "Från", "Till", "Verksamhet", "Belopp (mnkr)"];
const AGREEMENT_HEADERS = [
  "Avtal",
  "Verksamhet",
  "Utförare",
  "Tecknat",
  "Start",
  "Slut",
  "Omfattning",
  "Månadskostnad (mnkr)",
];
const ledgerOf = (...tables: ReturnType<typeof rawTable>[]) => {
  const wb = readBalansWorkbook(tables);
  return { wb, ledger: requireLedger(wb) };
};

describe("seed 003: ON's 16,8 mnkr, 7 mnkr to the general contracts, 9,8 mnkr to SN", () => {
  it("has 16,8 mnkr transferred in the first quarter and 16,8 − 7 = 9,8 mnkr from April", () => {
    const ledger = example();
    expect(transferStatus(ledger, { year: 2018, month: 3 }).transferredToDate).toBeCloseTo(
      16.8,
      12
    );
    expect(transferStatus(ledger, { year: 2018, month: 4 }).transferredToDate).toBeCloseTo(9.8, 12);
    expect(transferStatus(ledger, { year: 2018, month: 12 }).transferredToDate).toBeCloseTo(
      16.8 - 7,
      12
    );
    expect(ledger.order!.reduce((s, o) => s + o.budget, 0)).toBeCloseTo(9.8, 12);
  });

  it("gives SN's balance at the end of August 2018 from the agreements' accrual", () => {
    const s = transferStatus(example(), { year: 2018, month: 8 });
    // by hand: AV-01 6×0,06 + AV-02 3×0,18 + AV-03 3×0,21 + AV-04 7×0,15 + AV-05 (16/31+3)×0,012
    //        + AV-06 12/31×0,095 + AV-08 2×0,045 + AV-09 8×0,14
    const costs =
      0.36 + 0.54 + 0.63 + 1.05 + (16 / 31 + 3) * 0.012 + (12 / 31) * 0.095 + 0.09 + 1.12;
    expect(s.costSource).toBe("Avtal");
    expect(s.costsToDate).toBeCloseTo(costs, 12);
    expect(s.balance).toBeCloseTo(9.8 - costs, 12);
    // the rest of the year: AV-04 4×0,15, AV-05 4×0,012, AV-06 4×0,095, AV-07 (3+15/31)×0,16, AV-08 4×0,045, AV-09 4×0,14
    const rest = 0.6 + 0.048 + 0.38 + (3 + 15 / 31) * 0.16 + 0.18 + 0.56;
    expect(s.forecastYearEnd).toBeCloseTo(9.8 - costs - rest, 12);
    expect(s.agreementsSigned.map((a) => a.id)).toEqual(["AV-06", "AV-07"]);
    expect(s.activeAgreements.map((a) => a.id)).toEqual([
      "AV-04",
      "AV-05",
      "AV-06",
      "AV-08",
      "AV-09",
    ]);
  });

  it("splits the balance per insats against ON's order", () => {
    const s = transferStatus(example(), { year: 2018, month: 8 });
    expect(s.byCategory.map((c) => c.category)).toEqual([
      INSATSER[0],
      INSATSER[1],
      INSATSER[7],
      INSATSER[9],
    ]);
    const boende = s.byCategory[2];
    expect(boende).toMatchObject({ ordered: 2.0 });
    expect(boende.transferredToDate).toBeCloseTo(5.6 - 3.6, 12);
    expect(boende.costsToDate).toBeCloseTo(0.54 + (12 / 31) * 0.095, 12);
    expect(s.byCategory.reduce((sum, c) => sum + c.balance, 0)).toBeCloseTo(s.balance, 12);
  });
});

describe("transferStatus", () => {
  const transfers = rawTable("Overforingar", TRANSFER_HEADERS, [
    ["2021-01-10", "ON", "SN", "8", 1.2],
    ["2021-03-01", "Omsorgsnämnden", "socialnämnden", "Stöd i boende", 0.6],
    ["2021-06-15", "SN", "ON", 8, 0.3],
    ["2020-12-20", "ON", "SN", 8, 5],
    ["2021-02-01", "ON", "KS", "", 9],
  ]);
  const agreements = rawTable("Avtal", AGREEMENT_HEADERS, [
    ["X1", "Stöd i boende", "A", null, "2021-01-16", "2021-03-15", "10 tim/v", 0.31],
    ["X2", 8, "B", "2021-05-20", "2021-06-01", null, "1 plats", 0.1],
  ]);

  it("counts transfers to SN in the year up to the month, less transfers back from SN", () => {
    const { ledger } = ledgerOf(transfers, agreements);
    expect(transferStatus(ledger, { year: 2021, month: 2 }).transferredToDate).toBeCloseTo(1.2, 12);
    expect(transferStatus(ledger, { year: 2021, month: 5 }).transferredToDate).toBeCloseTo(1.8, 12);
    expect(transferStatus(ledger, { year: 2021, month: 6 }).transferredToDate).toBeCloseTo(1.5, 12);
  });

  it("accrues agreements that start and end mid-month by their days", () => {
    const { ledger } = ledgerOf(transfers, agreements);
    const s = transferStatus(ledger, { year: 2021, month: 3 });
    expect(s.costsToDate).toBeCloseTo((16 / 31) * 0.31 + 0.31 + (15 / 31) * 0.31, 12);
    expect(s.agreementsSigned).toEqual([]);
    const june = transferStatus(ledger, { year: 2021, month: 6 });
    expect(june.costsToDate).toBeCloseTo((16 / 31) * 0.31 + 0.31 + (15 / 31) * 0.31 + 0.1, 12);
    expect(june.forecastYearEnd).toBeCloseTo(june.balance - 6 * 0.1, 12);
    expect(
      transferStatus(ledger, { year: 2021, month: 1 }).agreementsSigned.map((a) => a.id)
    ).toEqual(["X1"]); // Tecknat empty = Start
    expect(
      transferStatus(ledger, { year: 2021, month: 5 }).agreementsSigned.map((a) => a.id)
    ).toEqual(["X2"]);
  });

  it("takes booked costs from Kostnader when the table exists, and forecasts with the agreements", () => {
    const costs = rawTable(
      "Kostnader",
      ["Månad", "Verksamhet", "Avtal", "Belopp (tkr)"],
      [
        ["2021-01", 8, "X1", 150],
        [44228, 8, "X1", "310"],
        ["mars 2021", 8, "X1", 155],
        ["2021-04", 8, "X9", 20],
        ["2020-12", 8, null, 999],
      ]
    );
    const { ledger, wb } = ledgerOf(transfers, agreements, costs);
    const s = transferStatus(ledger, { year: 2021, month: 4 });
    expect(s.costSource).toBe("Kostnader");
    expect(s.costsToDate).toBeCloseTo(0.635, 12);
    expect(s.balance).toBeCloseTo(1.8 - 0.635, 12);
    expect(s.forecastYearEnd).toBeCloseTo(1.8 - 0.635 - 7 * 0.1, 12);
    expect(wb.problems).toEqual([
      expect.objectContaining({
        table: "Kostnader",
        row: 5,
        column: "Avtal",
        message: "avtal X9 finns inte i tabellen Avtal",
      }),
    ]);
  });

  it("converts every table into the unit of Overforingar", () => {
    const { ledger } = ledgerOf(
      rawTable(
        "Overforingar",
        ["Datum", "Från", "Till", "Belopp (tkr)"],
        [["2021-01-01", "ON", "SN", 1200]]
      ),
      rawTable("Avtal", ["Avtal", "Start", "Månadskostnad (kr)"], [["A", "2021-01-01", 50000]])
    );
    const s = transferStatus(ledger, { year: 2021, month: 2 });
    expect(s.unit).toBe("tkr");
    expect(s.costsToDate).toBe(100);
    expect(s.balance).toBe(1100);
  });

  it("reports unknown committees, bad dates and agreements that end before they start", () => {
    const { wb, ledger } = ledgerOf(
      rawTable("Overforingar", TRANSFER_HEADERS, [
        ["2021-01-10", "Socialen", "SN", "", 1],
        ["2021-01-10", "ON", "on", "", 1],
        ["i januari", "ON", "SN", "", 1],
        ["2021-01-10", "ON", "SN", "Korttids", 1],
        ["2021-01-10", "ON", "SN", "Skolskjuts", 1],
      ]),
      rawTable("Avtal", AGREEMENT_HEADERS, [
        ["Y1", "", "", null, "2021-05-01", "2021-04-30", "", 0.1],
      ])
    );
    expect(wb.problems.map((p) => [p.table, p.row, p.column])).toEqual([
      ["Overforingar", 2, "Från"],
      ["Overforingar", 3, "Till"],
      ["Overforingar", 4, "Datum"],
      ["Overforingar", 5, "Verksamhet"],
      ["Overforingar", 6, "Verksamhet"],
      ["Avtal", 2, "Slut"],
    ]);
    expect(wb.problems[0].message).toMatch(
      /»Socialen« är ingen känd nämnd; ange ON \(omsorgsnämnden\), SN/
    );
    expect(wb.problems[3].message).toMatch(/kan vara flera insatser/);
    expect(wb.problems[4].message).toMatch(/ingen av de tio insatserna.*8 Stöd i boende/);
    expect(wb.problems[5].message).toBe("avtalet slutar 2021-04-30, före sin start 2021-05-01");
    expect(ledger.transfers).toHaveLength(2); // the unknown insatser are kept under their own names
    expect(ledger.agreements).toEqual([]);
  });

  it("needs Avtal or Kostnader to know SN's costs", () => {
    const wb = readBalansWorkbook([transfers]);
    expect(() => requireLedger(wb)).toThrow(/saknar tabellen Avtal \(och Kostnader\)/);
    expect(() => requireLedger(readBalansWorkbook([]))).toThrow(/saknar tabellen Overforingar/);
    const broken = readBalansWorkbook([
      transfers,
      rawTable("Avtal", ["Avtal", "Start"], [["A", "2021-01-01"]]),
    ]);
    expect(() => requireLedger(broken)).toThrow(/Tabellen Avtal saknar kolumnen Månadskostnad/);
  });
});

describe("parseCommittee and parseInsats", () => {
  it.each([
    ["ON", "ON"],
    ["on", "ON"],
    ["Omsorgsnämnden", "ON"],
    ["OMSORGSNÄMNDEN", "ON"],
    ["SN", "SN"],
    ["Socialnämnden", "SN"],
    ["Socialnämnden (SN)", "SN"],
    ["Kommunstyrelsen", "Kommunstyrelsen"],
    ["KS", "KS"],
    ["Arbetsmarknadsnämnden", "Arbetsmarknadsnämnden"],
  ])("%s", (text, expected) =>
    expect(parseCommittee(text)).toEqual({ ok: true, committee: expected })
  );

  it.each(["Socialen", "sn2", "", "Omsorg"])("refuses %j", (text) =>
    expect(parseCommittee(text).ok).toBe(false)
  );

  it.each([
    ["1", 0],
    ["10", 9],
    ["8 - Stöd i boende enligt SoL", 7],
    ["Stöd i boende", 7],
    ["kontaktperson", 1],
    ["Familjehem", 2],
    ["Öppenvårdsinsatser", 9],
    ["Externa placeringar, bostad med särskild service/enskilda vårdhem enligt SoL och LSS", 8],
  ])("insats %j", (text, index) =>
    expect(parseInsats(text)).toEqual({ ok: true, category: INSATSER[index] })
  );

  it("accepts an empty Verksamhet and refuses 11", () => {
    expect(parseInsats(null)).toEqual({ ok: true, category: "" });
    expect(parseInsats("11").ok).toBe(false);
  });
});
