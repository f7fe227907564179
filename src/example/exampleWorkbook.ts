import {
  agreementsTableLayout,
  deficitsTableLayout,
  followUpTableLayout,
  measuresTableLayout,
  orderTableLayout,
  transfersTableLayout,
} from "../core/sheets/inputTables";
import { TableLayout } from "../core/layout";
import { RawTable } from "../core/tables";
import { EXAMPLE_DEFICITS, EXAMPLE_MEASURES } from "./linkopingPlan2020";
import {
  EXAMPLE_AGREEMENTS,
  EXAMPLE_FOLLOW_UP,
  EXAMPLE_ORDER,
  EXAMPLE_TRANSFERS,
} from "./transfersOnSn2018";

/** The example's input tables as Balans writes them into a workbook. */
export function exampleTableLayouts(): TableLayout[] {
  return [
    measuresTableLayout(EXAMPLE_MEASURES.map((m) => ({ ...m }))),
    deficitsTableLayout(EXAMPLE_DEFICITS.map((d) => ({ ...d }))),
    followUpTableLayout(EXAMPLE_FOLLOW_UP),
    transfersTableLayout(EXAMPLE_TRANSFERS),
    agreementsTableLayout(EXAMPLE_AGREEMENTS),
    orderTableLayout(EXAMPLE_ORDER),
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
