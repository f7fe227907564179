import { readChangedTables } from "../adapters/office/readChanges";
import { readWorkbookTables } from "../adapters/office/readTables";
import { FormulaResult } from "../core/queries";
import { FIGURE_TABLES } from "../core/workbook";
import { LiveFormulas, LiveFormulasOptions } from "./liveFormulas";
import { LIVE_KEY } from "./sharedRuntime";
import { keepWatching, KeepWatchingOptions } from "./workbookWatch";

/** The tables Balans formulas read (see FIGURE_TABLES). */
export const FORMULA_TABLES = FIGURE_TABLES;

export function toCustomFunctionsError(
  result: Extract<FormulaResult<unknown>, { ok: false }>
): CustomFunctions.Error {
  const code =
    result.error === "notAvailable"
      ? CustomFunctions.ErrorCode.notAvailable
      : CustomFunctions.ErrorCode.invalidValue;
  // Excel shows at most 255 characters of a custom function's error message.
  return new CustomFunctions.Error(
    code,
    result.message.length > 255 ? `${result.message.slice(0, 252)}...` : result.message
  );
}

// The pane, the functions and the commands are separate bundles on one page (the shared
// runtime); keeping the instance on globalThis gives them all the same one.
const WATCH_KEY = Symbol.for("balans.watch");
type Holder = { [LIVE_KEY]?: LiveFormulas; [WATCH_KEY]?: { stop(): Promise<void> } };

/**
 * LiveFormulas over the open workbook: full reads of the formula tables and, after an edit, reads
 * of only what changed. While the user edits a cell, Excel holds a read until the edit ends
 * instead of failing it.
 */
export function createLiveFormulas(options: Partial<LiveFormulasOptions> = {}): LiveFormulas {
  return new LiveFormulas({
    readTables: () =>
      Excel.run({ delayForCellEdit: true }, (context) =>
        readWorkbookTables(context, FORMULA_TABLES)
      ),
    readChanges: (base, changes) =>
      Excel.run({ delayForCellEdit: true }, (context) =>
        readChangedTables(context, FORMULA_TABLES, base, changes)
      ),
    toError: toCustomFunctionsError,
    ...options,
  });
}

/** Keeps `live` told of every change to the formula tables, and of whether it is watching. */
export function watchForLiveFormulas(
  live: LiveFormulas,
  options?: KeepWatchingOptions
): { stop(): Promise<void> } {
  return keepWatching(
    FORMULA_TABLES,
    (change) => live.invalidate(change),
    (state) => (live.watch = state),
    options
  );
}

/** The one LiveFormulas of this runtime; watching the workbook starts with the first formula. */
export function liveFormulas(): LiveFormulas {
  const holder = globalThis as Holder;
  let live = holder[LIVE_KEY];
  if (!live) {
    live = holder[LIVE_KEY] = createLiveFormulas();
    holder[WATCH_KEY] = watchForLiveFormulas(live);
  }
  return live;
}

/** Stops watching the workbook and forgets the runtime's LiveFormulas. */
export async function stopLiveFormulas(): Promise<void> {
  const holder = globalThis as Holder;
  const watch = holder[WATCH_KEY];
  holder[WATCH_KEY] = undefined;
  holder[LIVE_KEY]?.dispose();
  holder[LIVE_KEY] = undefined;
  await watch?.stop();
}

/** For tests: serve formulas from another LiveFormulas. */
export function useLiveFormulas(instance: LiveFormulas | undefined): void {
  (globalThis as Holder)[LIVE_KEY] = instance;
}
