import * as path from "path";
import { writeLayoutsToFile } from "../../adapters/xlsx/writeLayouts";
import { yearlyEffectsLayout } from "../../core/sheets/yearlyEffectsSheet";
import { exampleTableLayouts, layoutAsRawTable } from "../../example/exampleWorkbook";
import { CliIo, parseArgs, stamp, UsageError } from "../io";
import { computeEffectsFromTables, renderEffects } from "./effects";

export const DEFAULT_DEMO_FILE = "balans-exempel.xlsx";

/** Writes the embedded example workbook with its computed sheets and prints the summary. */
export async function demoCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ["out"], []);
  if (args.positional.length) throw new UsageError(`demo tar inga argument utom --out FIL.xlsx (fick ${args.positional.join(" ")})`);
  const out = String(args.options.get("out") ?? DEFAULT_DEMO_FILE);
  if (!out.toLowerCase().endsWith(".xlsx")) throw new UsageError(`--out ska vara en .xlsx-fil (fick ${out})`);

  const inputs = exampleTableLayouts();
  const run = computeEffectsFromTables(inputs.map(layoutAsRawTable), 2020, 2024);
  const sheet = yearlyEffectsLayout(run.effects, { madeAt: stamp(io.now()), source: "exemplets tabeller Atgarder och Underskott" });
  await writeLayoutsToFile(out, [sheet, ...inputs]);

  io.out("Balans – exempel: Linköpings åtgärdsplan 2020 (social- och omsorgsnämnden)\n");
  io.out(renderEffects(run));
  io.out(`\nArbetsboken är skriven: ${path.resolve(out)}`);
  return 0;
}
