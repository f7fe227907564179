import { promises as fs } from "fs";
import * as path from "path";
import { writeLayoutsToFile } from "../../adapters/xlsx/writeLayouts";
import { toIsoDate } from "../../core/dates";
import { describeProblem, BalansError } from "../../core/problems";
import {
  acceptCandidates,
  describeColumns,
  ImportedMeasure,
  ImportedSection,
  parsePlanText,
  PlanImport,
} from "../../core/planText";
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
  const measure = (m: ImportedMeasure) => ({
    id: m.id,
    area: m.area,
    name: m.name,
    annual: m.annual ?? null,
    perYear: m.perYear ?? {},
    timing: m.timing,
    start: m.start ? toIsoDate(m.start) : null,
    dependency: m.dependency ?? null,
    comment: m.comment ?? null,
    line: m.line,
    source: m.source,
    confidence: m.confidence,
  });
  return {
    unit: plan.unit,
    columns: plan.tables.map((t) => ({
      line: t.line,
      area: t.area,
      unit: t.unit,
      columns: t.columns.map((c) => ({
        header: c.header,
        role: c.role,
        ...(c.year !== undefined ? { year: c.year } : {}),
        ...(c.unit ? { unit: c.unit } : {}),
      })),
    })),
    measures: plan.measures.map(measure),
    candidates: plan.candidates.map(measure),
    sections: plan.sections.map((s) => ({
      area: s.area,
      statedSum: s.statedSum ?? null,
      computedSum: s.computedSum,
      matches: s.matches ?? null,
      ...(s.statedPerYear
        ? { statedPerYear: s.statedPerYear, matchesPerYear: s.matchesPerYear }
        : {}),
      ...(s.computedPerYear ? { computedPerYear: s.computedPerYear } : {}),
      ...(s.unchecked ? { unchecked: s.unchecked } : {}),
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
    m.annual ?? "–",
    m.start ? toIsoDate(m.start) : "–",
    m.confidence < 1 ? `${Math.round(m.confidence * 100)} %` : "",
  ]);
  const header = ["Id", "Område", "Åtgärd", `Helår (${plan.unit})`, "Start", "Säkerhet"];
  const lines = plan.measures.length
    ? [
        ...plan.tables.map(
          (t) => `Tabell på rad ${t.line} (${t.unit}): ${describeColumns(t.columns)}`
        ),
        "",
        renderTable(header, rows, 3, (v) => formatStatedAmount(v)),
        "",
      ]
    : [];
  const stated = [...new Set(plan.measures.flatMap((m) => Object.keys(m.perYear ?? {})))].sort();
  if (stated.length)
    lines.push(
      `Effekt per år enligt planen (${plan.unit}):`,
      ...plan.measures
        .filter((m) => m.perYear)
        .map(
          (m) =>
            `  ${m.id.padEnd(4)} ${stated.map((y) => `${y}: ${m.perYear![y] === undefined ? "–" : formatStatedAmount(m.perYear![y])}`).join("  ")}`
        ),
      ""
    );
  if (plan.candidates.length)
    lines.push(
      `Förslag i löptext (osäkra, skrivs bara med --med-forslag):`,
      ...plan.candidates.map(
        (c) =>
          `  ${c.id} rad ${c.line}: ${formatStatedAmount(c.annual ?? 0)} ${plan.unit}, ${c.timing || "ingen tidpunkt"} – ${truncate(c.name, 70)}`
      ),
      ""
    );
  if (plan.sections.length) lines.push("Kontroll mot planens egna summor:");
  for (const s of plan.sections) lines.push(...sectionLines(s));
  if (plan.statedTotal !== undefined)
    lines.push(
      `  ${"Totalt".padEnd(44)} ${formatStatedAmount(plan.computedTotal).padStart(8)}  angivet ${formatStatedAmount(plan.statedTotal)}`
    );
  const years = Object.keys(plan.statedPerYear);
  if (years.length)
    lines.push(
      `  Per år: ${years.map((y) => `${y} ${formatStatedAmount(plan.computedPerYear[y])} (angivet ${formatStatedAmount(plan.statedPerYear[y])})`).join(", ")}`
    );
  // The hint when nothing was found goes to stderr, once.
  const problems = plan.problems.filter((p) => p.message !== plan.hint);
  if (problems.length)
    lines.push(
      "",
      `${problems.length} problem:`,
      ...problems.map((p) => `  - ${describeProblem(p)}`)
    );
  return lines.join("\n");
}

export async function importCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ["out"], ["json", "force", "med-forslag"]);
  if (args.positional.length !== 1)
    throw new UsageError(
      "ange planens text: balans import PLAN.txt --out PLAN.xlsx [--force] [--json] [--med-forslag]"
    );
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
  const read = parsePlanText(decodeText(buffer));
  // Prose candidates are written only when the user asks for them (`--med-forslag`).
  const plan = args.options.has("med-forslag")
    ? acceptCandidates(
        read,
        read.candidates.map((c) => c.id)
      )
    : read;
  if (plan.measures.length) await writeLayoutsToFile(out, [importedMeasuresLayout(plan)]);
  io.out(args.options.has("json") ? JSON.stringify(importJson(plan), null, 2) : renderImport(plan));
  if (!plan.measures.length) {
    // What it looked for and what it saw: the hint is the import's problem without a row.
    io.err(plan.hint ?? "Hittade inga åtgärder.");
    if (!args.options.has("json")) io.out("\nIngen arbetsbok skrevs: inga åtgärder hittades.");
    return 1;
  }
  if (!args.options.has("json")) io.out(`\nTabellen Atgarder är skriven: ${path.resolve(out)}`);
  return 0;
}

/**
 * A section's check: its Helårseffekt sum (when the plan has one), then each year's sum with its
 * figures; a sum the plan does not state is said so, a section that cannot be checked says why.
 */
function sectionLines(s: ImportedSection): string[] {
  const status = (stated: number | undefined, matches: boolean | undefined) =>
    s.unchecked
      ? `kan inte kontrolleras (${s.unchecked})`
      : stated === undefined
        ? "ingen summa angiven"
        : matches
          ? `stämmer (angivet ${formatStatedAmount(stated)})`
          : `STÄMMER INTE (angivet ${formatStatedAmount(stated)})`;
  const years = Object.keys(s.computedPerYear ?? {}).sort();
  const onlyYears = years.length > 0 && s.statedSum === undefined && s.computedSum === 0;
  const head = `  ${truncate(s.area, 44).padEnd(44)}`;
  const out = onlyYears
    ? [`${head} per år:`]
    : [
        `${head} ${formatStatedAmount(s.computedSum).padStart(8)}  ${status(s.statedSum, s.annualMatches)}`,
      ];
  for (const y of years)
    out.push(
      `    ${y} ${formatStatedAmount(s.computedPerYear![y]).padStart(8)}  ${status(s.statedPerYear?.[y], s.matchesPerYear?.[y])}`
    );
  return out;
}
