// Timings are read by the grammar (src/core/grammar); this module keeps the old import path.
export { parseTiming } from "./grammar";
export type { TimingPrecision, TimingReading as TimingResult } from "./grammar";
