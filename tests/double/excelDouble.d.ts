/** Types of the Excel test double (excelDouble.js); see that file for what it models. */
export interface DoubleCell {
  value: unknown;
  formula?: string;
  format: string;
  style: Record<string, unknown>;
}
export interface DoubleSheet {
  id: string;
  name: string;
  visibility: string;
  cells: Map<string, DoubleCell>;
  names: Map<string, { name: string; formula: string; value: unknown }>;
  charts: {
    name: string;
    source: string;
    seriesBy: string;
    title: { text?: string };
    position?: string;
  }[];
  validations: {
    range: string;
    rule: { list: { source: string } };
    errorAlert: { style: string };
  }[];
  frozenRows: number;
  pageLayout: Record<string, unknown>;
  pageBreaks?: string[];
  showGridlines: boolean;
}
export interface DoubleTable {
  id: string;
  name: string;
  sheet: DoubleSheet;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}
export interface SyncLogEntry {
  number: number;
  ops: number;
  requestBytes: number;
  responseBytes: number;
  writes: number;
  suspendedCalc: boolean;
  suspendedScreen: boolean;
  failed?: string;
}
export interface Book {
  apiVersion: string;
  web: boolean;
  delayForCellEditSupported: boolean;
  sheets: DoubleSheet[];
  tables: DoubleTable[];
  settings: Map<string, unknown>;
  syncCount: number;
  syncLog: SyncLogEntry[];
  formulaWrites: { sheet: string; address: string; formula: string }[];
  selection: { sheet: string; address: string } | null;
  latency?: (syncNumber: number) => number | undefined;
  failOn?: (api: string) => string | undefined;
  sheet(nameOrId: string): DoubleSheet | undefined;
  table(nameOrId: string): DoubleTable | undefined;
  addSheet(name: string): DoubleSheet;
  addUserTable(
    sheet: string,
    name: string,
    headers: unknown[],
    rows: unknown[][],
    at?: { r: number; c: number }
  ): DoubleTable;
  type(sheet: string, address: string, value: unknown): void;
  edit(
    sheet: string,
    address: string,
    value: unknown,
    source?: "Local" | "Remote"
  ): Promise<unknown>;
  setFormula(
    sheet: string,
    address: string,
    formula: string,
    compute: (book: Book) => unknown
  ): void;
  calculate(): Promise<unknown>;
  /** Queues Excel's change events for a block of a sheet (a paste: cells typed, one event). */
  changed(
    sheet: DoubleSheet,
    block: { r0: number; c0: number; r1: number; c1: number },
    source?: "Local" | "Remote",
    changeType?: string
  ): void;
  /** Typing just below or right of a table: Excel makes the cell part of the table. */
  typeBeside(
    sheet: string,
    address: string,
    value: unknown,
    source?: "Local" | "Remote"
  ): Promise<unknown>;
  /** Deletes whole sheet rows (`row` 1-based): tables below move up without an event. */
  deleteSheetRows(
    sheet: string,
    row: number,
    count?: number,
    source?: "Local" | "Remote"
  ): Promise<unknown>;
  deleteRows(
    table: string,
    at: number,
    count: number,
    source?: "Local" | "Remote"
  ): Promise<unknown>;
  insertRows(
    table: string,
    at: number,
    rows: unknown[][],
    source?: "Local" | "Remote"
  ): Promise<unknown>;
  /** Sorts a table's body by one column (0-based in the table): WorksheetRowSorted (1.10). */
  sortTable(table: string, column: number, descending?: boolean): Promise<unknown>;
  renameSheet(from: string, to: string): Promise<unknown>;
  copySheet(from: string, to: string): DoubleSheet;
  deleteSheet(sheet: DoubleSheet): void;
  reopen(): void;
  startCellEdit(): void;
  endCellEdit(): void;
  hangSyncs(n?: number): void;
  failSyncs(code: string, n?: number): void;
  grid(name: string): unknown[][];
  handlerCount(event?: string): number;
  flushEvents(): Promise<unknown>;
}
export interface OfficeDouble {
  context: {
    requirements: { isSetSupported(name: string, version?: string): boolean };
    displayLanguage: string;
  };
  onReady(callback?: (info: unknown) => void): Promise<unknown>;
}
export interface ExcelDouble {
  book: Book;
  Excel: typeof Excel;
  Office: OfficeDouble;
}
export function createExcelDouble(options?: {
  apiVersion?: string;
  web?: boolean;
  /** false: a host without the DelayForCellEdit set, where the option is ignored. */
  delayForCellEdit?: boolean;
  displayLanguage?: string;
}): ExcelDouble;
export const API_VERSIONS: Record<string, string>;
export function serialOf(year: number, month: number, day: number): number;
