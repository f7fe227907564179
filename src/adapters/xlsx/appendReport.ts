import { ReportLayout } from "../../core/layout";
import { forPrint } from "../../core/printLayout";
import { BalansError } from "../../core/problems";
import { workbookInfo } from "./readTables";
import { CellLook, reportRows, reportSetup } from "./reportLook";
import { reportSheetXml } from "./sheetXml";
import { relKind, XlsxPackage } from "./xlsxPackage";
import { escapeXml, XmlError } from "./xml";
import { ZipError } from "./zip";
import { rewriteZip } from "./zipWrite";

const WORKSHEET_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const WORKSHEET_CONTENT =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Excel compares sheet names without regard to case. */
export function freeName(existing: readonly string[], name: string): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name.slice(0, 31 - ` (${n})`.length)} (${n})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Whether the workbook is macro-enabled (its main part's content type says so). */
export function hasMacros(pkg: XlsxPackage): boolean {
  return /macroEnabled\.main\+xml/.test(pkg.text("[Content_Types].xml") ?? "");
}

/** The names of a package's sheets (worksheets and chart sheets alike). */
export function sheetNames(pkg: XlsxPackage): string[] {
  const names: string[] = [];
  pkg.parse(workbookInfo(pkg).part, {
    open(name, a) {
      if (name === "sheet" && a.name !== undefined) names.push(a.name);
    },
    close() {},
    text() {},
  });
  return names;
}

/**
 * The input package with one more sheet, the report, at the end. Every part of the input is copied
 * byte for byte except the five that must name the new sheet: the workbook (its sheet list and
 * print titles), the workbook's relationships, the content types, the styles (new cell formats
 * appended, existing ones unchanged) and the document properties (its list of sheets). Charts,
 * pivot tables, macros, defined names and data validation stay as they were.
 */
export function appendReportSheet(pkg: XlsxPackage, layout: ReportLayout): Buffer {
  try {
    return appendSheet(pkg, layout);
  } catch (error) {
    if (error instanceof XmlError || error instanceof ZipError)
      throw new BalansError(
        `Rapporten kan inte läggas till i en kopia av arbetsboken (${error.message}).`
      );
    throw error;
  }
}

function appendSheet(pkg: XlsxPackage, asLaidOut: ReportLayout): Buffer {
  // Charts are written as pictures by the exceljs writer only; no report added to a copy has one.
  if (asLaidOut.chart)
    throw new BalansError(
      `Bladet ${asLaidOut.sheet} har ett diagram; det skrivs bara i nya arbetsböcker.`
    );
  const layout = forPrint(asLaidOut);
  const info = workbookInfo(pkg);
  if (sheetNames(pkg).some((n) => n.toLowerCase() === layout.sheet.toLowerCase()))
    throw new BalansError(`Arbetsboken har redan ett blad som heter ${layout.sheet}.`);
  const wbDir = info.part.slice(0, info.part.lastIndexOf("/") + 1);
  const rels = pkg.relationships(info.part);

  // The new worksheet part: the first free sheetN.xml beside the workbook's worksheets.
  let k = 1;
  while (pkg.has(`${wbDir}worksheets/sheet${k}.xml`)) k++;
  const sheetPart = `${wbDir}worksheets/sheet${k}.xml`;
  let r = rels.size + 1;
  while (rels.has(`rId${r}`)) r++;
  const relId = `rId${r}`;

  const stylesRel = [...rels.values()].find((x) => relKind(x) === "styles");
  if (!stylesRel || !pkg.has(stylesRel.target))
    throw new BalansError(
      "Arbetsboken saknar formatmallar (styles.xml); rapporten kan inte läggas till."
    );
  const styles = new StyleSheet(pkg.text(stylesRel.target)!);
  const setup = reportSetup(layout);
  const sheet = reportSheetXml(setup, reportRows(layout), (look) => styles.indexOf(look));

  const replace = new Map<string, Buffer>();
  const put = (part: string, text: string) =>
    replace.set(pkg.entry(part)!.name, Buffer.from(text, "utf8"));
  put(stylesRel.target, styles.xml());
  put(
    info.part,
    workbookWithSheet(pkg.text(info.part)!, layout.sheet, relId, setup.print.titleRows)
  );
  const relsPart = `${wbDir}_rels/${info.part.slice(wbDir.length)}.rels`;
  put(
    relsPart,
    insertBefore(
      pkg.text(relsPart)!,
      "Relationships",
      `<Relationship Id="${relId}" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet${k}.xml"/>`
    )
  );
  put(
    "[Content_Types].xml",
    insertBefore(
      pkg.text("[Content_Types].xml")!,
      "Types",
      `<Override PartName="/${sheetPart}" ContentType="${WORKSHEET_CONTENT}"/>`
    )
  );
  const app = pkg.text("docProps/app.xml");
  const appWithSheet = app === undefined ? undefined : appWithSheetName(app, layout.sheet);
  if (appWithSheet !== undefined) put("docProps/app.xml", appWithSheet);

  return rewriteZip(pkg.zip, pkg.entries, replace, [{ name: sheetPart, data: sheet }]);
}

/** Inserts `xml` just before the closing tag of `element` (with any namespace prefix). */
function insertBefore(text: string, element: string, xml: string): string {
  const close = new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${element}\\s*>`);
  const m = close.exec(text);
  if (!m) throw new BalansError(`Arbetsboken är skadad: <${element}> saknas.`);
  return text.slice(0, m.index) + xml + text.slice(m.index);
}

function workbookWithSheet(
  text: string,
  name: string,
  relId: string,
  titleRows: { first: number; last: number } | undefined
): string {
  const sheetTags = text.match(/<(?:[\w.-]+:)?sheet\s[^>]*>/g) ?? [];
  const sheetIds = sheetTags.map((t) => Number(/\ssheetId="(\d+)"/.exec(t)?.[1] ?? 0));
  const sheetId = Math.max(0, ...sheetIds) + 1;
  const prefix = /<([\w.-]+:)?sheets[\s>]/.exec(text)?.[1] ?? "";
  const relPrefix = new RegExp(`xmlns:([\\w.-]+)="${REL_NS}"`).exec(text)?.[1];
  const idAttr = relPrefix ? `${relPrefix}:id="${relId}"` : `xmlns:r="${REL_NS}" r:id="${relId}"`;
  let out = insertBefore(
    text,
    "sheets",
    `<${prefix}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${idAttr}/>`
  );
  if (titleRows !== undefined) {
    const quoted = `'${name.replace(/'/g, "''")}'`;
    const defined = `<${prefix}definedName name="_xlnm.Print_Titles" localSheetId="${sheetTags.length}">${escapeXml(
      `${quoted}!$${titleRows.first + 1}:$${titleRows.last + 1}`
    )}</${prefix}definedName>`;
    if (/<\/(?:[\w.-]+:)?definedNames\s*>/.test(out))
      out = insertBefore(out, "definedNames", defined);
    else {
      // definedNames follows sheets, functionGroups and externalReferences in the workbook.
      const after =
        /<\/(?:[\w.-]+:)?externalReferences\s*>/.exec(out) ??
        /<\/(?:[\w.-]+:)?functionGroups\s*>|<(?:[\w.-]+:)?functionGroups[^>]*\/>/.exec(out) ??
        /<\/(?:[\w.-]+:)?sheets\s*>/.exec(out)!;
      const at = after.index + after[0].length;
      out = `${out.slice(0, at)}<${prefix}definedNames>${defined}</${prefix}definedNames>${out.slice(at)}`;
    }
  }
  return out;
}

