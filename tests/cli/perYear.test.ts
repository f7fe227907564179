import ExcelJS from "exceljs";
import * as path from "path";
import { balans, tempDir } from "../helpers/cli";

/**
 * A plan that states its effects per year, in tkr, with no Helårseffekt column. By hand:
 *  B1 from Q3 2021: 600 in 2021 (100 a month July–December), 1 500 in 2022 and 2023, and after
 *     the last stated year its last figure, 1 500.
 *  B2 without a timing: starts 1 January 2022 (its first year with an effect); 400, 800, 800.
 */
describe("a workbook with per-year columns", () => {
  const dir = tempDir();
  const file = path.join(dir, "per-ar.xlsx");

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const table = (sheet: string, name: string, columns: string[], rows: unknown[][]) =>
      wb.addWorksheet(sheet).addTable({
        name,
        ref: "A1",
        columns: columns.map((c) => ({ name: c })),
        rows,
      });
    table(
      "Plan",
      "Atgarder",
      ["Id", "Område", "Åtgärd", "Tidsaspekt", "2021 (tkr)", "2022 (tkr)", "2023 (tkr)"],
      [
        ["B1", "Vård", "Ny bemanning", "Q3 2021", 600, 1500, 1500],
        ["B2", "Vård", "Lägre hyra", null, null, 400, 800],
      ]
    );
    table("Underskott", "Underskott", ["År", "Underskott (tkr)"], [[2022, 3000]]);
    table(
      "Uppföljning",
      "Uppfoljning",
      ["Id", "Månad", "Utfall (tkr)"],
      [
        ["B1", "2021-07", 100],
        ["B1", "2021-08", 90],
      ]
    );
    await wb.xlsx.writeFile(file);
  });

  it("gives the stated figures through balans effects, in the columns' unit", async () => {
    const r = await balans("effects", file, "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.unit).toBe("tkr");
    expect(doc.problems).toEqual([]);
    expect(doc.measures.map((m: { start: string }) => m.start)).toEqual([
      "2021-07-01",
      "2022-01-01",
    ]);
    expect(doc.measures[0].perYear).toEqual({
      "2021": 600,
      "2022": 1500,
      "2023": 1500,
      "2024": 1500,
      "2025": 1500,
    });
    expect(doc.measures[1].perYear).toMatchObject({ "2021": 0, "2022": 400, "2023": 800 });
    expect(doc.totals).toMatchObject({ "2021": 600, "2022": 1900, "2023": 2300, "2024": 2300 });
    expect(doc.residual).toEqual({ "2022": 1100 });
  });

  it("and through the monthly report", async () => {
    const out = path.join(dir, "rapport.xlsx");
    const r = await balans("report", file, "--month", "2021-08", "--out", out, "--json");
    expect(r.code).toBe(0);
    const b1 = JSON.parse(r.stdout).measures.find((m: { id: string }) => m.id === "B1");
    // 600 over July–December: 200 planned through August; 190 actual + September–December 400.
    expect(b1).toMatchObject({
      plannedYear: 600,
      plannedToDate: 200,
      actualToDate: 190,
      deviation: -10,
      forecastYear: 590,
    });
  });
});
