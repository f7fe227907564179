/*
 * The pane's what-if: read the plan once to compute scenarios live as the user changes them, and
 * write the sheet `Scenario` (owned by Balans like the other sheets it writes).
 */
import { readWorkbookTables } from "../adapters/office/readTables";
import { writeSheets, WrittenSheet } from "../adapters/office/writeSheets";
import { DeficitsRead } from "../core/deficits";
import { computePlanEffects, defaultYears, PlanEffects } from "../core/effects";
import { Measure } from "../core/measures";
import { BalansError } from "../core/problems";
import {
  buildScenario,
  computeScenario,
  ScenarioEffects,
  ScenarioError,
  ScenarioInput,
} from "../core/scenario";
import { scenarioLayout } from "../core/sheets/scenarioSheet";
import { RawTable } from "../core/tables";
import { Unit } from "../core/units";
import { readBalansWorkbook, requireMeasures, TABLE_NAMES } from "../core/workbook";
import { PaneHost, stamp } from "./operations";

const SCENARIO_TABLES = [TABLE_NAMES.measures, TABLE_NAMES.deficits];

/** What a scenario is computed from: the plan as read, and its effects per year. */
export interface ScenarioBasis {
  measures: Measure[];
  unit: Unit;
  years: number[];
  deficits?: DeficitsRead;
  plan: PlanEffects;
}

function basisOf(tables: readonly RawTable[]): ScenarioBasis {
  const wb = readBalansWorkbook(tables);
  const read = requireMeasures(wb);
  const years = defaultYears(read.measures);
  return {
    measures: read.measures,
    unit: read.unit,
    years,
    ...(wb.deficits ? { deficits: wb.deficits } : {}),
    plan: computePlanEffects(read.measures, read.unit, years, wb.deficits),
  };
}

/** Reads Atgarder and Underskott once; every change of the inputs is then computed in the pane. */
export async function readScenarioBasis(host: Pick<PaneHost, "run">): Promise<ScenarioBasis> {
  return basisOf(await host.run((context) => readWorkbookTables(context, SCENARIO_TABLES)));
}

/** The scenario over a basis; a choice that cannot be used is a BalansError with the reason. */
export function scenarioOver(
  basis: ScenarioBasis,
  inputs: readonly ScenarioInput[]
): ScenarioEffects {
  try {
    return computeScenario(
      basis.measures,
      basis.unit,
      basis.years,
      buildScenario(inputs, basis.measures),
      basis.deficits,
      basis.plan
    );
  } catch (error) {
    if (error instanceof ScenarioError) throw new BalansError(`Scenariot: ${error.message}.`);
    throw error;
  }
}

/** Writes `Scenario` from the tables as they are now (re-read, so the sheet is never stale). */
export async function writeScenario(
  host: PaneHost,
  inputs: readonly ScenarioInput[]
): Promise<WrittenSheet[] | "cancelled"> {
  if (inputs.length === 0)
    throw new BalansError("Välj minst en åtgärd och en försening eller andel för scenariot.");
  return host.run(async (context) => {
    const basis = basisOf(await readWorkbookTables(context, SCENARIO_TABLES));
    const layout = scenarioLayout(scenarioOver(basis, inputs), stamp(host.now()));
    return writeSheets(context, [layout], host.confirmReplace);
  });
}
