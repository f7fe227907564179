import { DOMParser } from "@xmldom/xmldom";
import * as fs from "fs";
import * as path from "path";

// No XSD for add-in manifests ships in any npm package and the online validator is unreachable,
// so the manifest's structure is checked here.
const xml = fs.readFileSync(path.join(__dirname, "../manifest.xml"), "utf8");
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
      const override = Array.from(t.getElementsByTagName("*")).find(
        (n) => n.localName === "Override"
      );
      expect([t.getAttribute("id") ?? t.localName, override?.getAttribute("Locale")]).toEqual([
        t.getAttribute("id") ?? t.localName,
        "sv-SE",
      ]);
    }
  });
});
