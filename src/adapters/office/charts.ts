import { ChartLayout } from "../../core/layout";
import { blockAddress, columnLetter } from "./cells";

/** A clustered column chart of a block of the sheet, placed to its right. */
export function addChart(ws: Excel.Worksheet, c: ChartLayout): void {
  const source = ws.getRange(
    blockAddress(
      c.firstRow,
      c.firstColumn,
      c.lastRow - c.firstRow + 1,
      c.lastColumn - c.firstColumn + 1
    )
  );
  const chart = ws.charts.add(Excel.ChartType.columnClustered, source, Excel.ChartSeriesBy.columns);
  chart.title.text = c.title;
  chart.setPosition(`${columnLetter(c.lastColumn + 2)}${c.firstRow + 1}`);
}
