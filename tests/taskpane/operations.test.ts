import { readFileSync } from "fs";
import { join } from "path";
import { OWNED_SHEETS_SETTING } from "../../src/adapters/office/writeSheets";
import { Book, createExcelDouble } from "../double/excelDouble";
import { parsePlanText } from "../../src/core/planText";
import { INSATSER } from "../../src/core/insatser";
import {
  checkTables,
  freshIds,
  inspectWorkbook,
  PaneHost,
  selectCell,
  setUpTables,
  writeImportedPlan,
  writeMonthlyReport,
  writeTransfers,
  writeYearlyEffects,
  TABLES_FOR,
} from "../../src/taskpane/operations";

function setup(options?: Parameters<typeof createExcelDouble>[0]) {
  const { book, Excel, Office } = createExcelDouble(options);
  Object.assign(globalThis, { Excel, Office });
  const confirmReplace = jest.fn<Promise<boolean>, [string[]]>(async () => true);
  const confirmAddColumns = jest.fn<Promise<boolean>, [string, string[]]>(async () => true);
  const host: PaneHost = {
    run: (batch) => Excel.run({ delayForCellEdit: true }, batch),
    confirmReplace,
    confirmAddColumns,
    now: () => new Date(2026, 10, 22, 9, 30),
  };
  return { book, host, confirmReplace, confirmAddColumns };
}

/** The tokens of the sheets Balans has recorded as its own. */
const ownedTokens = (book: Book) =>
  Object.keys(JSON.parse(String(book.settings.get(OWNED_SHEETS_SETTING))));

const rowWith = (grid: unknown[][], label: string) => grid.find((r) => r.includes(label))!;

describe("Arbetsbok: setting up the tables", () => {
  it("creates the missing Balans tables with headers, formats and drop-downs", async () => {
    const { book, host } = setup();
    const result = await setUpTables(host, false);
    expect(result).not.toBe("cancelled");
    expect(book.tables.map((t) => t.name)).toEqual([
      "Atgarder",
      "Underskott",
      "Uppfoljning",
      "Overforingar",
      "Avtal",
      "Bestallning",
    ]);
    expect(book.grid("Åtgärder")[0]).toEqual([
      "Id",
      "Område",
      "Åtgärd",
      "Helårseffekt (mnkr)",
      "Tidsaspekt",
      "Start",
      "Slut",
      "Status",
      "Ansvarig",
      "Beroende",
      "Kommentar",
      "Prognos helårseffekt",
      "Prognos start",
    ]);
    const atgarder = book.sheets.find((s) => s.name === "Åtgärder")!;
    expect(atgarder.frozenRows).toBe(1);
    expect(atgarder.validations[0]).toMatchObject({
      rule: { list: { source: "Ej påbörjad,Pågår,Genomförd,Försenad,Avbruten" } },
      errorAlert: { style: "Stop" },
    });
    const transfers = book.sheets.find((s) => s.name === "Överföringar")!;
    expect(transfers.validations.map((v) => v.rule.list.source)).toEqual([
      "ON,SN",
      "ON,SN",
      "='Balans listor'!$A$1:$A$10",
    ]);
    expect(transfers.validations[0].errorAlert.style).toBe("Warning"); // other committees are allowed
    expect(book.sheets.find((s) => s.name === "Balans listor")).toMatchObject({
      visibility: "Hidden",
    });
    expect(book.grid("Balans listor").map((r) => r[0])).toEqual(
      INSATSER.map((n, i) => `${i + 1} - ${n}`)
    );
    // Balans owns what it created
    expect(ownedTokens(book)).toHaveLength(7);
    expect(book.formulaWrites).toEqual([]);
  });

  it("fills an empty workbook with the example, and then knows its tables", async () => {
    const { book, host } = setup();
    await setUpTables(host, true);
    expect(book.grid("Åtgärder")).toHaveLength(25);
    expect(book.grid("Åtgärder")[3].slice(0, 5)).toEqual([
      "A03",
      "Organisatoriska/metodrelaterade åtgärder",
      "Gemensamt HVB",
      1,
      "Q 3 2020",
    ]);
    const state = await inspectWorkbook(host);
    expect(state.tables.find((t) => t.name === "Atgarder")).toMatchObject({
      found: true,
      rows: 24,
      sheet: "Åtgärder",
    });
    expect(state.tables.find((t) => t.name === "Kostnader")).toMatchObject({ found: false });
    expect(state.planYears).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(state.transferYears).toEqual([2018]);
    expect(state.defaultMonth).toEqual({ year: 2026, month: 10 });
    expect(state.problems).toBe(0);
  });

  it("creates only what is missing, and refuses the example in a workbook with Balans tables", async () => {
    const { book, host, confirmAddColumns } = setup();
    // Its forecast columns are offered (forecastColumns.test.ts); here the user declines.
    confirmAddColumns.mockResolvedValue(false);
    book.addUserTable(
      "Min plan",
      "Atgarder",
      ["Id", "Åtgärd", "Helårseffekt", "Tidsaspekt"],
      [["X1", "Egen", 2, "2021"]]
    );
    await expect(setUpTables(host, true)).rejects.toThrow(/har redan Atgarder/);
    const result = await setUpTables(host, false);
    expect(result).toMatchObject({ alreadyThere: ["Atgarder"] });
    expect(confirmAddColumns).toHaveBeenCalledWith("Atgarder", [
      "Prognos helårseffekt",
      "Prognos start",
    ]);
    expect(book.tables.map((t) => t.name)).toEqual([
      "Atgarder",
      "Underskott",
      "Uppfoljning",
      "Overforingar",
      "Avtal",
      "Bestallning",
    ]);
    expect(book.grid("Min plan")).toEqual([
      ["Id", "Åtgärd", "Helårseffekt", "Tidsaspekt"],
      ["X1", "Egen", 2, 2021],
    ]);
  });
});

