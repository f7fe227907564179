import {
  alignedFormat,
  CELL_INDENT,
  CellFormat,
  horizontalOf,
  SheetLayout,
} from "../../core/layout";
import { blockAddress } from "./cells";

const POINTS_PER_INCH = 72;

/**
 * The layout's print setup (see `forPrint` in core/printLayout.ts) on a sheet of the open workbook:
 * A4, orientation, one page wide, the repeated header row, page breaks, header and footer, and the
 * cells' alignment that printing needs (top; text left and indented, figures right). Queued on the
 * sheet's own batch: no sync of its own. Everything here
 * is ExcelApi 1.9 (PageLayout, HeaderFooter, PageBreakCollection), as the writer's other calls.
 */
export function applyPageSetup(ws: Excel.Worksheet, layout: SheetLayout): void {
  const print = layout.print;
  if (!print) return;
  const width = layout.columns.length;
  const height = layout.kind === "table" ? Math.max(1, layout.rows.length) + 1 : layout.rows.length;
  if (height > 0) ws.getRange(blockAddress(0, 0, height, width)).format.verticalAlignment = "Top";
  // Each column aligned to its side, text one indent step in (a report's cells that differ from
  // their column, such as an agreement's scope, one by one), as the file writer does.
  const align = (range: Excel.Range, format: CellFormat | undefined) => {
    const left = horizontalOf(format) === "left";
    range.format.horizontalAlignment = left ? "Left" : "Right";
    range.format.indentLevel = left ? CELL_INDENT : 0;
  };
  if (height > 0)
    layout.columns.forEach((c, i) => align(ws.getRange(blockAddress(0, i, height, 1)), c.format));
  // A table's headers wrap in their columns, left-aligned (a right-aligned one would hide under
  // its filter button), as in the file writer.
  if (layout.kind === "table") {
    const header = ws.getRange(blockAddress(0, 0, 1, width));
    header.format.wrapText = true;
    align(header, "text");
  }
  if (layout.kind === "report")
    layout.rows.forEach((row, r) => {
      layout.columns.forEach((column, c) => {
        const f = alignedFormat(row, c, layout.columns);
        if (horizontalOf(f) !== horizontalOf(column.format))
          align(ws.getRange(blockAddress(r, c, 1, 1)), f);
      });
      // Headers sit on their rule, as in the file writer.
      if (row.style === "header")
        ws.getRange(blockAddress(r, 0, 1, width)).format.verticalAlignment = "Bottom";
    });

  const page = ws.pageLayout;
  const m = print.margins;
  page.set({
    paperSize: "A4",
    orientation: print.orientation === "landscape" ? "Landscape" : "Portrait",
    zoom: { horizontalFitToPages: print.fitToPagesWide, verticalFitToPages: 0 },
    leftMargin: m.left * POINTS_PER_INCH,
    rightMargin: m.right * POINTS_PER_INCH,
    topMargin: m.top * POINTS_PER_INCH,
    bottomMargin: m.bottom * POINTS_PER_INCH,
    headerMargin: m.header * POINTS_PER_INCH,
    footerMargin: m.footer * POINTS_PER_INCH,
  });
  page.headersFooters.defaultForAllPages.set({
    leftHeader: print.header.left,
    centerHeader: print.header.center,
    rightHeader: print.header.right,
    leftFooter: print.footer.left,
    centerFooter: print.footer.center,
    rightFooter: print.footer.right,
  });
  if (print.titleRows)
    page.setPrintTitleRows(`$${print.titleRows.first + 1}:$${print.titleRows.last + 1}`);
  // A break goes above the row that starts the next page; a sheet rewritten in place loses the
  // breaks of its old rows first.
  ws.horizontalPageBreaks.removePageBreaks();
  for (const row of print.rowBreaks) ws.horizontalPageBreaks.add(`A${row + 1}`);
}
