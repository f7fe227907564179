// Amounts are read by the grammar (src/core/grammar); this module keeps the old import path.
export { amountInUnit, parseAmount, parseSwedishNumber } from "./grammar";
export type { AmountReading as AmountResult } from "./grammar";
