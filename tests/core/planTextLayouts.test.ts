import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { toIsoDate } from "../../src/core/dates";
import {
  acceptCandidates,
  ImportedMeasure,
  parsePlanText,
  PlanImport,
} from "../../src/core/planText";

const plan = (name: string) =>
  parsePlanText(fs.readFileSync(path.join(__dirname, "../fixtures/plans", name), "utf8"));

/** The parts of a measure the expectations below are written in. */
const shape = (m: ImportedMeasure) => ({
  id: m.id,
  area: m.area,
  name: m.name,
  ...(m.annual !== undefined ? { annual: m.annual } : {}),
  ...(m.perYear ? { perYear: m.perYear } : {}),
  timing: m.timing,
  start: m.start ? toIsoDate(m.start) : null,
});
const roles = (p: PlanImport) => p.tables.map((t) => t.columns.map((c) => c.role));

// Each plan's measures below were written out by hand from the fixture's text before the reader ran.
describe("plans in layouts other than seed 000", () => {
  it("per-year columns pasted from Word, unit in each column's header", () => {
    const p = plan("kfn-2022-per-year-tabs.txt");
    expect(p.unit).toBe("tkr");
    expect(roles(p)).toEqual([["name", "year", "year", "year", "comment"]]);
    expect(p.measures.map(shape)).toEqual([
      {
        id: "A01",
        area: "Bibliotek",
        name: "Kortare öppettider på filialerna",
        perYear: { "2022": 400, "2023": 800, "2024": 800 },
        timing: "",
        start: null,
      },
      {
        id: "A02",
        area: "Bibliotek",
        name: "Samordnade inköp av media",
        perYear: { "2022": 150, "2023": 300, "2024": 300 },
        timing: "",
        start: null,
      },
    ]);
    expect(p.measures[0].comment).toBe("Från 1 juli 2022");
    expect(p.sections).toEqual([
      expect.objectContaining({
        area: "Bibliotek",
        statedPerYear: { "2022": 550, "2023": 1100, "2024": 1100 },
        computedPerYear: { "2022": 550, "2023": 1100, "2024": 1100 },
        matches: true,
      }),
    ]);
    expect(p.problems).toEqual([]);
  });

  it("the amount first, columns by PDF spacing", () => {
    const p = plan("tn-2023-amount-first-pdf.txt");
    expect(roles(p)).toEqual([["annual", "name", "timing"]]);
    expect(p.measures.map(shape)).toEqual([
      {
        id: "A01",
        area: "Gator och parker",
        name: "Minskad vinterväghållning på GC-vägar",
        annual: 0.8,
        timing: "Q4 2023",
        start: "2023-10-01",
      },
      {
        id: "A02",
        area: "Gator och parker",
        name: "Släckning av gatubelysning nattetid",
        annual: 1.2,
        timing: "1 januari 2024",
        start: "2024-01-01",
      },
      {
        id: "A03",
        area: "Gator och parker",
        name: "Färre blomsterplanteringar",
        annual: 0.5,
        timing: "april 2024",
        start: "2024-04-01",
      },
    ]);
    expect(p.sections).toEqual([expect.objectContaining({ statedSum: 2.5, matches: true })]);
    expect(p.problems).toEqual([]);
  });

  it("a Nr and an Område column, tkr in the header only, Delsumma and Totalt checked, never measures", () => {
    const p = plan("von-2024-nr-omrade-delsumma.txt");
    expect(p.unit).toBe("tkr");
    expect(roles(p)).toEqual([["id", "area", "name", "annual", "timing"]]);
    expect(p.measures.map((m) => [m.id, m.area, m.name, m.annual, toIsoDate(m.start!)])).toEqual([
      ["1", "Hemtjänst", "Digital nattillsyn", 1200, "2024-04-01"],
      ["2", "Hemtjänst", "Ruttoptimering i hemtjänsten", 800, "2024-09-01"],
      ["3", "Särskilt boende", "Samordnad bemanning nattetid", 1500, "2024-07-01"],
      ["4", "Särskilt boende", "Minskade vikariekostnader", 700, "2025-01-01"],
    ]);
    expect(p.sections.map((s) => [s.area, s.statedSum, s.computedSum, s.matches])).toEqual([
      ["Hemtjänst", 2000, 2000, true],
      ["Särskilt boende", 2200, 2200, true],
      ["Totalt", 4200, 4200, true],
    ]);
    expect(p.problems).toEqual([]);
  });

  it("a PDF page header between rows, a wrapped name and a letter-spaced S u m m a", () => {
    const p = plan("sn-2022-pdf-page-header.txt");
    expect(p.measures.map(shape)).toEqual([
      {
        id: "A01",
        area: "Individ- och familjeomsorg",
        name: "Hemmaplanslösningar för unga",
        annual: 2,
        timing: "Q3 2022",
        start: "2022-07-01",
      },
      {
        id: "A02",
        area: "Individ- och familjeomsorg",
        name: "Minskad användning av konsulter",
        annual: 1.5,
        timing: "2022-10-01",
        start: "2022-10-01",
      },
      {
        id: "A03",
        area: "Individ- och familjeomsorg",
        name: "Översyn av avtal för familjehemsvård",
        annual: 0.7,
        timing: "2023",
        start: "2023-01-01",
      },
    ]);
    expect(p.sections).toEqual([expect.objectContaining({ statedSum: 4.2, matches: true })]);
    expect(p.problems).toEqual([]);
  });

  it("cells with line breaks pasted from Excel", () => {
    const p = plan("bun-2023-excel-paste.txt");
    expect(p.unit).toBe("tkr");
    expect(roles(p)).toEqual([["name", "annual", "timing", "dependency"]]);
    expect(p.measures.map(shape)).toEqual([
      {
        id: "A01",
        area: "Placeringar",
        name: "Utökade platser på kommunens stödboende",
        annual: 2500,
        timing: "Q1 2023",
        start: "2023-01-01",
      },
      {
        id: "A02",
        area: "Placeringar",
        name: "Färre externa placeringar",
        annual: 1800,
        timing: "2023-04-01 (efter upphandling)",
        start: "2023-04-01",
      },
      {
        id: "A03",
        area: "Placeringar",
        name: "Samordning av skolskjuts och färdtjänst",
        annual: 600,
        timing: "augusti 2023",
        start: "2023-08-01",
      },
    ]);
    expect(p.measures.map((m) => m.dependency)).toEqual([
      "Lokaler",
      "Efter upphandling",
      undefined,
    ]);
    expect(p.problems).toEqual([]);
  });

  it("prose: candidates with a lower confidence, no measure, and a hint naming the amounts seen", () => {
    const p = plan("mn-2019-prose.txt");
    expect(p.measures).toEqual([]);
    expect(p.candidates.map((c) => [shape(c), c.confidence, c.source])).toEqual([
      [
        {
          id: "F01",
          area: "",
          name: "Förvaltningen föreslår att tidningsprenumerationerna sägs upp, vilket ger en besparing på 40 000 kr från 2019.",
          annual: 0.04,
          timing: "från 2019",
          start: "2019-01-01",
        },
        0.4,
        "prose",
      ],
      [
        {
          id: "F02",
          area: "",
          name: "Vidare föreslås att nämndens resor samordnas med andra förvaltningar, vilket beräknas minska kostnaderna med 0,1 mnkr från och med juli 2019.",
          annual: 0.1,
          timing: "från och med juli 2019",
          start: "2019-07-01",
        },
        0.4,
        "prose",
      ],
    ]);
    // each candidate points at the line where its sentence starts
    expect(p.candidates.map((c) => c.line)).toEqual([6, 7]);
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0].message).toMatch(/Hittade inga åtgärder/);
    expect(p.problems[0].message).toMatch(
      /1,2 mnkr \(rad 4\), 40 000 kr \(rad 7\), 0,1 mnkr \(rad 8\)/
    );
  });

  it("one row per line with single spaces, and hyphenated line breaks", () => {
    const p = plan("kfn-2025-single-spaced-hyphen.txt");
    expect(p.measures.map(shape)).toEqual([
      {
        id: "A01",
        area: "Fritid",
        name: "Översyn av lokalbehov",
        annual: 1.5,
        timing: "2025-01-01",
        start: "2025-01-01",
      },
      {
        id: "A02",
        area: "Fritid",
        name: "Minskad administration",
        annual: 0.8,
        timing: "Q2 2024 (efter omorganisation)",
        start: "2024-04-01",
      },
      {
        id: "A03",
        area: "Fritid",
        name: "Utveckling av familjecentrum- och fritidsverksamhet",
        annual: 0.6,
        timing: "2025",
        start: "2025-01-01",
      },
    ]);
    expect(p.sections).toEqual([expect.objectContaining({ statedSum: 2.9, matches: true })]);
    expect(p.problems).toEqual([]);
  });

  it("numbered rows, `ca` before a bare number, a Totalt row", () => {
    const p = plan("gn-2024-numbered-totalt.txt");
    expect(p.unit).toBe("tkr");
    expect(p.measures.map((m) => [m.id, m.area, m.name, m.annual, toIsoDate(m.start!)])).toEqual([
      ["1", "Gymnasieskolan", "Större undervisningsgrupper i åk 3", 900, "2024-08-01"],
      ["2", "Gymnasieskolan", "Samläsning av kurser", 400, "2024-07-01"],
      ["3", "Gymnasieskolan", "Minskad lokalyta på Vasaskolan", 1100, "2025-01-01"],
      ["4", "Gymnasieskolan", "Färre läromedel i tryck", 250, "2024-03-01"],
    ]);
    expect(p.sections.map((s) => [s.area, s.statedSum, s.computedSum, s.matches])).toEqual([
      ["Gymnasieskolan", 2650, 2650, true],
    ]);
    expect(p.problems).toEqual([]);
  });

  it("per-year columns and Helårseffekt by PDF spacing, the unit on a line above, a dash for no figure", () => {
    const p = plan("fn-2021-per-year-pdf.txt");
    expect(p.unit).toBe("mnkr");
    expect(roles(p)).toEqual([["name", "year", "year", "year", "annual"]]);
    expect(p.measures.map(shape)).toEqual([
      {
        id: "A01",
        area: "Förvaltning",
        name: "Ny bemanningsmodell",
        annual: 1,
        perYear: { "2021": 0.5, "2022": 1, "2023": 1 },
        timing: "",
        start: null,
      },
      {
        id: "A02",
        area: "Förvaltning",
        name: "Minskade hyreskostnader",
        annual: 0.8,
        perYear: { "2022": 0.4, "2023": 0.8 },
        timing: "",
        start: null,
      },
    ]);
    expect(p.sections).toEqual([
      expect.objectContaining({
        statedSum: 1.8,
        matches: true,
        statedPerYear: { "2021": 0.5, "2022": 1.4, "2023": 1.8 },
      }),
    ]);
    expect(p.problems).toEqual([]);
  });
});

