import { readChangedTables } from "../adapters/office/readChanges";
import { readWorkbookTables } from "../adapters/office/readTables";
import { FormulaResult } from "../core/queries";
import { TABLE_NAMES } from "../core/workbook";
import { LiveFormulas } from "./liveFormulas";
import { LIVE_KEY } from "./sharedRuntime";
import { keepWatching } from "./workbookWatch";

/**
 * The tables Balans formulas read (not Bestallning, which no formula needs). Uppfoljning is read
 * for the "prognos" argument: an Avbruten measure's forecast ends with its last actual month.
 */
export const FORMULA_TABLES = [
  TABLE_NAMES.measures,
  TABLE_NAMES.deficits,
  TABLE_NAMES.followUp,
  TABLE_NAMES.transfers,
  TABLE_NAMES.agreements,
  TABLE_NAMES.costs,
];

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

/** The one LiveFormulas of this runtime; watching the workbook starts with the first formula. */
export function liveFormulas(): LiveFormulas {
  const holder = globalThis as Holder;
  let live = holder[LIVE_KEY];
  if (!live) {
    const instance = new LiveFormulas({
      // While the user edits a cell, Excel holds the read until the edit ends instead of failing.
      readTables: () =>
        Excel.run({ delayForCellEdit: true }, (context) =>
          readWorkbookTables(context, FORMULA_TABLES)
        ),
      readChanges: (base, changes) =>
        Excel.run({ delayForCellEdit: true }, (context) =>
          readChangedTables(context, FORMULA_TABLES, base, changes)
        ),
      toError: toCustomFunctionsError,
    });
    live = holder[LIVE_KEY] = instance;
    holder[WATCH_KEY] = keepWatching(
      FORMULA_TABLES,
      (change) => instance.invalidate(change),
      (state) => (instance.watch = state)
    );
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
