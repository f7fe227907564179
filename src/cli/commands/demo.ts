import * as path from "path";
import { writeNewWorkbook } from "../../adapters/xlsx/newWorkbook";
import { buildMonthlyReport } from "../../core/report";
import { monthlyReportLayout } from "../../core/sheets/monthlyReportSheet";
import { transferBalancesLayout } from "../../core/sheets/transferSheet";
import { yearlyEffectsLayout } from "../../core/sheets/yearlyEffectsSheet";
import { planAndForecastEffects } from "../../core/forecast";
import { readBalansWorkbook, requireLedger, requireMeasures } from "../../core/workbook";
import { exampleTableLayouts, layoutAsRawTable } from "../../example/exampleWorkbook";
import { CliIo, parseArgs, stamp, UsageError } from "../io";
import { checkOutput } from "../paths";
import { headerRowIndex, layoutSectionText } from "../layoutText";
import { pdfBeside, writePdf } from "../pdf";
import { renderEffects } from "./effects";

export const DEFAULT_DEMO_FILE = "balans-exempel.xlsx";
export const DEMO_REPORT_MONTH = { year: 2020, month: 8 };
export const DEMO_TRANSFER_YEAR = 2018;

/** Writes the embedded example workbook with its computed sheets and prints the summary. */
export async function demoCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ["out"], ["force", "pdf"]);
  if (args.positional.length)
    throw new UsageError(
      `demo tar inga argument utom --out FIL.xlsx och --pdf (fick ${args.positional.join(" ")})`
    );
  const out = String(args.options.get("out") ?? DEFAULT_DEMO_FILE);
  if (!out.toLowerCase().endsWith(".xlsx"))
    throw new UsageError(`--out ska vara en .xlsx-fil (fick ${out})`);
  await checkOutput(out, [], args.options.has("force"));
  if (args.options.has("pdf")) await checkOutput(pdfBeside(out), [], args.options.has("force"));

  const inputs = exampleTableLayouts();
  const wb = readBalansWorkbook(inputs.map(layoutAsRawTable));
  const measures = requireMeasures(wb);
  const years = [2020, 2021, 2022, 2023, 2024];
  const { plan: effects, forecast } = planAndForecastEffects(
    measures,
    years,
    wb.followUp?.entries ?? [],
    wb.deficits
  );
  const sheetStamp = { madeAt: stamp(io.now()), source: "exemplets tabeller" };
  const transfers = transferBalancesLayout(requireLedger(wb), DEMO_TRANSFER_YEAR, sheetStamp);
  const report = monthlyReportLayout(buildMonthlyReport(wb, DEMO_REPORT_MONTH, sheetStamp));
  await writeNewWorkbook(out, [
    yearlyEffectsLayout(effects, sheetStamp, forecast),
    report,
    transfers,
    ...inputs,
  ]);

  io.out("Balans – exempel: Linköpings åtgärdsplan 2020 (social- och omsorgsnämnden)\n");
  io.out(renderEffects({ effects, ...(forecast ? { forecast } : {}), problems: wb.problems }));
  io.out(
    `\nÖverförda medel ON → SN ${DEMO_TRANSFER_YEAR} (mnkr), efter en överföring modellerad på beslutet om 16,8 − 7 = 9,8 mnkr\n`
  );
  io.out(layoutSectionText(transfers, headerRowIndex(transfers, 0)));
  io.out(`\nArbetsboken är skriven: ${path.resolve(out)}`);
  io.out(
    `Bladen: ${["Årseffekter", report.sheet, transfers.sheet, ...inputs.map((t) => t.sheet)].join(", ")}`
  );
  if (args.options.has("pdf")) io.out(`PDF:en är skriven: ${await writePdf(out)}`);
  return 0;
}
