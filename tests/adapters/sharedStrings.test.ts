import fc from "fast-check";
import {
  itemText,
  NeedsFullParse,
  SharedStringScanner,
} from "../../src/adapters/xlsx/sharedStrings";
import { escapeXml } from "../../src/adapters/xlsx/xml";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Runs the scanner over `xml` cut at the given points; the strings it kept. */
function scan(xml: string, cuts: number[], wanted: number[]): Map<number, string> {
  const scanner = new SharedStringScanner(new Set(wanted));
  const last = Math.max(-1, ...wanted);
  const points = [...new Set(cuts.map((c) => c % (xml.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const p of [...points, xml.length]) {
    if (!scanner.write(xml.slice(from, p), last)) break;
    from = p;
  }
  return scanner.strings;
}

describe("the shared string scanner", () => {
  it("keeps exactly the wanted items' text, however the table is written and cut (property)", () => {
    const text = fc.string({
      unit: fc.constantFrom("a", "å", " ", "&", "<", ">", "si", "/", "_x000D_"),
    });
    const item = fc.oneof(
      text.map((t) => ({
        xml: `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`,
        text: t.replace(/_x000D_/g, "\r"),
      })),
      fc.tuple(text, text).map(([a, b]) => ({
        // rich text runs with formatting, and a phonetic run that is not part of the text
        xml: `<si>\n  <r><rPr><b/><sz val="11"/></rPr><t>${escapeXml(a)}</t></r><r><t>${escapeXml(b)}</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si>`,
        text: (a + b).replace(/_x000D_/g, "\r"),
      })),
      fc.constant({ xml: "<si/>", text: "" })
    );
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        (items, prefixed, cuts, picks) => {
          const p = prefixed ? "x:" : "";
          const withPrefix = (xml: string) => (p ? xml.replace(/<(\/?)(\w)/g, `<$1${p}$2`) : xml);
          const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}sst xmlns${prefixed ? ":x" : ""}="${MAIN}" count="${items.length}" uniqueCount="${items.length}">${items.map((i) => withPrefix(i.xml)).join("")}</${p}sst>`;
          const wanted = picks.map((k) => k % items.length);
          const got = scan(xml, cuts, wanted);
          expect(new Map([...got].sort((a, b) => a[0] - b[0]))).toEqual(
            new Map([...new Set(wanted)].sort((a, b) => a - b).map((k) => [k, items[k].text]))
          );
        }
      ),
      { numRuns: 300 }
    );
  });

  it("hands a table with comments or CDATA to the full tokenizer", () => {
    const sst = (body: string) => `<sst xmlns="${MAIN}">${body}</sst>`;
    expect(() => scan(sst("<!-- <si><t>x</t></si> --><si><t>a</t></si>"), [], [0])).toThrow(
      NeedsFullParse
    );
    expect(() => scan(sst("<si><t><![CDATA[</si>]]></t></si>"), [], [0])).toThrow(NeedsFullParse);
    expect(itemText("<si><t>a&amp;b</t><rPh><t>z</t></rPh></si>")).toBe("a&b");
  });
});
