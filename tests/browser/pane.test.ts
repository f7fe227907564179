/**
 * The built task pane in a real browser (Debian's Chromium, driven by playwright-core): Microsoft's
 * Office.js from @microsoft/office-js instead of the CDN, and the Excel test double in the page.
 * Clicks through set-up, checking, yearly effects (and replacing them), and the monthly report,
 * asserts what was written, and saves screenshots at 350 px.
 */
import * as fs from "fs";
import * as http from "http";
import { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { buildAddin } from "../helpers/buildAddin";

const root = path.join(__dirname, "../..");
const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
const output = path.join(__dirname, "output");
const describeIfBrowser = CHROMIUM || process.env.CI ? describe : describe.skip;

let server: http.Server;
let baseUrl: string;
let browser: Browser;
let dist: string;

beforeAll(async () => {
  if (!CHROMIUM) {
    if (process.env.CI) throw new Error("CI must have Chromium (.ci/run installs it with apt-get)");
    console.warn("Chromium not installed; skipping the browser test (apt-get install chromium)");
    return;
  }
  dist = fs.mkdtempSync(path.join(os.tmpdir(), "balans-pane-"));
  const build = buildAddin(dist, "development");
  if (!build.ok) throw new Error(`webpack failed:\n${build.output}`);
  const types: Record<string, string> = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".css": "text/css",
    ".png": "image/png",
    ".json": "application/json",
  };
  server = http.createServer((req, res) => {
    const file = path.join(dist, decodeURIComponent(new URL(req.url!, "http://x").pathname));
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { "Content-Type": types[path.extname(file)] ?? "application/octet-stream" })
      .end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  fs.mkdirSync(output, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

const officeDist = path.join(root, "node_modules/@microsoft/office-js/dist");
const doubleScript = fs.readFileSync(path.join(__dirname, "../double/excelDouble.js"), "utf8");

/** Requests the page tried to make to anywhere but this machine and Office.js, and CSP reports. */
const leaks: string[] = [];
const cspViolations: string[] = [];

async function openPane(lang: "sv" | "en", inExcel = true): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 350, height: 900 } });
  page.on("pageerror", (e) => console.error("page error:", e.message));
  page.on(
    "console",
    (m) => /Content Security Policy/i.test(m.text()) && cspViolations.push(m.text())
  );
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === baseUrl) return route.continue();
    if (url.hostname === "appsforoffice.microsoft.com") {
      // Office.js and the siblings it loads, from the npm package instead of the CDN.
      const file = path.join(officeDist, url.pathname.replace(/^\/lib\/1\/hosted\//, ""));
      if (file.startsWith(officeDist) && fs.existsSync(file)) return route.fulfill({ path: file });
      return route.fulfill({ status: 404, body: "" });
    }
    leaks.push(url.href);
    return route.abort(); // nothing leaves the machine
  });
  if (inExcel)
    await page.addInitScript(
      `${doubleScript}\nwindow.__fake = ExcelDouble.createExcelDouble(); window.Excel = window.__fake.Excel;`
    );
  await page.goto(`${baseUrl}/taskpane.html?lang=${lang}`);
  await page.waitForSelector(inExcel ? "#tables li" : "#message.warning");
  return page;
}

const book = <T>(page: Page, fn: string) =>
  page.evaluate(`(() => { const book = window.__fake.book; return ${fn}; })()`) as Promise<T>;

