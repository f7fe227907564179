import { OfficeMockObject } from "office-addin-mock";
import { CellValue } from "../../src/core/tables";

/**
 * A workbook for Office.js code under test. Ranges are office-addin-mock objects, so reading
 * `values` before `load` + `sync` gives the mock's error text instead of data; collections keep
 * the same rule for `items`. `syncCount` counts round trips; events are recorded so a test can
 * fire them as Excel would.
 */
export interface FakeTable {
  name: string;
  sheet: string;
  headers: string[];
  rows: CellValue[][];
  /** 0-based worksheet row of the header. */
  headerRowIndex?: number;
}

export interface FakeSheet {
  name: string;
  id?: string;
  /** Used range values, first row = header. */
  values: CellValue[][];
  rowIndex?: number;
}

type Handler = (event: Record<string, unknown>) => Promise<void> | void;

export class ExcelFake {
  syncCount = 0;
  readonly handlers: Record<string, Handler[]> = {};
  private readonly pending = new Set<OfficeMockObject>();
  private collectionsLoaded = { tables: false, worksheets: false };
  private collectionsRequested = { tables: false, worksheets: false };

  constructor(
    public tables: FakeTable[],
    public sheets: FakeSheet[] = []
  ) {}

  /** The Excel global: `Excel.run(callback)`. */
  readonly Excel = {
    run: async <T>(callback: (context: unknown) => Promise<T>): Promise<T> =>
      callback(this.context()),
  };

  fire(eventName: string, event: Record<string, unknown> = {}): Promise<void[]> {
    return Promise.all((this.handlers[eventName] ?? []).map(async (h) => h(event)));
  }

  private mock(data: Record<string, unknown>): OfficeMockObject {
    const m = new OfficeMockObject(data);
    this.pending.add(m);
    return m;
  }

  private event(name: string) {
    return { add: (h: Handler) => (this.handlers[name] ??= []).push(h) };
  }

  private collection<T>(
    kind: "tables" | "worksheets",
    items: () => T[],
    events: Record<string, unknown>
  ) {
    const fake = this;
    const collection = {
      load: () => {
        fake.collectionsRequested[kind] = true;
        return collection;
      },
      get items(): T[] {
        if (!fake.collectionsLoaded[kind])
          throw new Error(`${kind}.items read before load() and sync()`);
        return items();
      },
      ...events,
    };
    return collection;
  }

  private context() {
    const fake = this;
    this.collectionsLoaded = { tables: false, worksheets: false };
    this.collectionsRequested = { tables: false, worksheets: false };
    // Rows of a table as the worksheet holds them: header, then data (an empty table has one blank row).
    const grid = (t: FakeTable) =>
      [t.headers, ...(t.rows.length ? t.rows : [t.headers.map(() => "")])] as CellValue[][];
    const slice = (
      all: CellValue[][],
      top: number,
      r: number,
      c: number,
      rows: number,
      cols: number
    ) =>
      fake.mock({
        values: all.slice(r - top, r - top + rows).map((row) => row.slice(c, c + cols)),
      });
    const tableObjects = () =>
      fake.tables.map((t) => {
        const top = t.headerRowIndex ?? 0;
        const all = grid(t);
        return {
          name: t.name,
          worksheet: fake.mock({
            name: t.sheet,
            getRangeByIndexes: (r: number, c: number, n: number, m: number) =>
              slice(all, top, r, c, n, m),
          }),
          getHeaderRowRange: () =>
            fake.mock({ values: [t.headers], rowIndex: top, columnIndex: 0 }),
          getDataBodyRange: () =>
            fake.mock({
              rowIndex: top + 1,
              columnIndex: 0,
              rowCount: all.length - 1,
              columnCount: t.headers.length,
            }),
        };
      });
    const sheetObjects = () =>
      fake.sheets.map((s, i) => ({
        name: s.name,
        id: s.id ?? `sheet-${i}`,
        getRangeByIndexes: (r: number, c: number, n: number, m: number) =>
          slice(s.values, s.rowIndex ?? 0, r, c, n, m),
        getUsedRangeOrNullObject: () => {
          const range = fake.mock({
            rowIndex: s.rowIndex ?? 0,
            columnIndex: 0,
            rowCount: s.values.length,
            columnCount: Math.max(0, ...s.values.map((r) => r.length)),
          });
          // As in Office.js, isNullObject is known after sync without being loaded.
          Object.defineProperty(range, "isNullObject", { value: s.values.length === 0 });
          return range;
        },
      }));
    const tables = this.collection("tables", tableObjects, {
      onChanged: this.event("tables.onChanged"),
      onAdded: this.event("tables.onAdded"),
      onDeleted: this.event("tables.onDeleted"),
    });
    const worksheets = this.collection("worksheets", sheetObjects, {
      onChanged: this.event("worksheets.onChanged"),
      onAdded: this.event("worksheets.onAdded"),
      onDeleted: this.event("worksheets.onDeleted"),
    });
    return {
      workbook: { tables, worksheets },
      sync: async () => {
        fake.syncCount++;
        for (const kind of ["tables", "worksheets"] as const) {
          if (fake.collectionsRequested[kind]) fake.collectionsLoaded[kind] = true;
        }
        for (const m of fake.pending) await m.sync();
        fake.pending.clear();
      },
    };
  }
}