/**
 * The document properties with the new sheet in their list of worksheets; undefined (the part is
 * copied as it is) when the list is not in the shape Excel writes.
 */
function appWithSheetName(text: string, name: string): string | undefined {
  const pairs =
    /<HeadingPairs>\s*<vt:vector size="\d+" baseType="variant">([\s\S]*?)<\/vt:vector>\s*<\/HeadingPairs>/.exec(
      text
    );
  const titles =
    /<TitlesOfParts>\s*<vt:vector size="(\d+)" baseType="lpstr">([\s\S]*?)<\/vt:vector>\s*<\/TitlesOfParts>/.exec(
      text
    );
  if (!pairs || !titles) return undefined;
  // The first heading pair counts the worksheets, which come first in the titles.
  const first =
    /<vt:variant>\s*<vt:lpstr>[^<]*<\/vt:lpstr>\s*<\/vt:variant>\s*<vt:variant>\s*<vt:i4>(\d+)<\/vt:i4>/.exec(
      pairs[1]
    );
  if (!first) return undefined;
  const count = Number(first[1]);
  const items = titles[2].match(/<vt:lpstr>[^<]*<\/vt:lpstr>|<vt:lpstr\/>/g) ?? [];
  if (items.length !== Number(titles[1]) || count > items.length) return undefined;
  items.splice(count, 0, `<vt:lpstr>${escapeXml(name)}</vt:lpstr>`);
  const countAt =
    pairs.index + pairs[0].indexOf(pairs[1]) + first.index + first[0].lastIndexOf(first[1]);
  let out = text.slice(0, countAt) + String(count + 1) + text.slice(countAt + first[1].length);
  const titlesNew = `<TitlesOfParts><vt:vector size="${items.length}" baseType="lpstr">${items.join("")}</vt:vector></TitlesOfParts>`;
  out = out.replace(/<TitlesOfParts>[\s\S]*?<\/TitlesOfParts>/, titlesNew);
  return out;
}

