import ExcelJS from "exceljs";
import * as path from "path";
import { balans, tempDir } from "../helpers/cli";

describe("balans effects: forecast and what-if", () => {
  const dir = tempDir();
  const example = path.join(dir, "exempel.xlsx");
  beforeAll(async () => expect((await balans("demo", "--out", example)).code).toBe(0));

  it("writes a demo report that shows plan and forecast per measure", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(example);
    const rows: unknown[][] = [];
    wb.getWorksheet("Rapport 2020-08")!.eachRow((row) =>
      rows.push((row.values as unknown[]).slice(1))
    );
    const header = rows.find((r) => r[0] === "Id")!;
    expect(header.slice(3)).toEqual([
      "Plan helår",
      "Plan t.o.m. augusti",
      "Utfall t.o.m. augusti",
      "Avvikelse",
      "Prognos helår",
    ]);
    // A15: planned from Q4 2020 (1,25 in 2020), forecast from January 2021: nothing in 2020.
    const a15 = rows.find((r) => r[0] === "A15")!;
    expect([a15[3], a15[7]]).toEqual([1.25, 0]);
    // A08: 0,35 actual through August + September–December at 2 mnkr a year instead of 3.
    const a08 = rows.find((r) => r[0] === "A08")!;
    expect(a08[3]).toBeCloseTo(1.5, 10); // sheets hold 12 significant digits
    expect(a08[7]).toBeCloseTo(0.35 + 2 / 3, 10);
    expect(rows.some((r) => /reviderad prognos .* för A08, A15\./.test(String(r[1])))).toBe(true);
  });

  it("gives the forecast plan beside the plan when some measure has a forecast", async () => {
    const doc = JSON.parse((await balans("effects", example, "--json")).stdout);
    // The example's illustrative forecasts: A08 2 instead of 3 mnkr a year (Q3 2020: 1 instead
    // of 1,5 in 2020), A15 from January 2021 instead of Q4 2020 (1,25 less in 2020), and A20 is
    // Avbruten in August 2020 (its Q4 2020 start never comes: 0,775 less in 2020, 3,1 a year).
    expect(doc.forecast.totals["2020"]).toBeCloseTo(8.025 - 0.5 - 1.25 - 0.775, 12);
    expect(doc.forecast.totals["2021"]).toBeCloseTo(doc.totals["2021"] - 1 - 3.1, 12);
    expect(doc.forecast.residual["2020"]).toBeCloseTo(57 - 5.5, 12);
    const a15 = doc.forecast.byMeasure.find((m: { id: string }) => m.id === "A15");
    expect(a15).toMatchObject({ annual: 5, start: "2021-01-01" });
    expect(a15.perYear["2020"]).toBe(0);
    expect(a15.perYear["2021"]).toBe(5);
  });

  it("applies --delay and --scale (several allowed) without changing the plan", async () => {
    const r = await balans(
      "effects",
      example,
      "--delay",
      "A03=6",
      "--scale",
      "A10=50%",
      "--scale=a24=0 %",
      "--json"
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.totals["2020"]).toBeCloseTo(8.025, 12);
    // A03 (1 mnkr from Q3 2020) six months later: 2020 loses its 0,5; A10 (1,5 from 2021) at
    // half; A24 (0,4 from 2021) at nothing.
    expect(doc.scenario.totals["2020"]).toBeCloseTo(8.025 - 0.5, 12);
    expect(doc.scenario.totals["2021"]).toBeCloseTo(doc.totals["2021"] - 0.75 - 0.4, 12);
    expect(doc.scenario.residual["2020"]).toBeCloseTo(57 - 7.525, 12);
    expect(doc.scenario.byMeasure.map((m: { id: string }) => m.id)).toEqual(["A03", "A10", "A24"]);
    expect(doc.scenario.byMeasure[0]).toMatchObject({
      id: "A03",
      delayMonths: 6,
      share: 1,
      perYear: { "2020": 0, "2021": 1 },
    });
    expect(doc.scenario.byMeasure[1]).toMatchObject({ delayMonths: 0, share: 0.5 });
    expect(doc.scenario.byMeasure[1].perYear["2022"]).toBeCloseTo(0.75, 12);
  });

  it("prints the scenario's totals and residual under the table", async () => {
    const r = await balans("effects", example, "--delay", "A03=6");
    expect(r.stdout).toMatch(/Scenario: A03 6 mån senare/);
    expect(r.stdout).toMatch(/Restunderskott i scenariot\s+49,5/);
    expect(r.stdout).toMatch(/Restunderskott enligt prognos\s+51,5/);
  });

  it.each([
    [["--delay", "A99=6"], /ingen åtgärd har id »A99«/],
    [["--delay", "A03=sex"], /förseningen ska vara 0–120 hela månader/],
    [["--delay", "A03"], /skriv åtgärds-id=månader/],
    [["--scale", "A10=halva"], /andelen ska vara 0–1000 %/],
    [["--scale"], /--scale behöver ett värde/],
    [["--delay", "A03=6", "--delay", "a03=3"], /A03 har fått två förseningar/],
  ])("refuses %j with exit 2 and the reason", async (flags, reason) => {
    const r = await balans("effects", example, ...flags);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(reason);
  });
});