describe("seed 000's first table as `pdftotext -layout` gives it", () => {
  it("wrapped names under their column, a remark on the amount kept as Kommentar", () => {
    const p = plan("son-2020-pdf-layout.txt");
    const area = "Organisatoriska/metodrelaterade åtgärder";
    expect(p.measures.map(shape)).toEqual([
      {
        id: "A01",
        area,
        name: "Systematisk uppföljning samt genom att matcha rätt insats",
        annual: 4,
        timing: "2021",
        start: "2021-01-01",
      },
      {
        id: "A02",
        area,
        name: "Översyn arbetssätt, skapa kostnadsmedvetenhet kring placeringskostnader – kortare uppsägningstid och mellantvång",
        annual: 4,
        timing: "2021",
        start: "2021-01-01",
      },
      {
        id: "A03",
        area,
        name: "Gemensamt HVB",
        annual: 1,
        timing: "Q 3 2020",
        start: "2020-07-01",
      },
    ]);
    expect(p.measures[2].comment).toBe("lägre kostnader och delfinansiering från Regionen");
    expect(p.sections).toEqual([expect.objectContaining({ area, statedSum: 9, matches: true })]);
    expect(p.problems).toEqual([]);
  });
});

describe("copied from a PDF viewer: one cell per line, no blank lines", () => {
  it("a header one name per line, rows in one run of lines, a timing on the line after its amount", () => {
    const p = plan("on-2021-pdf-viewer-copy.txt");
    expect(roles(p)).toEqual([["name", "annual", "timing"]]);
    expect(p.tables[0].line).toBe(5);
    expect(p.measures.map(shape)).toEqual([
      {
        id: "A01",
        area: "Hemtjänst",
        name: "Digital nattillsyn i hemtjänsten",
        annual: 1.2,
        timing: "Q2 2021",
        start: "2021-04-01",
      },
      {
        id: "A02",
        area: "Hemtjänst",
        name: "Ruttoptimering",
        annual: 0.8,
        timing: "från 2021-09-01",
        start: "2021-09-01",
      },
      {
        id: "A03",
        area: "Hemtjänst",
        name: "Samordnade inköp",
        annual: 0.5,
        timing: "2022 (efter upphandling)",
        start: "2022-01-01",
      },
    ]);
    expect(p.sections).toEqual([expect.objectContaining({ statedSum: 2.5, matches: true })]);
    expect(p.problems).toEqual([]);
  });
});

