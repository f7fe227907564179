import type { SheetLayout } from "../../core/layout";

/**
 * Writes a new workbook of the layouts. exceljs is loaded here, on first use, not when the
 * command line starts: it takes half a second, and only the commands that make a new workbook
 * need it.
 */
export async function writeNewWorkbook(
  file: string,
  layouts: readonly SheetLayout[]
): Promise<void> {
  const { writeLayoutsToFile } = await import("./writeLayouts");
  await writeLayoutsToFile(file, layouts);
}
