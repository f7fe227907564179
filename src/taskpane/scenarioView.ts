/*
 * The pane's Scenario section: choose measures, a delay in months and/or a share in %, and see
 * the residual deficit per year for the plan and the scenario change as you type, before anything
 * is written. The plan is read once when the section is opened (and again after any action);
 * every change of the inputs is computed in the pane. *Skriv scenario* writes the sheet Scenario.
 */
import { WrittenSheet } from "../adapters/office/writeSheets";
import { parseDelayMonths, parseSharePercent, ScenarioInput } from "../core/scenario";
import { formatSwedish } from "../core/text";
import { Strings } from "./i18n";
import { PaneHost } from "./operations";
import {
  readScenarioBasis,
  ScenarioBasis,
  scenarioOver,
  writeScenario,
} from "./scenarioOperations";

export interface ScenarioViewHooks {
  host: PaneHost;
  t: Strings;
  /** The pane's way of running an action: progress, buttons disabled, messages, refresh. */
  act<T>(label: string, work: () => Promise<T>, report: (result: T) => void): Promise<void>;
  reportWritten(result: WrittenSheet[] | "cancelled"): void;
  fail(error: unknown): void;
}

export interface ScenarioView {
  /** The workbook may have changed: read it again (now if the section is open). */
  invalidate(): void;
}

export function startScenarioView(doc: Document, hooks: ScenarioViewHooks): ScenarioView {
  const { t } = hooks;
  const $ = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
  const details = $<HTMLDetailsElement>("scenario-details");
  const list = $("scenario-measures");
  const delay = $<HTMLInputElement>("scenario-delay");
  const share = $<HTMLInputElement>("scenario-share");
  const caption = $("scenario-caption");
  const rows = $("scenario-rows");
  const error = $("scenario-error");
  const write = $<HTMLButtonElement>("write-scenario");
  let basis: ScenarioBasis | undefined;
  let loading: Promise<void> | undefined;

  /** The user's choices; a field that cannot be read is named, never guessed. */
  function choices(): { inputs: ScenarioInput[]; problem?: string } {
    const months = delay.value.trim() === "" ? 0 : parseDelayMonths(delay.value);
    const part = share.value.trim() === "" ? 1 : parseSharePercent(share.value);
    if (months === undefined) return { inputs: [], problem: t.scenarioBadDelay };
    if (part === undefined) return { inputs: [], problem: t.scenarioBadShare };
    const ids = [...list.querySelectorAll<HTMLInputElement>("input:checked")].map((c) => c.value);
    return { inputs: ids.map((id) => ({ id, delayMonths: months, share: part })) };
  }

  function update(): void {
    if (!basis) return;
    const { inputs, problem } = choices();
    error.hidden = !problem;
    error.textContent = problem ?? "";
    write.disabled = !!problem || inputs.length === 0;
    if (problem) return;
    let effects;
    try {
      effects = scenarioOver(basis, inputs);
    } catch (e) {
      error.hidden = false;
      error.textContent = (e as Error).message;
      write.disabled = true;
      return;
    }
    const residual = effects.plan.deficit.size > 0;
    caption.textContent = residual ? t.scenarioResidual(basis.unit) : t.scenarioSavings(basis.unit);
    const [plan, changed] = residual
      ? [effects.plan.residual, effects.changed.residual]
      : [effects.plan.totals, effects.changed.totals];
    rows.replaceChildren(
      ...basis.years
        .filter((y) => plan.has(y))
        .map((y) => {
          const tr = doc.createElement("tr");
          const diff = changed.get(y)! - plan.get(y)!;
          for (const [text, cls] of [
            [String(y), "year"],
            [formatSwedish(plan.get(y)!, 1), ""],
            [formatSwedish(changed.get(y)!, 1), ""],
            [formatSwedish(diff, 1), Math.abs(diff) < 0.05 ? "" : diff > 0 ? "worse" : "better"],
          ]) {
            const td = doc.createElement("td");
            td.textContent = text;
            if (cls) td.className = cls;
            tr.append(td);
          }
          return tr;
        })
    );
  }

  function showMeasures(b: ScenarioBasis): void {
    const checked = new Set(
      [...list.querySelectorAll<HTMLInputElement>("input:checked")].map((c) => c.value)
    );
    list.replaceChildren(
      ...b.measures.map((m) => {
        const li = doc.createElement("li");
        const label = doc.createElement("label");
        const box = doc.createElement("input");
        box.type = "checkbox";
        box.value = m.id;
        box.checked = checked.has(m.id);
        const id = doc.createElement("span");
        id.className = "id";
        id.textContent = m.id;
        const name = doc.createElement("span");
        name.className = "name";
        name.textContent = m.name;
        name.title = m.name;
        label.append(box, id, name);
        li.append(label);
        return li;
      })
    );
  }

  function load(): Promise<void> {
    loading ??= readScenarioBasis(hooks.host)
      .then((b) => {
        basis = b;
        showMeasures(b);
        update();
      })
      .catch((e) => hooks.fail(e))
      .finally(() => (loading = undefined));
    return loading;
  }

  details.addEventListener("toggle", () => {
    if (details.open && !basis) void load();
  });
  list.addEventListener("change", update);
  delay.addEventListener("input", update);
  share.addEventListener("input", update);
  write.addEventListener("click", () => {
    const { inputs, problem } = choices();
    void hooks.act(
      t.working,
      async () => {
        if (problem) throw Object.assign(new Error(problem), { name: "BalansError" });
        return writeScenario(hooks.host, inputs);
      },
      hooks.reportWritten
    );
  });
  write.disabled = true;

  return {
    invalidate() {
      basis = undefined;
      if (details.open) void load();
    },
  };
}