describe("Kontrollera", () => {
  it("lists every problem with the cell to select", async () => {
    const { book, host } = setup();
    await setUpTables(host, true);
    book.type("Åtgärder", "E6", "på sikt"); // A05's Tidsaspekt
    book.type("Åtgärder", "A8", "A06"); // A07 becomes a duplicate of A06
    book.type("Överföringar", "B3", "Socialen");
    const problems = await checkTables(host);
    expect(problems.map((p) => [p.table, p.row, p.column, p.location])).toEqual([
      ["Atgarder", 6, "Tidsaspekt", { sheet: "Åtgärder", address: "E6" }],
      ["Atgarder", 8, "Id", { sheet: "Åtgärder", address: "A8" }],
      ["Overforingar", 3, "Från", { sheet: "Överföringar", address: "B3" }],
    ]);
    await selectCell(host, problems[0].location!);
    expect(book.selection).toEqual({ sheet: "Åtgärder", address: "E6" });
  });

  it("names a missing table and a missing column", async () => {
    const { book, host } = setup();
    expect((await checkTables(host)).map((p) => p.message)).toEqual([
      "Tabellen Atgarder saknas; skapa den under Arbetsbok.",
    ]);
    book.addUserTable("Plan", "Atgarder", ["Id", "Åtgärd"], [["A1", "X"]]);
    expect((await checkTables(host))[0]).toMatchObject({
      table: "Atgarder",
      message: expect.stringMatching(/saknar kolumnen Helårseffekt/),
    });
  });
});

