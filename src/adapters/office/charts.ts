import { ChartLayout } from "../../core/layout";
import { blockAddress, columnLetter } from "./cells";

/** A clustered column chart of a block of the sheet, placed below it. */
export function addChart(ws: Excel.Worksheet, c: ChartLayout): void {
  const source = ws.getRange(
    blockAddress(
      c.firstRow,
      c.firstColumn,
      c.lastRow - c.firstRow + 1,
      c.lastColumn - c.firstColumn + 1
    )
  );
  const chart = ws.charts.add(
    Excel.ChartType.columnClustered,
    source,
    c.seriesBy === "rows" ? Excel.ChartSeriesBy.rows : Excel.ChartSeriesBy.columns
  );
  chart.title.text = c.title;
  // Below its block and as wide, so it prints on the page with it (as the file's picture).
  chart.setPosition(
    `${columnLetter(c.firstColumn)}${c.lastRow + 3}`,
    `${columnLetter(c.lastColumn)}${c.lastRow + 17}`
  );
}
