import { foldText } from "../core/text";

/**
 * Calls `onChange` when a Balans table may have changed: an edit in a table (also a co-author's),
 * a table or sheet added, deleted or renamed, or an edit on a sheet that serves as a table. Table
 * renames raise no event, so the names of tables and sheets are also compared every `pollMs`.
 */
export async function watchWorkbook(
  tableNames: readonly string[],
  onChange: () => void,
  pollMs = 5000
): Promise<() => void> {
  const wanted = new Set(tableNames.map(foldText));
  let signature = "";
  let watchedSheetIds = new Set<string>();

  const readNames = () =>
    Excel.run(async (context) => {
      const tables = context.workbook.tables.load("items/name");
      const sheets = context.workbook.worksheets.load("items/name, items/id");
      await context.sync();
      watchedSheetIds = new Set(
        sheets.items.filter((s) => wanted.has(foldText(s.name))).map((s) => s.id)
      );
      return [
        ...tables.items.map((t) => `t:${t.name}`),
        ...sheets.items.map((s) => `s:${s.name}`),
      ].join("\n");
    });

  signature = await readNames();
  await Excel.run(async (context) => {
    const { tables, worksheets } = context.workbook;
    tables.onChanged.add(async () => onChange());
    tables.onAdded.add(async () => onChange());
    tables.onDeleted.add(async () => onChange());
    worksheets.onAdded.add(async () => onChange());
    worksheets.onDeleted.add(async () => onChange());
    if (Office.context.requirements.isSetSupported("ExcelApi", "1.9")) {
      worksheets.onChanged.add(async (event) => {
        if (watchedSheetIds.has(event.worksheetId)) onChange();
      });
    }
    await context.sync();
  });

  const timer = setInterval(async () => {
    try {
      const now = await readNames();
      if (now !== signature) {
        signature = now;
        onChange();
      }
    } catch {
      // The workbook may be busy (a dialog open, cell in edit mode); try again next time.
    }
  }, pollMs);
  return () => clearInterval(timer);
}
