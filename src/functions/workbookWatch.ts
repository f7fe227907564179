import { errorCode } from "../adapters/office/officeErrors";
import { TableChange } from "../adapters/office/readChanges";
import { foldText } from "../core/text";

export interface WatchOptions {
  /** Table and sheet names are compared this often (table renames raise no event). */
  pollMs?: number;
}

/** Stops watching: the poll ends and every event handler is removed from Excel. */
export type StopWatching = () => Promise<void>;

interface Names {
  signature: string;
  /** Names of the Balans tables by id: only their edits matter. */
  tableIds: Map<string, string>;
  /** Names of the sheets that serve as Balans tables, by id (edits there matter). */
  sheetIds: Map<string, string>;
  /**
   * The Balans tables on each sheet holding one or serving as one, by sheet id: a calculation of
   * the sheet may change any of them.
   */
  tablesBySheet: Map<string, string[]>;
}

/** The one kind of table change whose address says all that changed (cells edited in place). */
const EDITED_IN_PLACE = "RangeEdited";

/** Reads during cell edit wait for the user instead of failing (Excel.run's delayForCellEdit). */
const RUN_OPTIONS = { delayForCellEdit: true };

/**
 * Calls `onChange` when a Balans table may have changed, saying which and where when the event
 * says it:
 * - cells edited in a Balans table (also a co-author's; edits in other tables are ignored by
 *   tableId): that table, with their address;
 * - rows or cells inserted or deleted in one, or anywhere on a sheet holding one (which moves it),
 *   an edit on a sheet that serves as a table, a sort of a sheet holding one: the whole table;
 * - a calculation of a sheet holding a Balans table (values changed by formulas raise no change
 *   event): the whole table, or the cells Excel says it calculated where it says so;
 * - a Balans table or sheet added, deleted or renamed (compared by name every `pollMs`, and at
 *   once on a sheet event): anything (no argument).
 * Every API used is in ExcelApi 1.9, which the manifest requires; the sort events (1.10), the
 * calculated cells' address (1.11) and the sheet-rename event (1.17) are used only where Excel
 * has them.
 */
export async function watchWorkbook(
  tableNames: readonly string[],
  onChange: (change?: TableChange) => void,
  options: WatchOptions = {}
): Promise<StopWatching> {
  const wanted = new Set(tableNames.map(foldText));
  let names = await readNames(wanted);

  const checkNames = async () => {
    const now = await readNames(wanted);
    const changed = now.signature !== names.signature;
    names = now;
    if (changed) onChange();
  };
  const recheck = () => {
    checkNames().catch(() => undefined); // the next poll tries again
  };

  const handlers: OfficeExtension.EventHandlerResult<unknown>[] = [];
  const calculatedAt = Office.context.requirements.isSetSupported("ExcelApi", "1.11");
  let context: Excel.RequestContext | undefined;
  await Excel.run(RUN_OPTIONS, async (ctx) => {
    const { tables, worksheets } = ctx.workbook;
    handlers.push(
      tables.onChanged.add(async (event) => {
        const table = names.tableIds.get(event.tableId);
        if (table === undefined) return;
        onChange(
          event.changeType === EDITED_IN_PLACE && event.address
            ? { table, address: event.address }
            : { table }
        );
      }),
      tables.onAdded.add(async () => recheck()),
      tables.onDeleted.add(async () => recheck()),
      worksheets.onAdded.add(async () => recheck()),
      worksheets.onDeleted.add(async () => recheck()),
      worksheets.onChanged.add(async (event) => {
        const table = names.sheetIds.get(event.worksheetId);
        if (table !== undefined) onChange({ table });
        // Rows or cells inserted or deleted move every table on the sheet below or right of
        // them, with no event of those tables' own: their rows have other numbers now.
        if (event.changeType !== EDITED_IN_PLACE)
          for (const moved of names.tablesBySheet.get(event.worksheetId) ?? [])
            if (moved !== table) onChange({ table: moved });
      }),
      worksheets.onCalculated.add(async (event) => {
        // Where Excel says which cells it calculated (ExcelApi 1.11), only those can have
        // changed; elsewhere, anything in the sheet's Balans tables.
        const address = calculatedAt ? (event as { address?: unknown }).address : undefined;
        for (const table of names.tablesBySheet.get(event.worksheetId) ?? [])
          onChange(
            typeof address === "string" && address.trim()
              ? { table, address, calculated: true }
              : { table }
          );
      })
    );
    // A sort moves rows (or columns) without a documented change event: where Excel has the sort
    // events (ExcelApi 1.10), each Balans table on the sorted sheet is read again whole.
    if (Office.context.requirements.isSetSupported("ExcelApi", "1.10")) {
      const sorted = async (event: { worksheetId: string }) => {
        for (const table of names.tablesBySheet.get(event.worksheetId) ?? []) onChange({ table });
      };
      handlers.push(worksheets.onRowSorted.add(sorted), worksheets.onColumnSorted.add(sorted));
    }
    if (Office.context.requirements.isSetSupported("ExcelApi", "1.17"))
      handlers.push(worksheets.onNameChanged.add(async () => recheck()));
    await ctx.sync();
    context = ctx;
  });

  const timer = setInterval(recheck, options.pollMs ?? 5000);
  return async () => {
    clearInterval(timer);
    await Excel.run(context!, async (ctx) => {
      for (const handler of handlers) handler.remove();
      await ctx.sync();
    });
  };
}

