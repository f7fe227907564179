import type { ColumnOverrides, ColumnRole, ImportedMeasure, PlanImport } from "../core/planText";
import { describeProblem } from "../core/problems";
import { Strings } from "./i18n";
import type { ImportReader } from "./importReader";

/**
 * The import preview: the plan read from the pasted text, the column mapping it used (a column's
 * role can be changed, which reads the text again at once), the confidence of each measure, and
 * the prose candidates, written only when the user ticks them. The state is a value; the view
 * draws it and reports the user's choices through `PreviewActions`.
 */
export interface ImportPreviewState {
  /** The plan-text reader (loaded on demand, see importReader.ts). */
  reader: ImportReader;
  text: string;
  /** The roles the user gave columns, by table (header line) and column. */
  overrides: ColumnOverrides;
  /** Ids of the prose candidates the user ticked. */
  accepted: readonly string[];
  plan: PlanImport;
}

/** A new preview of a text, with the mapping Balans finds itself. */
export function previewText(reader: ImportReader, text: string): ImportPreviewState {
  return { reader, text, overrides: {}, accepted: [], plan: reader.parsePlanText(text) };
}

/** The preview with a column given another role: the text read again with it. */
export function withRole(
  s: ImportPreviewState,
  table: number,
  column: number,
  role: ColumnRole
): ImportPreviewState {
  const overrides = { ...s.overrides, [table]: { ...s.overrides[table], [column]: role } };
  return { ...s, overrides, plan: s.reader.parsePlanText(s.text, overrides) };
}

/** The preview with a candidate ticked or not. */
export function withCandidate(
  s: ImportPreviewState,
  id: string,
  ticked: boolean
): ImportPreviewState {
  const accepted = s.accepted.filter((a) => a !== id);
  return { ...s, accepted: ticked ? [...accepted, id] : accepted };
}

/** What writing the preview writes: the tables' measures and the candidates ticked. */
export function planToWrite(s: ImportPreviewState | undefined): PlanImport | undefined {
  if (!s) return undefined;
  const plan = s.reader.acceptCandidates(s.plan, s.accepted);
  return plan.measures.length ? plan : undefined;
}

export interface PreviewActions {
  role(table: number, column: number, role: ColumnRole): void;
  candidate(id: string, ticked: boolean): void;
}

/** Draws the preview (or hides it); keeps the keyboard focus on the control that had it. */
export function viewImportPreview(
  doc: Document,
  state: ImportPreviewState | undefined,
  t: Strings,
  actions: PreviewActions
): void {
  const el = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
  el("import-preview").hidden = !state;
  if (!state) return;
  const focused = doc.activeElement?.id;
  const { plan } = state;
  const verdict = { agree: t.sumsMatch, differ: t.sumsDiffer, none: t.noSums }[
    state.reader.sumsVerdict(plan)
  ];
  el("import-summary").textContent =
    `${t.previewSummary(plan.measures.length, plan.sections.length, plan.unit)} ${plan.measures.length ? verdict : ""}`.trim();
  el("import-columns").replaceChildren(...columnsView(doc, state, t, actions));
  const badLines = new Set(plan.problems.map((p) => p.row));
  el("import-problems").replaceChildren(
    ...plan.problems.map((p) => {
      const li = doc.createElement("li");
      li.className = "plain";
      li.textContent = describeProblem(p);
      return li;
    })
  );
  el("import-measures").replaceChildren(
    ...plan.measures.map((m) => {
      const li = measureItem(doc, m, plan.unit, t);
      if (badLines.has(m.line)) li.classList.add("bad");
      return li;
    })
  );
  el("import-candidates-help").hidden = plan.candidates.length === 0;
  el("import-candidates").replaceChildren(
    ...plan.candidates.map((c) => {
      const li = measureItem(doc, c, plan.unit, t);
      li.classList.add("candidate");
      const box = doc.createElement("input");
      box.type = "checkbox";
      box.id = `import-candidate-${c.id}`;
      box.checked = state.accepted.includes(c.id);
      box.setAttribute("aria-label", t.acceptCandidate(c.name));
      box.addEventListener("change", () => actions.candidate(c.id, box.checked));
      li.prepend(box);
      return li;
    })
  );
  if (focused) doc.getElementById(focused)?.focus();
}

/** One line per table says the mapping; open it to change a column's role. */
function columnsView(
  doc: Document,
  state: ImportPreviewState,
  t: Strings,
  actions: PreviewActions
): HTMLElement[] {
  const { tables } = state.plan;
  if (tables.length === 0) return [];
  const roleName = (role: ColumnRole, year?: number) =>
    role === "year" ? `${t.roles.year} ${year}` : t.roles[role];
  const help = doc.createElement("p");
  help.className = "help";
  help.textContent = t.importColumnsHelp;
  return [
    help,
    ...tables.map((table) => {
      const box = doc.createElement("details");
      box.open = tables.length === 1 || state.overrides[table.line] !== undefined;
      const summary = doc.createElement("summary");
      summary.textContent = t.importColumns(
        table.line,
        table.unit,
        table.columns.map((c) => `${c.header} → ${roleName(c.role, c.year)}`).join(", ")
      );
      box.append(summary);
      table.columns.forEach((c, k) => {
        const label = doc.createElement("label");
        const name = doc.createElement("span");
        name.textContent = c.header;
        const select = doc.createElement("select");
        select.id = `import-role-${table.line}-${k}`;
        select.setAttribute("aria-label", `${t.importColumnRole} ${c.header}`);
        for (const role of state.reader.COLUMN_ROLES) {
          if (role === "year" && c.year === undefined) continue;
          const option = doc.createElement("option");
          option.value = role;
          option.textContent = roleName(role, c.year);
          option.selected = role === c.role;
          select.append(option);
        }
        select.addEventListener("change", () =>
          actions.role(table.line, k, select.value as ColumnRole)
        );
        label.append(name, select);
        box.append(label);
      });
      return box;
    }),
  ];
}

function measureItem(doc: Document, m: ImportedMeasure, unit: string, t: Strings): HTMLLIElement {
  const li = doc.createElement("li");
  const id = doc.createElement("span");
  id.className = "id";
  id.textContent = m.id;
  const name = doc.createElement("span");
  name.textContent = `${m.name}${m.timing ? ` · ${m.timing}` : ""}`;
  const amount = doc.createElement("span");
  amount.className = "amount";
  const sv = (v: number) => String(Math.round(v * 1000) / 1000).replace(".", ",");
  const years = Object.entries(m.perYear ?? {}).map(([y, v]) => `${y}: ${sv(v)}`);
  amount.textContent = `${[m.annual !== undefined ? sv(m.annual) : "", ...years].filter(Boolean).join(" · ")} ${unit}`;
  li.append(id, name, amount);
  if (m.confidence < 1) {
    const sure = doc.createElement("span");
    sure.className = "confidence";
    sure.textContent = t.confidence(Math.round(m.confidence * 100), m.source === "prose");
    li.append(sure);
  }
  return li;
}
