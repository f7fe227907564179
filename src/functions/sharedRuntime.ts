/**
 * What other bundles on the shared-runtime page may call without bundling the engine: the
 * instance the custom functions keep on globalThis (see runtime.ts).
 */
export const LIVE_KEY = Symbol.for("balans.liveFormulas");

/** Whether Balans formulas follow the workbook by themselves, and if not, why not. */
export interface LiveStatus {
  /**
   * `live`: changes are watched and the last read succeeded; `starting`: watching is being set
   * up; `retrying`: watching or reading failed and is tried again at `retryAt`.
   */
  state: "starting" | "live" | "retrying";
  /** The Office error code (or `Timeout`) of the last failure. */
  code?: string;
  retryAt?: number;
  /** How many formulas are being served. */
  formulas: number;
}

export interface Refreshable {
  refreshNow(): Promise<void>;
  status(): LiveStatus;
}

export function runningFormulas(): Refreshable | undefined {
  return (globalThis as { [LIVE_KEY]?: Refreshable })[LIVE_KEY];
}
