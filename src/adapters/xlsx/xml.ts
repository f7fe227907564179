/**
 * A small streaming XML tokenizer for the parts of an .xlsx package: text arrives in chunks of any
 * size and comes out as open, close and text events, so a sheet of any length is read in memory
 * bounded by its largest element. Element and attribute names lose their namespace prefix
 * (`x:c` is `c`, `r:id` is `id`), as spreadsheet parts use one vocabulary per element. Document
 * type declarations are refused (no entity expansion); comments and processing instructions are
 * skipped; CDATA is text.
 */
export interface XmlHandler {
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

export class XmlError extends Error {}

/** What an element without attributes gets: one shared, frozen object. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const EQ = 61;
const DQ = 34;
const SQ = 39;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Replaces XML character and entity references; an unknown or malformed one is an error. */
export function decodeXml(text: string): string {
  if (text.indexOf("&") < 0) return text;
  const stray = text.replace(ENTITY, "").indexOf("&");
  if (stray >= 0) throw new XmlError(`okänd entitet i »${text.slice(0, 40)}«`);
  return text.replace(ENTITY, (_, ref: string) => {
    if (ref[0] !== "#") return NAMED[ref];
    const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    if (!(code >= 0 && code <= 0x10ffff)) throw new XmlError(`ogiltigt tecken &${ref};`);
    return String.fromCodePoint(code);
  });
}

/** Escapes text for an element's content or an attribute value in double quotes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) =>
    ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : "&quot;"
  );
}

export class XmlTokenizer {
  private rest = "";
  private depth = 0;
  private readonly stack: string[] = [];
  private started = false;
  private closedRoot = false;

  constructor(private readonly handler: XmlHandler) {}

  /** Tokenizes what the chunk completes; an unfinished tag or text waits for the next chunk. */
  write(chunk: string): void {
    let s = this.rest + chunk;
    if (!this.started && s.length) {
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      this.started = true;
    }
    let i = 0;
    const n = s.length;
    while (i < n) {
      const lt = s.indexOf("<", i);
      if (lt < 0) break; // text continues in the next chunk
      if (lt > i) this.emitText(s.slice(i, lt));
      i = lt;
      const next = s.charCodeAt(i + 1);
      if (next === 33 /* ! */) {
        if (s.startsWith("<!--", i)) {
          const end = s.indexOf("-->", i + 4);
          if (end < 0) break;
          i = end + 3;
        } else if (s.startsWith("<![CDATA[", i)) {
          const end = s.indexOf("]]>", i + 9);
          if (end < 0) break;
          if (this.depth === 0) throw new XmlError("text utanför rotelementet");
          this.handler.text(s.slice(i + 9, end));
          i = end + 3;
        } else if (n - i < 9) {
          break;
        } else {
          throw new XmlError("dokumenttypdeklarationer (DOCTYPE) läses inte");
        }
      } else if (next === 63 /* ? */) {
        const end = s.indexOf("?>", i + 2);
        if (end < 0) break;
        i = end + 2;
      } else if (i + 1 >= n) {
        break;
      } else {
        const end = this.tag(s, i);
        if (end < 0) break;
        i = end;
      }
    }
    this.rest = s.slice(i);
  }

  /** Ends the document: anything unfinished is an error (a truncated or damaged part). */
  end(): void {
    if (this.rest.trim() !== "" || this.depth !== 0 || !this.started)
      throw new XmlError("XML-delen tar slut mitt i ett element");
  }

  private emitText(raw: string): void {
    if (this.depth === 0) {
      if (raw.trim() !== "") throw new XmlError("text utanför rotelementet");
      return;
    }
    this.handler.text(decodeXml(raw));
  }

  /** Reads one start or end tag at `start`; returns the index after it, or -1 when incomplete. */
  private tag(s: string, start: number): number {
    const n = s.length;
    let i = start + 1;
    const closing = s.charCodeAt(i) === SLASH;
    if (closing) i++;
    const nameStart = i;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (isSpace(c) || c === GT || c === SLASH) break;
      if (c === LT) throw new XmlError("trasig tagg");
      i++;
    }
    if (i >= n) return -1;
    const name = localName(s.slice(nameStart, i));
    if (name === "") throw new XmlError("tagg utan namn");
    if (closing) {
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      if (s.charCodeAt(i) !== GT) throw new XmlError(`trasig sluttagg </${name}`);
      if (this.stack.pop() !== name) throw new XmlError(`sluttagg </${name}> utan start`);
      this.depth--;
      if (this.depth === 0) this.closedRoot = true;
      this.handler.close(name);
      return i + 1;
    }
    let attrs: Record<string, string> | undefined;
    for (;;) {
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const c = s.charCodeAt(i);
      if (c === GT || c === SLASH) {
        const selfClosing = c === SLASH;
        if (selfClosing) {
          if (i + 1 >= n) return -1;
          if (s.charCodeAt(i + 1) !== GT) throw new XmlError(`trasig tagg <${name}`);
          i++;
        }
        if (this.depth === 0 && this.closedRoot) throw new XmlError("mer än ett rotelement");
        this.handler.open(name, attrs ?? NO_ATTRIBUTES, selfClosing);
        if (selfClosing) {
          if (this.depth === 0) this.closedRoot = true;
          this.handler.close(name);
        } else {
          this.depth++;
          this.stack.push(name);
        }
        return i + 1;
      }
      const attrStart = i;
      while (i < n) {
        const a = s.charCodeAt(i);
        if (a === EQ || isSpace(a) || a === GT || a === SLASH) break;
        i++;
      }
      if (i >= n) return -1;
      const attrName = s.slice(attrStart, i);
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      if (s.charCodeAt(i) !== EQ || attrName === "")
        throw new XmlError(`attribut utan värde i <${name}`);
      i++;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const quote = s.charCodeAt(i);
      if (quote !== DQ && quote !== SQ) throw new XmlError(`attribut utan citattecken i <${name}`);
      const close = s.indexOf(quote === DQ ? '"' : "'", i + 1);
      if (close < 0) return -1;
      const raw = s.slice(i + 1, close);
      if (raw.indexOf("<") >= 0) throw new XmlError(`< i ett attributvärde i <${name}`);
      if (!attrName.startsWith("xmlns")) (attrs ??= {})[localName(attrName)] = decodeXml(raw);
      i = close + 1;
      const after = s.charCodeAt(i);
      if (i < n && !isSpace(after) && after !== GT && after !== SLASH)
        throw new XmlError(`attribut utan mellanrum i <${name}`);
    }
  }
}
