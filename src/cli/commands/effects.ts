import { MAX_YEARS_SHOWN } from "../../core/limits";
import { readXlsxTables } from "../../adapters/xlsx/readTables";
import { toIsoDate } from "../../core/dates";
import { computePlanEffects, defaultYears, PlanEffects } from "../../core/effects";
import { describeProblem, Problem } from "../../core/problems";
import { RawTable } from "../../core/tables";
import {
  readBalansWorkbook,
  requireMeasures,
  structuralProblems,
  TABLE_NAMES,
} from "../../core/workbook";
import { CliIo, parseArgs, UsageError, yearOption } from "../io";
import { problemCount, problemsJson, reportTableErrors } from "../problemsOut";
import { formatAmount, formatStatedAmount, renderTable, truncate } from "../terminalTable";

export interface EffectsRun {
  effects: PlanEffects;
  /** Every problem and notice, the structural errors first. */
  problems: Problem[];
  /** Structural errors of the tables used (Underskott): the command exits 1 after its output. */
  tableErrors: Problem[];
}

/** Reads the plan tables and computes effects for the years asked, or the plan's own span. */
export function computeEffectsFromTables(
  tables: readonly RawTable[],
  from?: number,
  to?: number
): EffectsRun {
  const wb = readBalansWorkbook(tables);
  const measures = requireMeasures(wb);
  const years = defaultYears(measures.measures, from, to);
  if (years.length === 0) throw new UsageError(`--from (${from}) ligger efter --to (${to})`);
  if (years.length > MAX_YEARS_SHOWN)
    throw new UsageError(
      `${years.length} år är för många; välj högst ${MAX_YEARS_SHOWN} med --from och --to`
    );
  const tableErrors = structuralProblems(wb, [TABLE_NAMES.deficits]);
  return {
    effects: computePlanEffects(measures.measures, measures.unit, years, wb.deficits),
    problems: [...tableErrors, ...wb.problems],
    tableErrors,
  };
}

const byYear = (values: Map<number, number>) =>
  Object.fromEntries([...values].map(([y, v]) => [String(y), v]));

/** The `effects` JSON document of the workbook contract. */
export function effectsJson({ effects, problems }: Pick<EffectsRun, "effects" | "problems">) {
  return {
    unit: effects.unit,
    years: effects.years,
    measures: [...effects.perMeasure].map(([m, perYear]) => ({
      id: m.id,
      area: m.area,
      name: m.name,
      start: toIsoDate(m.start),
      end: m.end ? toIsoDate(m.end) : null,
      annual: m.annual,
      perYear: byYear(perYear),
    })),
    totals: byYear(effects.totals),
    byArea: effects.areas.map((a) => ({
      area: a.area,
      annual: a.annual,
      perYear: byYear(a.perYear),
    })),
    deficit: byYear(effects.deficit),
    residual: byYear(effects.residual),
    problems: problemsJson(problems),
  };
}

/** The terminal view: the same rows as the Årseffekter sheet. */
export function renderEffects({
  effects,
  problems,
}: Pick<EffectsRun, "effects" | "problems">): string {
  const years = effects.years;
  const rows: (string | number | null)[][] = [];
  const perYear = (v: Map<number, number>) => years.map((y) => v.get(y) ?? null);
  for (const area of effects.areas) {
    rows.push(["", area.area.toUpperCase(), null, ...years.map(() => null)]);
    for (const m of area.measures)
      rows.push([m.id, truncate(m.name, 44), m.annual, ...perYear(effects.perMeasure.get(m)!)]);
    rows.push(["", `Summa ${truncate(area.area, 38)}`, area.annual, ...perYear(area.perYear)]);
  }
  rows.push(["", "SUMMA ÅTGÄRDER", effects.annual, ...perYear(effects.totals)]);
  if (effects.deficit.size) {
    rows.push(["", "Prognostiserat underskott", null, ...perYear(effects.deficit)]);
    rows.push(["", "Restunderskott", null, ...perYear(effects.residual)]);
  }
  const table = renderTable(
    ["Id", `Åtgärd (${effects.unit})`, "Helår", ...years.map(String)],
    rows,
    2,
    (v, c) => (c === 2 ? formatStatedAmount(v) : formatAmount(v))
  );
  const notes = problems.length
    ? `\n\n${problemCount(problems)} i tabellerna (raderna räknas inte med där effekten inte kan beräknas; en anmärkning säger hur ett värde lästes):\n${problems
        .map((p) => `  - ${describeProblem(p)}`)
        .join("\n")}`
    : "";
  return table + notes;
}

export async function effectsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ["from", "to"], ["json"]);
  if (args.positional.length !== 1)
    throw new UsageError(
      "ange en arbetsbok: balans effects FIL.xlsx [--from ÅR] [--to ÅR] [--json]"
    );
  const run = computeEffectsFromTables(
    await readXlsxTables(args.positional[0]),
    yearOption(args, "from"),
    yearOption(args, "to")
  );
  io.out(args.options.has("json") ? JSON.stringify(effectsJson(run), null, 2) : renderEffects(run));
  return reportTableErrors(io, "effects", run.tableErrors);
}
