/*
 * The task pane: one explicit state, small view functions that draw it, and the buttons that
 * change it through the operations. Every message is Balans' own words in the pane's language;
 * an Office error code goes in a detail line.
 */
import { monthLabel, parseMonthArgument } from "../core/months";
import { isPlanYear, YEAR_MAX, YEAR_MIN } from "../core/limits";
import { describeProblem } from "../core/problems";
import { SheetsChanged, WrittenSheet } from "../adapters/office/writeSheets";
import { errorCode, isOfficeError } from "../adapters/office/officeErrors";
import { LiveStatus } from "../functions/sharedRuntime";
import { Language, STRINGS, Strings } from "./i18n";
import {
  CheckedProblem,
  checkTables,
  inspectWorkbook,
  PaneHost,
  selectCell,
  setUpTables,
  SetupResult,
  WorkbookState,
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
import { loadImportReader } from "./importReader";
import { startScenarioView } from "./scenarioView";

const OPTIONAL_TABLES = ["Kostnader", "Bestallning", "Uppfoljning"];
const BUTTONS = [
  "create-tables",
  "preview-import",
  "write-import",
  "check",
  "write-effects",
  "write-transfers",
  "write-report",
  "write-scenario",
];

export interface Message {
  kind: "success" | "error" | "warning" | "info";
  text: string;
  /** A second, smaller line: the Office error code, for whoever helps the user. */
  detail?: string;
}

/** Everything the pane shows. */
export interface PaneState {
  /** The page runs outside Excel (no workbook to work on). */
  outsideExcel: boolean;
  /** What Balans is doing now; the buttons wait meanwhile. */
  busy?: string;
  message?: Message;
  workbook?: WorkbookState;
  live?: LiveStatus;
  problems?: CheckedProblem[];
  /** The import preview (importView.ts); writing needs one with something to write. */
  preview?: ImportPreviewState;
}

/** A failure in Balans' own words: a BalansError's text, or what Excel's error code means. */
export function explain(error: unknown, t: Strings): Message {
  const e = error as { name?: string; message?: string } | undefined;
  if (e?.name === "BalansError") return { kind: "error", text: `${t.failed} ${e.message}` };
  if (error instanceof SheetsChanged)
    return { kind: "warning", text: t.sheetsChanged(error.sheets) };
  const code = errorCode(error);
  if (isOfficeError(error) || code === "Timeout")
    return {
      kind: "error",
      text: t.officeErrors[code] ?? t.excelFailed,
      detail: t.errorDetail(code),
    };
  return { kind: "error", text: t.internalFailed, detail: t.internalDetail(code) };
}

/** Whether Balans formulas are live, and if not, why not and when Balans tries again. */
export function liveText(status: LiveStatus | undefined, t: Strings, now: number): Message {
  if (!status) return { kind: "info", text: t.liveNone };
  if (status.state === "live") return { kind: "success", text: t.liveOn(status.formulas) };
  if (status.state === "starting") return { kind: "warning", text: t.liveStarting };
  const seconds = Math.max(1, Math.ceil(((status.retryAt ?? now) - now) / 1000));
  return {
    kind: "warning",
    text: t.liveRetrying(seconds),
    ...(status.code ? { detail: t.errorDetail(status.code) } : {}),
  };
}

type Find = <T extends HTMLElement>(id: string) => T;

function viewBusy($: Find, state: PaneState): void {
  $("status").hidden = !state.busy;
  $("status-text").textContent = state.busy ?? "";
  const locked = !!state.busy || state.outsideExcel;
  for (const id of BUTTONS) $<HTMLButtonElement>(id).disabled = locked;
  $<HTMLButtonElement>("preview-import").disabled = !!state.busy;
  $<HTMLButtonElement>("write-import").disabled = locked || !planToWrite(state.preview);
}

function drawMessage(el: HTMLElement, doc: Document, message: Message | undefined): void {
  el.hidden = !message;
  if (!message) return el.replaceChildren();
  el.className = `message ${message.kind}`;
  const text = doc.createElement("span");
  text.textContent = message.text;
  el.replaceChildren(text);
  if (message.detail) {
    const detail = doc.createElement("small");
    detail.className = "detail";
    detail.textContent = message.detail;
    el.append(doc.createElement("br"), detail);
  }
}

function viewTables($: Find, doc: Document, state: PaneState, t: Strings): void {
  const wb = state.workbook;
  $("tables").replaceChildren(
    ...(wb?.tables ?? []).map((table) => {
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
  if (!wb) return;
  const anyFound = wb.tables.some((x) => x.found && x.name !== "Kostnader");
  const example = $<HTMLInputElement>("with-example");
  example.disabled = anyFound || state.outsideExcel;
  if (anyFound) example.checked = false;
  // Defaults follow the workbook until the user changes a field.
  const setDefault = (id: string, value: string | number | undefined) => {
    const input = $<HTMLInputElement>(id);
    if (!input.dataset.edited && value !== undefined) input.value = String(value);
  };
  setDefault("from-year", wb.planYears[0]);
  setDefault("to-year", wb.planYears[wb.planYears.length - 1]);
  setDefault(
    "transfer-year",
    wb.transferYears[wb.transferYears.length - 1] ?? wb.defaultMonth.year
  );
  setDefault("report-month", monthLabel(wb.defaultMonth));
}

function viewProblems(
  $: Find,
  doc: Document,
  state: PaneState,
  t: Strings,
  select: (p: CheckedProblem) => void
): void {
  const summary = $("problems-summary");
  const problems = state.problems;
  summary.hidden = !problems;
  summary.textContent = problems
    ? problems.length
      ? t.problemsFound(problems.length)
      : t.noProblems
    : "";
  $("problems").replaceChildren(
    ...(problems ?? []).map((p) => {
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
      if (p.location) button.addEventListener("click", () => select(p));
      else button.disabled = true;
      li.append(button);
      return li;
    })
  );
}

export interface PaneOptions {
  /** The running formulas' status (shared runtime), or undefined when none run on this page. */
  liveStatus?: () => LiveStatus | undefined;
  /** The page was opened outside Excel. */
  outsideExcel?: boolean;
  now?: () => number;
}

/** What Set-up did: the tables created, and the forecast columns added or why not. */
export function setupMessage(r: SetupResult | "cancelled", t: Strings): Message {
  if (r === "cancelled") return { kind: "warning", text: t.cancelled };
  const f = r.forecastColumns;
  const text = [
    // With forecast columns to report, "all tables were already there" says nothing.
    ...(f && !r.created.length ? [] : [t.created(r.created.map((c) => c.sheet))]),
    ...r.created.filter((c) => c.sheet !== c.requested).map((c) => t.renamed(c.requested, c.sheet)),
    ...(f ? [t.forecastColumns[f.outcome](f.table, f.headers, f.address ?? "")] : []),
  ].join(" ");
  return { kind: f && f.outcome !== "added" ? "warning" : "success", text };
}

/** The task pane's behaviour: buttons to operations, progress, confirmation and messages. */
export function startPane(
  doc: Document,
  host: Omit<PaneHost, "confirmReplace" | "confirmAddColumns">,
  language: Language,
  options: PaneOptions = {}
): { state: () => PaneState } {
  const t: Strings = STRINGS[language];
  const $: Find = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
  const now = options.now ?? Date.now;
  doc.documentElement.lang = language;
  doc.querySelectorAll<HTMLElement>("[data-text]").forEach((el) => {
    const text = t[el.dataset.text as keyof Strings];
    if (typeof text === "string") el.textContent = text;
  });

  let state: PaneState = { outsideExcel: !!options.outsideExcel };
  const drawLive = () =>
    drawMessage($("live"), doc, state.outsideExcel ? undefined : liveText(state.live, t, now()));
  const render = () => {
    viewBusy($, state);
    drawMessage($("message"), doc, state.message);
    drawLive();
    viewTables($, doc, state, t);
    viewProblems($, doc, state, t, (p) =>
      selectCell(paneHost, p.location!).catch((e) => update({ message: explain(e, t) }))
    );
    viewImportPreview(doc, state.preview, t, {
      role: (table, column, role) =>
        state.preview && update({ preview: withRole(state.preview, table, column, role) }),
      candidate: (id, ticked) =>
        state.preview && update({ preview: withCandidate(state.preview, id, ticked) }),
    });
  };
  const update = (patch: Partial<PaneState>) => {
    state = { ...state, ...patch };
    render();
  };

  /** Asks in the pane's confirm box; `yes` labels the button that agrees. */
  const ask = (text: string, yes: string) =>
    new Promise<boolean>((resolve) => {
      const box = $("confirm");
      $("confirm-text").textContent = text;
      $("confirm-yes").textContent = yes;
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
  const confirmReplace = (sheets: string[]) => ask(t.confirmReplace(sheets), t.replace);
  const confirmAddColumns = (table: string, headers: string[]) =>
    ask(t.confirmAddColumns(table, headers), t.addColumns);
  const paneHost: PaneHost = { ...host, confirmReplace, confirmAddColumns };

  async function refresh(): Promise<void> {
    if (state.outsideExcel) return;
    // The scenario section reads the plan again when it is next used.
    scenario.invalidate();
    try {
      update({ workbook: await inspectWorkbook(paneHost), live: options.liveStatus?.() });
    } catch (error) {
      update({ message: explain(error, t) });
    }
  }

  /**
   * Runs an operation; `changesTables` says whether it can change the Balans tables (then the
   * table list is read again; writing a report sheet does not need that).
   */
  async function act<T>(
    label: string,
    work: () => Promise<T>,
    report: (result: T) => Message | void,
    changesTables = false
  ): Promise<void> {
    // A list of problems is as old as the check that made it: clear it when anything else runs.
    update({ busy: label, message: undefined, problems: undefined });
    try {
      // A report may return its message, or have shown one itself (update) and return nothing.
      const message = report(await work());
      update({ busy: undefined, ...(message ? { message } : {}) });
    } catch (error) {
      update({ busy: undefined, message: explain(error, t) });
    }
    if (changesTables) await refresh();
  }

  const reportWritten = (result: WrittenSheet[] | "cancelled"): Message => {
    if (result === "cancelled") return { kind: "warning", text: t.cancelled };
    const renamed = result
      .filter((w) => w.sheet !== w.requested)
      .map((w) => t.renamed(w.requested, w.sheet));
    return { kind: "success", text: [t.wrote(result.map((w) => w.sheet)), ...renamed].join(" ") };
  };

  // The what-if section (scenarioView.ts) runs its actions through the pane's own.
  const scenario = startScenarioView(doc, {
    host: paneHost,
    t,
    act,
    reportWritten: (result) => update({ message: reportWritten(result) }),
    fail: (error) => update({ message: explain(error, t) }),
  });

  const inputError = (text: string) => Object.assign(new Error(text), { name: "BalansError" });
  const year = (id: string, optional: boolean): number | undefined => {
    const v = $<HTMLInputElement>(id).value.trim();
    if (v === "" && optional) return undefined;
    const n = Number(v);
    if (!isPlanYear(n)) {
      $(id).focus();
      throw inputError(t.badYear);
    }
    return n;
  };
  for (const id of ["from-year", "to-year", "transfer-year"]) {
    Object.assign($<HTMLInputElement>(id), { min: String(YEAR_MIN), max: String(YEAR_MAX) });
  }
  for (const id of ["from-year", "to-year", "transfer-year", "report-month"]) {
    $(id).addEventListener("input", () => ($(id).dataset.edited = "1"));
  }

  $("create-tables").addEventListener("click", () =>
    act(
      t.working,
      () => setUpTables(paneHost, $<HTMLInputElement>("with-example").checked),
      (r) => setupMessage(r, t),
      true
    )
  );
  $("check").addEventListener("click", () =>
    act(
      t.reading,
      () => checkTables(paneHost),
      (problems) => update({ problems })
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
        if (!month) throw inputError(t.badMonth);
        return writeMonthlyReport(paneHost, month);
      },
      reportWritten
    )
  );

  // Import: preview in the pane (no workbook access), then write.
  $("import-text").addEventListener("input", () => update({ preview: undefined }));
  $("preview-import").addEventListener("click", () => {
    const text = $<HTMLTextAreaElement>("import-text").value;
    // The reader is fetched on first use; a text changed meanwhile is previewed on the next click.
    loadImportReader().then(
      (reader) =>
        $<HTMLTextAreaElement>("import-text").value === text &&
        update({ preview: previewText(reader, text) }),
      (error) =>
        update({
          message: {
            kind: "error",
            text: t.importLoadFailed,
            detail: t.internalDetail(errorCode(error)),
          },
        })
    );
  });
  $("write-import").addEventListener("click", () => {
    const plan = planToWrite(state.preview);
    if (!plan) return;
    void act(
      t.working,
      () => writeImportedPlan(paneHost, plan),
      (r) => {
        if (r === "cancelled") return { kind: "warning", text: t.cancelled };
        state.preview = undefined;
        return {
          kind: "success",
          text:
            r.mode === "created"
              ? t.importCreated(r.sheet, r.ids.length)
              : t.importAppended(r.ids.length, r.ids[0], r.ids[r.ids.length - 1]),
        };
      },
      true
    );
  });

  if (state.outsideExcel) update({ message: { kind: "warning", text: t.notInExcel } });
  else {
    render();
    void refresh();
    // The formulas' state changes on its own (a watch that recovers, a read that fails).
    // Only the live line is redrawn, so focus in the rest of the pane stays where it is.
    if (options.liveStatus)
      setInterval(() => {
        state = { ...state, live: options.liveStatus!() };
        drawLive();
      }, 2000);
  }
  return { state: () => state };
}
