import { DOMParser } from "@xmldom/xmldom";
import * as fs from "fs";
import * as path from "path";

import { describeWithXmllint, validateManifest } from "./helpers/xmllint";

// Office refuses to load an add-in whose manifest does not validate against Microsoft's schema;
// the XSDs are in tests/fixtures/schemas (the online validator is unreachable here). What the
// schema cannot say (resids resolve, one runtime, Swedish everywhere) is checked structurally.
const MANIFEST = path.join(__dirname, "../manifest.xml");
const xml = fs.readFileSync(MANIFEST, "utf8");
const doc = new DOMParser().parseFromString(xml, "text/xml");
const OFFICE = "http://schemas.microsoft.com/office/appforoffice/1.1";
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const OV = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

const all = (ns: string, name: string) => Array.from(doc.getElementsByTagNameNS(ns, name));
const one = (ns: string, name: string) => {
  const found = all(ns, name);
  expect(found).toHaveLength(1);
  return found[0];
};

describe("manifest.xml", () => {
  it("is a TaskPaneApp for Excel that asks only for ReadWriteDocument", () => {
    const root = doc.documentElement!;
    expect(root.localName).toBe("OfficeApp");
    expect(root.namespaceURI).toBe(OFFICE);
    expect(root.getAttributeNS(XSI, "type")).toBe("TaskPaneApp");
    expect(one(OFFICE, "Id").textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    );
    expect(one(OFFICE, "Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(all(OFFICE, "Host").map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    expect(one(OFFICE, "Permissions").textContent).toBe("ReadWriteDocument");
  });

  it("requires SharedRuntime 1.1 and runs the pane, functions and commands in one long-lived runtime", () => {
    const set = all(OFFICE, "Set").find((s) => s.getAttribute("Name") === "SharedRuntime")!;
    expect(set.getAttribute("MinVersion")).toBe("1.1");
    const runtime = one(OV, "Runtime");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const page = one(OV, "Page").getElementsByTagNameNS(OV, "SourceLocation")[0];
    expect(page.getAttribute("resid")).toBe(runtime.getAttribute("resid"));
    expect(one(OV, "FunctionFile").getAttribute("resid")).toBe(runtime.getAttribute("resid"));
  });

  it("has the CustomFunctions extension point with the BALANS namespace and Swedish metadata", () => {
    const point = all(OV, "ExtensionPoint").find(
      (e) => e.getAttributeNS(XSI, "type") === "CustomFunctions"
    )!;
    expect(point).toBeDefined();
    for (const child of ["Script", "Page", "Metadata", "Namespace"])
      expect(point.getElementsByTagNameNS(OV, child)).toHaveLength(1);
    const nsResid = point.getElementsByTagNameNS(OV, "Namespace")[0].getAttribute("resid");
    const nsString = all(BT, "String").find((s) => s.getAttribute("id") === nsResid)!;
    expect(nsString.getAttribute("DefaultValue")).toBe("BALANS");
    const metaResid = point
      .getElementsByTagNameNS(OV, "Metadata")[0]
      .getElementsByTagNameNS(OV, "SourceLocation")[0]
      .getAttribute("resid");
    const metaUrl = all(BT, "Url").find((u) => u.getAttribute("id") === metaResid)!;
    expect(metaUrl.getAttribute("DefaultValue")).toMatch(/\/functions\.json$/);
    const sv = Array.from(metaUrl.getElementsByTagNameNS(BT, "Override")).find(
      (o) => o.getAttribute("Locale") === "sv-SE"
    )!;
    expect(sv.getAttribute("Value")).toMatch(/\/functions-sv\.json$/);
  });

  it("resolves every resid to exactly one resource, and every resource is used", () => {
    const resources = [...all(BT, "Image"), ...all(BT, "Url"), ...all(BT, "String")].filter(
      (e) => e.parentNode?.nodeName.replace(/^.*:/, "") !== "Icon"
    );
    const ids = resources.map((r) => r.getAttribute("id"));
    expect(new Set(ids).size).toBe(ids.length);
    const used = new Set<string>();
    for (const el of Array.from(doc.getElementsByTagName("*"))) {
      const resid = el.getAttribute("resid");
      if (resid) {
        expect(ids).toContain(resid);
        used.add(resid);
      }
    }
    expect(ids.filter((id) => !used.has(id!))).toEqual([]);
  });

  it("uses https URLs on one origin, with icons the project has", () => {
    const urls = [
      ...all(OFFICE, "IconUrl"),
      ...all(OFFICE, "HighResolutionIconUrl"),
      ...all(OFFICE, "SupportUrl"),
      ...all(OFFICE, "SourceLocation"),
      ...all(BT, "Url"),
      ...all(BT, "Image"),
    ]
      .map((e) => e.getAttribute("DefaultValue"))
      .filter(Boolean) as string[];
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url).toMatch(/^https:\/\/localhost:3000\//);
    for (const url of urls.filter((u) => u.includes("/assets/"))) {
      expect(fs.existsSync(path.join(__dirname, "..", new URL(url).pathname))).toBe(true);
    }
  });

  it("declares the least ExcelApi the code needs (1.9) beside SharedRuntime 1.1", () => {
    const sets = Object.fromEntries(
      all(OFFICE, "Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])
    );
    expect(sets).toEqual({ ExcelApi: "1.9", SharedRuntime: "1.1" });
  });

  it("points SupportUrl and LearnMoreUrl at the help page, Swedish for Swedish Office", () => {
    const support = one(OFFICE, "SupportUrl");
    const learn = all(BT, "Url").find((u) => u.getAttribute("id") === "GetStarted.LearnMoreUrl")!;
    for (const el of [support, learn]) {
      expect(el.getAttribute("DefaultValue")).toBe("https://localhost:3000/help.html");
      const overrides = Array.from(el.getElementsByTagName("*"))
        .filter((n) => n.localName === "Override")
        .map((o) => [o.getAttribute("Locale"), o.getAttribute("Value")]);
      expect(overrides).toEqual([
        ["sv-SE", "https://localhost:3000/hjalp.html"],
        ["sv-FI", "https://localhost:3000/hjalp.html"],
      ]);
    }
    for (const page of ["help.html", "hjalp.html"])
      expect(fs.existsSync(path.join(__dirname, "../src/help", page))).toBe(true);
  });

  it("has a Swedish override for every text a user reads", () => {
    const texts = [
      one(OFFICE, "DisplayName"),
      one(OFFICE, "Description"),
      ...all(BT, "String").filter(
        (s) =>
          s.getAttribute("id") !== "Functions.Namespace" && s.getAttribute("id") !== "Group.Label"
      ),
    ];
    for (const t of texts) {
      const locales = Array.from(t.getElementsByTagName("*"))
        .filter((n) => n.localName === "Override")
        .map((o) => o.getAttribute("Locale"));
      // Every Swedish locale Office knows: Sweden and Finland.
      expect([t.getAttribute("id") ?? t.localName, locales]).toEqual([
        t.getAttribute("id") ?? t.localName,
        ["sv-SE", "sv-FI"],
      ]);
    }
  });

  it("gives Swedish Office in Sweden and Finland the Swedish function names", () => {
    const meta = all(BT, "Url").find((u) => u.getAttribute("id") === "Functions.Metadata.Url")!;
    const overrides = Array.from(meta.getElementsByTagNameNS(BT, "Override")).map((o) => [
      o.getAttribute("Locale"),
      o.getAttribute("Value"),
    ]);
    expect(overrides).toEqual([
      ["sv-SE", "https://localhost:3000/functions-sv.json"],
      ["sv-FI", "https://localhost:3000/functions-sv.json"],
    ]);
  });
});

describeWithXmllint("manifest.xml against Microsoft's schema", () => {
  it("validates", () => {
    const r = validateManifest(MANIFEST);
    expect(r.output).toMatch(/validates/);
    expect(r.valid).toBe(true);
  });

  it("would catch what Office refuses: an empty AppDomains, a missing Id", () => {
    const dir = fs.mkdtempSync(path.join(require("os").tmpdir(), "balans-manifest-"));
    const emptyDomains = path.join(dir, "empty-appdomains.xml");
    fs.writeFileSync(emptyDomains, xml.replace("<Hosts>", "<AppDomains/>\n  <Hosts>"));
    const r1 = validateManifest(emptyDomains);
    expect(r1.valid).toBe(false);
    expect(r1.output).toMatch(/AppDomains.*Missing child element/);
    const noId = path.join(dir, "no-id.xml");
    fs.writeFileSync(noId, xml.replace(/<Id>[^<]*<\/Id>/, ""));
    expect(validateManifest(noId).valid).toBe(false);
  });
});
