import { decodeOoxmlText } from "./sheetCells";
import { XmlError, XmlHandler, XmlTokenizer } from "./xml";

/** A shared string table holds comments or CDATA: read it with the full tokenizer instead. */
export class NeedsFullParse extends Error {}

/**
 * Reads the wanted strings of a shared string table from its text, piece by piece. Other items
 * are counted and skipped without being parsed: the table of a workbook with a large unrelated
 * sheet holds millions of strings, of which the Balans tables use a few. Items never nest, and
 * their text cannot hold `<`, so an item ends at its first `</si>`; a table with comments or
 * CDATA (where that need not hold) throws NeedsFullParse.
 */
export class SharedStringScanner {
  readonly strings = new Map<number, string>();
  private rest = "";
  private index = -1;
  private prefix: string | undefined;

  constructor(private readonly wanted: ReadonlySet<number>) {}

  get count(): number {
    return this.index + 1;
  }

  /** Takes the next piece of text; false once every wanted string is read. */
  write(chunk: string, last: number): boolean {
    const s = this.rest + chunk;
    let i = 0;
    if (this.prefix === undefined) {
      const root = /<([\w.-]+:)?sst[\s/>]/.exec(s);
      if (!root) {
        if (s.length > 65536) throw new XmlError("tabellen med delade texter saknar <sst>");
        this.rest = s;
        return true;
      }
      // A comment or a document type before the table: the tokenizer judges it.
      if (s.lastIndexOf("<!", root.index) >= 0) throw new NeedsFullParse();
      this.prefix = root[1] ?? "";
      i = root.index + root[0].length - 1;
    }
    const open = `<${this.prefix}si`;
    const close = `</${this.prefix}si>`;
    // The next `<!` (comment or CDATA), searched again only once passed: no rescans of the piece.
    let bang = s.indexOf("<!", i);
    for (;;) {
      const at = s.indexOf(open, i);
      if (bang >= 0 && bang < i) bang = s.indexOf("<!", i);
      if (at < 0) {
        if (bang >= 0) throw new NeedsFullParse();
        // keep what may be the beginning of the next item's tag
        i = Math.max(i, s.length - open.length);
        break;
      }
      if (at + open.length >= s.length) {
        i = at;
        break;
      }
      const after = s.charCodeAt(at + open.length);
      if (
        after !== 62 &&
        after !== 47 &&
        after !== 32 &&
        after !== 9 &&
        after !== 10 &&
        after !== 13
      ) {
        i = at + 1; // another element whose name begins with si
        continue;
      }
      const gt = s.indexOf(">", at);
      if (gt < 0) {
        i = at;
        break;
      }
      let end = gt + 1;
      if (s.charCodeAt(gt - 1) !== 47) {
        const c = s.indexOf(close, gt);
        if (c < 0) {
          i = at;
          break;
        }
        end = c + close.length;
      }
      if (bang >= 0 && bang < end) throw new NeedsFullParse();
      this.index++;
      if (this.wanted.has(this.index)) this.strings.set(this.index, itemText(s.slice(at, end)));
      i = end;
      if (this.index >= last) {
        this.rest = "";
        return false;
      }
    }
    this.rest = s.slice(i);
    return true;
  }
}

/** The text of one `<si>` item: its `<t>` parts, without phonetic runs. */
export function itemText(xml: string): string {
  let text = "";
  let inText = false;
  let inPhonetic = false;
  const handler: XmlHandler = {
    open(name) {
      if (name === "rPh") inPhonetic = true;
      else if (name === "t") inText = !inPhonetic;
    },
    close(name) {
      if (name === "rPh") inPhonetic = false;
      else if (name === "t") inText = false;
    },
    text(t) {
      if (inText) text += t;
    },
  };
  const tokenizer = new XmlTokenizer(handler);
  tokenizer.write(xml);
  tokenizer.end();
  return decodeOoxmlText(text);
}
