import fc from "fast-check";
import { decodeXml, escapeXml, XmlError, XmlTokenizer } from "../../src/adapters/xlsx/xml";

type Event = ["open", string, Record<string, string>] | ["close", string] | ["text", string];

/** Tokenizes `xml` cut into the given pieces; adjacent text events are joined. */
function events(pieces: string[]): Event[] {
  const out: Event[] = [];
  const t = new XmlTokenizer({
    open: (name, attrs) => out.push(["open", name, { ...attrs }]),
    close: (name) => out.push(["close", name]),
    text: (text) => {
      const last = out[out.length - 1];
      if (last?.[0] === "text") last[1] += text;
      else out.push(["text", text]);
    },
  });
  for (const p of pieces) t.write(p);
  t.end();
  return out.filter((e) => e[0] !== "text" || e[1] !== "");
}

function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((a) => a % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const p of points) {
    pieces.push(text.slice(from, p));
    from = p;
  }
  pieces.push(text.slice(from));
  return pieces;
}

interface Node {
  name: string;
  attrs: [string, string][];
  children: (Node | string)[];
}

const nameArb = fc.constantFrom("c", "v", "x:row", "si", "t", "sheetData", "r");
const textArb = fc.string({
  unit: fc.constantFrom("a", "å", " ", "&", "<", ">", '"', "'", "\n", "€", "𝄞"),
});
const nodeArb: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.record({
    name: nameArb,
    attrs: fc.uniqueArray(fc.tuple(fc.constantFrom("r", "s", "t", "x:id"), textArb), {
      selector: (a) => a[0],
      maxLength: 3,
    }),
    children: fc.array(fc.oneof({ depthSize: "small" }, textArb, tie("node")), { maxLength: 4 }),
  }),
})).node;

function serialize(n: Node, cdata: boolean): string {
  const attrs = n.attrs.map(([k, v], i) =>
    i % 2 ? ` ${k}='${escapeXml(v).replace(/'/g, "&apos;")}'` : ` ${k}="${escapeXml(v)}"`
  );
  if (!n.children.length) return `<${n.name}${attrs.join("")}/>`;
  const body = n.children
    .map((c) =>
      typeof c === "string"
        ? cdata && !c.includes("]]>")
          ? `<![CDATA[${c}]]>`
          : escapeXml(c)
        : serialize(c, cdata)
    )
    .join("");
  return `<${n.name}${attrs.join("")}>${body}</${n.name}>`;
}

function expected(n: Node): Event[] {
  const local = (s: string) => s.slice(s.indexOf(":") + 1);
  const out: Event[] = [
    ["open", local(n.name), Object.fromEntries(n.attrs.map(([k, v]) => [local(k), v]))],
  ];
  for (const c of n.children) {
    if (typeof c !== "string") out.push(...expected(c));
    else if (c !== "") {
      const last = out[out.length - 1];
      if (last[0] === "text") last[1] += c;
      else out.push(["text", c]);
    }
  }
  out.push(["close", local(n.name)]);
  return out;
}

describe("the streaming XML tokenizer", () => {
  it("gives the same events for any document cut into any pieces", () => {
    fc.assert(
      fc.property(
        nodeArb,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        (root, at, cdata) => {
          const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- x -->${serialize(root, cdata)}\n`;
          expect(events(cut(xml, at))).toEqual(expected(root));
        }
      ),
      { numRuns: 400 }
    );
  });

  it("decodes character references and strips a byte order mark", () => {
    expect(events(["\ufeff<a b='&#x41;&#66;'>&lt;&amp;&gt;&quot;&apos;&#8722;</a>"])).toEqual([
      ["open", "a", { b: "AB" }],
      ["text", "<&>\"'−"],
      ["close", "a"],
    ]);
    expect(decodeXml("a&amp;b")).toBe("a&b");
  });

  it("refuses what is not well-formed, and document types (no entity expansion)", () => {
    const bad = [
      "<a><b></a>",
      "<a>",
      "<a></a><b/>",
      "text<a/>",
      "<a b=c/>",
      "<a b='1'c='2'/>",
      "<a>&bogus;</a>",
      '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
      "",
    ];
    for (const xml of bad) expect(() => events([xml])).toThrow(XmlError);
  });
});
