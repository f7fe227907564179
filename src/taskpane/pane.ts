import { monthLabel, parseMonthArgument } from "../core/months";
import { isPlanYear, YEAR_MAX, YEAR_MIN } from "../core/limits";
import { describeProblem } from "../core/problems";
import { Language, STRINGS, Strings } from "./i18n";
import {
  CheckedProblem,
  checkTables,
  inspectWorkbook,
  PaneHost,
  selectCell,
  setUpTables,
  writeImportedPlan,
  writeMonthlyReport,
  writeTransfers,
  writeYearlyEffects,
} from "./operations";
import {
  ImportPreviewState,
  planToWrite,
  previewText,
  viewImportPreview,
  withCandidate,
  withRole,
} from "./importView";
import { startScenarioView } from "./scenarioView";
import { WrittenSheet } from "../adapters/office/writeSheets";

const OPTIONAL_TABLES = ["Kostnader", "Bestallning", "Uppfoljning"];

/** The task pane's behaviour: buttons to operations, progress, confirmation and messages. */
export function startPane(
  doc: Document,
  host: Omit<PaneHost, "confirmReplace">,
  language: Language
): void {
  const t: Strings = STRINGS[language];
  const $ = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
  doc.documentElement.lang = language;
  doc.querySelectorAll<HTMLElement>("[data-text]").forEach((el) => {
    const text = t[el.dataset.text as keyof Strings];
    if (typeof text === "string") el.textContent = text;
  });

  const buttons = [
    "create-tables",
    "preview-import",
    "write-import",
    "check",
    "write-effects",
    "write-transfers",
    "write-report",
    "write-scenario",
  ].map((id) => $<HTMLButtonElement>(id));
  // The import preview (importView.ts); writing needs a preview with something to write.
  let preview: ImportPreviewState | undefined;
  const showPreview = (next: ImportPreviewState | undefined) => {
    preview = next;
    viewImportPreview(doc, preview, t, {
      role: (table, column, role) => preview && showPreview(withRole(preview, table, column, role)),
      candidate: (id, ticked) => preview && showPreview(withCandidate(preview, id, ticked)),
    });
    $<HTMLButtonElement>("write-import").disabled = !planToWrite(preview);
  };
  const status = $("status");
  const message = $("message");

  const confirmReplace = (sheets: string[]) =>
    new Promise<boolean>((resolve) => {
      const box = $("confirm");
      $("confirm-text").textContent = t.confirmReplace(sheets);
      box.hidden = false;
      const done = (answer: boolean) => {
        box.hidden = true;
        box.removeEventListener("keydown", onKey);
        $("confirm-yes").onclick = $("confirm-no").onclick = null;
        resolve(answer);
      };
      const onKey = (e: KeyboardEvent) => e.key === "Escape" && done(false);
      box.addEventListener("keydown", onKey);
      $("confirm-yes").onclick = () => done(true);
      $("confirm-no").onclick = () => done(false);
      $("confirm-yes").focus();
    });
  const paneHost: PaneHost = { ...host, confirmReplace };

  function show(kind: "success" | "error" | "warning", text: string): void {
    message.className = `message ${kind}`;
    message.textContent = text;
    message.hidden = false;
  }

  function explain(error: unknown): string {
    const e = error as { name?: string; code?: string; message?: string };
    if (e?.name === "BalansError") return `${t.failed} ${e.message}`;
    if (e?.code) return `${t.excelFailed} ${e.message} (${e.code})`;
    return `${t.failed} ${e?.message ?? String(error)}`;
  }

  async function act<T>(
    label: string,
    work: () => Promise<T>,
    report: (result: T) => void
  ): Promise<void> {
    buttons.forEach((b) => (b.disabled = true));
    message.hidden = true;
    // A list of problems is as old as the check that made it: clear it when anything else runs.
    $("problems").replaceChildren();
    $("problems-summary").hidden = true;
    $("status-text").textContent = label;
    status.hidden = false;
    try {
      report(await work());
    } catch (error) {
      show("error", explain(error));
    } finally {
      status.hidden = true;
      buttons.forEach((b) => (b.disabled = false));
      $<HTMLButtonElement>("write-import").disabled = !planToWrite(preview);
      await refresh();
    }
  }

  function reportWritten(result: WrittenSheet[] | "cancelled"): void {
    if (result === "cancelled") return show("warning", t.cancelled);
    const renamed = result
      .filter((w) => w.sheet !== w.requested)
      .map((w) => t.renamed(w.requested, w.sheet));
    show("success", [t.wrote(result.map((w) => w.sheet)), ...renamed].join(" "));
  }

  async function refresh(): Promise<void> {
    scenario.invalidate();
    try {
      const state = await inspectWorkbook(paneHost);
      const list = $("tables");
      list.replaceChildren(
        ...state.tables.map((table) => {
          const li = doc.createElement("li");
          const name = doc.createElement("span");
          name.className = table.found ? "found" : "absent";
          name.textContent = table.name;
          const info = doc.createElement("span");
          info.className = "state";
          info.textContent = table.found
            ? `${t.rows(table.rows)}${table.sheet ? ` · ${table.sheet}` : ""}`
            : `${t.missing}${OPTIONAL_TABLES.includes(table.name) ? ` (${t.optional})` : ""}`;
          li.append(name, info);
          return li;
        })
      );
      const anyFound = state.tables.some((x) => x.found && x.name !== "Kostnader");
      const example = $<HTMLInputElement>("with-example");
      example.disabled = anyFound;
      if (anyFound) example.checked = false;
      // Defaults follow the workbook until the user changes a field.
      const setDefault = (id: string, value: string | number | undefined) => {
        const input = $<HTMLInputElement>(id);
        if (!input.dataset.edited && value !== undefined) input.value = String(value);
      };
      setDefault("from-year", state.planYears[0]);
      setDefault("to-year", state.planYears[state.planYears.length - 1]);
      setDefault(
        "transfer-year",
        state.transferYears[state.transferYears.length - 1] ?? state.defaultMonth.year
      );
      setDefault("report-month", monthLabel(state.defaultMonth));
    } catch (error) {
      show("error", explain(error));
    }
  }

  const scenario = startScenarioView(doc, {
    host: paneHost,
    t,
    act,
    reportWritten,
    fail: (error) => show("error", explain(error)),
  });

  for (const id of ["from-year", "to-year", "transfer-year"]) {
    Object.assign($<HTMLInputElement>(id), { min: String(YEAR_MIN), max: String(YEAR_MAX) });
  }
  for (const id of ["from-year", "to-year", "transfer-year", "report-month"]) {
    $(id).addEventListener("input", () => ($(id).dataset.edited = "1"));
  }

  const year = (id: string, optional: boolean): number | undefined => {
    const v = $<HTMLInputElement>(id).value.trim();
    if (v === "" && optional) return undefined;
    const n = Number(v);
    if (!isPlanYear(n)) {
      $(id).focus();
      throw Object.assign(new Error(t.badYear), { name: "BalansError" });
    }
    return n;
  };

  $("create-tables").addEventListener("click", () =>
    act(
      t.working,
      () => setUpTables(paneHost, $<HTMLInputElement>("with-example").checked),
      (r) => {
        if (r === "cancelled") return show("warning", t.cancelled);
        show(
          "success",
          `${t.created(r.created.map((c) => c.sheet))} ${r.created
            .filter((c) => c.sheet !== c.requested)
            .map((c) => t.renamed(c.requested, c.sheet))
            .join(" ")}`.trim()
        );
      }
    )
  );

  $("check").addEventListener("click", () =>
    act(
      t.reading,
      () => checkTables(paneHost),
      (problems) => showProblems(problems)
    )
  );

  $("write-effects").addEventListener("click", () =>
    act(
      t.working,
      async () => writeYearlyEffects(paneHost, year("from-year", true), year("to-year", true)),
      reportWritten
    )
  );
  $("write-transfers").addEventListener("click", () =>
    act(
      t.working,
      async () => writeTransfers(paneHost, year("transfer-year", false)!),
      reportWritten
    )
  );
  $("write-report").addEventListener("click", () =>
    act(
      t.working,
      async () => {
        const month = parseMonthArgument($<HTMLInputElement>("report-month").value);
        if (!month) throw Object.assign(new Error(t.badMonth), { name: "BalansError" });
        return writeMonthlyReport(paneHost, month);
      },
      reportWritten
    )
  );

  // Import: preview in the pane (no workbook access), then write.
  $("import-text").addEventListener("input", () => showPreview(undefined));
  $("preview-import").addEventListener("click", () =>
    showPreview(previewText($<HTMLTextAreaElement>("import-text").value))
  );
  $("write-import").addEventListener("click", () => {
    const plan = planToWrite(preview);
    if (!plan) return;
    void act(
      t.working,
      () => writeImportedPlan(paneHost, plan),
      (r) => {
        if (r === "cancelled") return show("warning", t.cancelled);
        showPreview(undefined);
        show(
          "success",
          r.mode === "created"
            ? t.importCreated(r.sheet, r.ids.length)
            : t.importAppended(r.ids.length, r.ids[0], r.ids[r.ids.length - 1])
        );
      }
    );
  });

  function showProblems(problems: CheckedProblem[]): void {
    const summary = $("problems-summary");
    summary.hidden = false;
    summary.textContent = problems.length ? t.problemsFound(problems.length) : t.noProblems;
    $("problems").replaceChildren(
      ...problems.map((p) => {
        const li = doc.createElement("li");
        const button = doc.createElement("button");
        const where = doc.createElement("span");
        where.className = "where";
        where.textContent = [p.table, p.row !== undefined ? `rad ${p.row}` : "", p.column ?? ""]
          .filter(Boolean)
          .join(" · ");
        // A notice kept its value and says what was read; an error left something out.
        const note = p.severity === "notice" ? `${t.notice}: ` : "";
        button.append(where, doc.createTextNode(`${note}${p.message}`));
        button.title = describeProblem(p);
        if (p.location) {
          const location = p.location;
          button.addEventListener("click", () =>
            selectCell(paneHost, location).catch((e) => show("error", explain(e)))
          );
        } else button.disabled = true;
        li.append(button);
        return li;
      })
    );
  }

  void refresh();
}
