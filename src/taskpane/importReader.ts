/*
 * The plan-text reader is a third of the pane's code and only the import needs it, so it is a
 * chunk of its own (import.js), loaded the first time the user asks for a preview. The pane,
 * which shares its page with the custom functions, starts without parsing it.
 */
export type ImportReader = typeof import("../core/planText");

let loading: Promise<ImportReader> | undefined;

/** The plan-text reader, loaded once; a failed load is tried again on the next call. */
export function loadImportReader(): Promise<ImportReader> {
  loading ??= import(/* webpackChunkName: "import" */ "../core/planText").catch((error) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
