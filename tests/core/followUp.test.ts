import { followUpLine, indexFollowUp, readFollowUp } from "../../src/core/followUp";
import { readMeasures } from "../../src/core/measures";
import { measuresTable, rawTable } from "../helpers/tables";

const measures = readMeasures(
  measuresTable([
    ["A1", "", "Från juli", 12, "Q3 2020"],
    ["A2", "", "Hela året", 6, "2020"],
    ["A3", "", "Avbryts", 12, "2020", null, null, "Pågår"],
  ])
);
const HEADERS = ["Id", "Månad", "Utfall (mnkr)", "Status", "Kommentar"];
const read = (rows: unknown[][]) =>
  readFollowUp(rawTable("Uppfoljning", HEADERS, rows as never), measures.measures, measures.unit);
const at = (month: number) => ({ year: 2020, month });
const line = (id: string, entries: ReturnType<typeof read>["entries"], month: number) =>
  followUpLine(
    measures.measures.find((m) => m.id === id)!,
    indexFollowUp(entries).get(id.toLowerCase()) ?? [],
    at(month)
  );

describe("follow-up of measures", () => {
  it("compares actual with planned to date and forecasts the year", () => {
    const { entries, problems } = read([
      ["A1", "2020-07", 0.8, "Pågår"],
      ["A1", "2020-08", 1.1, "Pågår"],
    ]);
    expect(problems).toEqual([]);
    const l = line("A1", entries, 8);
    expect(l).toMatchObject({
      plannedYear: 6,
      plannedToDate: 2,
      status: "Pågår",
      reportedThrough: { year: 2020, month: 8 },
    });
    expect(l.actualToDate).toBeCloseTo(1.9, 12);
    expect(l.deviation).toBeCloseTo(-0.1, 12);
    expect(l.forecastYear).toBeCloseTo(1.9 + 4, 12);
  });

  it("counts a missing month as nothing reported", () => {
    const { entries } = read([
      ["A2", "2020-01", 0.5],
      ["A2", "2020-03", 0.5],
    ]);
    const l = line("A2", entries, 4);
    expect(l.actualToDate).toBe(1);
    expect(l.plannedToDate).toBe(2);
    expect(l.reportedThrough).toEqual({ year: 2020, month: 3 });
    expect(line("A1", entries, 4).reportedThrough).toBeUndefined();
  });

  it("forecasts only the actual for a cancelled measure", () => {
    const { entries } = read([
      ["A3", "2020-02", 2, "Pågår"],
      ["A3", "2020-03", 0.5, "Avbruten"],
    ]);
    expect(line("A3", entries, 2).forecastYear).toBe(2 + 10);
    const l = line("A3", entries, 5);
    expect(l.status).toBe("Avbruten");
    expect(l.forecastYear).toBe(2.5);
  });

  it("adds up rows of the same month, the last row's status counting, and ignores other years", () => {
    const { entries } = read([
      ["A1", "2020-07", 0.5, "Pågår"],
      ["a1", 44013, 0.25, "Försenad"],
      ["A1", "2019-12", 9, "Genomförd"],
      ["A1", "2020-09", 1, "Genomförd"],
    ]);
    const l = line("A1", entries, 8);
    expect(l.actualToDate).toBe(0.75);
    expect(l.status).toBe("Försenad");
  });

  it("falls back on the Status column of Atgarder", () => {
    expect(line("A3", [], 1).status).toBe("Pågår");
    expect(line("A1", [], 1).status).toBe("");
  });

  it("reports rows it cannot use", () => {
    const { problems, entries } = read([
      ["A9", "2020-07", 1],
      ["A1", "juli", 1],
      ["A1", "2020-07", "mycket"],
      ["A1", "2020-07", 1, "Klar"],
    ]);
    expect(problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [2, "Id", "åtgärden A9 finns inte i tabellen Atgarder"],
      [3, "Månad", "»juli« är ingen månad; ange t.ex. 2020-08"],
      [4, "Utfall (mnkr)", expect.stringMatching(/mycket/)],
      [5, "Status", expect.stringMatching(/»Klar« är ingen status/)],
    ]);
    expect(entries).toHaveLength(1);
  });

  it("converts actuals into the plan's unit", () => {
    const r = readFollowUp(
      rawTable("Uppfoljning", ["Id", "Månad", "Utfall (tkr)"], [["A1", "2020-07", 500]]),
      measures.measures,
      measures.unit
    );
    expect(r.entries[0].actual).toBe(0.5);
  });
});
