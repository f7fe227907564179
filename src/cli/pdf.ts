import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeLayoutsToFile } from "../adapters/xlsx/writeLayouts";
import { SheetLayout } from "../core/layout";
import { BalansError } from "../core/problems";

/** Where LibreOffice is usually installed, beside the command names on PATH. */
const INSTALLED = [
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
  "C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe",
];
const COMMANDS =
  process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
const CONVERSION_TIMEOUT_MS = 180_000;

/** LibreOffice's program: `BALANS_SOFFICE` if set, else found on PATH or where it installs. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.BALANS_SOFFICE) return fs.existsSync(env.BALANS_SOFFICE) ? env.BALANS_SOFFICE : undefined;
  const dirs = (env.PATH ?? "").split(path.delimiter).filter(Boolean);
  for (const dir of dirs)
    for (const cmd of COMMANDS) {
      const candidate = path.join(dir, cmd);
      if (fs.existsSync(candidate)) return candidate;
    }
  return INSTALLED.find((p) => fs.existsSync(p));
}

export const NO_LIBREOFFICE =
  "LibreOffice finns inte på datorn, så ingen PDF skrevs (.xlsx-filen är skriven). Installera LibreOffice (Debian/Ubuntu: apt-get install libreoffice-calc) eller ange programmet med BALANS_SOFFICE, eller skriv ut från Excel.";

/** `rapport.xlsx` → `rapport.pdf`, in the same folder. */
export const pdfBeside = (xlsx: string): string =>
  path.join(path.dirname(path.resolve(xlsx)), `${path.basename(xlsx, path.extname(xlsx))}.pdf`);

/**
 * Converts a workbook to PDF with LibreOffice, headless, in a profile of its own (so a LibreOffice
 * the user has open is not disturbed) set to Swedish, so figures print with a decimal comma as in
 * Swedish Excel. Writes `pdf` (by default beside the workbook) and returns its path.
 */
export async function writePdf(xlsx: string, pdf = pdfBeside(xlsx)): Promise<string> {
  const soffice = findSoffice();
  if (!soffice) throw new BalansError(NO_LIBREOFFICE);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "balans-lo-"));
  try {
    const profile = path.join(work, "profile");
    fs.mkdirSync(path.join(profile, "user"), { recursive: true });
    fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), SWEDISH_PROFILE);
    const outDir = path.join(work, "out");
    const result = await run(soffice, [
      `-env:UserInstallation=${fileUrl(profile)}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      outDir,
      path.resolve(xlsx),
    ]);
    const made = path.join(outDir, `${path.basename(xlsx, path.extname(xlsx))}.pdf`);
    if (result.code !== 0 || !fs.existsSync(made))
      throw new BalansError(
        `LibreOffice kunde inte göra en PDF av ${xlsx}: ${(result.output || `avslutade med kod ${result.code}`).trim()}`
      );
    try {
      fs.copyFileSync(made, pdf);
    } catch (error) {
      throw new BalansError(`Kan inte skriva ${pdf}: ${(error as Error).message}`);
    }
    return pdf;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** A PDF of some sheets only: they are written to a workbook of their own and converted. */
export async function writeSheetsPdf(
  layouts: readonly SheetLayout[],
  pdf: string
): Promise<string> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "balans-pdf-"));
  try {
    const xlsx = path.join(work, `${path.basename(pdf, ".pdf")}.xlsx`);
    await writeLayoutsToFile(xlsx, layouts);
    return await writePdf(xlsx, pdf);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function fileUrl(dir: string): string {
  const p = path.resolve(dir).replace(/\\/g, "/");
  return `file://${p.startsWith("/") ? "" : "/"}${encodeURI(p)}`;
}

function run(cmd: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill();
      output += `\ningen PDF efter ${CONVERSION_TIMEOUT_MS / 1000} s`;
    }, CONVERSION_TIMEOUT_MS);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(new BalansError(`LibreOffice kunde inte startas (${cmd}): ${e.message}`));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** The profile's locale: Swedish number and date formats in the PDF. */
const SWEDISH_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>sv-SE</value></prop></item>
</oor:items>
`;
