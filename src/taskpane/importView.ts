import {
  acceptCandidates,
  COLUMN_ROLES,
  ColumnOverrides,
  ColumnRole,
  ImportedMeasure,
  parsePlanText,
  PlanImport,
} from "../core/planText";
import { describeProblem } from "../core/problems";
import { Strings } from "./i18n";

const CHECKS = ["Summa", "Total summa", "Kostnadsreducering per år"];

/**
 * The import preview: the plan read from the pasted text, the column mapping it used (a column's
 * role can be changed, which reads the text again at once), the confidence of each measure, and
 * the prose candidates, written only when the user ticks them.
 */
export class ImportPreview {
  private text = "";
  private overrides: ColumnOverrides = {};
  private accepted = new Set<string>();
  private plan: PlanImport | undefined;

  constructor(
    private readonly doc: Document,
    private readonly t: Strings,
    /** Called after every change, with whether there is anything to write. */
    private readonly onChange: (writable: boolean) => void
  ) {}

  /** Reads a new text with the mapping Balans finds itself. */
  read(text: string): void {
    this.text = text;
    this.overrides = {};
    this.accepted.clear();
    this.reread();
  }

  /** Forgets the preview (the text changed, or it was written). */
  clear(): void {
    this.plan = undefined;
    this.onChange(false);
  }

  /** The plan to write: the table's measures and the candidates the user confirmed. */
  toWrite(): PlanImport | undefined {
    return this.plan && acceptCandidates(this.plan, [...this.accepted]);
  }

  private reread(): void {
    this.plan = parsePlanText(this.text, this.overrides);
    this.render(this.plan);
    this.changed();
  }

  private changed(): void {
    this.onChange((this.toWrite()?.measures.length ?? 0) > 0);
  }

  private el<T extends HTMLElement>(id: string): T {
    return this.doc.getElementById(id) as T;
  }

  private render(plan: PlanImport): void {
    const { t, doc } = this;
    this.el("import-preview").hidden = false;
    const sumsOk = !plan.problems.some((p) => p.column && CHECKS.includes(p.column));
    this.el("import-summary").textContent =
      `${t.previewSummary(plan.measures.length, plan.sections.length, plan.unit)} ${plan.measures.length ? (sumsOk ? t.sumsMatch : t.sumsDiffer) : ""}`.trim();
    // One line per table says the mapping; open it to change a column's role.
    const help = doc.createElement("p");
    help.className = "help";
    help.textContent = t.importColumnsHelp;
    this.el("import-columns").replaceChildren(
      ...(plan.tables.length ? [help] : []),
      ...plan.tables.map((table) => {
        const box = doc.createElement("details");
        box.open = plan.tables.length === 1 || this.overrides[table.line] !== undefined;
        const summary = doc.createElement("summary");
        summary.textContent = t.importColumns(
          table.line,
          table.unit,
          table.columns.map((c) => `${c.header} → ${this.roleName(c.role, c.year)}`).join(", ")
        );
        box.append(summary);
        table.columns.forEach((c, k) => {
          const label = doc.createElement("label");
          const name = doc.createElement("span");
          name.textContent = c.header;
          const select = doc.createElement("select");
          select.setAttribute("aria-label", `${t.importColumnRole} ${c.header}`);
          for (const role of COLUMN_ROLES) {
            if (role === "year" && c.year === undefined) continue;
            const option = doc.createElement("option");
            option.value = role;
            option.textContent = this.roleName(role, c.year);
            option.selected = role === c.role;
            select.append(option);
          }
          select.addEventListener("change", () => {
            (this.overrides[table.line] ??= {})[k] = select.value as ColumnRole;
            this.reread();
          });
          label.append(name, select);
          box.append(label);
        });
        return box;
      })
    );
    const badLines = new Set(plan.problems.map((p) => p.row));
    this.el("import-problems").replaceChildren(
      ...plan.problems.map((p) => {
        const li = doc.createElement("li");
        li.className = "plain";
        li.textContent = describeProblem(p);
        return li;
      })
    );
    this.el("import-measures").replaceChildren(
      ...plan.measures.map((m) => {
        const li = this.measureItem(m, plan.unit);
        if (badLines.has(m.line)) li.classList.add("bad");
        return li;
      })
    );
    this.el("import-candidates-help").hidden = plan.candidates.length === 0;
    this.el("import-candidates").replaceChildren(
      ...plan.candidates.map((c) => {
        const li = this.measureItem(c, plan.unit);
        li.classList.add("candidate");
        const box = doc.createElement("input");
        box.type = "checkbox";
        box.checked = this.accepted.has(c.id);
        box.setAttribute("aria-label", t.acceptCandidate(c.name));
        box.addEventListener("change", () => {
          if (box.checked) this.accepted.add(c.id);
          else this.accepted.delete(c.id);
          this.changed();
        });
        li.prepend(box);
        return li;
      })
    );
  }

  private roleName(role: ColumnRole, year?: number): string {
    return role === "year" ? `${this.t.roles.year} ${year}` : this.t.roles[role];
  }

  private measureItem(m: ImportedMeasure, unit: string): HTMLLIElement {
    const { t, doc } = this;
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
}