describe("Årseffekter, Överföringar, Månadsrapport", () => {
  it("writes Årseffekter with totals, deficit, residual and a chart of savings against the deficit", async () => {
    const { book, host } = setup();
    await setUpTables(host, true);
    const before = book.syncCount;
    const written = await writeYearlyEffects(host);
    expect(written).toEqual([{ requested: "Årseffekter", sheet: "Årseffekter", replaced: false }]);
    // read: names, shapes, values; write: state, sheets with ownership, the new sheet's id
    expect(book.syncCount - before).toBe(6);
    const grid = book.grid("Årseffekter");
    expect(grid[0][0]).toBe("Årseffekter av åtgärdsplanen (mnkr)");
    const total = rowWith(grid, "Summa kostnadsreducerande åtgärder");
    expect(total[5] as number).toBeCloseTo(8.025, 10);
    expect(total[9] as number).toBeCloseTo(62.9, 10);
    expect(rowWith(grid, "Restunderskott efter åtgärder")[5] as number).toBeCloseTo(48.975, 10);
    const sheet = book.sheets.find((s) => s.name === "Årseffekter")!;
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0].title.text).toBe("Besparing och underskott per år (mnkr)");
    // The chart's block sits under the year columns: years across, one row per series.
    const [from, to] = sheet.charts[0].source.split(":");
    expect(from.startsWith("E") && to.startsWith("J")).toBe(true);
    expect((sheet.charts[0] as unknown as { seriesBy: string }).seriesBy).toBe("Rows");
    const blockTop = Number(from.slice(1)) - 1;
    expect(grid[blockTop].slice(4, 10)).toEqual(["", "2020", "2021", "2022", "2023", "2024"]);
    expect(grid.slice(blockTop + 1, Number(to.slice(1))).map((r) => r[4])).toEqual([
      "Besparing",
      "Underskott",
      "Restunderskott",
    ]);
    // It prints: A4 landscape one page wide, header with the sheet and its years, page numbers.
    const printed = (sheet as unknown as { pageLayout: Record<string, unknown> }).pageLayout;
    expect(printed).toMatchObject({
      paperSize: "A4",
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      headersFooters: {
        leftHeader: "&B&A&B",
        rightHeader: "2020–2024",
        rightFooter: "Sida &P av &N",
      },
    });
    expect(book.sheet("Årseffekter")!.cells.get("0,0")!.style).toMatchObject({
      "font.bold": true,
      "font.size": 14,
    });
    // the writing request had calculation and screen updating suspended
    const writes = book.syncLog.filter((s) => s.writes > 0);
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((s) => s.suspendedCalc && s.suspendedScreen)).toBe(true);
  });

  it("never touches a user's sheet of the same name", async () => {
    const { book, host, confirmReplace } = setup();
    await setUpTables(host, true);
    book.type("Blad1", "A1", "mina anteckningar");
    book.sheet("Blad1")!.name = "Årseffekter";
    const written = await writeYearlyEffects(host);
    expect(written).toEqual([
      { requested: "Årseffekter", sheet: "Årseffekter (2)", replaced: false },
    ]);
    expect(book.grid("Årseffekter")).toEqual([["mina anteckningar"]]);
    expect(confirmReplace).not.toHaveBeenCalled();
  });

  it("asks before replacing a sheet it wrote, and keeps it when the user says no", async () => {
    const { book, host, confirmReplace } = setup();
    await setUpTables(host, true);
    await writeYearlyEffects(host);
    const position = book.sheets.findIndex((s) => s.name === "Årseffekter");
    const firstId = book.sheet("Årseffekter")!.id;

    // a sheet of the user's with the name Balans uses while it swaps the old sheet for the new
    book.type("Blad1", "A1", "användarens blad");
    book.sheet("Blad1")!.name = "Balans Årseffekter";

    confirmReplace.mockResolvedValueOnce(false);
    expect(await writeYearlyEffects(host, 2020, 2022)).toBe("cancelled");
    expect(book.grid("Årseffekter")[2]).toContain("2024");

    expect(await writeYearlyEffects(host, 2020, 2022)).toEqual([
      { requested: "Årseffekter", sheet: "Årseffekter", replaced: true },
    ]);
    expect(confirmReplace).toHaveBeenLastCalledWith(["Årseffekter"]);
    expect(book.grid("Årseffekter")[2]).not.toContain("2024");
    expect(book.sheets.findIndex((s) => s.name === "Årseffekter")).toBe(position);
    expect(book.grid("Balans Årseffekter")).toEqual([["användarens blad"]]);
    // replaced in place: the same sheet, cleared and written again
    expect(book.sheet("Årseffekter")!.id).toBe(firstId);
    expect(book.sheet("Årseffekter")!.charts).toHaveLength(1);
  });

  it("writes the transfer balances of a year and the monthly report", async () => {
    const { book, host } = setup();
    await setUpTables(host, true);
    expect(await writeTransfers(host, 2018)).toEqual([
      { requested: "Överföringar 2018", sheet: "Överföringar 2018", replaced: false },
    ]);
    const august = rowWith(book.grid("Överföringar 2018"), "2018-08");
    expect(august[1] as number).toBeCloseTo(9.8, 12);
    expect(august[3] as number).toBeCloseTo(9.8 - 3.8689677, 6);

    expect(await writeMonthlyReport(host, { year: 2020, month: 8 })).toEqual([
      { requested: "Rapport 2020-08", sheet: "Rapport 2020-08", replaced: false },
    ]);
    const report = book.grid("Rapport 2020-08");
    expect(report[0][0]).toBe("Månadsrapport augusti 2020: åtgärdsplan");
    expect(rowWith(report, "Summa åtgärder")[3] as number).toBeCloseTo(8.025, 12);
    // It prints as the file does: each page break starts a page with the block's header again.
    const model = book.sheets.find((s) => s.name === "Rapport 2020-08") as unknown as {
      pageBreaks: string[];
      pageLayout: Record<string, unknown>;
    };
    expect(model.pageBreaks.length).toBeGreaterThan(0);
    for (const address of model.pageBreaks) {
      expect(address).toMatch(/^A\d+$/);
      const row = report[Number(address.slice(1)) - 1];
      expect([row[0], row[1]]).toEqual(["Id", expect.stringMatching(/ \(forts\.\)$/)]);
    }
    expect(model.pageLayout).toMatchObject({
      paperSize: "A4",
      orientation: "Landscape",
      headersFooters: { leftHeader: "&B&A&B", rightHeader: "augusti 2020" },
    });
    expect(model.pageLayout.printTitleRows).toBeUndefined();
    // The input tables set up by the pane repeat their header row on every page.
    const measures = book.sheets.find((s) => s.name === "Åtgärder") as unknown as {
      pageLayout: Record<string, unknown>;
    };
    // Ids beside the first line of wrapped text; text indented from the left, amounts right.
    const cells = (
      book as unknown as {
        sheet(n: string): { cells: Map<string, { style: Record<string, unknown> }> };
      }
    ).sheet("Åtgärder")!.cells;
    expect(cells.get("1,0")!.style).toMatchObject({
      verticalAlignment: "Top",
      horizontalAlignment: "Left",
      indentLevel: 1,
    });
    expect(cells.get("1,3")!.style).toMatchObject({ horizontalAlignment: "Right", indentLevel: 0 });
    expect(cells.get("0,3")!.style).toMatchObject({ horizontalAlignment: "Left", wrapText: true });
    expect(measures.pageLayout).toMatchObject({
      printTitleRows: "$1:$1",
      orientation: "Landscape",
      headersFooters: { rightHeader: "Utskrivet &D", rightFooter: "Sida &P av &N" },
    });
    await expect(writeMonthlyReport(host, { year: 2016, month: 1 })).rejects.toThrow(
      /Inget att rapportera för 2016-01/
    );
  });

  it("writes what users typed as text, never as a formula", async () => {
    const { book, host } = setup();
    // Typed with Excel's apostrophe prefix, so the user's cells hold text, not formulas.
    book.addUserTable(
      "Plan",
      "Atgarder",
      ["Id", "Område", "Åtgärd", "Helårseffekt", "Tidsaspekt"],
      [
        ["A1", "'=1+1", '\'=HYPERLINK("http://x";"klicka")', 2, "2021"],
        ["A2", "'+46 Område", "'-minus först", 1, "2021"],
        ["A3", "'@SUM", "''citat", 1, "2021"],
      ]
    );
    expect(book.formulaWrites).toEqual([]);
    await writeYearlyEffects(host);
    expect(book.formulaWrites).toEqual([]);
    const grid = book.grid("Årseffekter");
    const labels = grid.map((r) => r[1]);
    expect(labels).toEqual(
      expect.arrayContaining([
        "=1+1",
        '=HYPERLINK("http://x";"klicka")',
        "+46 Område",
        "-minus först",
        "@SUM",
        "'citat",
      ])
    );
  });
});

