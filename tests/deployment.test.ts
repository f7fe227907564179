/**
 * What a deployment serves: the production build's manifest validates against Microsoft's schema,
 * the two function metadata files agree, every function is registered in functions.js, the names
 * follow Excel's rules, the hosts are told to send Access-Control-Allow-Origin for the metadata,
 * and the help page the manifest points at is there.
 */
import { DOMParser } from "@xmldom/xmldom";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildAddin } from "./helpers/buildAddin";
import { describeWithXmllint, validateManifest } from "./helpers/xmllint";

const URL_GIVEN = "https://balans.kommun.example/addin/";
let out: string;

interface FunctionMeta {
  id: string;
  name: string;
  parameters: { name: string; type: string; dimensionality?: string; optional?: boolean }[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}
const metadata = (file: string): FunctionMeta[] =>
  JSON.parse(fs.readFileSync(path.join(out, file), "utf8")).functions;

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "balans-deploy-"));
  const r = buildAddin(out, "production", URL_GIVEN);
  if (!r.ok) throw new Error(`production build failed:\n${r.output}`);
}, 180_000);

describeWithXmllint("the production manifest", () => {
  it("validates against Microsoft's schema", () => {
    const r = validateManifest(path.join(out, "manifest.xml"));
    expect(r.output).toMatch(/validates/);
    expect(r.valid).toBe(true);
  });
});

