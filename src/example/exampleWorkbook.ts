import { deficitsTableLayout, measuresTableLayout } from "../core/sheets/inputTables";
import { TableLayout } from "../core/layout";
import { RawTable } from "../core/tables";
import { EXAMPLE_DEFICITS, EXAMPLE_MEASURES } from "./linkopingPlan2020";

/** The example's input tables as Balans writes them into a workbook. */
export function exampleTableLayouts(): TableLayout[] {
  return [
    measuresTableLayout(
      EXAMPLE_MEASURES.map((m) => ({ ...m })),
      "mnkr",
    ),
    deficitsTableLayout(EXAMPLE_DEFICITS.map((d) => ({ ...d })), "mnkr"),
  ];
}

/** A table layout seen as a host would read it back: header row plus data rows. */
export function layoutAsRawTable(layout: TableLayout): RawTable {
  return {
    name: layout.name,
    sheetName: layout.sheet,
    headers: layout.columns.map((c) => c.header),
    rows: layout.rows,
    firstRowNumber: 2,
  };
}
