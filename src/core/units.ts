// Units are read by the grammar (src/core/grammar); this module keeps the old import path.
export { convertAmount, DEFAULT_UNIT, parseUnit } from "./grammar";
export type { Unit } from "./grammar";
