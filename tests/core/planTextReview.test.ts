import * as fs from "fs";
import * as path from "path";
import { toIsoDate } from "../../src/core/dates";
import { ImportedMeasure, parsePlanText, sumsVerdict } from "../../src/core/planText";
import { roleOf } from "../../src/core/planText/columns";

const plan = (name: string) =>
  parsePlanText(fs.readFileSync(path.join(__dirname, "../fixtures/plans", name), "utf8"));
const shape = (m: ImportedMeasure) => ({
  id: m.id,
  name: m.name,
  ...(m.annual !== undefined ? { annual: m.annual } : {}),
  ...(m.perYear ? { perYear: m.perYear } : {}),
  timing: m.timing,
  start: m.start ? toIsoDate(m.start) : null,
});

// Faults a new user's review found; every expected figure below was written from the fixture's
// text by hand before the reader ran.
describe("plan text import: review cases", () => {
  it("prose: a saving word tied to the amount; a negated sentence or a cost offers nothing", () => {
    const p = plan("bun-2022-prose-negated.txt");
    expect(p.measures).toEqual([]);
    expect(p.candidates.map((c) => [c.line, shape(c)])).toEqual([
      [
        5,
        {
          id: "F01",
          name: "Genom att samordna skolskjutsarna beräknas kostnaderna minska med 450 tkr från och med hösten 2022.",
          annual: 0.45,
          timing: "från och med hösten 2022",
          start: "2022-08-01",
        },
      ],
      [
        6,
        {
          id: "F02",
          name: "Förvaltningen föreslår vidare att antalet lärarassistenter minskas, vilket ger en helårseffekt på 1,1 mnkr från 2023.",
          annual: 1.1,
          timing: "från 2023",
          start: "2023-01-01",
        },
      ],
    ]);
  });

  it("prose: the deficit, a cost, a negation and a stated sum are no candidates", () => {
    const text = [
      "Nämnden har ett underskott på 6,5 mnkr för 2022.",
      "",
      "Ombyggnaden kostar 2 mnkr år 2022.",
      "",
      "Åtgärden ger ingen besparing 2022, den minskar inte kostnaden med 300 tkr.",
      "",
      "Investeringen minskar driften med 0,5 mnkr från 2023.",
      "",
      "Totalt ger åtgärderna en besparing på 4 mnkr 2023.",
      "",
      "Städningen samordnas, vilket ger en besparing på 200 tkr från 2023.",
    ].join("\n");
    const p = parsePlanText(text);
    expect(p.candidates.map((c) => [c.line, c.annual, c.timing])).toEqual([[11, 0.2, "från 2023"]]);
  });

  it("start columns: Fr.o.m., From, Fr o m, Från, När, Start, Införande are timing", () => {
    for (const h of ["Fr.o.m.", "From", "Fr o m", "Från", "När", "Start", "Införande", "fr.o.m"])
      expect([h, roleOf(h, true)?.role]).toEqual([h, "timing"]);
  });

  it("negative amounts: every amount row of the table is an error, its sum is not checked", () => {
    const p = plan("son-2023-minus-title-unit.txt");
    expect(p.unit).toBe("tkr");
    expect(p.tables.map((t) => t.columns.map((c) => c.role))).toEqual([
      ["name", "annual", "timing"],
    ]);
    expect(p.measures.map(shape)).toEqual([
      {
        id: "A01",
        name: "Avveckla korttidsplatser",
        annual: -2500,
        timing: "2023-03-01",
        start: "2023-03-01",
      },
      {
        id: "A02",
        name: "Minskad administration",
        annual: -600,
        timing: "2023-01-01",
        start: "2023-01-01",
      },
      {
        id: "A03",
        name: "Ökad kostnad hyra",
        annual: 400,
        timing: "2023-01-01",
        start: "2023-01-01",
      },
    ]);
    expect(p.problems.map((x) => [x.row, x.column, x.severity])).toEqual([
      [1, "Belopp", "notice"],
      [4, "Belopp", "error"],
      [5, "Belopp", "error"],
      [6, "Belopp", "error"],
    ]);
    expect(p.problems[0].message).toMatch(/ingen enhet; beloppen lästes i tkr, som raden ovanför/);
    expect(p.problems[1].message).toMatch(/negativt belopp \(−2500 tkr\)/);
    expect(p.problems[3].message).toMatch(/besparing eller en kostnadsökning/);
    expect(p.sections).toEqual([
      {
        area: "Övrigt",
        computedSum: -2700,
        statedSum: -2700,
        matches: true,
        annualMatches: true,
        unchecked: "negativa belopp",
      },
    ]);
  });

  it("a unit in the title line applies when the header has none; the header's own unit wins", () => {
    const titled = (title: string, header: string) =>
      parsePlanText(`${title}\n\nÅtgärd\t${header}\tStart\nFärre resor\t500\t2022\n`);
    for (const title of ["Åtgärder 2022 (tkr)", "Belopp i tusental kronor", "Plan, belopp i tkr"]) {
      const p = titled(title, "Belopp");
      expect([title, p.unit, p.measures[0].annual]).toEqual([title, "tkr", 500]);
      expect(p.problems.map((x) => [x.row, x.severity])).toEqual([[1, "notice"]]);
    }
    const own = titled("Åtgärder 2022 (tkr)", "Belopp (mnkr)");
    expect([own.unit, own.measures[0].annual, own.problems]).toEqual(["mnkr", 500, []]);
  });

  it("per-year sums are checked per year, each with its figures", () => {
    const p = plan("gn-2022-years-wrong-total.txt");
    expect(p.sections).toEqual([
      {
        area: "Övrigt",
        computedSum: 0,
        statedPerYear: { "2022": 9999, "2023": 2000, "2024": 2000 },
        computedPerYear: { "2022": 1200, "2023": 2000, "2024": 2000 },
        matchesPerYear: { "2022": false, "2023": true, "2024": true },
        matches: false,
      },
    ]);
    const noSum = parsePlanText("Åtgärd\t2022 tkr\t2023 tkr\nA\t400\t1 200\nB\t800\t800\n");
    expect(noSum.sections).toEqual([
      { area: "Övrigt", computedSum: 0, computedPerYear: { "2022": 1200, "2023": 2000 } },
    ]);
  });

  it("markdown bold around a sum row and its figure: a sum, checked", () => {
    const p = plan("bun-2022-markdown-pipe.txt");
    expect(p.measures.map(shape)).toEqual([
      {
        id: "1",
        name: "Minskad bemanning fritidshem",
        annual: 1200,
        timing: "HT 2022",
        start: "2022-08-01",
      },
      {
        id: "2",
        name: "Färre skolskjutsar",
        annual: 350,
        timing: "2022-01-01",
        start: "2022-01-01",
      },
      { id: "3", name: "Samordnad lokalvård", annual: 800, timing: "Q2 2022", start: "2022-04-01" },
    ]);
    expect(p.sections).toEqual([
      { area: "Övrigt", statedSum: 2350, computedSum: 2350, matches: true, annualMatches: true },
    ]);
    expect(p.problems).toEqual([]);
  });

  it("the preview's verdict on the sums: a wrong year or an unchecked table is no agreement", () => {
    expect(sumsVerdict(plan("gn-2022-years-wrong-total.txt"))).toBe("differ");
    expect(sumsVerdict(plan("son-2023-minus-title-unit.txt"))).toBe("differ");
    expect(sumsVerdict(plan("bun-2022-markdown-pipe.txt"))).toBe("agree");
    const right = "Åtgärd\t2022 tkr\t2023 tkr\nA\t400\t1 200\nB\t800\t800\nTotalt\t1 200\t2 000\n";
    expect(sumsVerdict(parsePlanText(right))).toBe("agree");
    // No sum row and no stated total: nothing was checked, so nothing "agrees".
    const noSums = "Åtgärd\tHelårseffekt (mnkr)\tTidsaspekt\nA\t1,5\tQ 3 2020\nB\t0,5\t2021\n";
    expect(sumsVerdict(parsePlanText(noSums))).toBe("none");
  });

  it("a row whose amount cannot be read is kept, without a figure, with a problem on its amount", () => {
    // found by fast-check: two bare numbers under "Full effekt" are no amount
    const p = parsePlanText("Full effekt  Förslag Kostnadsreducering Tidsaspekt\n 0 0");
    expect(p.measures.map((m) => [m.line, m.annual, m.perYear])).toEqual([
      [2, undefined, undefined],
    ]);
    expect(
      p.problems.filter((x) => x.row === 2 && x.key === "annual").map((x) => x.message)
    ).toEqual([
      "»0 0« innehåller flera tal (0; 0) och inget med enhet; skriv beloppet med enhet, t.ex. 1,1 mnkr",
    ]);
  });

  it("a cell the grammar cannot read is quoted once in its problem", () => {
    const p = parsePlanText("Åtgärd\tBesparing (mnkr)\tStart\nA\t0,5-1 mnkr\t2022\n");
    const range = p.problems.find((x) => /intervall/.test(x.message))!;
    expect([range.row, range.column]).toEqual([2, "Besparing (mnkr)"]);
    expect(range.message.split("»0,5-1 mnkr«")).toHaveLength(2);
  });
});

