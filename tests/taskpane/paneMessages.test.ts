/** What the pane says: Balans' own words in the pane's language, Excel's code in a detail line. */
import { SheetsChanged } from "../../src/adapters/office/writeSheets";
import { BalansError } from "../../src/core/problems";
import { STRINGS } from "../../src/taskpane/i18n";
import { explain, liveText, setupMessage } from "../../src/taskpane/pane";
import { createExcelDouble } from "../double/excelDouble";

/** A real failure of the double (an Office.js RichApi error). */
async function officeError(code: "cellEdit" | "missing"): Promise<unknown> {
  const { book, Excel } = createExcelDouble();
  if (code === "cellEdit") book.startCellEdit();
  return Excel.run(async (context) => {
    const name = code === "missing" ? "Finns inte" : "Blad1";
    context.workbook.worksheets.getItem(name).getRange("A1").values = [["x"]];
    await context.sync();
  }).catch((e) => e);
}

describe("pane messages", () => {
  it("say what an Office error means, in Swedish, with the code as a detail", async () => {
    expect(explain(await officeError("cellEdit"), STRINGS.sv)).toEqual({
      kind: "error",
      text: "Excel är i redigeringsläge. Tryck Enter eller Esc i cellen och försök igen.",
      detail: "Felkod från Excel: InvalidOperationInCellEditMode",
    });
    expect(explain(await officeError("missing"), STRINGS.en)).toEqual({
      kind: "error",
      text: "A sheet or table Balans used no longer exists.",
      detail: "Error code from Excel: ItemNotFound",
    });
  });

  it("never show an exception's own text", () => {
    const message = explain(new ReferenceError("Excel is not defined"), STRINGS.sv);
    expect(message.text).toBe(STRINGS.sv.internalFailed);
    expect(message.detail).toBe("Teknisk uppgift: ReferenceError");
    expect(JSON.stringify(message)).not.toMatch(/is not defined/);
  });

  it("explain sheets renamed while the question was open, in the pane's language", () => {
    expect(explain(new SheetsChanged(["Årseffekter"]), STRINGS.en)).toEqual({
      kind: "warning",
      text: "Årseffekter was renamed or deleted while the question was open; nothing was written. Try again.",
    });
  });

  it("pass Balans' own explanations through", () => {
    expect(explain(new BalansError("Välj högst 50 år."), STRINGS.sv)).toEqual({
      kind: "error",
      text: "Det gick inte: Välj högst 50 år.",
    });
  });

  it("tell whether formulas are live, and when Balans tries again", () => {
    const t = STRINGS.sv;
    expect(liveText({ state: "live", formulas: 12 }, t, 0).text).toBe(
      "Balans-formlerna (12) följer tabellerna av sig själva."
    );
    expect(
      liveText({ state: "retrying", code: "GeneralException", retryAt: 8_000, formulas: 3 }, t, 0)
    ).toEqual({
      kind: "warning",
      text: "Balans-formlerna följer inte tabellerna just nu; Balans försöker igen om 8 s.",
      detail: "Felkod från Excel: GeneralException",
    });
    expect(liveText(undefined, STRINGS.en, 0)).toEqual({
      kind: "info",
      text: "No Balans formulas are running in this workbook.",
    });
  });

  it("say what Set-up did about the forecast columns, in both languages", () => {
    const both = ["Prognos helårseffekt", "Prognos start"];
    const created = [{ requested: "Underskott", sheet: "Underskott", replaced: false }];
    const added = { outcome: "added" as const, table: "Atgarder", headers: both };
    expect(
      setupMessage({ created: [], alreadyThere: ["Atgarder"], forecastColumns: added }, STRINGS.sv)
    ).toEqual({
      kind: "success",
      text: "La till kolumnerna Prognos helårseffekt och Prognos start i tabellen Atgarder.",
    });
    expect(
      setupMessage({ created, alreadyThere: ["Atgarder"], forecastColumns: added }, STRINGS.en)
    ).toEqual({
      kind: "success",
      text: "Created Underskott. Added the columns Prognos helårseffekt and Prognos start to the table Atgarder.",
    });
    const blocked = {
      outcome: "blocked" as const,
      table: "Atgarder",
      headers: ["Prognos start"],
      address: "L1:L25",
    };
    expect(
      setupMessage({ created: [], alreadyThere: [], forecastColumns: blocked }, STRINGS.sv)
    ).toEqual({
      kind: "warning",
      text: "Kolumnen till höger om tabellen Atgarder (L1:L25) är inte tom; flytta innehållet eller lägg till kolumnen Prognos start själv.",
    });
    const declined = { outcome: "declined" as const, table: "Atgarder", headers: both };
    expect(
      setupMessage({ created: [], alreadyThere: [], forecastColumns: declined }, STRINGS.sv)
    ).toEqual({
      kind: "warning",
      text: "Tabellen Atgarder ändrades inte; prognosen kan användas när kolumnerna Prognos helårseffekt och Prognos start finns.",
    });
    expect(STRINGS.sv.confirmAddColumns("Atgarder", both)).toBe(
      "Tabellen Atgarder saknar kolumnerna Prognos helårseffekt och Prognos start, där du skriver prognosen. Lägga till dem sist i tabellen, tomma? Inget annat i tabellen ändras."
    );
    expect(setupMessage({ created: [], alreadyThere: ["Atgarder"] }, STRINGS.sv).text).toBe(
      "Alla tabeller fanns redan."
    );
  });
});