describe("user text in the transfer tables stays text in the sheets the pane writes", () => {
  it("in Överföringar and in the report", async () => {
    const { book, host } = setup();
    // typed with Excel's apostrophe prefix, so the user's cells hold text
    book.addUserTable(
      "Ö",
      "Overforingar",
      ["Datum", "Från", "Till", "Verksamhet", "Belopp"],
      [[43115, "ON", "SN", "'=1+1", 5]]
    );
    book.addUserTable(
      "A",
      "Avtal",
      ["Avtal", "Utförare", "Omfattning", "Start", "Månadskostnad"],
      [["'=A1", '\'@HYPERLINK("x")', "'+10 tim/v", 43313, 0.1]]
    );
    await writeTransfers(host, 2018);
    await writeMonthlyReport(host, { year: 2018, month: 8 });
    expect(book.formulaWrites).toEqual([]);
    const report = book.grid("Rapport 2018-08").flat();
    expect(report).toEqual(
      expect.arrayContaining([
        "=A1",
        'Ej angiven verksamhet – @HYPERLINK("x")',
        "+10 tim/v",
        "=1+1",
      ])
    );
    expect(book.grid("Överföringar 2018").flat()).toContain("=1+1");
  });
});

describe("speed: a constant number of round trips", () => {
  function planOf(n: number) {
    const { book, host } = setup();
    const rows = Array.from({ length: n }, (_, i) => [
      `M${i + 1}`,
      `Område ${i % 7}`,
      `Åtgärd nummer ${i + 1} med ett ganska långt namn`,
      (i % 13) / 10 + 0.1,
      `Q ${(i % 4) + 1} ${2020 + (i % 3)}`,
    ]);
    book.addUserTable(
      "Plan",
      "Atgarder",
      ["Id", "Område", "Åtgärd", "Helårseffekt (mnkr)", "Tidsaspekt"],
      rows
    );
    book.addUserTable("Underskott", "Underskott", ["År", "Underskott"], [[2020, 57]]);
    return { book, host };
  }

  it.each([
    ["Årseffekter", (host: PaneHost) => writeYearlyEffects(host)],
    ["Månadsrapport", (host: PaneHost) => writeMonthlyReport(host, { year: 2021, month: 8 })],
    ["Kontrollera", (host: PaneHost) => checkTables(host)],
  ])("%s makes as many syncs for 5,000 measures as for 10", async (_, op) => {
    const counts: number[] = [];
    for (const n of [10, 5000]) {
      const { book, host } = planOf(n);
      const before = book.syncCount;
      await op(host);
      counts.push(book.syncCount - before);
    }
    expect(counts[1]).toBe(counts[0]);
    console.log(`${_}: ${counts[0]} context.sync() calls for 10 measures, ${counts[1]} for 5 000`);
  });

  it("reads a very large table in slices, each response under Excel on the web's 5 MB limit", async () => {
    const { book, host } = planOf(10);
    const rows = Array.from({ length: 60_000 }, (_, k) => [
      `M${(k % 10) + 1}`,
      `2021-${String((k % 12) + 1).padStart(2, "0")}`,
      0.001,
      "Pågår",
      `Kommentar nummer ${k} om utfallet`,
    ]);
    book.addUserTable(
      "Uppföljning",
      "Uppfoljning",
      ["Id", "Månad", "Utfall", "Status", "Kommentar"],
      rows
    );
    const before = book.syncLog.length;
    const state = await inspectWorkbook(host);
    expect(state.tables.find((t) => t.name === "Uppfoljning")).toMatchObject({
      found: true,
      rows: 60_000,
    });
    const reads = book.syncLog.slice(before);
    expect(reads.length).toBeGreaterThan(3);
    expect(Math.max(...reads.map((s) => s.responseBytes))).toBeLessThan(5_000_000);
  }, 60_000);

  it("splits a very large sheet into requests under Excel on the web's 5 MB limit", async () => {
    const { book, host } = planOf(40_000);
    await writeYearlyEffects(host);
    const writes = book.syncLog.filter((s) => s.writes > 0);
    expect(writes.length).toBeGreaterThan(1);
    expect(Math.max(...writes.map((s) => s.requestBytes))).toBeLessThan(5_000_000);
    // every chunk, not only the first request, ran with calculation and screen updating off
    expect(writes.every((s) => s.suspendedCalc && s.suspendedScreen)).toBe(true);
    expect(
      book
        .grid("Årseffekter")
        .filter((r) => typeof r[0] === "string" && /^M\d+$/.test(r[0] as string))
    ).toHaveLength(40_000);
  }, 60_000);
});

