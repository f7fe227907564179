import { MAX_YEARS_SHOWN } from "../../core/limits";
import { readXlsxTables } from "../../adapters/xlsx/readTables";
import { toIsoDate } from "../../core/dates";
import { defaultYears, PlanEffects } from "../../core/effects";
import { planAndForecastEffects } from "../../core/forecast";
import {
  buildScenario,
  changedMeasures,
  computeScenario,
  describeChange,
  parseDelayMonths,
  parseSharePercent,
  ScenarioEffects,
  ScenarioError,
  ScenarioInput,
} from "../../core/scenario";
import { describeProblem, Problem } from "../../core/problems";
import { RawTable } from "../../core/tables";
import { foldText } from "../../core/text";
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
  /** The forecast plan's effects, when some measure has a forecast. */
  forecast?: PlanEffects;
  /** A what-if asked for with --delay / --scale. */
  scenario?: ScenarioEffects;
  /** Every problem and notice, the structural errors first. */
  problems: Problem[];
  /** Structural errors of the tables used (Underskott): the command exits 1 after its output. */
  tableErrors: Problem[];
}

/** Reads the plan tables and computes effects for the years asked, or the plan's own span. */
export function computeEffectsFromTables(
  tables: readonly RawTable[],
  from?: number,
  to?: number,
  scenarioInputs: readonly ScenarioInput[] = []
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
  const { plan: effects, forecast } = planAndForecastEffects(
    measures,
    years,
    wb.followUp?.entries ?? [],
    wb.deficits
  );
  let scenario: ScenarioEffects | undefined;
  if (scenarioInputs.length) {
    let checked;
    try {
      checked = buildScenario(scenarioInputs, measures.measures);
    } catch (error) {
      if (error instanceof ScenarioError) throw new UsageError(error.message);
      throw error;
    }
    scenario = computeScenario(
      measures.measures,
      measures.unit,
      years,
      checked,
      wb.deficits,
      effects
    );
  }
  return {
    effects,
    ...(forecast ? { forecast } : {}),
    ...(scenario ? { scenario } : {}),
    problems: [...tableErrors, ...wb.problems],
    tableErrors,
  };
}

const byYear = (values: Map<number, number>) =>
  Object.fromEntries([...values].map(([y, v]) => [String(y), v]));

/** The `effects` JSON document of the workbook contract. */
export function effectsJson({
  effects,
  forecast,
  scenario,
  problems,
}: Pick<EffectsRun, "effects" | "problems" | "forecast" | "scenario">) {
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
    ...(forecast
      ? {
          forecast: {
            totals: byYear(forecast.totals),
            residual: byYear(forecast.residual),
            byMeasure: [...forecast.perMeasure].map(([m, perYear]) => ({
              id: m.id,
              annual: m.forecast?.annual ?? m.annual,
              start: toIsoDate(m.forecast?.start ?? m.start),
              perYear: byYear(perYear),
            })),
          },
        }
      : {}),
    ...(scenario
      ? {
          scenario: {
            totals: byYear(scenario.changed.totals),
            residual: byYear(scenario.changed.residual),
            byMeasure: changedMeasures(scenario).map((m) => {
              const change = scenario.scenario.get(foldText(m.id))!;
              return {
                id: m.id,
                delayMonths: change.delayMonths,
                share: change.share,
                perYear: byYear(scenario.changed.perMeasure.get(m)!),
              };
            }),
          },
        }
      : {}),
    problems: problemsJson(problems),
  };
}

/** The terminal view: the same rows as the Årseffekter sheet, then forecast and scenario. */
export function renderEffects({
  effects,
  forecast,
  scenario,
  problems,
}: Pick<EffectsRun, "effects" | "problems" | "forecast" | "scenario">): string {
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
  const extra: (string | number | null)[][] = [];
  if (forecast) {
    extra.push(["", "Summa åtgärder enligt prognos", null, ...perYear(forecast.totals)]);
    if (forecast.deficit.size)
      extra.push(["", "Restunderskott enligt prognos", null, ...perYear(forecast.residual)]);
  }
  if (scenario) {
    const changes = changedMeasures(scenario)
      .map((m) => `${m.id} ${describeChange(scenario.scenario.get(foldText(m.id))!)}`)
      .join("; ");
    extra.push(["", `Scenario: ${truncate(changes, 60)}`, null, ...years.map(() => null)]);
    extra.push(["", "Summa åtgärder i scenariot", null, ...perYear(scenario.changed.totals)]);
    if (scenario.changed.deficit.size)
      extra.push(["", "Restunderskott i scenariot", null, ...perYear(scenario.changed.residual)]);
  }
  const more = extra.length
    ? `\n\n${renderTable(["", `Prognos och scenario (${effects.unit})`, "", ...years.map(String)], extra, 2)}`
    : "";
  const notes = problems.length
    ? `\n\n${problemCount(problems)} i tabellerna (raderna räknas inte med där effekten inte kan beräknas; en anmärkning säger hur ett värde lästes):\n${problems
        .map((p) => `  - ${describeProblem(p)}`)
        .join("\n")}`
    : "";
  return table + more + notes;
}

/**
 * Takes the repeatable `--delay ID=MÅNADER` and `--scale ID=PROCENT` out of the arguments (each
 * may be given several times), read as scenario changes; the rest goes to parseArgs.
 */
export function scenarioArgs(argv: readonly string[]): {
  rest: string[];
  inputs: ScenarioInput[];
} {
  const rest: string[] = [];
  const inputs: ScenarioInput[] = [];
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(delay|scale)(?:=(.*))?$/s.exec(argv[i]);
    if (!m) {
      rest.push(argv[i]);
      continue;
    }
    const flag = m[1];
    const value = m[2] ?? argv[++i];
    if (value === undefined || value.startsWith("--"))
      throw new UsageError(
        `--${flag} behöver ett värde, t.ex. --${flag} A03=${flag === "delay" ? "6" : "50%"}`
      );
    const pair = /^([^=]+)=(.*)$/s.exec(value);
    if (!pair)
      throw new UsageError(
        `--${flag} ${value}: skriv åtgärds-id=${flag === "delay" ? "månader, t.ex. A03=6" : "procent, t.ex. A10=50%"}`
      );
    const id = pair[1].trim();
    if (flag === "delay") {
      const months = parseDelayMonths(pair[2]);
      if (months === undefined)
        throw new UsageError(
          `--delay ${value}: förseningen ska vara 0–120 hela månader, t.ex. ${id}=6`
        );
      inputs.push({ id, delayMonths: months });
    } else {
      const share = parseSharePercent(pair[2]);
      if (share === undefined)
        throw new UsageError(`--scale ${value}: andelen ska vara 0–1000 %, t.ex. ${id}=50%`);
      inputs.push({ id, share });
    }
  }
  return { rest, inputs };
}

export async function effectsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { rest, inputs } = scenarioArgs(argv);
  const args = parseArgs(rest, ["from", "to"], ["json"]);
  if (args.positional.length !== 1)
    throw new UsageError(
      "ange en arbetsbok: balans effects FIL.xlsx [--from ÅR] [--to ÅR] [--delay ID=MÅN]… [--scale ID=PROCENT]… [--json]"
    );
  const run = computeEffectsFromTables(
    await readXlsxTables(args.positional[0]),
    yearOption(args, "from"),
    yearOption(args, "to"),
    inputs
  );
  io.out(args.options.has("json") ? JSON.stringify(effectsJson(run), null, 2) : renderEffects(run));
  return reportTableErrors(io, "effects", run.tableErrors);
}
