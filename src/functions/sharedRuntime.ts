/**
 * What other bundles on the shared-runtime page may call without bundling the engine: the
 * instance the custom functions keep on globalThis (see runtime.ts).
 */
export const LIVE_KEY = Symbol.for("balans.liveFormulas");

export interface Refreshable {
  refreshNow(): Promise<void>;
}

export function runningFormulas(): Refreshable | undefined {
  return (globalThis as { [LIVE_KEY]?: Refreshable })[LIVE_KEY];
}