describe("Importera plan", () => {
  const seedText = readFileSync(
    join(__dirname, "../fixtures/seed-000-atgardsplan-2020.txt"),
    "utf8"
  );

  it("creates Atgarder from a pasted plan when the workbook has none", async () => {
    const { book, host } = setup();
    const result = await writeImportedPlan(host, parsePlanText(seedText));
    expect(result).toMatchObject({ mode: "created", sheet: "Åtgärder" });
    expect(book.grid("Åtgärder")).toHaveLength(25);
    const effects = await writeYearlyEffects(host);
    expect(effects).not.toBe("cancelled");
    expect(
      rowWith(book.grid("Årseffekter"), "Summa kostnadsreducerande åtgärder")[5] as number
    ).toBeCloseTo(8.025, 10);
  });

  it("appends with fresh ids after the user's rows, mapping to the user's own columns", async () => {
    const { book, host } = setup();
    book.addUserTable(
      "Plan",
      "Atgarder",
      ["Nr", "Egen kolumn", "Förslag", "Besparing (tkr)", "Tidsaspekt"],
      [
        ["A01", "behåll", "Egen åtgärd", 500, "2021"],
        ["A07", "behåll", "Annan åtgärd", 250, "2022"],
      ]
    );
    const plan = parsePlanText(
      "Förslag\tKostnadsreducering\tTidsaspekt\nNy rutin\t1,5 mnkr\tQ2 2024\nFärre resor\t0,2 mnkr\t2025\n"
    );
    const result = await writeImportedPlan(host, plan);
    expect(result).toEqual({ mode: "appended", sheet: "Plan", ids: ["A08", "A09"] });
    expect(book.grid("Plan")).toEqual([
      ["Nr", "Egen kolumn", "Förslag", "Besparing (tkr)", "Tidsaspekt"],
      ["A01", "behåll", "Egen åtgärd", 500, 2021],
      ["A07", "behåll", "Annan åtgärd", 250, 2022],
      ["A08", "", "Ny rutin", 1500, "Q2 2024"],
      ["A09", "", "Färre resor", 200, "2025"], // text stays text: not the number 2025
    ]);
    expect(book.formulaWrites).toEqual([]);
    // written below the table (no TableRowCollection.add), which took the rows in
    expect(book.table("Atgarder")).toMatchObject({ r0: 0, r1: 4 });
  });

  it("fills an empty Atgarder's blank row first, then the rows below, all inside the table", async () => {
    const { book, host } = setup();
    await setUpTables(host, false);
    const plan = parsePlanText(
      "Förslag\tKostnadsreducering\tTidsaspekt\nNy rutin\t1,5 mnkr\t2021-04-01\nFärre resor\t0,2 mnkr\t2025\n"
    );
    expect(await writeImportedPlan(host, plan)).toMatchObject({
      mode: "appended",
      ids: ["A01", "A02"],
    });
    const grid = book.grid("Åtgärder");
    expect(grid.slice(1).map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      ["A01", "Ny rutin", 1.5, "2021-04-01"],
      ["A02", "Färre resor", 0.2, "2025"],
    ]);
    const table = book.table("Atgarder")!;
    expect(table.r1 - table.r0).toBe(2); // header + the two measures, no blank row left
  });

  it("appends below a last row that holds only the user's own note (in a column Balans does not read)", async () => {
    const { book, host } = setup();
    book.addUserTable(
      "Plan",
      "Atgarder",
      ["Id", "Åtgärd", "Helårseffekt (mnkr)", "Tidsaspekt", "Anteckning"],
      [
        ["A01", "Egen åtgärd", 1, "2022", ""],
        ["", "", "", "", "fråga ekonomichefen"],
      ]
    );
    const plan = parsePlanText("Åtgärd\tBesparing\tTidsaspekt\nFärre resor\t0,2 mnkr\t2025\n");
    expect(await writeImportedPlan(host, plan)).toMatchObject({ mode: "appended", ids: ["A02"] });
    expect(book.grid("Plan").slice(1)).toEqual([
      ["A01", "Egen åtgärd", 1, 2022, ""],
      ["", "", "", "", "fråga ekonomichefen"],
      ["A02", "Färre resor", 0.2, "2025", ""],
    ]);
  });

  it("appends per-year effects to the table's year columns, and refuses a year without one", async () => {
    const { book, host } = setup();
    book.addUserTable(
      "Plan",
      "Atgarder",
      ["Id", "Åtgärd", "Helårseffekt (mnkr)", "Tidsaspekt", "Effekt 2022", "Effekt 2023"],
      [["A01", "Egen åtgärd", 1, "2022", 0.5, 1]]
    );
    const plan = parsePlanText(
      "Åtgärd\tBesparing 2022 (tkr)\tBesparing 2023 (tkr)\nFärre resor\t200\t400\n"
    );
    expect(await writeImportedPlan(host, plan)).toMatchObject({ mode: "appended", ids: ["A02"] });
    expect(book.grid("Plan")[2]).toEqual(["A02", "Färre resor", "", "", 0.2, 0.4]);

    const later = parsePlanText("Åtgärd\t2024 (tkr)\nSenare åtgärd\t300\n");
    await expect(writeImportedPlan(host, later)).rejects.toThrow(
      "Planen anger effekten för 2024, men Atgarder har ingen kolumn för det; lägg till kolumnerna (t.ex. »Effekt 2024«) och skriv igen."
    );
    expect(book.grid("Plan")).toHaveLength(3);
  });

  it("picks ids that are free", () => {
    expect(freshIds(new Set(["a01", "a02", "x9"]), 2)).toEqual(["A03", "A04"]);
    expect(freshIds(new Set(), 1)).toEqual(["A01"]);
  });
});

