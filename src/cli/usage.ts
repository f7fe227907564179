import * as fs from "fs";
import * as path from "path";

/** The usage of each command, as `balans COMMAND --help` prints it. */
export const COMMAND_USAGE: Record<string, string> = {
  demo: `balans demo [--out FIL.xlsx] [--pdf] [--force]

  Skriver exempelarbetsboken (Linköpings åtgärdsplan 2020 och en överföring ON → SN) med alla
  beräknade blad, och skriver ut sammanfattningen. Standardnamn: balans-exempel.xlsx.
  --pdf     skriv också hela arbetsboken som PDF bredvid (kräver LibreOffice)
  --force   skriv över FIL.xlsx (och PDF:en) om den redan finns`,
  effects: `balans effects FIL.xlsx [--from ÅR] [--to ÅR] [--delay ID=MÅN]… [--scale ID=PROCENT]… [--json]

  Besparing per åtgärd, område och år; underskott och restunderskott; prognosplanen bredvid
  planen när någon åtgärd har Prognos helårseffekt, Prognos start eller är Avbruten.
  --from, --to   åren som visas (standard: planens egna år)
  --delay        scenario: åtgärden så många månader senare, t.ex. --delay A03=6 (flera tillåtna)
  --scale        scenario: åtgärden till en andel av planen, t.ex. --scale A10=50% (flera tillåtna)
  --json         ett JSON-dokument på stdout och inget annat`,
  transfers: `balans transfers FIL.xlsx --month ÅÅÅÅ-MM [--json]

  Socialnämndens saldo av överförda medel vid månadens slut, per insats, prognos för årets slut
  och avtal tecknade under månaden.
  --month   månaden, t.ex. 2018-08
  --json    ett JSON-dokument på stdout och inget annat`,
  report: `balans report FIL.xlsx --month ÅÅÅÅ-MM --out UT.xlsx [--pdf] [--force] [--json]

  Månadsrapporten: skriver bladet Rapport ÅÅÅÅ-MM i UT.xlsx, en kopia av FIL.xlsx. Indatafilen
  ändras aldrig; UT.xlsx får inte vara den (inte heller via en länk).
  --month   månaden, t.ex. 2020-08
  --out     filen som skrivs
  --pdf     skriv också rapportbladet som PDF bredvid, UT.pdf (kräver LibreOffice)
  --force   skriv över UT.xlsx (och UT.pdf) om den redan finns
  --json    ett JSON-dokument på stdout och inget annat`,
  import: `balans import PLAN.txt --out PLAN.xlsx [--force] [--json] [--med-forslag]

  Läser en åtgärdsplans text (kopierad ur Word- eller PDF-beslutet) till tabellen Atgarder och
  kontrollerar den mot planens egna summor. Avslutar med kod 1 när ingen åtgärd hittas.
  --out           arbetsboken som skrivs
  --force         skriv över PLAN.xlsx om den redan finns
  --json          ett JSON-dokument på stdout och inget annat
  --med-forslag   skriv också åtgärder som bara står i löptext (osäkra förslag)`,
};

export const USAGE = `Användning: balans KOMMANDO [flaggor]

  demo [--out FIL.xlsx] [--pdf] [--force]     skriver exempelarbetsboken (Linköpings åtgärdsplan 2020)
  effects FIL.xlsx [--from ÅR] [--to ÅR] [--delay ID=MÅN]… [--scale ID=PROCENT]… [--json]
                                              besparing per åtgärd och år, restunderskott;
                                              med --delay/--scale ett scenario bredvid planen
  transfers FIL.xlsx --month ÅÅÅÅ-MM [--json] socialnämndens saldo av överförda medel
  report FIL.xlsx --month ÅÅÅÅ-MM --out UT.xlsx [--pdf] [--force] [--json]
                                              månadsrapporten, skriven i en kopia av arbetsboken;
                                              med --pdf också som PDF (kräver LibreOffice)
  import PLAN.txt --out PLAN.xlsx [--force] [--json] [--med-forslag]
                                              läser en åtgärdsplans text till tabellen Atgarder

  balans KOMMANDO --help   hjälp för ett kommando
  balans --version         versionen

Med --json skrivs ett JSON-dokument och inget annat. Slutkoder: 0 klart, 1 arbetsboken eller
filen kan inte användas (eller ingen PDF kunde göras), 2 fel på kommandoraden. Mer: README.md.`;

/** The version in the project's package.json, found from wherever the CLI runs (src or dist). */
export function version(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "balans" && pkg.version) return pkg.version;
    }
    if (path.dirname(dir) === dir) return "okänd";
  }
}
