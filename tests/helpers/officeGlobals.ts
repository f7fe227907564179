import { createExcelDouble, ExcelDouble } from "../double/excelDouble";

/** What Excel's custom-functions runtime provides, enough for Balans' functions under test. */
export class FakeCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

/** A workbook double, with its `Excel` and `Office` (and the custom functions' globals) installed. */
export function installExcelDouble(options?: Parameters<typeof createExcelDouble>[0]): ExcelDouble {
  const double = createExcelDouble(options);
  Object.assign(globalThis, {
    Excel: double.Excel,
    Office: double.Office,
    CustomFunctions: {
      Error: FakeCustomFunctionsError,
      ErrorCode: { notAvailable: "#N/A", invalidValue: "#VALUE!" },
    },
  });
  return double;
}

/** A streaming invocation that records every result Excel would show. */
export class FakeInvocation<T = unknown> {
  results: (T | FakeCustomFunctionsError)[] = [];
  onCanceled?: () => void;
  setResult(value: T | FakeCustomFunctionsError): void {
    this.results.push(value);
  }
  get last(): T | FakeCustomFunctionsError | undefined {
    return this.results[this.results.length - 1];
  }
}

/** Lets pending promise callbacks and zero-delay timers run. */
export const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until an assertion holds (Excel's events and Balans' debounce are asynchronous; a loaded
 * CI machine may take longer than a fixed pause), failing with the assertion's own message.
 */
export async function eventually(assertion: () => void, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      assertion();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await settle(10);
    }
  }
}