describe("the amount first in blocks between blank lines (was: every amount one row down)", () => {
  it("each amount starts its row; the name and the timing follow it", () => {
    const p = plan("bn-2021-amount-first-blocks.txt");
    expect(roles(p)).toEqual([["annual", "name", "timing"]]);
    expect(p.measures.map(shape)).toEqual([
      {
        id: "A01",
        area: "Bygglov",
        name: "Digital bygglovshantering",
        annual: 0.4,
        timing: "april 2021",
        start: "2021-04-01",
      },
      {
        id: "A02",
        area: "Bygglov",
        name: "Färre externa konsulter",
        annual: 0.3,
        timing: "Q3 2021",
        start: "2021-07-01",
      },
      {
        id: "A03",
        area: "Bygglov",
        name: "Samordnad annonsering",
        annual: 0.2,
        timing: "april 2022",
        start: "2022-04-01",
      },
    ]);
    expect(p.sections).toEqual([expect.objectContaining({ statedSum: 0.9, matches: true })]);
    expect(p.problems).toEqual([]);
  });
});

describe("a text that is no action plan", () => {
  it("seed 003 (a transfer of funds) gives no measure, no candidate, and the hint", () => {
    const p = parsePlanText(
      fs.readFileSync(
        path.join(__dirname, "../fixtures/seed-003-overforing-on-sn-2018.txt"),
        "utf8"
      )
    );
    expect([p.tables, p.measures, p.candidates]).toEqual([[], [], []]);
    expect(p.problems).toEqual([expect.objectContaining({ message: p.hint })]);
    expect(p.hint).toMatch(/^Hittade inga åtgärder\. Balans letar efter en tabell/);
  });
});

