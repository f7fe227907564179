import * as path from "path";
import { loadXlsx, tablesOf } from "../../adapters/xlsx/readTables";
import { addLayouts, freeSheetName } from "../../adapters/xlsx/writeLayouts";
import { BalansError } from "../../core/problems";
import { monthLabel } from "../../core/months";
import { buildMonthlyReport, MonthlyReport } from "../../core/report";
import { monthlyReportLayout } from "../../core/sheets/monthlyReportSheet";
import { readBalansWorkbook, workbookErrors } from "../../core/workbook";
import { CliIo, parseArgs, stamp, UsageError } from "../io";
import { checkOutput } from "../paths";
import { problemCount, problemsJson, reportTableErrors } from "../problemsOut";
import { headerRowIndex, layoutSectionText } from "../layoutText";
import { pdfBeside, writeSheetsPdf } from "../pdf";
import { monthOption, transfersJson } from "./transfers";

/** The `report` JSON document of the workbook contract. */
export function reportJson(report: MonthlyReport) {
  const plan = report.plan;
  return {
    month: monthLabel(report.at),
    unit: plan?.unit ?? report.transfers?.current.unit,
    measures: (plan?.lines ?? []).map((l) => ({
      id: l.measure.id,
      plannedYear: l.plannedYear,
      plannedToDate: l.plannedToDate,
      actualToDate: l.actualToDate,
      deviation: l.deviation,
      forecastYear: l.forecastYear,
      status: l.status,
    })),
    totals: plan?.totals ?? null,
    deficit: plan?.deficit ?? null,
    residualPlanned: plan?.residualPlanned ?? null,
    residualForecast: plan?.residualForecast ?? null,
    planRequired: plan?.planRequired ?? null,
    transfers: report.transfers ? transfersJson(report.transfers.current) : null,
    previous: {
      month: monthLabel(report.previous),
      totals: plan?.previousTotals ?? null,
      residualForecast: plan?.previousResidualForecast ?? null,
      transfers: report.transfers ? transfersJson(report.transfers.previous) : null,
    },
    madeAt: report.stamp.madeAt,
    source: report.stamp.source,
    problems: problemsJson(report.problems),
  };
}

/** Writes `Rapport YYYY-MM` into a copy of the workbook; the input file is never modified. */
export async function reportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ["month", "out"], ["json", "force", "pdf"]);
  if (args.positional.length !== 1)
    throw new UsageError(
      "ange en arbetsbok: balans report FIL.xlsx --month ÅÅÅÅ-MM --out UT.xlsx [--pdf] [--json]"
    );
  const at = monthOption(args);
  const input = args.positional[0];
  const out = args.options.get("out");
  if (typeof out !== "string")
    throw new UsageError(
      "ange var rapporten ska skrivas med --out UT.xlsx (indatafilen ändras aldrig)"
    );
  if (!out.toLowerCase().endsWith(".xlsx"))
    throw new UsageError(`--out ska vara en .xlsx-fil (fick ${out})`);
  if (path.resolve(out) === path.resolve(input))
    throw new UsageError("--out får inte vara indatafilen; rapporten skrivs i en kopia");
  await checkOutput(out, [input], args.options.has("force"));
  if (args.options.has("pdf"))
    await checkOutput(pdfBeside(out), [input], args.options.has("force"));

  const workbook = await loadXlsx(input);
  const wb = readBalansWorkbook(tablesOf(workbook));
  const report = buildMonthlyReport(wb, at, {
    madeAt: stamp(io.now()),
    source: path.basename(input),
  });
  const layout = monthlyReportLayout(report);
  layout.sheet = freeSheetName(workbook, layout.sheet);
  addLayouts(workbook, [layout]);
  try {
    await workbook.xlsx.writeFile(out);
  } catch (error) {
    throw new BalansError(`Kan inte skriva ${out}: ${(error as Error).message}`);
  }

  if (args.options.has("json")) {
    io.out(JSON.stringify(reportJson(report), null, 2));
  } else {
    io.out(layoutSectionText(layout, headerRowIndex(layout, 0)));
    if (report.problems.length)
      io.out(`\n${problemCount(report.problems)} i tabellerna; de står sist på rapportbladet.`);
    io.out(`\nRapporten är skriven: ${path.resolve(out)} (bladet ${layout.sheet})`);
  }
  // The PDF holds the report sheet only, printed as a reader's spreadsheet program prints it.
  if (args.options.has("pdf")) {
    const pdf = await writeSheetsPdf([layout], pdfBeside(out));
    if (!args.options.has("json")) io.out(`PDF:en är skriven: ${pdf}`);
  }
  return reportTableErrors(io, "report", workbookErrors(wb));
}
