import { promises as fs } from "fs";
import * as path from "path";
import { writeLayoutsToFile } from "../../adapters/xlsx/writeLayouts";
import { toIsoDate } from "../../core/dates";
import { describeProblem, BalansError } from "../../core/problems";
import { parsePlanText, PlanImport } from "../../core/planText";
import { importedMeasuresLayout } from "../../core/sheets/importedPlan";
import { CliIo, parseArgs, UsageError } from "../io";
import { checkOutput } from "../paths";
import { problemsJson } from "../problemsOut";
import { formatStatedAmount, renderTable, truncate } from "../terminalTable";

/** A plan's text is far smaller than this; larger files are refused before reading. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

/** Text as Word and PDF tools save it: UTF-8, UTF-16 with a byte-order mark, or Windows-1252. */
export function decodeText(buffer: Buffer): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString("utf16le");
  if (buffer[0] === 0xfe && buffer[1] === 0xff)
    return Buffer.from(buffer.subarray(2)).swap16().toString("utf16le");
  const utf8 = buffer.toString("utf8").replace(/^\ufeff/, "");
  return utf8.includes("\ufffd") ? buffer.toString("latin1") : utf8;
}

export function importJson(plan: PlanImport) {
  return {
    unit: plan.unit,
    measures: plan.measures.map((m) => ({
      id: m.id,
      area: m.area,
      name: m.name,
      annual: m.annual,
      timing: m.timing,
      start: m.start ? toIsoDate(m.start) : null,
      dependency: m.dependency ?? null,
      comment: m.comment ?? null,
    })),
    sections: plan.sections.map((s) => ({
      area: s.area,
      statedSum: s.statedSum ?? null,
      computedSum: s.computedSum,
      matches: s.matches ?? null,
    })),
    statedTotal: plan.statedTotal ?? null,
    computedTotal: plan.computedTotal,
    statedPerYear: plan.statedPerYear,
    computedPerYear: plan.computedPerYear,
    problems: problemsJson(plan.problems),
  };
}

function renderImport(plan: PlanImport): string {
  const rows = plan.measures.map((m) => [
    m.id,
    truncate(m.area, 26),
    truncate(m.name, 40),
    m.annual,
    m.start ? toIsoDate(m.start) : "–",
  ]);
  const lines = [
    renderTable(["Id", "Område", "Åtgärd", `Helår (${plan.unit})`, "Start"], rows, 3, (v) =>
      formatStatedAmount(v)
    ),
    "",
  ];
  lines.push("Kontroll mot planens egna summor:");
  for (const s of plan.sections) {
    const ok =
      s.matches === undefined
        ? "ingen summa angiven"
        : s.matches
          ? "stämmer"
          : `STÄMMER INTE (angivet ${formatStatedAmount(s.statedSum!)})`;
    lines.push(
      `  ${truncate(s.area, 44).padEnd(44)} ${formatStatedAmount(s.computedSum).padStart(8)}  ${ok}`
    );
  }
  if (plan.statedTotal !== undefined)
    lines.push(
      `  ${"Totalt".padEnd(44)} ${formatStatedAmount(plan.computedTotal).padStart(8)}  angivet ${formatStatedAmount(plan.statedTotal)}`
    );
  const years = Object.keys(plan.statedPerYear);
  if (years.length)
    lines.push(
      `  Per år: ${years.map((y) => `${y} ${formatStatedAmount(plan.computedPerYear[y])} (angivet ${formatStatedAmount(plan.statedPerYear[y])})`).join(", ")}`
    );
  if (plan.problems.length)
    lines.push(
      "",
      `${plan.problems.length} problem:`,
      ...plan.problems.map((p) => `  - ${describeProblem(p)}`)
    );
  return lines.join("\n");
}

export async function importCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ["out"], ["json", "force"]);
  if (args.positional.length !== 1)
    throw new UsageError("ange planens text: balans import PLAN.txt --out PLAN.xlsx [--json]");
  const input = args.positional[0];
  const out = args.options.get("out");
  if (typeof out !== "string" || !out.toLowerCase().endsWith(".xlsx"))
    throw new UsageError("ange var tabellen ska skrivas med --out PLAN.xlsx");
  let stat;
  try {
    stat = await fs.stat(input);
  } catch {
    throw new BalansError(`Filen ${input} finns inte.`);
  }
  if (!stat.isFile())
    throw new BalansError(`${input} är ingen fil (en mapp?); ange planens textfil.`);
  if (stat.size === 0)
    throw new BalansError(`${path.basename(input)} är tom; spara planens text i filen först.`);
  await checkOutput(out, [input], args.options.has("force"));
  if (stat.size > MAX_TEXT_BYTES)
    throw new BalansError(
      `${path.basename(input)} är ${Math.round(stat.size / 1048576)} MB; en plans text är högst ${MAX_TEXT_BYTES / 1048576} MB.`
    );
  const buffer = await fs.readFile(input);
  if (buffer.length >= 4 && buffer.readUInt32LE(0) === 0x04034b50) {
    throw new BalansError(
      `${path.basename(input)} är en Word- eller Excel-fil; spara planen som text (.txt) eller kopiera texten.`
    );
  }
  const plan = parsePlanText(decodeText(buffer));
  if (plan.measures.length) await writeLayoutsToFile(out, [importedMeasuresLayout(plan)]);
  io.out(args.options.has("json") ? JSON.stringify(importJson(plan), null, 2) : renderImport(plan));
  if (!args.options.has("json"))
    io.out(
      plan.measures.length
        ? `\nTabellen Atgarder är skriven: ${path.resolve(out)}`
        : "\nIngen arbetsbok skrevs: inga åtgärder hittades."
    );
  return 0;
}
