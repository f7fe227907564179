import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** LibreOffice's command, if installed (CI installs it with apt-get in .ci/run). */
export function soffice(): string | undefined {
  for (const cmd of ["soffice", "libreoffice"]) {
    if (spawnSync("which", [cmd]).status === 0) return cmd;
  }
  return undefined;
}

/**
 * Opens a workbook in LibreOffice Calc, headless, and converts it to PDF, as a user's spreadsheet
 * program would open it. Returns the PDF's path, or throws with what LibreOffice said.
 */
export function convertToPdf(file: string): string {
  const cmd = soffice();
  if (!cmd) throw new Error("LibreOffice is not installed: apt-get install libreoffice-calc");
  const outDir = path.dirname(file);
  const profile = `file://${path.join(outDir, "lo-profile")}`;
  const r = spawnSync(
    cmd,
    [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      outDir,
      file,
    ],
    { encoding: "utf8", timeout: 180_000 }
  );
  const pdf = file.replace(/\.xlsx$/, ".pdf");
  if (r.status !== 0 || !fs.existsSync(pdf))
    throw new Error(`LibreOffice could not convert ${file}: ${r.stderr || r.stdout}`);
  return pdf;
}

/** The text of a PDF (poppler's pdftotext), or undefined when poppler is not installed. */
export function pdfText(pdf: string): string | undefined {
  const r = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout : undefined;
}
