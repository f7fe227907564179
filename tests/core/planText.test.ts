import * as fs from "fs";
import * as path from "path";
import { toIsoDate } from "../../src/core/dates";
import { parsePlanText } from "../../src/core/planText";
import { EXAMPLE_MEASURES, EXAMPLE_STATED_AREA_SUMS } from "../../src/example/linkopingPlan2020";

const fixture = (name: string) =>
  fs.readFileSync(path.join(__dirname, "../fixtures", name), "utf8");

describe("reading seed 000's text", () => {
  const plan = parsePlanText(fixture("seed-000-atgardsplan-2020.txt"));

  it("finds 24 measures in 6 sections, without a problem", () => {
    expect(plan.problems).toEqual([]);
    expect(plan.unit).toBe("mnkr");
    expect(plan.measures).toHaveLength(24);
    expect(plan.sections.map((s) => s.area)).toEqual(
      EXAMPLE_STATED_AREA_SUMS.map(([area]) => area)
    );
  });

  it("reads every measure as the embedded example has it", () => {
    plan.measures.forEach((m, i) => {
      const e = EXAMPLE_MEASURES[i];
      expect([m.id, m.area, m.annual]).toEqual([e.id, e.area, e.annual]);
      expect(m.name.replace(/\s*\(/g, " (")).toBe(e.name.replace(/\s*\(/g, " ("));
    });
  });

  it("keeps timings as written, with remarks as Beroende and amount texts as Kommentar", () => {
    const byName = (start: string) => plan.measures.find((m) => m.name.startsWith(start))!;
    expect(byName("Gemensamt HVB")).toMatchObject({
      timing: "Q 3 2020",
      comment: "lägre kostnader och delfinansiering från Regionen",
    });
    expect(byName("Akutboendeteam")).toMatchObject({
      timing: "2021 (Dialog med Leanlink)",
      dependency: "Dialog med Leanlink",
    });
    expect(byName("Team bo kvar")).toMatchObject({
      annual: 1.4,
      timing: "2021(Dialog med Leanlink)",
    });
    expect(byName("Ny upphandling")).toMatchObject({
      timing: "2021 (nytt avtal från 2021-04-01) Full effekt helår 2022",
      dependency: "Nytt avtal från 2021-04-01",
    });
    expect(toIsoDate(byName("Ny upphandling").start!)).toBe("2021-04-01");
    expect(byName("Reducering hyra")).toMatchObject({ timing: "Q 4 2020 (helår 2021)" });
    expect(byName("Reducering hyra").dependency).toBeUndefined();
    expect(byName("Utreda möjligheten")).toMatchObject({
      annual: 1.1,
      comment: "Reducering av kostnader för 5 barn, ca 1,1 mnkr",
      timing: "2022 (Utredningsarbete)",
    });
    expect(byName("Nya riktlinjer vid erbjudande")).toMatchObject({
      annual: 3,
      timing: "2021 (pga. utredningsarbete)",
    });
  });

  it("agrees with every sum the document states, and reproduces its table per year", () => {
    for (const s of plan.sections) expect(s.matches).toBe(true);
    plan.sections.forEach((s, i) =>
      expect(s.statedSum).toBeCloseTo(EXAMPLE_STATED_AREA_SUMS[i][1], 10)
    );
    expect(plan.statedTotal).toBe(62.9);
    expect(plan.computedTotal).toBeCloseTo(62.9, 10);
    expect(plan.statedPerYear).toEqual({
      "2020": 8,
      "2021": 59.2,
      "2022": 60.7,
      "2023": 62.9,
      "2024": 62.9,
    });
    expect(plan.computedPerYear["2020"]).toBeCloseTo(8.025, 10);
    expect(plan.computedPerYear["2021"]).toBeCloseTo(59.2, 10);
  });
});

describe("plans in other shapes", () => {
  it("reads a tkr plan with other sections, a kr amount, a missing timing and a sum that does not match", () => {
    const plan = parsePlanText(fixture("plans/bun-2024-tkr.txt"));
    expect(plan.unit).toBe("tkr");
    expect(plan.sections.map((s) => [s.area, s.statedSum, s.computedSum, s.matches])).toEqual([
      ["Skolskjuts", 800, 750, false],
      ["Lokaler", 1550, 1550, true],
    ]);
    expect(
      plan.measures.map((m) => [m.id, m.name, m.annual, m.start ? toIsoDate(m.start) : null])
    ).toEqual([
      ["A01", "Samordnade skolskjutsar", 450, "2024-04-01"],
      ["A02", "Färre taxiresor för elever i grundsärskolan", 300, "2024-07-01"],
      ["A03", "Uppsägning av paviljong", 1200, "2025-01-01"],
      ["A04", "Ny städupphandling", 250, "2024-04-01"],
      ["A05", "Effektivare schemaläggning", 100, null],
    ]);
    expect(plan.measures[1]).toMatchObject({
      timing: "H2 2024 (efter upphandling)",
      dependency: "Efter upphandling",
    });
    expect(plan.statedTotal).toBe(2300);
    expect(plan.problems.map((p) => [p.column, p.message])).toEqual([
      [
        "Tidsaspekt",
        "»Effektivare schemaläggning« har ingen tidsaspekt; fyll i Tidsaspekt eller Start innan effekten kan räknas",
      ],
      [
        "Summa",
        "Avsnittet »Skolskjuts« anger summan 800 tkr, men åtgärderna summerar till 750 tkr",
      ],
    ]);
    expect(plan.statedPerYear).toEqual({});
  });

  it("reads rows pasted from Word with tabs, and says which timing it cannot read", () => {
    const plan = parsePlanText(fixture("plans/sn-2023-word-tabs.txt"));
    expect(plan.measures.map((m) => [m.area, m.name, m.annual, m.timing])).toEqual([
      ["Minskade kostnader", "Minskade konsultkostnader", 2.5, "Q3 2023"],
      ["Minskade kostnader", "Hemmaplanslösningar", 1.2, "2024 (Dialog med regionen)"],
      ["Minskade kostnader", "Ökad digitalisering", 0.3, "på sikt"],
    ]);
    expect(plan.sections[0]).toMatchObject({ statedSum: 4, matches: true });
    expect(plan.problems).toEqual([
      expect.objectContaining({
        column: "Tidsaspekt",
        row: 9,
        message: expect.stringMatching(/»på sikt« anger ingen tidpunkt/),
      }),
    ]);
  });

  it("names a measure without an amount", () => {
    const plan = parsePlanText(
      "Förslag Kostnadsreducering Tidsaspekt\n\nBättre rutiner\n\nSumma 0 mnkr\n"
    );
    expect(plan.measures).toEqual([]);
    expect(plan.problems[0]).toMatchObject({
      row: 3,
      message: expect.stringMatching(/»Bättre rutiner« ser ut som en åtgärd men har inget belopp/),
    });
  });
});

describe("any text gives a result or a clear message", () => {
  it.each([
    ["", /Hittade inga åtgärder/],
    ["Bara prosa. Inga tabeller här.\n3 (17)\n", /Hittade inga åtgärder/],
    ["Förslag Kostnadsreducering Tidsaspekt\n((((( 4 mnkr ))))) Q9 2020 \u0000\u0001", /./],
    [null, /Ingen text att läsa/],
  ])("%#", (text, message) => {
    const plan = parsePlanText(text);
    expect(plan.problems.length).toBeGreaterThan(0);
    expect(plan.problems.map((p) => p.message).join(" ")).toMatch(message);
  });

  it("reads a long text quickly", () => {
    const seed = fixture("seed-000-atgardsplan-2020.txt");
    const plan = parsePlanText(Array(40).fill(seed).join("\n"));
    expect(plan.measures).toHaveLength(24 * 40);
  });
});
