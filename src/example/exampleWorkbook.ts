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

/**
 * The Balans tables as Balans creates them, empty or filled with the example. Kostnader is not
 * among them: once that table exists, booked costs replace the agreements' accrual.
 */
export function balansTableLayouts(withExample: boolean): TableLayout[] {
  const rows = <T>(example: readonly T[]): T[] =>
    withExample ? example.map((r) => ({ ...r })) : [];
  return [
    measuresTableLayout(rows(EXAMPLE_MEASURES)),
    deficitsTableLayout(rows(EXAMPLE_DEFICITS)),
    followUpTableLayout(rows(EXAMPLE_FOLLOW_UP)),
    transfersTableLayout(rows(EXAMPLE_TRANSFERS)),
    agreementsTableLayout(rows(EXAMPLE_AGREEMENTS)),
    orderTableLayout(rows(EXAMPLE_ORDER)),
  ];
}

/** The example's input tables as Balans writes them into a workbook. */
export function exampleTableLayouts(): TableLayout[] {
  return balansTableLayouts(true);
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
