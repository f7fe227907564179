import { BalansError } from "../../src/core/problems";
import { readMeasures } from "../../src/core/measures";
import { measuresTable, rawTable } from "../helpers/tables";

describe("readMeasures", () => {
  it("reads measures with their start, area and unit", () => {
    const read = readMeasures(
      measuresTable([
        ["A01", "Vuxna", "Akutboendeteam", 1.5, "2021 (Dialog med Leanlink)"],
        ["A02", null, "Team bo kvar", "Ca 1,4 mnkr", "Q 4 2020"],
      ])
    );
    expect(read.problems).toEqual([]);
    expect(read.unit).toBe("mnkr");
    expect(read.measures.map((m) => [m.id, m.area, m.annual, m.start])).toEqual([
      ["A01", "Vuxna", 1.5, { year: 2021, month: 1, day: 1 }],
      ["A02", "Övrigt", 1.4, { year: 2020, month: 10, day: 1 }],
    ]);
  });

  it("matches headers by alias, case, diacritics and unit suffix, keeping extra columns", () => {
    const read = readMeasures(
      rawTable(
        "ATGÄRDER",
        ["  nr ", "Extra", "FÖRSLAG", "Kostnadsreducering (tkr)", "timing"],
        [["7", "x", "Ny rutin", 400, "2022"]]
      )
    );
    expect(read.unit).toBe("tkr");
    expect(read.measures[0]).toMatchObject({ id: "7", name: "Ny rutin", annual: 400 });
  });

  it("converts text amounts with another unit into the table's unit", () => {
    const read = readMeasures(measuresTable([["A1", "", "Bidrag", "350 000 kr", "2020"]]));
    expect(read.measures[0].annual).toBe(0.35);
  });

  it("lets Start override Tidsaspekt, and reads Slut", () => {
    const read = readMeasures(measuresTable([["A1", "", "X", 12, "2021", "2021-03-15", 44561]]));
    expect(read.measures[0].start).toEqual({ year: 2021, month: 3, day: 15 });
    expect(read.measures[0].end).toEqual({ year: 2021, month: 12, day: 31 });
  });

  it("names the table, column and required headers when a required column is missing", () => {
    const attempt = () =>
      readMeasures(rawTable("Atgarder", ["Id", "Åtgärd", "Tidsaspekt"], [["A1", "X", "2021"]]));
    expect(attempt).toThrow(BalansError);
    expect(attempt).toThrow(
      /Tabellen Atgarder saknar kolumnen Helårseffekt \(eller Kostnadsreducering, Besparing, Annual effect\)/
    );
  });

  it("reports every bad row with table, worksheet row and column, and leaves unusable rows out", () => {
    const read = readMeasures(
      measuresTable([
        ["A01", "", "Bra", 1, "2021"],
        ["A01", "", "Dubblett", 1, "2021"],
        [null, "", "Utan id", 1, "2021"],
        ["A03", "", "Vag", 1, "på sikt"],
        ["A04", "", "Text", "mycket", "2021"],
        ["A05", "", "Negativ", -2, "2021"],
        [null, null, null, null, null],
        ["A06", "", "", 1, "2021"],
        ["A07", "", "Utan tid", 1, null],
        ["A08", "", "Baklänges", 1, "2021", null, "2020-12-31"],
        ["A09", "", "Konstig status", 1, "2021", null, null, "Klar"],
        ["A10", "", "Felaktigt datum", 1, "2021", "i april"],
      ])
    );
    const where = read.problems.map((p) => [p.table, p.row, p.column]);
    expect(where).toEqual([
      ["Atgarder", 3, "Id"],
      ["Atgarder", 4, "Id"],
      ["Atgarder", 5, "Tidsaspekt"],
      ["Atgarder", 6, "Helårseffekt (mnkr)"],
      ["Atgarder", 7, "Helårseffekt (mnkr)"],
      ["Atgarder", 9, "Åtgärd"],
      ["Atgarder", 10, "Tidsaspekt"],
      ["Atgarder", 11, "Slut"],
      ["Atgarder", 12, "Status"],
      ["Atgarder", 13, "Start"],
    ]);
    expect(read.problems[0].message).toMatch(/A01 finns redan på rad 2/);
    expect(read.problems[2].message).toMatch(/»på sikt« anger ingen tidpunkt/);
    expect(read.problems[4].message).toMatch(/negativ \(−2\)/);
    expect(read.problems[8].message).toMatch(/Ej påbörjad, Pågår, Genomförd, Försenad, Avbruten/);
    // Kept: the first A01, the row without a name and the one with an unknown status.
    expect(read.measures.map((m) => m.id)).toEqual(["A01", "A06", "A09"]);
    expect(read.problemsById.get("a03")?.[0].column).toBe("Tidsaspekt");
  });

  it("matches statuses loosely", () => {
    const read = readMeasures(measuresTable([["A1", "", "X", 1, "2021", null, null, "pagar"]]));
    expect(read.measures[0].status).toBe("Pågår");
  });

  it("reads an empty table as no measures", () => {
    expect(readMeasures(measuresTable([])).measures).toEqual([]);
  });
});
