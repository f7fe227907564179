/**
 * Kontrollera lists notices beside errors, each with its severity and the cell to go to, and an
 * Excel error value in the open workbook as a problem (issue 11).
 */
import { checkTables, PaneHost } from "../../src/taskpane/operations";
import { createExcelDouble } from "../double/excelDouble";

it("lists a notice (usable value) and an error value with their cells", async () => {
  const { book, Excel, Office } = createExcelDouble();
  Object.assign(globalThis, { Excel, Office });
  const host: PaneHost = {
    run: (batch) => Excel.run(batch),
    confirmReplace: async () => true,
    confirmAddColumns: async () => false,
    now: () => new Date(2026, 10, 22, 9, 30),
  };
  book.addUserTable(
    "Plan",
    "Atgarder",
    ["Id", "Åtgärd", "Helårseffekt (mnkr)", "Tidsaspekt"],
    [
      ["A1", "Vinter", 1, "vintern 2021"],
      ["A2", "Fel", "#DIV/0!", "2021"],
    ]
  );
  const problems = await checkTables(host);
  expect(
    problems.map((p) => [p.row, p.column, p.severity, p.location?.address, p.message])
  ).toEqual([
    [2, "Tidsaspekt", "notice", "D2", "läste 2021-01-01 ur »2021«; »vintern« förstods inte"],
    [
      3,
      "Helårseffekt (mnkr)",
      "error",
      "C3",
      "innehåller felvärdet #DIV/0!; rätta formeln eller skriv ett värde",
    ],
    // the workbook has no Underskott table: no residual deficit, said once
    [
      undefined,
      undefined,
      "notice",
      undefined,
      "Tabellen Underskott saknas (inget blad eller ingen tabell heter Underskott), så inget restunderskott räknas.",
    ],
  ]);
});