/**
 * The input's style sheet with the report's cell formats appended: fonts, fills, borders, number
 * formats and cell formats are added after the existing ones, which keep their indexes.
 */
class StyleSheet {
  private readonly added = {
    fonts: [] as string[],
    fills: [] as string[],
    borders: [] as string[],
    numFmts: [] as string[],
    cellXfs: [] as string[],
  };
  private readonly counts: Record<"fonts" | "fills" | "borders" | "cellXfs", number>;
  private nextNumFmt: number;
  private readonly keys = new Map<string, number>();

  constructor(private readonly text: string) {
    this.counts = {
      fonts: countChildren(text, "fonts", "font"),
      fills: countChildren(text, "fills", "fill"),
      borders: countChildren(text, "borders", "border"),
      cellXfs: countChildren(text, "cellXfs", "xf"),
    };
    const ids = [...text.matchAll(/<(?:[\w.-]+:)?numFmt\s[^>]*numFmtId="(\d+)"/g)].map((m) =>
      Number(m[1])
    );
    this.nextNumFmt = Math.max(163, ...ids) + 1;
    if (this.counts.fonts === 0 || this.counts.fills < 2 || this.counts.cellXfs === 0)
      throw new BalansError(
        "Arbetsbokens formatmallar är ofullständiga; rapporten kan inte läggas till."
      );
  }

  private readonly byObject = new Map<object, number>();

  /** The index of a font, fill or border: by identity first (looks share their objects). */
  private part<T extends object>(
    kind: "fonts" | "fills" | "borders",
    value: T,
    xmlOf: (v: T) => string
  ): number {
    const known = this.byObject.get(value);
    if (known !== undefined) return known;
    const key = `${kind}|${xmlOf(value)}`;
    let at = this.keys.get(key);
    if (at === undefined) {
      at = this.counts[kind] + this.added[kind].length;
      this.added[kind].push(key.slice(kind.length + 1));
      this.keys.set(key, at);
    }
    this.byObject.set(value, at);
    return at;
  }

