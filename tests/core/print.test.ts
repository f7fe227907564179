import { ReportLayout, ReportRow } from "../../src/core/layout";
import { forPrint, wrappedLines } from "../../src/core/printLayout";
import { buildMonthlyReport } from "../../src/core/report";
import { monthlyReportLayout } from "../../src/core/sheets/monthlyReportSheet";
import { readBalansWorkbook } from "../../src/core/workbook";
import { exampleTableLayouts, layoutAsRawTable } from "../../src/example/exampleWorkbook";

const item = (n: number): ReportRow => ({ style: "item", cells: [`R${n}`, 1] });
function report(rows: ReportRow[]): ReportLayout {
  return {
    kind: "report",
    sheet: "Test",
    period: "augusti 2020",
    orientation: "landscape",
    freezeRows: 1,
    columns: [
      { header: "Id", width: 8 },
      { header: "Belopp", width: 12, format: "amount" },
    ],
    rows,
  };
}

describe("print setup, described once for every host", () => {
  it("a table prints A4 landscape one page wide, its header row on every page", () => {
    const table = forPrint(exampleTableLayouts()[0]);
    expect(table.print).toMatchObject({
      paper: "A4",
      orientation: "landscape",
      fitToPagesWide: 1,
      titleRows: { first: 0, last: 0 },
      rowBreaks: [],
      header: { left: "&B&A&B", right: "Utskrivet &D" },
      footer: { left: "Balans", right: "Sida &P av &N" },
      verticalAlignment: "top",
    });
  });

  it("a long block goes on over the page under its own header, marked (forts.)", () => {
    // A4 landscape: 595 pt high less 0,75 + 0,6 inch margins = 497,8 pt, planned at 96 %:
    // 477,9 pt. Title 22 + header 15 + 29 rows of 15 = 472; the 30th row does not fit.
    const rows: ReportRow[] = [
      { style: "title", cells: ["Titel", null] },
      { style: "header", cells: ["Id", "Belopp"] },
      ...Array.from({ length: 40 }, (_, i) => item(i + 1)),
    ];
    const printed = forPrint(report(rows));
    expect(printed.print!.rowBreaks).toEqual([31]);
    expect(printed.print!.titleRows).toBeUndefined();
    expect(printed.rows[31]).toEqual({ style: "header", cells: ["Id", "Belopp (forts.)"] });
    expect(printed.rows[32].cells[0]).toBe("R30");
    expect(printed.rows).toHaveLength(43);
    expect(printed.print!.header.right).toBe("augusti 2020");
  });

  it("a page never starts with an empty row or a sum, and a header keeps rows below it", () => {
    const rows: ReportRow[] = [
      { style: "title", cells: ["Titel", null] },
      { style: "header", cells: ["Id", "Belopp"] },
      ...Array.from({ length: 29 }, (_, i) => item(i + 1)),
      { style: "subtotal", cells: ["Summa", 29] },
      { style: "blank", cells: [null, null] },
      { style: "header", cells: ["Id", "Annat"] },
      item(100),
    ];
    const printed = forPrint(report(rows));
    // 22 + 15 + 29 × 15 = 472: the sum (15) does not fit, so the 29th row goes over with it.
    expect(printed.print!.rowBreaks).toEqual([30]);
    expect(printed.rows[30].cells).toEqual(["Id", "Belopp (forts.)"]);
    expect(printed.rows.slice(31, 33).map((r) => r.cells[0])).toEqual(["R29", "Summa"]);
    for (const b of printed.print!.rowBreaks) {
      expect(printed.rows[b].style).not.toBe("blank");
      expect(["subtotal", "total"]).not.toContain(printed.rows[b].style);
    }
  });

  it("estimates wrapped lines as LibreOffice printed them (without Calibri, a wider font)", () => {
    // Seen in LibreOffice's PDF of the example: one line in a 50 wide column, two in 48 or less.
    expect(wrappedLines("Nya riktlinjer vid erbjudande av bostad med särskild service", 50)).toBe(
      1
    );
    expect(wrappedLines("Reducering av årsarbetare, brottsförebyggande brobyggare", 50)).toBe(1);
    expect(wrappedLines("Reducering av årsarbetare, brottsförebyggande brobyggare", 48)).toBe(2);
    expect(wrappedLines("Förändrat uppdrag Barnhemsgatan, ny boendeform stödboende", 50)).toBe(2);
    // Bold (sums, headers) is wider; this sum printed on one line of the report's 50.
    expect(wrappedLines("Summa Insatser till vuxna, individ och familjeomsorg", 50, true)).toBe(1);
  });

  it("widens a narrow column to its longest text, so nothing is cut", () => {
    const printed = forPrint(
      report([
        { style: "header", cells: ["Id", "Belopp"] },
        { style: "item", cells: ["Startar 2020-10-01", 1] },
      ])
    );
    // 18 characters at 1,1 a unit of width (16,4), the indent step (1,5), one to spare: 19.
    expect(printed.columns[0].width).toBe(19);
    expect(printed.columns[1].width).toBe(12);
  });
});

describe("the monthly report's content", () => {
  const wb = readBalansWorkbook(exampleTableLayouts().map(layoutAsRawTable));
  const stamp = { madeAt: "2026-11-22 09:30", source: "exempel.xlsx" };
  const cellsOf = (layout: ReportLayout) => layout.rows.map((r) => r.cells);

  it("lists the measures that start after the report's year apart, not as unreported", () => {
    const layout = monthlyReportLayout(buildMonthlyReport(wb, { year: 2020, month: 8 }, stamp));
    const start = layout.rows.findIndex((r) => r.cells[1] === "Startar senare: ingen effekt 2020");
    expect(layout.rows[start].style).toBe("header");
    const later = layout.rows.slice(start + 1).filter((r) => r.style === "item");
    // Seed 000: every measure whose start is in 2021 or later.
    expect(later.map((r) => r.cells[0])).toEqual(
      ["A01", "A02", "A04", "A05", "A07", "A09", "A10", "A11"].concat([
        "A13",
        "A14",
        "A17",
        "A18",
        "A19",
        "A21",
        "A22",
        "A24",
      ])
    );
    expect(later.find((r) => r.cells[0] === "A13")!.cells[2]).toBe("2023-01-01");
    const measureRows = cellsOf(layout).slice(0, start);
    expect(measureRows.some((c) => c[0] === "A01")).toBe(false);
    // A12 starts in October 2020: not yet reported in August, and the sheet says why.
    expect(measureRows.find((c) => c[0] === "A12")![2]).toBe("Startar 2020-10-01");
    expect(measureRows.find((c) => c[0] === "A03")![2]).toBe("Pågår");
    expect(
      cellsOf(layout)
        .flat()
        .some((v) => String(v).includes("ej rapporterad"))
    ).toBe(false);
  });

  it("compares within the year: January shows no previous month and no change", () => {
    const january = monthlyReportLayout(buildMonthlyReport(wb, { year: 2020, month: 1 }, stamp));
    const header = january.rows.find((r) => r.style === "header")!;
    expect(header.cells.slice(3, 6)).toEqual(["2020-01", null, null]);
    const summary = january.rows.slice(
      january.rows.indexOf(header) + 1,
      january.rows.indexOf(header) + 6
    );
    for (const row of summary) expect(row.cells.slice(4, 6)).toEqual([null, null]);
    const august = monthlyReportLayout(buildMonthlyReport(wb, { year: 2020, month: 8 }, stamp));
    expect(august.rows.find((r) => r.style === "header")!.cells.slice(3, 6)).toEqual([
      "2020-08",
      "2020-07",
      "Förändring",
    ]);
  });
});
