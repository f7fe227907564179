import { ExcelFake } from "./excelFake";

/** What Excel's custom-functions runtime provides, enough for Balans' functions under test. */
export class FakeCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

export function installOfficeGlobals(fake: ExcelFake): void {
  Object.assign(globalThis, {
    Excel: fake.Excel,
    CustomFunctions: {
      Error: FakeCustomFunctionsError,
      ErrorCode: { notAvailable: "#N/A", invalidValue: "#VALUE!" },
    },
    Office: { context: { requirements: { isSetSupported: () => true } } },
  });
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