describe("Balans' own sheets: two marks, replaced in place and by id", () => {
  it("stops, changing nothing, when a sheet is renamed while the question is open", async () => {
    const { book, host, confirmReplace } = setup();
    await setUpTables(host, true);
    await writeYearlyEffects(host);
    book.type("Blad1", "A1", "mitt eget");
    confirmReplace.mockImplementationOnce(async () => {
      // meanwhile the user renames Balans' sheet, and gives their own sheet its name
      await book.renameSheet("Årseffekter", "Gamla effekter");
      await book.renameSheet("Blad1", "Årseffekter");
      return true;
    });
    await expect(writeYearlyEffects(host, 2020, 2022)).rejects.toMatchObject({
      name: "SheetsChanged",
      sheets: ["Årseffekter"],
    });
    expect(book.grid("Årseffekter")).toEqual([["mitt eget"]]);
    expect(book.grid("Gamla effekter")[2]).toContain("2024");
  });

  it("owns a sheet whose drawing failed, because ownership is recorded when it is created", async () => {
    const { book, host, confirmReplace } = setup();
    await setUpTables(host, true);
    book.failOn = (api) => (api === "ChartCollection.add" ? "GeneralException" : undefined);
    await expect(writeYearlyEffects(host)).rejects.toMatchObject({ code: "GeneralException" });
    book.failOn = undefined;
    expect(await writeYearlyEffects(host)).toEqual([
      { requested: "Årseffekter", sheet: "Årseffekter", replaced: true },
    ]);
    expect(confirmReplace).toHaveBeenCalledWith(["Årseffekter"]);
    expect(book.sheets.map((s) => s.name)).not.toContain("Årseffekter (2)");
  });

  it("still knows its sheets after the workbook is reopened with new sheet ids", async () => {
    const { book, host } = setup();
    await setUpTables(host, true);
    await writeYearlyEffects(host);
    book.reopen();
    expect(await writeYearlyEffects(host)).toEqual([
      { requested: "Årseffekter", sheet: "Årseffekter", replaced: true },
    ]);
  });

  it("does not take a copy of its sheet for its own while the original is there", async () => {
    const { book, host, confirmReplace } = setup();
    await setUpTables(host, true);
    await writeMonthlyReport(host, { year: 2020, month: 8 });
    book.copySheet("Rapport 2020-08", "Kopia");
    await book.renameSheet("Rapport 2020-08", "Rapport augusti");
    await book.renameSheet("Kopia", "Rapport 2020-08");
    book.type("Rapport 2020-08", "A1", "mina ändringar");
    expect(await writeMonthlyReport(host, { year: 2020, month: 8 })).toEqual([
      { requested: "Rapport 2020-08", sheet: "Rapport 2020-08 (2)", replaced: false },
    ]);
    expect(confirmReplace).not.toHaveBeenCalled();
    expect(book.grid("Rapport 2020-08")[0][0]).toBe("mina ändringar");
  });

  it("keeps the user's formulas that point at a replaced sheet working (no #REF!)", async () => {
    const { book, host } = setup();
    await setUpTables(host, true);
    await writeYearlyEffects(host);
    book.setFormula("Blad1", "A1", "='Årseffekter'!F10", (b) => b.grid("Årseffekter")[9]?.[5]);
    await writeYearlyEffects(host, 2020, 2022);
    expect(book.sheet("Blad1")!.cells.get("0,0")!.formula).toBe("='Årseffekter'!F10");
    await book.calculate();
    expect(book.grid("Blad1")[0][0]).not.toBe("#REF!");
  });
});

