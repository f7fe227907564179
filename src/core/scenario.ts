/*
 * What-if: a scenario delays chosen measures by whole months and/or scales them to a share of
 * their plan, without changing the tables. A delay moves the measure's whole monthly series, so
 * months move across a year boundary as they should; a share scales every month of every year.
 */
import { DeficitsRead } from "./deficits";
import { computePlanEffects, PlanEffects } from "./effects";
import { EffectShape } from "./effectShape";
import { Measure } from "./measures";
import { foldText, formatSwedish } from "./text";
import { Unit } from "./units";

export const MAX_DELAY_MONTHS = 120;
export const MAX_SHARE_PERCENT = 1000;

/** One measure's change in a scenario. */
export interface ScenarioChange {
  /** The measure's id as the table writes it. */
  id: string;
  /** Months later; 0 = as planned. */
  delayMonths: number;
  /** Share of the plan, 1 = 100 %. */
  share: number;
}

/** A scenario: changes by folded measure id. */
export type Scenario = ReadonlyMap<string, ScenarioChange>;

/** A scenario input that cannot be used: the reason, in Swedish, for the user. */
export class ScenarioError extends Error {}

/** `6`, `6 mån`: a delay in whole months; undefined when it is not one. */
export function parseDelayMonths(text: string): number | undefined {
  const m = /^\s*(\d{1,3})\s*(?:m|mån|månader|manader|months?)?\s*$/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n <= MAX_DELAY_MONTHS ? n : undefined;
}

/** `50%`, `50 %`, `50`, `12,5 %`: a share of the plan (0,5); undefined when it is not one. */
export function parseSharePercent(text: string): number | undefined {
  const m = /^\s*(\d{1,4}(?:[.,]\d+)?)\s*%?\s*$/.exec(text);
  if (!m) return undefined;
  const percent = Number(m[1].replace(",", "."));
  return percent <= MAX_SHARE_PERCENT ? percent / 100 : undefined;
}

/** What the user asked for, before it is checked against the measures. */
export interface ScenarioInput {
  id: string;
  delayMonths?: number;
  share?: number;
}

/**
 * A scenario from the user's choices, checked against the measures: an unknown id, a measure
 * given the same kind of change twice, or a value out of range is a ScenarioError.
 */
export function buildScenario(
  inputs: readonly ScenarioInput[],
  measures: readonly Measure[]
): Scenario {
  const byId = new Map(measures.map((m) => [foldText(m.id), m]));
  const scenario = new Map<string, ScenarioChange>();
  for (const input of inputs) {
    const key = foldText(input.id);
    const m = byId.get(key);
    if (!m) {
      const known = measures.map((x) => x.id);
      throw new ScenarioError(
        `ingen åtgärd har id »${input.id}« (finns: ${known.slice(0, 12).join(", ")}${known.length > 12 ? " …" : ""})`
      );
    }
    const change = scenario.get(key) ?? { id: m.id, delayMonths: 0, share: 1 };
    if (input.delayMonths !== undefined) {
      if (change.delayMonths !== 0)
        throw new ScenarioError(`${m.id} har fått två förseningar; ange en`);
      if (
        !Number.isInteger(input.delayMonths) ||
        input.delayMonths < 0 ||
        input.delayMonths > MAX_DELAY_MONTHS
      )
        throw new ScenarioError(
          `förseningen för ${m.id} ska vara 0–${MAX_DELAY_MONTHS} hela månader (fick ${input.delayMonths})`
        );
      change.delayMonths = input.delayMonths;
    }
    if (input.share !== undefined) {
      if (change.share !== 1) throw new ScenarioError(`${m.id} har fått två andelar; ange en`);
      if (!(input.share >= 0 && input.share <= MAX_SHARE_PERCENT / 100))
        throw new ScenarioError(
          `andelen för ${m.id} ska vara 0–${MAX_SHARE_PERCENT} % (fick ${formatSwedish(input.share * 100)} %)`
        );
      change.share = input.share;
    }
    scenario.set(key, change);
  }
  return scenario;
}

/** A measure as the scenario has it. */
export function scenarioShape(m: Measure, scenario: Scenario): EffectShape {
  const change = scenario.get(foldText(m.id));
  if (!change) return m;
  return { ...m, shift: change.delayMonths, factor: change.share };
}

/** `6 mån senare, 50 %`: a change as the sheet and the pane write it. */
export function describeChange(change: ScenarioChange): string {
  const parts: string[] = [];
  if (change.delayMonths) parts.push(`${change.delayMonths} mån senare`);
  if (change.share !== 1) parts.push(`${formatSwedish(change.share * 100)} %`);
  return parts.join(", ") || "som planerat";
}

export interface ScenarioEffects {
  scenario: Scenario;
  plan: PlanEffects;
  /** The same figures with the scenario applied. */
  changed: PlanEffects;
}

/** The plan and the scenario side by side, for the same years and deficit. */
export function computeScenario(
  measures: readonly Measure[],
  unit: Unit,
  years: readonly number[],
  scenario: Scenario,
  deficits?: DeficitsRead,
  plan = computePlanEffects(measures, unit, years, deficits)
): ScenarioEffects {
  return {
    scenario,
    plan,
    changed: computePlanEffects(measures, unit, years, deficits, (m) => scenarioShape(m, scenario)),
  };
}

/** The measures a scenario changes, in plan order. */
export function changedMeasures(effects: ScenarioEffects): Measure[] {
  return [...effects.changed.perMeasure.keys()].filter((m) => effects.scenario.has(foldText(m.id)));
}