describe("reconciling at the precision the plan writes", () => {
  const withSum = (amount: string, sum: string) =>
    parsePlanText(`Åtgärd\tBelopp (mnkr)\tStart\nÖversyn\t${amount}\t2021\nSumma\t${sum}\t\n`);

  it("`Summa 4,0` rejects 4,4 and accepts 4,04; `Summa 4` accepts 4,4", () => {
    expect(withSum("4,4", "4,0").sections[0].matches).toBe(false);
    expect(withSum("4,4", "4,0").problems[0]).toMatchObject({ column: "Summa", row: 3 });
    expect(withSum("4,04", "4,0").sections[0].matches).toBe(true);
    expect(withSum("4,06", "4,0").sections[0].matches).toBe(false);
    expect(withSum("4,4", "4").sections[0].matches).toBe(true);
    expect(withSum("4,6", "4").sections[0].matches).toBe(false);
  });

  it("compares a sum written in another unit in that unit", () => {
    expect(withSum("0,35", "350 tkr").sections[0].matches).toBe(true);
    expect(withSum("0,35", "351 tkr").sections[0].matches).toBe(false);
  });
});

describe("a table's columns in any order", () => {
  const header = ["Nr", "Område", "Åtgärd", "Besparing (tkr)", "Tidsaspekt", "Kommentar"];
  const rows = [
    ["A1", "Skola", "Samordnade skolskjutsar", "450", "Q2 2024", "Med regionen"],
    ["A2", "Skola", "Färre taxiresor", "1 200", "2024-09-01", ""],
    ["A3", "Kultur", "Kortare öppettider", "ca 300", "2025", "Beslut i KF"],
  ];
  /** The table with its columns in `order`, cells separated by tabs or padded as a PDF pads them. */
  const read = (order: number[], by: "tab" | "space" = "tab") => {
    const width = (k: number) => Math.max(...[header, ...rows].map((r) => r[k].length)) + 3;
    const line = (cells: string[]) =>
      by === "tab"
        ? order.map((k) => cells[k]).join("\t")
        : order
            .map((k) => cells[k].padEnd(width(k)))
            .join("")
            .trimEnd();
    return parsePlanText([line(header), ...rows.map(line)].join("\n")).measures.map((m) => ({
      ...shape(m),
      comment: m.comment,
    }));
  };

  it("shuffling the columns, header and rows alike, gives the same measures", () => {
    const expected = read([0, 1, 2, 3, 4, 5]);
    expect(expected.map((m) => [m.id, m.annual, m.start])).toEqual([
      ["A1", 450, "2024-04-01"],
      ["A2", 1200, "2024-09-01"],
      ["A3", 300, "2025-01-01"],
    ]);
    fc.assert(
      fc.property(
        fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6 }),
        fc.constantFrom("tab" as const, "space" as const),
        (order, by) => {
          expect(read(order, by)).toEqual(expected);
        }
      ),
      { numRuns: 60 }
    );
  });
});