describe("each button reads only the tables it needs", () => {
  /** The example with 50 000 rows in Uppfoljning. */
  async function withBigFollowUp() {
    const { book, host } = setup();
    await setUpTables(host, true);
    const follow = book.table("Uppfoljning")!;
    for (let k = 0; k < 50_000; k++)
      [`A0${(k % 9) + 1}`, `2021-${String((k % 12) + 1).padStart(2, "0")}`, 0.001, "Pågår"].forEach(
        (v, j) => book.type(follow.sheet.name, `${"ABCD"[j]}${k + 2}`, v)
      );
    follow.r1 = 50_000;
    return { book, host };
  }
  const bytesRead = (book: Book, from: number) =>
    book.syncLog.slice(from).reduce((n, s) => n + s.responseBytes, 0);

  it("set-up does not read a 50 000-row Uppfoljning; Årseffekter reads it for the forecast only", async () => {
    const { book, host } = await withBigFollowUp();
    // Årseffekter's forecast columns need the follow-up: a measure cancelled there (Status
    // Avbruten in Uppfoljning) forecasts its actuals only. It reads no transfer ledger.
    expect(TABLES_FOR.yearlyEffects).toContain("Uppfoljning");
    expect(TABLES_FOR.yearlyEffects).not.toContain("Overforingar");
    expect(TABLES_FOR.yearlyEffects).not.toContain("Avtal");
    const before = book.syncLog.length;
    expect(await setUpTables(host, false)).toMatchObject({ created: [] });
    expect(bytesRead(book, before)).toBeLessThan(10_000);
  }, 60_000);
});
