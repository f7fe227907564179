/** The pane's texts. Swedish first; English when Office runs in another language. */

/** `kolumnen X`, `kolumnerna X och Y` (`X, Y och Z`). */
const columnsSv = (headers: string[]) =>
  headers.length === 1
    ? `kolumnen ${headers[0]}`
    : `kolumnerna ${headers.slice(0, -1).join(", ")} och ${headers[headers.length - 1]}`;
const columnsEn = (headers: string[]) =>
  headers.length === 1
    ? `the column ${headers[0]}`
    : `the columns ${headers.slice(0, -1).join(", ")} and ${headers[headers.length - 1]}`;

export const STRINGS = {
  sv: {
    subtitle: "Åtgärdsplan och överförda medel i den här arbetsboken",
    workbook: "Arbetsbok",
    workbookHelp: "Balans läser tabellerna nedan. Saknas de kan Balans skapa dem.",
    rows: (n: number) => `${n} ${n === 1 ? "rad" : "rader"}`,
    missing: "saknas",
    optional: "valfri",
    createTables: "Skapa saknade tabeller",
    withExample: "Fyll med exemplet (Linköpings åtgärdsplan 2020)",
    check: "Kontrollera",
    checkHelp:
      "Hitta rader som Balans inte kan räkna. Klicka på ett problem för att gå till cellen.",
    checkButton: "Kontrollera tabellerna",
    noProblems: "Inga problem hittades.",
    notice: "Obs",
    problemsFound: (n: number) => `${n} ${n === 1 ? "problem" : "problem"} hittades:`,
    effects: "Årseffekter",
    effectsHelp:
      "Besparing per åtgärd och år, delsummor per område, underskott och restunderskott, med diagram.",
    fromYear: "Från år",
    toYear: "Till år",
    writeEffects: "Skriv årseffekter",
    transfers: "Överföringar",
    transfersHelp: "Socialnämndens saldo av överförda medel månad för månad och per insats.",
    year: "År",
    writeTransfers: "Skriv överföringar",
    report: "Månadsrapport",
    reportHelp: "Bladet Rapport ÅÅÅÅ-MM: en ögonblicksbild av månaden, klar att skriva ut.",
    month: "Månad",
    writeReport: "Skriv rapport",
    working: "Arbetar …",
    reading: "Läser tabellerna …",
    done: "Klart.",
    wrote: (sheets: string[]) =>
      `Skrev ${sheets.length === 1 ? "bladet" : "bladen"} ${sheets.join(", ")}.`,
    renamed: (requested: string, sheet: string) =>
      `Ett eget blad heter redan ${requested}; det rördes inte, och Balans skrev ${sheet}.`,
    created: (tables: string[]) =>
      tables.length ? `Skapade ${tables.join(", ")}.` : "Alla tabeller fanns redan.",
    cancelled: "Avbrutet: inget ändrades.",
    failed: "Det gick inte:",
    excelFailed: "Excel kunde inte göra det Balans bad om.",
    internalFailed: "Något gick fel i Balans; inget av det du skrivit har ändrats av felet.",
    importLoadFailed:
      "Balans kunde inte hämta sin läsare för plantexter från servern. Kontrollera anslutningen och klicka igen.",
    errorDetail: (code: string) => `Felkod från Excel: ${code}`,
    internalDetail: (name: string) => `Teknisk uppgift: ${name}`,
    officeErrors: {
      InvalidOperationInCellEditMode:
        "Excel är i redigeringsläge. Tryck Enter eller Esc i cellen och försök igen.",
      ItemNotFound: "Ett blad eller en tabell som Balans använde finns inte längre.",
      ItemAlreadyExists: "Ett blad eller en tabell med samma namn finns redan.",
      AccessDenied: "Arbetsboken eller bladet är skyddat; Balans får inte ändra det.",
      ApiNotFound: "Den här versionen av Excel saknar en funktion som Balans behöver.",
      ResponsePayloadSizeLimitExceeded: "Tabellerna är för stora för att läsas på en gång.",
      RequestPayloadSizeLimitExceeded: "Det Balans skulle skriva är för stort för en begäran.",
      Timeout: "Excel svarade inte i tid.",
    } as Record<string, string>,
    sheetsChanged: (sheets: string[]) =>
      `${sheets.join(", ")} döptes om eller togs bort medan frågan var öppen; inget skrevs. Försök igen.`,
    notInExcel:
      "Balans körs inte i Excel. Öppna tillägget i Excel (fliken Start, Balans) för att använda knapparna.",
    liveOn: (n: number) =>
      n
        ? `Balans-formlerna (${n}) följer tabellerna av sig själva.`
        : "Balans-formler följer tabellerna av sig själva när de används.",
    liveStarting: "Balans börjar följa tabellerna …",
    liveRetrying: (seconds: number) =>
      `Balans-formlerna följer inte tabellerna just nu; Balans försöker igen om ${seconds} s.`,
    liveNone: "Inga Balans-formler är igång i den här arbetsboken.",
    confirmReplace: (sheets: string[]) =>
      `Balans skrev ${sheets.join(", ")} tidigare. Ersätta med nya värden? Allt som står på ${sheets.length === 1 ? "bladet" : "bladen"} nu ersätts, också det du själv har skrivit där.`,
    replace: "Ersätt",
    cancel: "Avbryt",
    confirmAddColumns: (table: string, headers: string[]) =>
      `Tabellen ${table} saknar ${columnsSv(headers)}, där du skriver prognosen. Lägga till ${headers.length === 1 ? "den" : "dem"} sist i tabellen, ${headers.length === 1 ? "tom" : "tomma"}? Inget annat i tabellen ändras.`,
    addColumns: "Lägg till",
    forecastColumns: {
      added: (table: string, headers: string[]) =>
        `La till ${columnsSv(headers)} i tabellen ${table}.`,
      declined: (table: string, headers: string[]) =>
        `Tabellen ${table} ändrades inte; prognosen kan användas när ${columnsSv(headers)} finns.`,
      blocked: (table: string, headers: string[], address: string) =>
        `${headers.length === 1 ? "Kolumnen" : "Kolumnerna"} till höger om tabellen ${table} (${address}) är inte ${headers.length === 1 ? "tom" : "tomma"}; flytta innehållet eller lägg till ${columnsSv(headers)} själv.`,
    },
    badYear: "Ange ett år, t.ex. 2021.",
    badMonth: "Ange en månad som ÅÅÅÅ-MM, t.ex. 2020-08.",
    import: "Importera plan",
    importHelp:
      "Klistra in åtgärdsplanens text från Word eller PDF. Balans hittar åtgärderna och kontrollerar summorna.",
    importLabel: "Planens text",
    preview: "Förhandsgranska",
    writeImport: "Skriv till Atgarder",
    previewSummary: (n: number, sections: number, unit: string) =>
      `${n} ${n === 1 ? "åtgärd" : "åtgärder"} i ${sections} avsnitt (${unit}).`,
    sumsMatch: "Planens summor och tabell per år stämmer.",
    noSums: "Texten anger inga summor, så inget har stämts av mot planens egna siffror.",
    sumsDiffer: "Några summor stämmer inte; se problemen.",
    importColumns: (line: number, unit: string, mapping: string) =>
      `Tabellen på rad ${line} (${unit}): ${mapping}`,
    importColumnsHelp:
      "Så läste Balans kolumnerna. Öppna en tabell och ändra en kolumns roll om den blev fel; texten läses om direkt.",
    importColumnRole: "Roll för kolumnen",
    roles: {
      id: "Id",
      area: "Område",
      name: "Åtgärd",
      annual: "Helårseffekt",
      year: "Effekt år",
      timing: "Tidsaspekt",
      dependency: "Beroende",
      comment: "Kommentar",
      ignore: "Ignoreras",
    },
    confidence: (percent: number, prose: boolean) =>
      `${prose ? "förslag ur löptext, " : ""}säkerhet ${percent} %`,
    candidatesHelp:
      "Förslag ur löptext (osäkra). Kryssa i de som ska skrivas; inget skrivs utan ditt val.",
    acceptCandidate: (name: string) => `Skriv förslaget: ${name}`,
    importCreated: (sheet: string, n: number) =>
      `Skapade tabellen Atgarder på bladet ${sheet} med ${n} åtgärder.`,
    importAppended: (n: number, first: string, last: string) =>
      `Lade till ${n} åtgärder sist i Atgarder (${first}–${last}); befintliga rader är orörda.`,
    scenario: "Scenario",
    scenarioHelp:
      "Vad händer med restunderskottet om åtgärder försenas eller ger mindre? Tabellerna ändras inte; inget skrivs förrän du klickar Skriv scenario.",
    scenarioOpen: "Välj åtgärder och antaganden",
    scenarioDelay: "Försening (månader)",
    scenarioShare: "Andel av planen (%)",
    scenarioYear: "År",
    scenarioPlan: "Plan",
    scenarioChanged: "Scenario",
    scenarioDifference: "Skillnad",
    scenarioResidual: (unit: string) => `Restunderskott per år (${unit})`,
    scenarioSavings: (unit: string) =>
      `Besparing per år (${unit}); fyll i Underskott för restunderskottet`,
    scenarioChoose: "Kryssa i de åtgärder som ska ändras.",
    scenarioBadDelay: "Försening: ange 0–120 hela månader.",
    scenarioBadShare: "Andel: ange 0–1000 %.",
    writeScenario: "Skriv scenario",
  },
  en: {
    subtitle: "Action plan and transferred funds in this workbook",
    workbook: "Workbook",
    workbookHelp: "Balans reads the tables below. If they are missing, Balans can create them.",
    rows: (n: number) => `${n} ${n === 1 ? "row" : "rows"}`,
    missing: "missing",
    optional: "optional",
    createTables: "Create missing tables",
    withExample: "Fill with the example (Linköping's action plan 2020)",
    check: "Check",
    checkHelp: "Find rows Balans cannot compute. Click a problem to go to the cell.",
    checkButton: "Check the tables",
    noProblems: "No problems found.",
    notice: "Note",
    problemsFound: (n: number) => `${n} ${n === 1 ? "problem" : "problems"} found:`,
    effects: "Yearly effects",
    effectsHelp:
      "Savings per measure and year, subtotals per area, deficit and residual deficit, with a chart.",
    fromYear: "From year",
    toYear: "To year",
    writeEffects: "Write yearly effects",
    transfers: "Transfers",
    transfersHelp: "Socialnämnden's balance of transferred funds month by month and per insats.",
    year: "Year",
    writeTransfers: "Write transfers",
    report: "Monthly report",
    reportHelp: "The sheet Rapport YYYY-MM: a snapshot of the month, ready to print.",
    month: "Month",
    writeReport: "Write report",
    working: "Working …",
    reading: "Reading the tables …",
    done: "Done.",
    wrote: (sheets: string[]) =>
      `Wrote the ${sheets.length === 1 ? "sheet" : "sheets"} ${sheets.join(", ")}.`,
    renamed: (requested: string, sheet: string) =>
      `A sheet of yours is already called ${requested}; it was not touched, and Balans wrote ${sheet}.`,
    created: (tables: string[]) =>
      tables.length ? `Created ${tables.join(", ")}.` : "All tables were already there.",
    cancelled: "Cancelled: nothing was changed.",
    failed: "That did not work:",
    excelFailed: "Excel could not do what Balans asked.",
    internalFailed: "Something went wrong in Balans; nothing you wrote was changed by the error.",
    importLoadFailed:
      "Balans could not fetch its plan-text reader from the server. Check the connection and click again.",
    errorDetail: (code: string) => `Error code from Excel: ${code}`,
    internalDetail: (name: string) => `Technical detail: ${name}`,
    officeErrors: {
      InvalidOperationInCellEditMode:
        "Excel is editing a cell. Press Enter or Esc in the cell and try again.",
      ItemNotFound: "A sheet or table Balans used no longer exists.",
      ItemAlreadyExists: "A sheet or table of the same name already exists.",
      AccessDenied: "The workbook or sheet is protected; Balans may not change it.",
      ApiNotFound: "This version of Excel lacks a feature Balans needs.",
      ResponsePayloadSizeLimitExceeded: "The tables are too large to read at once.",
      RequestPayloadSizeLimitExceeded: "What Balans would write is too large for one request.",
      Timeout: "Excel did not answer in time.",
    } as Record<string, string>,
    sheetsChanged: (sheets: string[]) =>
      `${sheets.join(", ")} was renamed or deleted while the question was open; nothing was written. Try again.`,
    notInExcel:
      "Balans is not running in Excel. Open the add-in in Excel (Home tab, Balans) to use the buttons.",
    liveOn: (n: number) =>
      n
        ? `The Balans formulas (${n}) follow the tables by themselves.`
        : "Balans formulas follow the tables by themselves when used.",
    liveStarting: "Balans is starting to follow the tables …",
    liveRetrying: (seconds: number) =>
      `The Balans formulas do not follow the tables right now; Balans tries again in ${seconds} s.`,
    liveNone: "No Balans formulas are running in this workbook.",
    confirmReplace: (sheets: string[]) =>
      `Balans wrote ${sheets.join(", ")} earlier. Replace with new figures? Everything on ${sheets.length === 1 ? "that sheet" : "those sheets"} now is replaced, also what you typed there yourself.`,
    replace: "Replace",
    cancel: "Cancel",
    confirmAddColumns: (table: string, headers: string[]) =>
      `The table ${table} lacks ${columnsEn(headers)}, where you type the forecast. Add ${headers.length === 1 ? "it" : "them"} at the end of the table, empty? Nothing else in the table changes.`,
    addColumns: "Add",
    forecastColumns: {
      added: (table: string, headers: string[]) =>
        `Added ${columnsEn(headers)} to the table ${table}.`,
      declined: (table: string, headers: string[]) =>
        `The table ${table} was not changed; the forecast can be used once ${columnsEn(headers)} ${headers.length === 1 ? "is" : "are"} there.`,
      blocked: (table: string, headers: string[], address: string) =>
        `The ${headers.length === 1 ? "column" : "columns"} right of the table ${table} (${address}) ${headers.length === 1 ? "is" : "are"} not empty; move what is there or add ${columnsEn(headers)} yourself.`,
    },
    badYear: "Enter a year, e.g. 2021.",
    badMonth: "Enter a month as YYYY-MM, e.g. 2020-08.",
    import: "Import a plan",
    importHelp:
      "Paste the action plan's text from Word or PDF. Balans finds the measures and checks the sums.",
    importLabel: "The plan's text",
    preview: "Preview",
    writeImport: "Write to Atgarder",
    previewSummary: (n: number, sections: number, unit: string) =>
      `${n} ${n === 1 ? "measure" : "measures"} in ${sections} ${sections === 1 ? "section" : "sections"} (${unit}).`,
    sumsMatch: "The plan's sums and table per year match.",
    noSums: "The text states no sums, so nothing was checked against the plan's own figures.",
    sumsDiffer: "Some sums do not match; see the problems.",
    importColumns: (line: number, unit: string, mapping: string) =>
      `The table on line ${line} (${unit}): ${mapping}`,
    importColumnsHelp:
      "How Balans read the columns. Open a table and change a column's role if it is wrong; the text is read again at once.",
    importColumnRole: "Role of the column",
    roles: {
      id: "Id",
      area: "Area",
      name: "Measure",
      annual: "Annual effect",
      year: "Effect year",
      timing: "Timing",
      dependency: "Dependency",
      comment: "Comment",
      ignore: "Ignored",
    },
    confidence: (percent: number, prose: boolean) =>
      `${prose ? "from running text, " : ""}confidence ${percent} %`,
    candidatesHelp:
      "Measures found in running text (uncertain). Tick those to write; nothing is written without your choice.",
    acceptCandidate: (name: string) => `Write the candidate: ${name}`,
    importCreated: (sheet: string, n: number) =>
      `Created the table Atgarder on the sheet ${sheet} with ${n} measures.`,
    importAppended: (n: number, first: string, last: string) =>
      `Added ${n} measures at the end of Atgarder (${first}–${last}); existing rows are untouched.`,
    scenario: "Scenario",
    scenarioHelp:
      "What happens to the residual deficit if measures slip or save less? The tables do not change; nothing is written until you click Write scenario.",
    scenarioOpen: "Choose measures and assumptions",
    scenarioDelay: "Delay (months)",
    scenarioShare: "Share of the plan (%)",
    scenarioYear: "Year",
    scenarioPlan: "Plan",
    scenarioChanged: "Scenario",
    scenarioDifference: "Difference",
    scenarioResidual: (unit: string) => `Residual deficit per year (${unit})`,
    scenarioSavings: (unit: string) =>
      `Savings per year (${unit}); fill in Underskott for the residual deficit`,
    scenarioChoose: "Tick the measures to change.",
    scenarioBadDelay: "Delay: enter 0–120 whole months.",
    scenarioBadShare: "Share: enter 0–1000 %.",
    writeScenario: "Write scenario",
  },
};

export type Strings = (typeof STRINGS)["sv"];
export type Language = keyof typeof STRINGS;

/** Swedish for Swedish Office (and when the language is unknown), English otherwise. */
export function pickLanguage(displayLanguage: string | undefined): Language {
  if (!displayLanguage) return "sv";
  return displayLanguage.toLowerCase().startsWith("sv") ? "sv" : "en";
}