  private numFmt(code: string): number {
    const key = `numFmt|${code}`;
    let id = this.keys.get(key);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.added.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
      this.keys.set(key, id);
    }
    return id;
  }

  /** The cell format index for a look; 0 (the workbook's default) for no look at all. */
  indexOf(look: CellLook): number {
    const { font, fill, border, alignment, numFmt } = look;
    if (!font && !fill && !border && !alignment && !numFmt) return 0;
    const fontId = font ? this.part("fonts", font, fontXml) : 0;
    const fillId = fill ? this.part("fills", fill, fillXml) : 0;
    const borderId = border ? this.part("borders", border, borderXml) : 0;
    const fmtId = numFmt ? this.numFmt(numFmt) : 0;
    const a = alignment;
    const alignKey = a
      ? `${a.horizontal ?? ""}|${a.vertical ?? ""}|${a.wrapText ? 1 : 0}|${a.indent ?? 0}`
      : "";
    const key = `xf|${fmtId}|${font ? fontId : ""}|${fill ? fillId : ""}|${border ? borderId : ""}|${alignKey}`;
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    let xf = `<xf numFmtId="${fmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    if (numFmt) xf += ' applyNumberFormat="1"';
    if (font) xf += ' applyFont="1"';
    if (fill) xf += ' applyFill="1"';
    if (border) xf += ' applyBorder="1"';
    if (a) {
      xf += ` applyAlignment="1"><alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ""}${a.vertical ? ` vertical="${a.vertical}"` : ""}${a.wrapText ? ' wrapText="1"' : ""}${a.indent ? ` indent="${a.indent}"` : ""}/></xf>`;
    } else xf += "/>";
    const at = this.counts.cellXfs + this.added.cellXfs.length;
    this.added.cellXfs.push(xf);
    this.keys.set(key, at);
    return at;
  }

  /** The style sheet's text with what was added. */
  xml(): string {
    let out = this.text;
    for (const section of ["fonts", "fills", "borders", "cellXfs"] as const) {
      if (!this.added[section].length) continue;
      out = appendChildren(
        out,
        section,
        this.added[section],
        this.counts[section] + this.added[section].length
      );
    }
    if (this.added.numFmts.length) {
      const existing = countChildren(out, "numFmts", "numFmt");
      if (/<(?:[\w.-]+:)?numFmts[\s>]/.test(out))
        out = appendChildren(
          out,
          "numFmts",
          this.added.numFmts,
          existing + this.added.numFmts.length
        );
      else {
        const root = /<(?:[\w.-]+:)?styleSheet[^>]*>/.exec(out)!;
        const at = root.index + root[0].length;
        out = `${out.slice(0, at)}<numFmts count="${this.added.numFmts.length}">${this.added.numFmts.join("")}</numFmts>${out.slice(at)}`;
      }
    }
    return out;
  }
}

/** How many `child` elements the section holds (its own count attribute is not trusted). */
function countChildren(text: string, section: string, child: string): number {
  const open = new RegExp(`<(?:[\\w.-]+:)?${section}(\\s[^>]*)?>`).exec(text);
  if (!open || open[0].endsWith("/>")) return 0;
  const close = new RegExp(`</(?:[\\w.-]+:)?${section}\\s*>`).exec(text.slice(open.index));
  if (!close) return 0;
  const body = text.slice(open.index + open[0].length, open.index + close.index);
  // Direct children only: <font> inside <fonts>; nested elements have other names.
  return (body.match(new RegExp(`<(?:[\\w.-]+:)?${child}[\\s/>]`, "g")) ?? []).length;
}

function appendChildren(text: string, section: string, children: string[], count: number): string {
  const open = new RegExp(`<((?:[\\w.-]+:)?)${section}(\\s[^>]*)?(/?)>`).exec(text);
  if (!open) throw new BalansError(`Arbetsbokens formatmallar saknar ${section}.`);
  const prefix = open[1];
  const withPrefix = prefix
    ? children.map((c) => c.replace(/<(\/?)(\w)/g, `<$1${prefix}$2`))
    : children;
  const attrs = (open[2] ?? "").replace(/\scount="\d*"/, "");
  const start = `<${prefix}${section}${attrs} count="${count}">`;
  if (open[3] === "/")
    return (
      text.slice(0, open.index) +
      start +
      withPrefix.join("") +
      `</${prefix}${section}>` +
      text.slice(open.index + open[0].length)
    );
  const after = text.slice(open.index + open[0].length);
  const close = new RegExp(`</(?:[\\w.-]+:)?${section}\\s*>`).exec(after)!;
  return (
    text.slice(0, open.index) +
    start +
    after.slice(0, close.index) +
    withPrefix.join("") +
    after.slice(close.index)
  );
}

function colorXml(color: { argb?: string } | undefined): string {
  return color?.argb ? `<color rgb="${color.argb}"/>` : "";
}

function fontXml(font: NonNullable<CellLook["font"]>): string {
  return `<font>${font.bold ? "<b/>" : ""}${font.italic ? "<i/>" : ""}${font.size ? `<sz val="${font.size}"/>` : ""}${colorXml(font.color)}${font.name ? `<name val="${escapeXml(font.name)}"/>` : ""}</font>`;
}

function fillXml(fill: NonNullable<CellLook["fill"]>): string {
  return `<fill><patternFill patternType="${fill.pattern}">${fill.fgColor?.argb ? `<fgColor rgb="${fill.fgColor.argb}"/>` : ""}</patternFill></fill>`;
}

function borderXml(border: NonNullable<CellLook["border"]>): string {
  const side = (name: "left" | "right" | "top" | "bottom") => {
    const b = border[name];
    return b?.style ? `<${name} style="${b.style}"/>` : `<${name}/>`;
  };
  return `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`;
}