describe("the preview's choices", () => {
  const text = "Åtgärd\tBelopp (tkr)\tKommentar\nÖversyn av avtal\t400\tQ3 2024\n";

  it("a column given another role reads the text again with it", () => {
    const first = parsePlanText(text);
    expect(roles(first)).toEqual([["name", "annual", "comment"]]);
    expect(first.measures[0]).toMatchObject({ comment: "Q3 2024", timing: "" });
    expect(first.problems.map((p) => p.column)).toEqual(["Tidsaspekt"]);

    const remapped = parsePlanText(text, { [first.tables[0].line]: { 2: "timing" } });
    expect(roles(remapped)).toEqual([["name", "annual", "timing"]]);
    expect(shape(remapped.measures[0])).toMatchObject({ timing: "Q3 2024", start: "2024-07-01" });
    expect(remapped.problems).toEqual([]);
    // an override for another table's line changes nothing
    expect(parsePlanText(text, { 99: { 2: "timing" } }).measures[0].timing).toBe("");
  });

  it("prose candidates become measures only when confirmed, one by one", () => {
    const p = plan("mn-2019-prose.txt");
    const one = acceptCandidates(p, ["F02"]);
    expect(one.measures.map((m) => [m.id, m.annual, m.area, m.source])).toEqual([
      ["A01", 0.1, "Övrigt", "prose"],
    ]);
    expect(one.candidates.map((c) => c.id)).toEqual(["F01"]);
    expect(one.problems).toEqual([]);
    expect(acceptCandidates(p, [])).toBe(p);
  });
});

