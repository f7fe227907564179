import { StringDecoder } from "string_decoder";
import { XmlHandler, XmlTokenizer } from "./xml";
import { readZipDirectory, streamEntry, unpackEntry, ZipEntry } from "./zip";

/**
 * An .xlsx package (Open Packaging Conventions) over a zip archive: parts by name, their
 * relationships, and XML parsing of a part whole or streamed. Part names compare case-insensitively.
 */
export class XlsxPackage {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();

  constructor(readonly zip: Buffer) {
    this.entries = readZipDirectory(zip);
    for (const e of this.entries) this.byName.set(e.name.toLowerCase(), e);
  }

  entry(part: string): ZipEntry | undefined {
    return this.byName.get(part.toLowerCase());
  }

  has(part: string): boolean {
    return this.byName.has(part.toLowerCase());
  }

  text(part: string): string | undefined {
    const e = this.entry(part);
    return e && unpackEntry(this.zip, e).toString("utf8");
  }

  /** Parses a whole (small) part; false when the package does not have it. */
  parse(part: string, handler: XmlHandler): boolean {
    const text = this.text(part);
    if (text === undefined) return false;
    const tokenizer = new XmlTokenizer(handler);
    tokenizer.write(text);
    tokenizer.end();
    return true;
  }

  /**
   * Parses a part piece by piece as it unpacks; `more()` returning false stops early (the rest of
   * the part is neither unpacked nor checked).
   */
  async stream(part: string, handler: XmlHandler, more: () => boolean = () => true) {
    const tokenizer = new XmlTokenizer(handler);
    let stopped = false;
    const found = await this.streamText(part, (text) => {
      tokenizer.write(text);
      stopped = !more();
      return !stopped;
    });
    if (found && !stopped) tokenizer.end();
    return found;
  }

  /** A part's text piece by piece, decoded as UTF-8; `take` returns false to stop early. */
  async streamText(part: string, take: (text: string) => boolean): Promise<boolean> {
    const e = this.entry(part);
    if (!e) return false;
    const decoder = new StringDecoder("utf8");
    let stopped = false;
    await streamEntry(this.zip, e, (piece) => {
      stopped = !take(decoder.write(piece));
      return !stopped;
    });
    if (!stopped) take(decoder.end());
    return true;
  }

  /** The relationships of a part, by id, with targets resolved to part names. */
  relationships(part: string): Map<string, Relationship> {
    const slash = part.lastIndexOf("/");
    const dir = part.slice(0, slash + 1);
    const relsPart = `${dir}_rels/${part.slice(slash + 1)}.rels`;
    const rels = new Map<string, Relationship>();
    this.parse(relsPart, {
      open(name, a) {
        if (name !== "Relationship" || !a.Id || a.Target === undefined) return;
        const external = a.TargetMode === "External";
        rels.set(a.Id, {
          id: a.Id,
          type: a.Type ?? "",
          target: external ? a.Target : resolvePart(dir, a.Target),
          external,
        });
      },
      close() {},
      text() {},
    });
    return rels;
  }
}

export interface Relationship {
  id: string;
  type: string;
  /** The part name (no leading slash), or the address of an external target. */
  target: string;
  external: boolean;
}

/** A relationship target relative to a part's folder, as a part name without leading slash. */
export function resolvePart(dir: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : dir + target;
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/** The relationship's kind: the last segment of its type URI (`worksheet`, `table`, …). */
export function relKind(rel: Relationship): string {
  return rel.type.slice(rel.type.lastIndexOf("/") + 1);
}