describe("the production build", () => {
  it("points SupportUrl at the help page it ships, in both languages", () => {
    const doc = new DOMParser().parseFromString(
      fs.readFileSync(path.join(out, "manifest.xml"), "utf8"),
      "text/xml"
    );
    const support = doc.getElementsByTagName("SupportUrl")[0];
    expect(support.getAttribute("DefaultValue")).toBe(`${URL_GIVEN}help.html`);
    const sv = Array.from(support.getElementsByTagName("Override")).map((o) =>
      o.getAttribute("Value")
    );
    expect(sv).toEqual([`${URL_GIVEN}hjalp.html`, `${URL_GIVEN}hjalp.html`]);
    const en = fs.readFileSync(path.join(out, "help.html"), "utf8");
    const svPage = fs.readFileSync(path.join(out, "hjalp.html"), "utf8");
    // (The production build minifies HTML, so attribute quotes may be gone.)
    expect(en).toMatch(/<html lang="?en"?>/);
    expect(svPage).toMatch(/<html lang="?sv"?>/);
    // Each page links to the other language and to its stylesheet, which is shipped too.
    expect(en).toMatch(/href="?hjalp\.html"?/);
    expect(svPage).toMatch(/href="?help\.html"?/);
    expect(en).toMatch(/href="?help\.css"?/);
    expect(fs.existsSync(path.join(out, "help.css"))).toBe(true);
    // The help explains the one failure a deployment can cause: #NAME? without CORS.
    expect(svPage).toContain("Access-Control-Allow-Origin");
  });

  it("functions.json and functions-sv.json have the same ids, parameter types and optional flags", () => {
    const en = metadata("functions.json");
    const sv = metadata("functions-sv.json");
    expect(en.length).toBeGreaterThanOrEqual(7);
    const shape = (fs: FunctionMeta[]) =>
      fs.map((f) => ({
        id: f.id,
        parameters: f.parameters.map((p) => [p.type, p.dimensionality ?? "scalar", !!p.optional]),
        result: [f.result.type, f.result.dimensionality ?? "scalar"],
        options: f.options ?? {},
      }));
    expect(shape(sv)).toEqual(shape(en));
    // Translated, not copied: every Swedish name differs from its English id but one that is
    // the same word in both languages would be allowed; Balans has none.
    for (const f of sv) expect(f.name).not.toBe(f.id);
  });

  it("comes with a new manifest <Version> whenever the functions' metadata changes", () => {
    // Excel caches functions.json per add-in version: without a new <Version>, users keep the
    // old names and parameters (README, "Rolling out a change of functions").
    const hash = createHash("sha256");
    for (const file of ["functions.json", "functions-sv.json"])
      hash.update(fs.readFileSync(path.join(out, file)));
    const sha256 = hash.digest("hex");
    const lock = JSON.parse(
      fs.readFileSync(path.join(__dirname, "fixtures/functions-metadata.lock.json"), "utf8")
    );
    const version = new DOMParser()
      .parseFromString(fs.readFileSync(path.join(__dirname, "../manifest.xml"), "utf8"), "text/xml")
      .getElementsByTagName("Version")[0].textContent;
    if (sha256 === lock.sha256) return;
    throw new Error(
      version === lock.manifestVersion
        ? `functions.json changed (sha256 ${sha256}) but manifest.xml's <Version> is still ` +
            `${version}: raise it, then write the new version and this hash into ` +
            `tests/fixtures/functions-metadata.lock.json`
        : `functions.json changed and <Version> is now ${version}: write it and sha256 ` +
            `${sha256} into tests/fixtures/functions-metadata.lock.json`
    );
  });

  it("registers every function id in functions.js", () => {
    const js = fs.readFileSync(path.join(out, "functions.js"), "utf8");
    const associated = new Set(
      Array.from(js.matchAll(/\.associate\("([A-Z0-9_.]+)"/g), (m) => m[1])
    );
    for (const f of metadata("functions.json")) expect(associated).toContain(f.id);
    expect(associated.size).toBe(metadata("functions.json").length);
  });

  it("names every function by Excel's rules for custom functions", () => {
    // learn.microsoft.com, "Custom functions naming and localization": both start with a letter
    // and have at least three characters; an id uses only A–Z, 0–9, _ and .; a name any Unicode
    // letter, _ and .; neither may look like a cell reference (A1..XFD1048576, R1C1..).
    const looksLikeCell = (s: string) =>
      /^[A-Z]{1,3}[0-9]{1,7}$/i.test(s) || /^R[0-9]+C[0-9]+$/i.test(s);
    for (const f of [...metadata("functions.json"), ...metadata("functions-sv.json")]) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
      expect(f.name).toMatch(/^\p{L}[\p{L}0-9_.]{2,}$/u);
      expect(f.name).toBe(f.name.toUpperCase());
      expect(looksLikeCell(f.id)).toBe(false);
      expect(looksLikeCell(f.name)).toBe(false);
    }
    const names = metadata("functions-sv.json").map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
  });

  describe("tells static hosts to send Access-Control-Allow-Origin for both metadata files", () => {
    const files = ["functions.json", "functions-sv.json"];

    it("Azure Static Web Apps (staticwebapp.config.json)", () => {
      const config = JSON.parse(
        fs.readFileSync(path.join(out, "staticwebapp.config.json"), "utf8")
      );
      for (const file of files) {
        const route = config.routes.find((r: { route: string }) => r.route === `/${file}`);
        expect(route?.headers?.["Access-Control-Allow-Origin"]).toBe("*");
      }
    });

    it("IIS and Azure App Service (web.config)", () => {
      const doc = new DOMParser().parseFromString(
        fs.readFileSync(path.join(out, "web.config"), "utf8"),
        "text/xml"
      );
      for (const file of files) {
        const location = Array.from(doc.getElementsByTagName("location")).find(
          (l) => l.getAttribute("path") === file
        );
        const header = Array.from(location?.getElementsByTagName("add") ?? []).find(
          (a) => a.getAttribute("name") === "Access-Control-Allow-Origin"
        );
        expect(header?.getAttribute("value")).toBe("*");
      }
    });

    it("Netlify and Cloudflare Pages (_headers)", () => {
      // The format: a path alone on a line, then indented `Name: value` lines.
      const headers = new Map<string, string[]>();
      let current = "";
      for (const line of fs.readFileSync(path.join(out, "_headers"), "utf8").split("\n")) {
        if (/^\//.test(line)) headers.set((current = line.trim()), []);
        else if (/^\s+\S/.test(line) && current) headers.get(current)!.push(line.trim());
      }
      for (const file of files)
        expect(headers.get(`/${file}`)).toContain("Access-Control-Allow-Origin: *");
    });
  });
});
