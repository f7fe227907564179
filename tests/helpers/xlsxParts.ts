import { rewriteZip } from "../../src/adapters/xlsx/zipWrite";

const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const TYPE = (kind: string) => `${REL}/${kind}`;

/** A zip archive holding exactly these parts, in this order. */
export function zipOf(parts: Record<string, string | Buffer>): Buffer {
  return rewriteZip(
    EMPTY_ZIP,
    [],
    new Map(),
    Object.entries(parts).map(([name, data]) => ({ name, data: Buffer.from(data) }))
  );
}

export interface SheetSpec {
  name: string;
  xml: string;
  /** Table part XML on this sheet. */
  tables?: string[];
}

/**
 * A minimal .xlsx package written by hand, part by part, as other programs write them (no
 * exceljs): what the reader must cope with is exactly what the test says.
 */
export function handmadeXlsx(opts: {
  sheets: SheetSpec[];
  sharedStrings?: string[] | string;
  styles?: string;
  date1904?: boolean;
}): Buffer {
  const parts: Record<string, string> = {};
  let tableNo = 0;
  const overrides: string[] = [];
  opts.sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = s.xml;
    overrides.push(
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
    );
    if (s.tables?.length) {
      const rels = s.tables.map((t) => {
        tableNo++;
        parts[`xl/tables/table${tableNo}.xml`] = t;
        overrides.push(
          `<Override PartName="/xl/tables/table${tableNo}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`
        );
        return `<Relationship Id="rId${tableNo}" Type="${TYPE("table")}" Target="../tables/table${tableNo}.xml"/>`;
      });
      parts[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] =
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`;
    }
  });
  const sst =
    typeof opts.sharedStrings === "string"
      ? opts.sharedStrings
      : opts.sharedStrings
        ? `<sst xmlns="${MAIN}" count="${opts.sharedStrings.length}">${opts.sharedStrings.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join("")}</sst>`
        : undefined;
  const styles =
    opts.styles ??
    `<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="10"/><name val="Arial"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`;
  const wbRels = [
    ...opts.sheets.map(
      (_, i) =>
        `<Relationship Id="rIdS${i + 1}" Type="${TYPE("worksheet")}" Target="worksheets/sheet${i + 1}.xml"/>`
    ),
    `<Relationship Id="rIdStyles" Type="${TYPE("styles")}" Target="styles.xml"/>`,
    ...(sst
      ? [`<Relationship Id="rIdSst" Type="${TYPE("sharedStrings")}" Target="sharedStrings.xml"/>`]
      : []),
  ];
  return zipOf({
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sst ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` : ""}${overrides.join("")}</Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${TYPE("officeDocument")}" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${opts.date1904 ? ' date1904="1"' : ""}/><bookViews><workbookView/></bookViews><sheets>${opts.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rIdS${i + 1}"/>`).join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${wbRels.join("")}</Relationships>`,
    "xl/styles.xml": styles,
    ...(sst ? { "xl/sharedStrings.xml": sst } : {}),
    ...parts,
  });
}

export const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows}</sheetData></worksheet>`;