describeIfBrowser("the task pane in Chromium", () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPane("sv");
  }, 60_000);

  it("shows the Balans tables as missing in an empty workbook", async () => {
    await page.screenshot({ path: path.join(output, "taskpane-empty-350.png"), fullPage: true });
    expect(await page.textContent("h1")).toBe("Balans");
    expect(await page.locator("#tables li").count()).toBe(7);
    expect(await page.textContent("#tables")).toContain("Atgardersaknas");
    expect(await page.locator("#create-tables").textContent()).toBe("Skapa saknade tabeller");
  });

  it("sets up the tables filled with the example", async () => {
    await page.check("#with-example");
    await page.click("#create-tables");
    await page.waitForSelector("#message.success");
    expect(await page.textContent("#message")).toMatch(
      /Skapade Åtgärder, Underskott, Uppföljning, Överföringar, Avtal, Beställning/
    );
    expect(await book<string[]>(page, "book.tables.map((t) => t.name)")).toEqual([
      "Atgarder",
      "Underskott",
      "Uppfoljning",
      "Overforingar",
      "Avtal",
      "Bestallning",
    ]);
    await page.waitForFunction(() =>
      document.querySelector("#tables")?.textContent?.includes("24 rader")
    );
    expect(await page.inputValue("#from-year")).toBe("2020");
    expect(await page.inputValue("#to-year")).toBe("2024");
    expect(await page.inputValue("#transfer-year")).toBe("2018");
    expect(await page.isDisabled("#with-example")).toBe(true);
  });

  it("checks the tables and selects the offending cell on click", async () => {
    await book(page, `book.type("Åtgärder", "E6", "på sikt")`);
    await page.click("#check");
    await page.waitForSelector("#problems button");
    expect(await page.textContent("#problems-summary")).toBe("1 problem hittades:");
    expect(await page.textContent("#problems button")).toMatch(
      /Atgarder · rad 6 · Tidsaspekt»på sikt« anger ingen tidpunkt/
    );
    await page.locator("#problems button").first().focus();
    await page.keyboard.press("Enter"); // usable from the keyboard
    await page.waitForFunction(
      () =>
        (window as unknown as { __fake: { book: { selection: unknown } } }).__fake.book
          .selection !== null
    );
    expect(await book(page, "book.selection")).toEqual({ sheet: "Åtgärder", address: "E6" });
    await book(page, `book.type("Åtgärder", "E6", "2021 (pga. utredningsarbete)")`);
  });

  it("writes the yearly effects, and asks before replacing them", async () => {
    await page.click("#write-effects");
    await page.waitForSelector("#message.success");
    expect(await page.textContent("#message")).toBe("Skrev bladet Årseffekter.");
    const total = await book<unknown[]>(
      page,
      `book.grid("Årseffekter").find((r) => r[1] === "Summa kostnadsreducerande åtgärder")`
    );
    expect(total[5] as number).toBeCloseTo(8.025, 10);
    expect(await book<number>(page, `book.sheet("Årseffekter").charts.length`)).toBe(1);

    await page.fill("#to-year", "2022");
    await page.click("#write-effects");
    await page.waitForSelector("#confirm:not([hidden])");
    expect(await page.textContent("#confirm-text")).toBe(
      "Balans skrev Årseffekter tidigare. Ersätta med nya värden? Allt som står på bladet nu ersätts, också det du själv har skrivit där."
    );
    await page.screenshot({ path: path.join(output, "taskpane-confirm-350.png"), fullPage: true });
    await page.click("#confirm-yes");
    await page.waitForSelector("#message.success");
    expect(await book<unknown[]>(page, `book.grid("Årseffekter")[2]`)).toEqual([
      "Id",
      "Åtgärd",
      "Tidsaspekt",
      "Start",
      "Helårseffekt",
      "2020",
      "2021",
      "2022",
      // the example's illustrative forecasts put the forecast plan beside the plan
      "Prognos 2020",
      "Prognos 2021",
      "Prognos 2022",
    ]);
  });

  it("writes the monthly report for the month chosen", async () => {
    await page.fill("#report-month", "2020-08");
    await page.click("#write-report");
    await page.waitForSelector("#message.success");
    expect(await page.textContent("#message")).toBe("Skrev bladet Rapport 2020-08.");
    expect(await book<unknown>(page, `book.grid("Rapport 2020-08")[0][0]`)).toBe(
      "Månadsrapport augusti 2020: åtgärdsplan"
    );
    await page.click("#write-transfers");
    await page.waitForSelector("#message.success");
    expect(await book<boolean>(page, `!!book.sheet("Överföringar 2018")`)).toBe(true);
    expect(await book<unknown[]>(page, "book.formulaWrites")).toEqual([]);
    await page.screenshot({ path: path.join(output, "taskpane-350.png"), fullPage: true });
  });

  it("shows a what-if live in the Scenario section, and writes it only when asked", async () => {
    // The user adds 2021 to Underskott (50 mnkr) in the row below the table, which Excel extends.
    await book(
      page,
      `(() => { book.type("Underskott", "A3", 2021); book.type("Underskott", "B3", 50);
        book.tables.find((x) => x.name === "Underskott").r1 += 1; })()`
    );
    await page.click("#scenario-details summary");
    await page.waitForFunction(
      () => document.querySelectorAll("#scenario-measures li").length === 24
    );
    expect(await page.textContent("#scenario-caption")).toBe("Restunderskott per år (mnkr)");
    const table = () =>
      page.$$eval("#scenario-rows tr", (trs) =>
        trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent))
      );
    // Nothing chosen: the scenario is the plan. 2020: 57 − 8,025; 2021: 50 − 59,2.
    expect(await table()).toEqual([
      ["2020", "49,0", "49,0", "0,0"],
      ["2021", "\u22129,2", "\u22129,2", "0,0"],
    ]);
    expect(await page.isDisabled("#write-scenario")).toBe(true);
    // A06 (4 mnkr from Q3 2020) and A19 (8,5 from 2021) three months late: 2020 loses A06's
    // July–September (1,0); 2021 loses A19's January–March (2,125), while A06's 2021 is whole.
    await page.check("#scenario-measures input[value=A06]");
    await page.check("#scenario-measures input[value=A19]");
    await page.fill("#scenario-delay", "3");
    expect(await table()).toEqual([
      ["2020", "49,0", "50,0", "1,0"],
      ["2021", "\u22129,2", "\u22127,1", "2,1"],
    ]);
    // …and at 30 %: 2021 keeps 1,2 of A06 (loses 2,8) and 30 % of A19's April–December
    // (1,9125 of 6,375): 9,3875 less in all.
    await page.fill("#scenario-share", "30");
    expect((await table())[1]).toEqual(["2021", "\u22129,2", "0,2", "9,4"]);
    await page.fill("#scenario-share", "2000");
    expect(await page.textContent("#scenario-error")).toBe("Andel: ange 0–1000 %.");
    expect(await page.isDisabled("#write-scenario")).toBe(true);
    await page.fill("#scenario-share", "30");
    expect(await book<boolean>(page, `book.sheets.some((s) => s.name === "Scenario")`)).toBe(false);
    await page.evaluate(() => document.getElementById("h-scenario")!.scrollIntoView());
    await page.screenshot({ path: path.join(output, "taskpane-scenario-350.png") });

    await page.click("#write-scenario");
    await page.waitForSelector("#message.success");
    expect(await page.textContent("#message")).toBe("Skrev bladet Scenario.");
    const residual = await book<unknown[]>(
      page,
      `book.grid("Scenario").find((r) => r[1] === "Restunderskott i scenariot")`
    );
    // 2020: A06 keeps 30 % of October–December (0,3 of 2): 1,7 less.
    expect(residual[3] as number).toBeCloseTo(57 - 8.025 + 1.7, 10);
    expect(residual[4] as number).toBeCloseTo(50 - 59.2 + 9.3875, 10);
    expect(await book<number>(page, `book.sheet("Scenario").charts.length`)).toBe(1);
    // the tables are unchanged
    expect(await book<unknown[]>(page, `book.grid("Åtgärder")[6].slice(0, 4)`)).toEqual([
      "A06",
      "Organisatoriska/metodrelaterade åtgärder",
      "Riktlinjer för boendestöd med bas",
      4,
    ]);
  });

  it("explains a bad input instead of failing silently", async () => {
    await page.fill("#report-month", "");
    await page.click("#write-report");
    await page.waitForSelector("#message.error");
    expect(await page.textContent("#message")).toBe(
      "Det gick inte: Ange en månad som ÅÅÅÅ-MM, t.ex. 2020-08."
    );
  });

  it("says so when the plan-text reader cannot be fetched, and fetches it on the next click", async () => {
    const fresh = await openPane("sv");
    const refuse = (route: { abort(): Promise<void> }) => route.abort();
    await fresh.route("**/import.js", refuse);
    await fresh.fill(
      "#import-text",
      "Åtgärd\tHelårseffekt (mnkr)\tTidsaspekt\nFärre vikarier\t1,5\tQ 3 2020\n"
    );
    await fresh.click("#preview-import");
    await fresh.waitForSelector("#message.error");
    expect(await fresh.textContent("#message")).toMatch(
      /^Balans kunde inte hämta sin läsare för plantexter från servern\. Kontrollera anslutningen och klicka igen\./
    );
    expect(await fresh.isHidden("#import-preview")).toBe(true);
    await fresh.unroute("**/import.js", refuse);
    await fresh.click("#preview-import");
    await fresh.waitForSelector("#import-preview:not([hidden])");
    expect(await fresh.textContent("#import-summary")).toBe(
      "1 åtgärd i 1 avsnitt (mnkr). Texten anger inga summor, så inget har stämts av mot planens egna siffror."
    );
    await fresh.close();
  });

  it("imports a pasted plan: preview with its checks, then a new Atgarder table", async () => {
    const fresh = await openPane("sv");
    const seed = fs.readFileSync(
      path.join(__dirname, "../fixtures/seed-000-atgardsplan-2020.txt"),
      "utf8"
    );
    // The plan-text reader is a chunk of its own, fetched on the first preview only.
    const fetched: string[] = [];
    fresh.on("request", (r) => fetched.push(new URL(r.url()).pathname));
    expect(await fresh.isDisabled("#write-import")).toBe(true);
    await fresh.fill(
      "#import-text",
      seed.replace("Q 3 2020\n delfinansiering", "på sikt\n delfinansiering")
    );
    expect(fetched).not.toContain("/import.js");
    await fresh.click("#preview-import");
    await fresh.waitForSelector("#import-preview:not([hidden])");
    expect(fetched).toContain("/import.js");
    expect(await fresh.textContent("#import-summary")).toBe(
      "24 åtgärder i 6 avsnitt (mnkr). Några summor stämmer inte; se problemen."
    );
    // the undated measure, and then the per-year table, which no longer matches without it
    expect(await fresh.locator("#import-problems li").count()).toBe(6);
    expect(await fresh.locator("#import-problems li").first().textContent()).toMatch(
      /Tidsaspekt: »\(lägre kostnader och på sikt/
    );
    expect(await fresh.locator("#import-problems li").nth(1).textContent()).toMatch(
      /För 2020 anger planen 8 mnkr, men åtgärderna ger 7,525 mnkr/
    );
    expect(await fresh.locator("#import-measures li.bad").textContent()).toMatch(
      /^A03Gemensamt HVB/
    );
    await fresh.locator("#import-preview").scrollIntoViewIfNeeded();
    await fresh.screenshot({ path: path.join(output, "taskpane-import-350.png") });
    await fresh.click("#write-import");
    await fresh.waitForSelector("#message.success");
    expect(await fresh.textContent("#message")).toBe(
      "Skapade tabellen Atgarder på bladet Åtgärder med 24 åtgärder."
    );
    expect(await book<number>(fresh, `book.grid("Åtgärder").length`)).toBe(25);
    expect(await fresh.isDisabled("#write-import")).toBe(true); // a second click would append the plan twice
    await fresh.close();
  });

  it("offers the forecast columns to an existing Atgarder, and adds them when agreed", async () => {
    const fresh = await openPane("sv");
    await book(
      fresh,
      `book.addUserTable("Min plan", "Atgarder", ["Id", "Åtgärd", "Helårseffekt"], [["X1", "Egen", 2]])`
    );
    await fresh.click("#create-tables");
    await fresh.waitForSelector("#confirm:not([hidden])");
    expect(await fresh.textContent("#confirm-text")).toBe(
      "Tabellen Atgarder saknar kolumnerna Prognos helårseffekt och Prognos start, där du skriver prognosen. Lägga till dem sist i tabellen, tomma? Inget annat i tabellen ändras."
    );
    expect(await fresh.textContent("#confirm-yes")).toBe("Lägg till");
    await fresh.click("#confirm-yes");
    await fresh.waitForSelector("#message.success");
    expect(await fresh.textContent("#message")).toBe(
      "Skapade Underskott, Uppföljning, Överföringar, Avtal, Beställning. La till kolumnerna Prognos helårseffekt och Prognos start i tabellen Atgarder."
    );
    expect(await book<unknown[][]>(fresh, `book.grid("Min plan")`)).toEqual([
      ["Id", "Åtgärd", "Helårseffekt", "Prognos helårseffekt", "Prognos start"],
      ["X1", "Egen", 2, "", ""],
    ]);
    await fresh.close();
  });

  it("import preview: the column mapping can be changed and reads again; prose waits for a tick", async () => {
    const fresh = await openPane("sv");
    await fresh.fill(
      "#import-text",
      "Åtgärd\tBelopp (tkr)\tKommentar\nÖversyn av avtal\t400\tQ3 2024\n"
    );
    await fresh.click("#preview-import");
    expect(await fresh.locator("#import-problems li").first().textContent()).toMatch(/Tidsaspekt/);
    await fresh.selectOption(
      '#import-columns select[aria-label="Roll för kolumnen Kommentar"]',
      "timing"
    );
    expect(await fresh.locator("#import-problems li").count()).toBe(0);
    expect(await fresh.textContent("#import-measures li")).toMatch(/Översyn av avtal · Q3 2024/);
    await fresh.locator("#import-preview").scrollIntoViewIfNeeded();
    await fresh.screenshot({ path: path.join(output, "taskpane-import-mapping-350.png") });

    await fresh.fill(
      "#import-text",
      fs.readFileSync(path.join(__dirname, "../fixtures/plans/mn-2019-prose.txt"), "utf8")
    );
    await fresh.click("#preview-import");
    expect(await fresh.locator("#import-candidates li").count()).toBe(2);
    expect(await fresh.textContent("#import-candidates li")).toMatch(/säkerhet 40 %/);
    expect(await fresh.isDisabled("#write-import")).toBe(true);
    await fresh.check("#import-candidates li:nth-child(2) input");
    expect(await fresh.isDisabled("#write-import")).toBe(false);
    // the preview is drawn again, and the keyboard stays on the box just ticked
    expect(await fresh.evaluate(() => document.activeElement?.id)).toBe("import-candidate-F02");
    await fresh.locator("#import-candidates").scrollIntoViewIfNeeded();
    await fresh.screenshot({ path: path.join(output, "taskpane-import-prose-350.png") });
    await fresh.close();
  });

  it("sent nothing anywhere, and the Content-Security-Policy let Office.js and the pane work", () => {
    expect(leaks).toEqual([]);
    // Office.js may try to frame Microsoft's telemetry service; the policy keeps it out on purpose.
    const unexpected = cspViolations.filter(
      (v) => !/^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\//.test(v)
    );
    expect(unexpected).toEqual([]);
  });

  it("fits 320 px without scrolling sideways, and every control is reachable with Tab", async () => {
    const narrow = await openPane("sv");
    await narrow.setViewportSize({ width: 320, height: 800 });
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320
    );
    const reached = new Set<string>();
    for (let k = 0; k < 30; k++) {
      await narrow.keyboard.press("Tab");
      const id = await narrow.evaluate(() => document.activeElement?.id ?? "");
      if (id) reached.add(id);
    }
    for (const id of [
      "with-example",
      "create-tables",
      "import-text",
      "preview-import",
      "check",
      "from-year",
      "to-year",
      "write-effects",
      "transfer-year",
      "write-transfers",
      "report-month",
      "write-report",
    ]) {
      expect([id, reached.has(id)]).toEqual([id, true]);
    }
    await narrow.close();
  });

  it("says in its own words that it runs outside Excel, and keeps its buttons off", async () => {
    const outside = await openPane("sv", false);
    expect(await outside.textContent("#message")).toBe(
      "Balans körs inte i Excel. Öppna tillägget i Excel (fliken Start, Balans) för att använda knapparna."
    );
    expect(await outside.isDisabled("#write-effects")).toBe(true);
    expect(await outside.textContent("body")).not.toMatch(/is not defined/);
    await outside.close();
  });

  it("shows whether Balans formulas are live", async () => {
    expect(await page.textContent("#live")).toBe(
      "Inga Balans-formler är igång i den här arbetsboken."
    );
  });

  it("speaks English when Office does", async () => {
    const english = await openPane("en");
    expect(await english.textContent("#h-workbook")).toBe("Workbook");
    expect(await english.textContent("#write-report")).toBe("Write report");
    expect(await english.getAttribute("html", "lang")).toBe("en");
    await english.close();
  });
});
