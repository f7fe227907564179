import { CellValue } from "../../core/tables";
import { CellLook, headerFooterCodes, LookedRow, ReportSetup } from "./reportLook";
import { columnLetter } from "../../core/a1";
import { escapeXml } from "./xml";

/**
 * The XML of a worksheet part for a report sheet: cells with inline strings (the shared string
 * table of the input stays as it is) and style indexes given by `styleOf`.
 */
export function reportSheetXml(
  setup: ReportSetup,
  rows: readonly LookedRow[],
  styleOf: (look: CellLook) => number
): Buffer {
  const parts: string[] = [];
  const width = Math.max(1, setup.widths.length, ...rows.map((r) => r.cells.length));
  parts.push(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ',
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
    `<dimension ref="A1:${columnLetter(width - 1)}${Math.max(1, rows.length)}"/>`,
    '<sheetViews><sheetView showGridLines="0" workbookViewId="0">'
  );
  if (setup.freezeRows > 0)
    parts.push(
      `<pane ySplit="${setup.freezeRows}" topLeftCell="A${setup.freezeRows + 1}" activePane="bottomLeft" state="frozen"/>`,
      '<selection pane="bottomLeft"/>'
    );
  parts.push('</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>');
  if (setup.widths.length) {
    parts.push("<cols>");
    setup.widths.forEach((w, i) =>
      parts.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    );
    parts.push("</cols>");
  }
  parts.push("<sheetData>");
  const letters = Array.from({ length: width }, (_, c) => columnLetter(c));
  rows.forEach((row, r) => {
    const n = r + 1;
    let xml =
      row.height === undefined
        ? `<row r="${n}">`
        : `<row r="${n}" ht="${row.height}" customHeight="1">`;
    for (let c = 0; c < row.cells.length; c++) {
      const cell = row.cells[c];
      if (cell) xml += cellXml(letters[c] + n, styleOf(cell.look), cell.value);
    }
    parts.push(xml, "</row>");
  });
  parts.push("</sheetData>");
  const print = setup.print;
  const m = print.margins;
  parts.push(
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`,
    `<pageSetup paperSize="9" orientation="${print.orientation}" fitToWidth="${print.fitToPagesWide}" fitToHeight="0"/>`,
    `<headerFooter><oddHeader>${escapeXml(headerFooterCodes(print.header))}</oddHeader>`,
    `<oddFooter>${escapeXml(headerFooterCodes(print.footer))}</oddFooter></headerFooter>`
  );
  // A break is stored after the last row of a page: the row above the one that starts the next.
  if (print.rowBreaks.length) {
    parts.push(
      `<rowBreaks count="${print.rowBreaks.length}" manualBreakCount="${print.rowBreaks.length}">`
    );
    for (const row of print.rowBreaks) parts.push(`<brk id="${row}" max="16383" man="1"/>`);
    parts.push("</rowBreaks>");
  }
  parts.push("</worksheet>");
  return Buffer.from(parts.join(""), "utf8");
}

function cellXml(ref: string, s: number, value: CellValue): string {
  const style = s ? ` s="${s}"` : "";
  if (value === null || value === undefined) return `<c r="${ref}"${style}/>`;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return `<c r="${ref}"${style} t="e"><v>#NUM!</v></c>`;
    return `<c r="${ref}"${style}><v>${value}</v></c>`;
  }
  if (typeof value === "boolean") return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
  const safe = NEEDS_ESCAPE.test(text) ? escapeXml(ooxmlText(text)) : text;
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${safe}</t></is></c>`;
}

// Characters XML 1.0 cannot hold, a carriage return (XML readers turn it into a line feed), and
// literal `_xHHHH_` that would read as an escape.
const XML_UNSAFE = new RegExp(
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  "_x[0-9A-Fa-f]{4}_|[\\u0000-\\u0008\\u000b-\\u001f\\ufffe\\uffff]",
  "g"
);

const NEEDS_ESCAPE = new RegExp(
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  '[&<>"\\u0000-\\u0008\\u000b-\\u001f\\ufffe\\uffff]|_x'
);

/** Text as spreadsheet XML holds it: characters XML cannot carry become `_xHHHH_`. */
export function ooxmlText(text: string): string {
  return text.replace(XML_UNSAFE, (m) =>
    m.length > 1
      ? `_x005F_${m.slice(1)}`
      : `_x${m.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
  );
}