describe("plan text import: an amount per week, quarter or half-year", () => {
  // Written by hand: 10 000 kr × 52 = 520 000 kr; 50 tkr × 4 = 200 tkr = 200 000 kr.
  const expected = [
    ["Minskad bemanning helger", 520_000],
    ["Färre konsulttimmar", 200_000],
  ];
  it("counts per year in a table's cells, as the cell readers do", () => {
    const text = [
      "Förslag\tBesparing\tTidsaspekt",
      "Minskad bemanning helger\t10 000 kr per vecka\t2022",
      "Färre konsulttimmar\t50 tkr per kvartal\t2022",
    ].join("\n");
    expect(parsePlanText(text).measures.map((m) => [m.name, m.annual])).toEqual(expected);
  });
  it("says so in a notice on the row, and an amount per day is a problem, never a figure", () => {
    const p = parsePlanText(
      [
        "Förslag Kostnadsreducering Tidsaspekt",
        "Minskad bemanning helger",
        "10 000 kr per vecka",
        "2022",
        "Färre jourdygn",
        "5 000 kr per dag",
        "2022",
      ].join("\n")
    );
    expect(p.measures.find((m) => m.name === "Minskad bemanning helger")?.annual).toBe(520_000);
    expect(p.measures.find((m) => m.name === "Färre jourdygn")?.annual).toBeUndefined();
    const about = (text: string) => p.problems.filter((x) => x.message.includes(text));
    expect(about("10 000 kr per vecka")).toEqual([
      expect.objectContaining({
        severity: "notice",
        row: 3,
        message: expect.stringMatching(/520 ?000 kr per år/),
      }),
    ]);
    expect(about("5 000 kr per dag")).toEqual([
      expect.objectContaining({
        row: 6,
        message: expect.stringMatching(/inte ger ett bestämt belopp per år/),
      }),
    ]);
    expect(about("5 000 kr per dag")[0].severity).toBeUndefined();
  });
  it("counts per year in a list wrapped over lines, as a PDF gives it", () => {
    const text = [
      "Förslag Kostnadsreducering Tidsaspekt",
      "Minskad bemanning helger",
      "10 000 kr per vecka",
      "2022",
      "Färre konsulttimmar",
      "50 tkr per kvartal",
      "2022",
    ].join("\n");
    expect(parsePlanText(text).measures.map((m) => [m.name, m.annual])).toEqual(expected);
  });
});