/** Names and ids of tables and sheets: two round trips (the second finds the tables' sheets). */
function readNames(wanted: ReadonlySet<string>): Promise<Names> {
  return Excel.run(RUN_OPTIONS, async (context) => {
    const tables = context.workbook.tables.load("items/name, items/id");
    const sheets = context.workbook.worksheets.load("items/name, items/id");
    await context.sync();
    const balansTables = tables.items.filter((t) => wanted.has(foldText(t.name)));
    const tableSheets = balansTables.map((t) => t.worksheet.load("id"));
    if (tableSheets.length) await context.sync();
    // A sheet serves as a Balans table only where no Excel table has that name (as readTables
    // finds them): the sheet Åtgärder holding the table Atgarder is no second Atgarder.
    const asTables = new Set(balansTables.map((t) => foldText(t.name)));
    const sheetIds = new Map(
      sheets.items
        .filter((s) => wanted.has(foldText(s.name)) && !asTables.has(foldText(s.name)))
        .map((s) => [s.id, s.name])
    );
    const tablesBySheet = new Map<string, string[]>();
    const onSheet = (id: string, table: string) =>
      tablesBySheet.set(id, [...(tablesBySheet.get(id) ?? []), table]);
    for (const [id, name] of sheetIds) onSheet(id, name);
    balansTables.forEach((t, k) => onSheet(tableSheets[k].id, t.name));
    return {
      signature: [
        ...tables.items.map((t) => `t:${t.name}`),
        ...sheets.items.map((s) => `s:${s.name}`),
      ].join("\n"),
      tableIds: new Map(balansTables.map((t) => [t.id, t.name])),
      sheetIds,
      tablesBySheet,
    };
  });
}

export interface KeepWatchingOptions extends WatchOptions {
  /** The first retry after a failed set-up waits this long; each further one twice as long. */
  retryMs?: number;
  maxRetryMs?: number;
  now?: () => number;
}

export interface WatchState {
  state: "starting" | "live" | "retrying";
  code?: string;
  retryAt?: number;
}

/**
 * Sets up watching and keeps trying, with backoff, until it works; reports each state. After a
 * set-up that had failed, `onChange` is called once (changes made meanwhile were not seen).
 */
export function keepWatching(
  tableNames: readonly string[],
  onChange: (change?: TableChange) => void,
  onState: (state: WatchState) => void,
  options: KeepWatchingOptions = {}
): { stop: () => Promise<void> } {
  const now = options.now ?? Date.now;
  let delay = options.retryMs ?? 1000;
  let stopped = false;
  let stopWatching: StopWatching | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failed = false;

  const attempt = async () => {
    onState({ state: "starting" });
    try {
      const stop = await watchWorkbook(tableNames, onChange, options);
      if (stopped) return void (await stop());
      stopWatching = stop;
      onState({ state: "live" });
      if (failed) onChange();
    } catch (error) {
      failed = true;
      if (stopped) return;
      onState({ state: "retrying", code: errorCode(error), retryAt: now() + delay });
      timer = setTimeout(attempt, delay);
      delay = Math.min(delay * 2, options.maxRetryMs ?? 60_000);
    }
  };
  void attempt();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await stopWatching?.();
    },
  };
}
