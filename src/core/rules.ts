/** The share of the budget above which a forecast deficit requires an action plan (1 %). */
export const PLAN_THRESHOLD = 0.01;

/**
 * Linköping's rule of financial control: an action plan is required when the forecast deficit
 * exceeds the threshold share (1 %) of the committee's budget.
 */
export function planRequired(deficit: number, budget: number, threshold = PLAN_THRESHOLD): boolean {
  return deficit > threshold * budget;
}