describe("more ways a table is written", () => {
  const rows = (p: PlanImport) =>
    p.measures.map((m) => [m.name, m.annual, m.start ? toIsoDate(m.start) : null]);
  it.each([
    [
      "drawn with | and a rule line",
      "| Åtgärd | Belopp (tkr) | Start |\n|---|---|---|\n| Översyn av avtal | 400 | Q3 2024 |\n| Färre konsulter | 300 | 2025 |\n",
      "tkr",
      [
        ["Översyn av avtal", 400, "2024-07-01"],
        ["Färre konsulter", 300, "2025-01-01"],
      ],
    ],
    [
      "saved as CSV with semicolons",
      "Åtgärd;Besparing (mnkr);Tidsaspekt;Kommentar\nÖversyn av avtal;0,4;Q3 2024;\nFärre konsulter;0,3;2025;Beslut i KF\n",
      "mnkr",
      [
        ["Översyn av avtal", 0.4, "2024-07-01"],
        ["Färre konsulter", 0.3, "2025-01-01"],
      ],
    ],
    [
      "headers of several words",
      "Beskrivning av åtgärd\tEkonomisk effekt helår (tkr)\tTidpunkt för genomförande\nÖversyn av avtal\t400\tQ3 2024\n",
      "tkr",
      [["Översyn av avtal", 400, "2024-07-01"]],
    ],
    [
      "a bulleted list under a header with single spaces",
      "Förslag Kostnadsreducering Tidsaspekt\n\n• Översyn av avtal 2 mnkr Q 3 2020\n• Färre konsulter 1 mnkr 2021\n\nSumma 3 mnkr\n",
      "mnkr",
      [
        ["Översyn av avtal", 2, "2020-07-01"],
        ["Färre konsulter", 1, "2021-01-01"],
      ],
    ],
    [
      "a header whose names wrap onto a second line (Helårs- / effekt)",
      "Åtgärd                         Helårs-        Tids-\n                               effekt (tkr)   aspekt\nÖversyn av avtal               400            Q3 2024\nFärre konsulter                1 300          2025\n",
      "tkr",
      [
        ["Översyn av avtal", 400, "2024-07-01"],
        ["Färre konsulter", 1300, "2025-01-01"],
      ],
    ],
    [
      "a name whose first line stands above its row's figures, after a blank line",
      "Åtgärd                         Belopp (tkr)   Start\nFärre konsulter                1 300          2025\n\nÖversyn av avtal för\nfamiljehemsvård                400            Q3 2024\n\nKonsekvensbeskrivning\nInga.\n",
      "tkr",
      [
        ["Färre konsulter", 1300, "2025-01-01"],
        ["Översyn av avtal för familjehemsvård", 400, "2024-07-01"],
      ],
    ],
    [
      "numbers aligned to the right under their header",
      "Åtgärd                               Besparing, tkr    Start\nÖversyn av avtal                              400    Q3 2024\nFärre konsulter                             1 300    2025\nSumma                                       1 700\n",
      "tkr",
      [
        ["Översyn av avtal", 400, "2024-07-01"],
        ["Färre konsulter", 1300, "2025-01-01"],
      ],
    ],
  ])("%s", (_, text, unit, expected) => {
    const p = parsePlanText(text);
    expect(p.unit).toBe(unit);
    expect(rows(p)).toEqual(expected);
    expect(p.problems).toEqual([]);
    expect(p.sections.every((s) => s.matches !== false)).toBe(true);
  });

  it("rows on one line with single spaces, the unit in the header only", () => {
    const p = parsePlanText(
      "Förslag Belopp (tkr) Start\nÖversyn av avtal 400 Q3 2024\nFärre konsulter 1 300 2025\nSumma 1 700\n"
    );
    expect(rows(p)).toEqual([
      ["Översyn av avtal", 400, "2024-07-01"],
      ["Färre konsulter", 1300, "2025-01-01"],
    ]);
    expect(p.sections).toEqual([expect.objectContaining({ statedSum: 1700, matches: true })]);
    expect(p.problems).toEqual([]);
  });

  it("per-year rows on one line with single spaces", () => {
    const p = parsePlanText(
      "Åtgärd 2021 2022 2023 (mnkr)\nNy bemanningsmodell 0,5 1,0 1,0\nMinskade hyreskostnader 0,2 0,4 0,8\nSumma 0,7 1,4 1,8\n"
    );
    expect(p.measures.map((m) => [m.name, m.perYear])).toEqual([
      ["Ny bemanningsmodell", { "2021": 0.5, "2022": 1, "2023": 1 }],
      ["Minskade hyreskostnader", { "2021": 0.2, "2022": 0.4, "2023": 0.8 }],
    ]);
    expect(p.sections[0]).toMatchObject({
      statedPerYear: { "2021": 0.7, "2022": 1.4, "2023": 1.8 },
      matches: true,
    });
  });

  it("a table that names no unit is read as mnkr, and says so on the row", () => {
    const p = parsePlanText("Åtgärd\tBelopp\tStart\nÖversyn av avtal\t400\tQ3 2024\n");
    expect(p.measures[0]).toMatchObject({ annual: 400, confidence: 0.7 });
    expect(p.problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: "Belopp",
        message: expect.stringMatching(/ingen enhet; beloppet lästes som mnkr/),
      }),
    ]);
  });

  it("an amount column whose parenthesis is no unit is an error naming the column and the text", () => {
    const p = parsePlanText("Åtgärd\tBelopp (st)\tStart\nÖversyn av avtal\t4\tQ3 2024\n");
    expect(p.measures.map((m) => m.annual)).toEqual([undefined]);
    expect(p.problems[0]).toMatchObject({
      row: 1,
      column: "Belopp (st)",
      message: "Kolumnen »Belopp (st)« anger »st« som enhet; skriv mnkr, tkr eller kr.",
    });
  });
});
