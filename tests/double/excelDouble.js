/*
 * The one Excel test double for Balans (unit, pane, functions, browser and bench), in plain
 * JavaScript so the same file serves Jest (require) and the real-browser test (a <script> that
 * defines window.ExcelDouble). It follows Office.js where Balans depends on it:
 *
 * - Every call on a proxy object is queued and runs only at `context.sync()`, in order. Proxies
 *   obtained by name (`getItem("X")`) are bound to the object the name meant when the request ran.
 * - Load state belongs to each proxy: a property can be read only after `load()` and a `sync()`
 *   that succeeded; otherwise it throws `PropertyNotLoaded`. Contexts share nothing, so two
 *   overlapping `Excel.run` batches work as in Excel.
 * - An error surfaces at `sync()` (a RichApi.Error with `code`), with the operations queued before
 *   it applied and none after it; loads of a failed request deliver nothing.
 * - Each API is tagged with its ExcelApi version (API_VERSIONS, checked against
 *   @types/office-js by double.test.ts); with the double set to a version, a newer API fails at
 *   sync with `ApiNotFound`, and `Office.context.requirements.isSetSupported` answers accordingly.
 * - Excel on the web's 5 MB limits on a request and on a response.
 * - Cell edit mode: a batch fails with `InvalidOperationInCellEditMode` unless it was run with
 *   `{ delayForCellEdit: true }`, which waits until the edit ends.
 * - Events with real arguments (type, tableId, worksheetId, address, changeType, source), raised
 *   by the double's user actions (`book.edit`, `book.calculate`, …); handlers are registered and
 *   removed at sync, like every other operation.
 * - Values as Excel stores them: number-like and date-like text becomes a number unless the cell
 *   is text-formatted (`@`), a leading apostrophe is dropped, `=` starts a formula, error cells
 *   read as their error text (`#N/A`) with valueTypes `Error`; deleting a sheet turns formulas
 *   that point at it into `#REF!`.
 * - Fault injection: `book.hangSyncs(n)` (a sync that never returns), `book.failSyncs(code)`,
 *   `book.latency` (per-sync delay, for out-of-order reads), `book.reopen()` (new sheet ids).
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.ExcelDouble = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /** ExcelApi requirement set of each member the double implements ("Class.member"). */
  const API_VERSIONS = {
    "Application.suspendApiCalculationUntilNextSync": "1.6",
    "Application.suspendScreenUpdatingUntilNextSync": "1.9",
    "Application.calculate": "1.1",
    "Workbook.tables": "1.1",
    "Workbook.worksheets": "1.1",
    "Workbook.settings": "1.4",
    "WorksheetCollection.getItem": "1.1",
    "WorksheetCollection.getItemOrNullObject": "1.4",
    "WorksheetCollection.add": "1.1",
    "WorksheetCollection.onAdded": "1.7",
    "WorksheetCollection.onDeleted": "1.7",
    "WorksheetCollection.onChanged": "1.9",
    "WorksheetCollection.onCalculated": "1.8",
    "WorksheetCollection.onNameChanged": "1.17",
    "WorksheetCollection.onRowSorted": "1.10",
    "WorksheetCollection.onColumnSorted": "1.10",
    "Worksheet.name": "1.1",
    "Worksheet.id": "1.1",
    "Worksheet.position": "1.1",
    "Worksheet.visibility": "1.2", // setting it
    "Worksheet.showGridlines": "1.8",
    "Worksheet.delete": "1.1",
    "Worksheet.activate": "1.1",
    "Worksheet.getRange": "1.1",
    "Worksheet.getRangeByIndexes": "1.7",
    "Worksheet.getUsedRange": "1.2", // with valuesOnly
    "Worksheet.getUsedRangeOrNullObject": "1.4",
    "Worksheet.tables": "1.1",
    "Worksheet.charts": "1.1",
    "Worksheet.names": "1.4",
    "Worksheet.freezePanes": "1.7",
    "Worksheet.pageLayout": "1.9",
    "Worksheet.onChanged": "1.7",
    "Worksheet.onCalculated": "1.8",
    "Worksheet.onRowSorted": "1.10",
    "TableCollection.getItem": "1.1",
    "TableCollection.add": "1.1",
    "TableCollection.onChanged": "1.7",
    "TableCollection.onAdded": "1.9",
    "TableCollection.onDeleted": "1.9",
    "Table.name": "1.1",
    "Table.id": "1.1",
    "Table.style": "1.1",
    "Table.worksheet": "1.2",
    "Table.getHeaderRowRange": "1.1",
    "Table.getDataBodyRange": "1.1",
    "Table.getRange": "1.1",
    "Table.delete": "1.1",
    "Table.rows": "1.1",
    "Table.columns": "1.1",
    "TableRowCollection.add": "1.4", // several rows at once
    "TableColumnCollection.getItemAt": "1.1",
    "TableColumnCollection.add": "1.4", // appending (index -1 or null) and the name argument
    "TableColumn.getDataBodyRange": "1.1",
    "Range.values": "1.1",
    "Range.numberFormat": "1.1",
    "Range.formulas": "1.1",
    "Range.valueTypes": "1.1",
    "Range.rowIndex": "1.1",
    "Range.columnIndex": "1.1",
    "Range.rowCount": "1.1",
    "Range.columnCount": "1.1",
    "Range.address": "1.1",
    "Range.clear": "1.1",
    "Range.select": "1.1",
    "Range.getOffsetRange": "1.1",
    "Range.getRow": "1.1",
    "Range.getResizedRange": "1.2",
    "Range.getColumnsAfter": "1.2",
    "Range.format": "1.1",
    "Range.dataValidation": "1.8",
    "RangeFormat.columnWidth": "1.2",
    "RangeFormat.wrapText": "1.1",
    "RangeFormat.horizontalAlignment": "1.1",
    "RangeFormat.verticalAlignment": "1.1",
    "RangeFormat.indentLevel": "1.9",
    "Worksheet.horizontalPageBreaks": "1.9",
    "PageLayout.headersFooters": "1.9",
    "PageLayout.setPrintTitleRows": "1.9",
    "PageBreakCollection.add": "1.9",
    "PageBreakCollection.removePageBreaks": "1.9",
    "DataValidation.rule": "1.8",
    "DataValidation.errorAlert": "1.8",
    "DataValidation.clear": "1.8",
    "ChartCollection.add": "1.1",
    "Chart.delete": "1.1",
    "Chart.setPosition": "1.1",
    "NamedItemCollection.add": "1.4",
    "NamedItemCollection.getItemOrNullObject": "1.4",
    "NamedItem.value": "1.1",
    "SettingCollection.add": "1.4",
    "SettingCollection.getItemOrNullObject": "1.4",
    "Setting.value": "1.4",
    "WorksheetFreezePanes.freezeRows": "1.7",
    "WorksheetFreezePanes.unfreeze": "1.7",
  };

  /** WorksheetCalculatedEventArgs.address came with ExcelApi 1.11. */
  const CALCULATED_ADDRESS = "1.11";
  const LIMIT_BYTES = 5 * 1024 * 1024;
  const MAX_ROW = 1048575;
  const MAX_COL = 16383;
  const fold = (s) => String(s).toLowerCase();
  const versionAbove = (a, b) => {
    const [am, an] = String(a).split(".").map(Number);
    const [bm, bn] = String(b).split(".").map(Number);
    return am > bm || (am === bm && an > bn);
  };

  class RichApiError extends Error {
    constructor(code, message, statement) {
      super(message);
      this.name = "RichApi.Error";
      this.code = code;
      this.debugInfo = { code, message, errorLocation: statement };
    }
  }
  const fail = (code, message) => {
    throw new RichApiError(code, message);
  };

  // ------------------------------------------------------------------------------------------
  // Addresses

  function colIndex(letters) {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
    return n - 1;
  }
  function letters(index) {
    let n = index + 1,
      s = "";
    while (n > 0) {
      s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  /** "B2:D5", "A1", "B:B", "3:3" → {r0, c0, r1, c1} (0-based, inclusive). */
  function parseAddress(address) {
    const a = String(address).replace(/\$/g, "").replace(/^.*!/, "");
    let m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a);
    if (m)
      return {
        r0: +m[2] - 1,
        c0: colIndex(m[1]),
        r1: +(m[4] || m[2]) - 1,
        c1: colIndex(m[3] || m[1]),
      };
    m = /^([A-Z]+):([A-Z]+)$/i.exec(a);
    if (m) return { r0: 0, c0: colIndex(m[1]), r1: MAX_ROW, c1: colIndex(m[2]) };
    m = /^(\d+):(\d+)$/.exec(a);
    if (m) return { r0: +m[1] - 1, c0: 0, r1: +m[2] - 1, c1: MAX_COL };
    fail("InvalidArgument", `The address ${address} is not valid.`);
  }
  const addressOf = (b) =>
    b.r0 === b.r1 && b.c0 === b.c1
      ? `${letters(b.c0)}${b.r0 + 1}`
      : `${letters(b.c0)}${b.r0 + 1}:${letters(b.c1)}${b.r1 + 1}`;
  const quoteSheet = (name) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name}'`);
  const cellsIn = (b) => (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);

  /** Excel's date serial of a date (1900 system). */
  const serialOf = (y, m, d) =>
    Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 864e5);
  const ERRORS = ["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#BUSY!"];

  /** A value entered through Range.values, as Excel (Swedish locale) stores it. */
  function entered(value, format) {
    if (typeof value !== "string") return { value };
    // A leading apostrophe is Excel's text prefix, also in a text-formatted cell.
    if (value.startsWith("'")) return { value: value.slice(1) };
    if (format === "@") return { value };
    if (value.startsWith("=") && value.length > 1) return { formula: value };
    const t = value.trim();
    if (ERRORS.includes(t)) return { value: t };
    if (/^-?\d+(,\d+)?$/.test(t)) return { value: Number(t.replace(",", ".")) };
    let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
    if (m) return { value: serialOf(+m[1], +m[2], +m[3]) };
    m = /^(\d{4})-(\d{2})$/.exec(t);
    if (m && +m[2] >= 1 && +m[2] <= 12) return { value: serialOf(+m[1], +m[2], 1) };
    return { value };
  }
  // What a value weighs in a request or response: Excel sends JSON, so its JSON text (a string's
  // quotes and escapes, every digit of a number) at two bytes a character, and a separator.
  const bytesOf = (v) =>
    2 * (typeof v === "string" ? JSON.stringify(v) : String(v ?? null)).length + 2;

  // ------------------------------------------------------------------------------------------
  // The workbook

  class Book {
    constructor(options = {}) {
      this.apiVersion = options.apiVersion || "1.9";
      this.web = options.web !== false; // Excel on the web's 5 MB limits
      // Office.js honours Excel.run's delayForCellEdit only where the host has the
      // "DelayForCellEdit" requirement set; elsewhere the option is ignored.
      this.delayForCellEditSupported = options.delayForCellEdit !== false;
      this.sheets = [];
      this.tables = [];
      this.settings = new Map();
      this.handlers = [];
      this.syncCount = 0;
      this.syncLog = [];
      this.formulaWrites = [];
      this.selection = null;
      this.active = null;
      this.nextId = 1;
      this.cellEdit = null;
      this.hang = 0;
      this.failures = [];
      /** (syncNumber) => milliseconds the request takes; undefined = no delay. */
      this.latency = undefined;
      /** (api) => an error code for the operation to fail with, or undefined. */
      this.failOn = undefined;
      this.pendingEvents = [];
      this.addSheet("Blad1");
    }

    // --- model
    newId(kind) {
      return `{${kind}-${this.nextId++}}`;
    }
    addSheet(name, at) {
      if (this.sheet(name)) fail("ItemAlreadyExists", `A sheet named ${name} already exists.`);
      const sheet = {
        id: this.newId("sheet"),
        name,
        visibility: "Visible",
        cells: new Map(),
        columns: new Map(),
        names: new Map(),
        charts: [],
        validations: [],
        frozenRows: 0,
        pageLayout: {},
        showGridlines: true,
      };
      if (at === undefined) this.sheets.push(sheet);
      else this.sheets.splice(at, 0, sheet);
      return sheet;
    }
    sheet(nameOrId) {
      return this.sheets.find((s) => s.id === nameOrId || fold(s.name) === fold(nameOrId));
    }
    table(nameOrId) {
      return this.tables.find((t) => t.id === nameOrId || fold(t.name) === fold(nameOrId));
    }
    cell(sheet, r, c) {
      const key = `${r},${c}`;
      let cell = sheet.cells.get(key);
      if (!cell) sheet.cells.set(key, (cell = { value: "", format: "General", style: {} }));
      return cell;
    }
    peek(sheet, r, c) {
      return sheet.cells.get(`${r},${c}`);
    }
    /** Enters one value into a cell as Excel does. */
    enter(sheet, r, c, value) {
      const cell = this.cell(sheet, r, c);
      const e = entered(value, cell.format);
      delete cell.compute;
      if (e.formula) {
        this.formulaWrites.push({
          sheet: sheet.name,
          address: `${letters(c)}${r + 1}`,
          formula: e.formula,
        });
        cell.formula = e.formula;
        cell.value = 0;
      } else {
        delete cell.formula;
        cell.value = e.value === null || e.value === undefined ? "" : e.value;
      }
    }
    used(sheet) {
      let r0 = Infinity,
        c0 = Infinity,
        r1 = -1,
        c1 = -1;
      for (const [key, cell] of sheet.cells) {
        if (cell.value === "" && !cell.formula) continue;
        const [r, c] = key.split(",").map(Number);
        r0 = Math.min(r0, r);
        c0 = Math.min(c0, c);
        r1 = Math.max(r1, r);
        c1 = Math.max(c1, c);
      }
      return r1 < 0 ? null : { r0, c0, r1, c1 };
    }
    values(sheet, b) {
      const out = [];
      for (let r = b.r0; r <= b.r1; r++) {
        const row = [];
        for (let c = b.c0; c <= b.c1; c++) {
          const v = this.peek(sheet, r, c)?.value;
          row.push(v === undefined || v === null ? "" : v);
        }
        out.push(row);
      }
      return out;
    }
    deleteSheet(sheet) {
      if (!this.sheets.some((s) => s !== sheet && s.visibility === "Visible"))
        fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      this.sheets.splice(this.sheets.indexOf(sheet), 1);
      const gone = this.tables.filter((t) => t.sheet === sheet);
      this.tables = this.tables.filter((t) => t.sheet !== sheet);
      // Formulas that pointed at the sheet now point nowhere.
      const name = sheet.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const ref = new RegExp(
        `('${name}'|\\b${name})!\\$?[A-Z]+\\$?\\d+(:\\$?[A-Z]+\\$?\\d+)?`,
        "gi"
      );
      for (const s of this.sheets)
        for (const cell of s.cells.values())
          if (cell.formula && cell.formula.match(ref)) {
            cell.formula = cell.formula.replace(ref, "#REF!");
            cell.value = "#REF!";
            delete cell.compute;
          }
      this.queueEvent("worksheets.onDeleted", {
        type: "WorksheetDeleted",
        worksheetId: sheet.id,
        source: "Local",
      });
      for (const t of gone)
        this.queueEvent("tables.onDeleted", {
          type: "TableDeleted",
          tableId: t.id,
          tableName: t.name,
          source: "Local",
        });
    }
    /** The table whose rows include this cell (header excluded), if any. */
    tableAt(sheet, r, c) {
      return this.tables.find(
        (t) => t.sheet === sheet && r > t.r0 && r <= t.r1 && c >= t.c0 && c <= t.c1
      );
    }

    // --- what users, co-authors and Excel itself do (for tests)
    /** A user's own table, put in place without events. */
    addUserTable(sheetName, name, headers, rows, at = { r: 0, c: 0 }) {
      const sheet = this.sheet(sheetName) || this.addSheet(sheetName);
      [headers, ...rows].forEach((row, i) =>
        row.forEach((v, j) => this.enter(sheet, at.r + i, at.c + j, v))
      );
      const table = {
        id: this.newId("table"),
        name,
        sheet,
        r0: at.r,
        c0: at.c,
        r1: at.r + Math.max(1, rows.length),
        c1: at.c + headers.length - 1,
      };
      this.tables.push(table);
      return table;
    }
    /** A user types into a cell (no events; see `edit` for an edit Balans is told about). */
    type(sheetName, address, value) {
      const b = parseAddress(address);
      const sheet = this.sheet(sheetName);
      if (!sheet) throw new Error(`double: no sheet ${sheetName}`);
      this.enter(sheet, b.r0, b.c0, value);
      return { sheet, b };
    }
    /** A user (or, with source "Remote", a co-author) edits a cell: Excel's change events follow. */
    edit(sheetName, address, value, source = "Local") {
      const { sheet, b } = this.type(sheetName, address, value);
      this.changed(sheet, b, source);
      this.calculate();
      return this.flushEvents();
    }
    /**
     * A user (or a co-author) types into the cell just below a table or just right of it: Excel's
     * AutoCorrect ("Include new rows and columns in table", on by default) makes the row or column
     * part of the table, and the table reports a row or column inserted (the address Excel gives
     * for an expansion is not the new cells': OfficeDev/office-js#728, so only the type is kept).
     */
    typeBeside(sheetName, address, value, source = "Local") {
      const { sheet, b } = this.type(sheetName, address, value);
      const t = this.tables.find(
        (t) =>
          t.sheet === sheet &&
          ((b.r0 === t.r1 + 1 && b.c0 >= t.c0 && b.c0 <= t.c1) ||
            (b.c0 === t.c1 + 1 && b.r0 >= t.r0 && b.r0 <= t.r1))
      );
      if (!t) throw new Error(`double: ${address} is not beside a table`);
      const row = b.r0 === t.r1 + 1;
      if (row) t.r1++;
      else t.c1++;
      this.changed(
        sheet,
        { r0: t.r0, c0: t.c0, r1: t.r1, c1: t.c1 },
        source,
        row ? "RowInserted" : "ColumnInserted"
      );
      this.calculate();
      return this.flushEvents();
    }
    /**
     * A user (or a co-author) deletes `count` rows of a table's body from row `at` (0-based): the
     * cells of the table's columns below move up; the table reports RowDeleted (ExcelApi 1.7).
     */
    deleteRows(tableName, at, count, source = "Local") {
      const t = this.table(tableName);
      const first = t.r0 + 1 + at;
      for (let r = first; r < first + count; r++)
        for (let c = t.c0; c <= t.c1; c++) t.sheet.cells.delete(`${r},${c}`);
      this.moveRows(t, first + count, -count);
      t.r1 -= count;
      this.changed(
        t.sheet,
        { r0: first, c0: t.c0, r1: first + count - 1, c1: t.c1 },
        source,
        "RowDeleted"
      );
      this.calculate();
      return this.flushEvents();
    }
    /**
     * A user (or a co-author) deletes whole rows of a sheet (`row` 1-based, as Excel numbers
     * them): cells below move up, a table the rows cross loses them (RowDeleted on it), a table
     * below moves up with no event of its own; the sheet reports RowDeleted (ExcelApi 1.7).
     */
    deleteSheetRows(sheetName, row, count = 1, source = "Local") {
      const sheet = this.sheet(sheetName);
      const r0 = row - 1;
      const r1 = r0 + count - 1;
      if (this.tables.some((t) => t.sheet === sheet && t.r0 >= r0 && t.r0 <= r1))
        throw new Error("double: deleting a table's header row is not modelled");
      this.changed(sheet, { r0, c0: 0, r1, c1: MAX_COL }, source, "RowDeleted");
      for (const [key, cell] of [...sheet.cells]) {
        const [r, c] = key.split(",").map(Number);
        if (r < r0) continue;
        sheet.cells.delete(key);
        if (r > r1) sheet.cells.set(`${r - count},${c}`, cell);
      }
      for (const t of this.tables) {
        if (t.sheet !== sheet || t.r1 < r0) continue;
        if (t.r0 > r1) {
          t.r0 -= count;
          t.r1 -= count;
        } else t.r1 -= Math.min(t.r1, r1) - r0 + 1;
      }
      this.calculate();
      return this.flushEvents();
    }
    /**
     * Rows put back into a table's body at row `at` (0-based), as Excel's undo of a deletion or a
     * co-author's insertion does: the cells below move down; the table reports RowInserted.
     */
    insertRows(tableName, at, rows, source = "Local") {
      const t = this.table(tableName);
      const first = t.r0 + 1 + at;
      this.moveRows(t, first, rows.length);
      rows.forEach((row, i) => row.forEach((v, j) => this.enter(t.sheet, first + i, t.c0 + j, v)));
      t.r1 += rows.length;
      this.changed(
        t.sheet,
        { r0: first, c0: t.c0, r1: first + rows.length - 1, c1: t.c1 },
        source,
        "RowInserted"
      );
      this.calculate();
      return this.flushEvents();
    }
    /**
     * The cells of a table's columns from row `from` down moved by `by` rows, as Excel shifts the
     * cells below when table rows are inserted or deleted (what lies below the table moves too).
     */
    moveRows(t, from, by) {
      const moved = [];
      for (const [key, cell] of [...t.sheet.cells]) {
        const [r, c] = key.split(",").map(Number);
        if (r < from || c < t.c0 || c > t.c1) continue;
        t.sheet.cells.delete(key);
        moved.push([`${r + by},${c}`, cell]);
      }
      for (const [key, cell] of moved) t.sheet.cells.set(key, cell);
    }
    /**
     * A user sorts a table's body top to bottom by one column (the table's drop-down or
     * Range.sort). Excel documents the sort events for it: WorksheetRowSorted on the sheet and the
     * worksheet collection (ExcelApi 1.10), whose address is the rows that moved; it documents
     * no table change event for a sort, and the double raises none.
     */
    sortTable(tableName, column, descending = false) {
      const t = this.table(tableName);
      const rows = [];
      for (let r = t.r0 + 1; r <= t.r1; r++) {
        const cells = [];
        for (let c = t.c0; c <= t.c1; c++) cells.push(t.sheet.cells.get(`${r},${c}`));
        rows.push({ r, cells });
      }
      const key = (row) => row.cells[column]?.value ?? "";
      const compare = (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
      // Excel's sort is stable: rows with equal keys keep their order.
      const order = rows
        .slice()
        .sort((a, b) => (descending ? compare(b, a) : compare(a, b)) || a.r - b.r);
      let r0 = Infinity,
        r1 = -1;
      order.forEach((row, i) => {
        const r = t.r0 + 1 + i;
        if (row.r !== r) ((r0 = Math.min(r0, r)), (r1 = Math.max(r1, r)));
        row.cells.forEach((cell, j) => {
          const k = `${r},${t.c0 + j}`;
          if (cell) t.sheet.cells.set(k, cell);
          else t.sheet.cells.delete(k);
        });
      });
      if (r1 >= 0) {
        const args = {
          type: "WorksheetRowSorted",
          worksheetId: t.sheet.id,
          address: addressOf({ r0, c0: t.c0, r1, c1: t.c1 }),
          source: "Local",
        };
        this.queueEvent("worksheets.onRowSorted", args);
        this.queueEvent(`sheet:${t.sheet.id}.onRowSorted`, args);
      }
      this.calculate();
      return this.flushEvents();
    }
    /** Queues Excel's change events for a block of a sheet (a user's or an add-in's write). */
    changed(sheet, b, source = "Local", changeType = "RangeEdited") {
      const args = { address: addressOf(b), changeType, source, worksheetId: sheet.id };
      for (const t of this.tables)
        if (t.sheet === sheet && !(b.r1 < t.r0 || b.r0 > t.r1 || b.c1 < t.c0 || b.c0 > t.c1)) {
          const e = { ...args, type: "TableChanged", tableId: t.id };
          this.queueEvent("tables.onChanged", e);
          this.queueEvent(`table:${t.id}.onChanged`, e);
        }
      this.queueEvent("worksheets.onChanged", { ...args, type: "WorksheetChanged" });
      this.queueEvent(`sheet:${sheet.id}.onChanged`, { ...args, type: "WorksheetChanged" });
    }
    /** A formula cell whose value Excel computes with `compute(book)` on each calculation. */
    setFormula(sheetName, address, formula, compute) {
      const b = parseAddress(address);
      const cell = this.cell(this.sheet(sheetName), b.r0, b.c0);
      cell.formula = formula;
      cell.compute = compute;
      cell.value = compute(this);
    }
    /** Excel recalculates: formula cells take new values; sheets calculated raise onCalculated. */
    calculate() {
      for (const sheet of this.sheets) {
        const changed = [];
        for (const [key, cell] of sheet.cells) {
          if (!cell.compute) continue;
          const v = cell.compute(this);
          if (v !== cell.value) {
            cell.value = v;
            const [r, c] = key.split(",").map(Number);
            changed.push(`${letters(c)}${r + 1}`);
          }
        }
        if (changed.length) {
          const args = { type: "WorksheetCalculated", worksheetId: sheet.id };
          // The cells calculated, a comma-separated list of addresses (ExcelApi 1.11).
          if (!versionAbove(CALCULATED_ADDRESS, this.apiVersion)) args.address = changed.join(", ");
          this.queueEvent("worksheets.onCalculated", args);
          this.queueEvent(`sheet:${sheet.id}.onCalculated`, args);
        }
      }
      return this.flushEvents();
    }
    renameSheet(from, to) {
      const sheet = this.sheet(from);
      if (this.sheets.some((s) => s !== sheet && fold(s.name) === fold(to)))
        fail("ItemAlreadyExists", `A sheet named ${to} already exists.`);
      sheet.name = to;
      this.queueEvent("worksheets.onNameChanged", {
        type: "WorksheetNameChanged",
        worksheetId: sheet.id,
        nameBefore: from,
        nameAfter: to,
        source: "Local",
      });
      return this.flushEvents();
    }
    /** A user copies a sheet (names scoped to it are copied too, as in Excel). */
    copySheet(from, to) {
      const src = this.sheet(from);
      const copy = this.addSheet(to);
      for (const [k, cell] of src.cells) copy.cells.set(k, { ...cell, style: { ...cell.style } });
      for (const [k, n] of src.names) copy.names.set(k, { ...n });
      return copy;
    }
    /** The workbook is closed and opened again: sheet ids are reported to change; handlers are gone. */
    reopen() {
      for (const s of this.sheets) s.id = this.newId("sheet");
      this.handlers = [];
    }
    startCellEdit() {
      let end;
      const ended = new Promise((resolve) => (end = resolve));
      this.cellEdit = { ended, end };
    }
    endCellEdit() {
      const edit = this.cellEdit;
      this.cellEdit = null;
      edit?.end();
    }
    /** The next `n` syncs never return (as reported on Excel on the web). */
    hangSyncs(n = 1) {
      this.hang += n;
    }
    /** The next sync fails with this error code, before running anything. */
    failSyncs(code, n = 1) {
      for (let k = 0; k < n; k++) this.failures.push(code);
    }
    /** For tests: what a sheet shows, its used range from A1. */
    grid(name) {
      const sheet = this.sheet(name);
      const u = sheet && this.used(sheet);
      return u ? this.values(sheet, { r0: 0, c0: 0, r1: u.r1, c1: u.c1 }) : [];
    }
    /** How many event handlers are registered, per event. */
    handlerCount(event) {
      return this.handlers.filter((h) => !event || h.event === event).length;
    }

    // --- events
    queueEvent(event, args) {
      for (const h of this.handlers) if (h.event === event) this.pendingEvents.push({ h, args });
    }
    /** Delivers queued events asynchronously, as Office.js does; resolves when handlers finish. */
    flushEvents() {
      const due = this.pendingEvents.splice(0);
      return Promise.all(
        due.map(({ h, args }) =>
          Promise.resolve()
            .then(() => h.handler({ ...args }))
            .catch(() => undefined)
        )
      );
    }
  }

  // ------------------------------------------------------------------------------------------
  // Requests

  class Context {
    constructor(book, options = {}) {
      this.book = book;
      this.delayForCellEdit = !!options.delayForCellEdit;
      this.queue = [];
      this.workbook = new WorkbookProxy(this);
      this.application = new ApplicationProxy(this);
    }
    /** Queues an operation; `api` is "Class.member" for the version check. */
    enqueue(api, run, requestBytes = 40) {
      this.queue.push({ api, run, requestBytes });
    }
    async sync() {
      const book = this.book;
      const ops = this.queue.splice(0);
      const number = ++book.syncCount;
      const log = {
        number,
        ops: ops.length,
        requestBytes: 0,
        responseBytes: 0,
        writes: 0,
        suspendedCalc: false,
        suspendedScreen: false,
        failed: undefined,
      };
      book.syncLog.push(log);
      if (book.latency) {
        const ms = book.latency(number);
        if (ms) await new Promise((resolve) => setTimeout(resolve, ms));
      } else await Promise.resolve();
      if (book.hang > 0) {
        book.hang--;
        log.failed = "hung";
        return new Promise(() => undefined);
      }
      if (book.failures.length) {
        const code = book.failures.shift();
        log.failed = code;
        throw new RichApiError(code, `Simulated failure: ${code}`);
      }
      if (book.cellEdit) {
        if (!this.delayForCellEdit || !book.delayForCellEditSupported) {
          log.failed = "InvalidOperationInCellEditMode";
          throw new RichApiError(
            "InvalidOperationInCellEditMode",
            "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again."
          );
        }
        await book.cellEdit.ended;
      }
      log.requestBytes = ops.reduce((n, op) => n + op.requestBytes, 0);
      if (book.web && log.requestBytes > LIMIT_BYTES) {
        log.failed = "RequestPayloadSizeLimitExceeded";
        throw new RichApiError(
          "RequestPayloadSizeLimitExceeded",
          "The request payload size has exceeded the limit."
        );
      }
      const loads = [];
      this.loads = loads;
      this.log = log;
      try {
        for (const op of ops) {
          const version = API_VERSIONS[op.api];
          if (version === undefined) throw new Error(`double: ${op.api} has no ExcelApi version`);
          if (versionAbove(version, book.apiVersion))
            fail(
              "ApiNotFound",
              `The API ${op.api} (ExcelApi ${version}) is not available in this version of Excel (ExcelApi ${book.apiVersion}).`
            );
          const injected = book.failOn && book.failOn(op.api);
          if (injected) fail(injected, `Simulated failure of ${op.api}: ${injected}`);
          op.run();
        }
      } catch (error) {
        log.failed = error.code || "GeneralException";
        void book.flushEvents();
        if (error instanceof RichApiError) throw error;
        throw new RichApiError("GeneralException", String(error && error.message));
      } finally {
        this.loads = undefined;
      }
      log.responseBytes = loads.reduce((n, l) => n + l.bytes, 0);
      if (book.web && log.responseBytes > LIMIT_BYTES) {
        log.failed = "ResponsePayloadSizeLimitExceeded";
        throw new RichApiError(
          "ResponsePayloadSizeLimitExceeded",
          "The response payload size has exceeded the limit."
        );
      }
      for (const l of loads) l.commit();
      void book.calculate(); // Excel recalculates after a request, then delivers its events
    }
  }

  /** A proxy for one Office.js object: resolved when its first queued operation runs. */
  class ClientObject {
    constructor(ctx, className, resolve) {
      this.context = ctx;
      this._class = className;
      this._resolve = resolve;
      this._model = undefined;
      this._loaded = {};
    }
    _m() {
      if (this._model === undefined) this._model = this._resolve();
      return this._model;
    }
    _op(member, run, bytes) {
      this.context.enqueue(`${this._class}.${member}`, () => run(this._m()), bytes);
    }
    _get(name) {
      if (!(name in this._loaded))
        throw new RichApiError(
          "PropertyNotLoaded",
          `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
        );
      return this._loaded[name];
    }
    /** load("a, b") / load(["a"]) / load(): values are taken when the request runs. */
    load(props) {
      const spec = PROPS[this._class] || {};
      let names = (Array.isArray(props) ? props.join(",") : typeof props === "string" ? props : "")
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean);
      if (names.length === 0) names = Object.keys(spec).filter((k) => spec[k].get);
      const self = this;
      for (const name of names)
        if (!spec[name] || !spec[name].get)
          throw new Error(`double: ${this._class}.${name} cannot be loaded`);
      this.context.enqueue(`${this._class}.${names[0]}`, () => {
        const model = self._m();
        const values = {};
        let bytes = 0;
        for (const name of names) {
          const api = `${self._class}.${name}`;
          const version = API_VERSIONS[api];
          if (version && versionAbove(version, self.context.book.apiVersion))
            fail("ApiNotFound", `The API ${api} (ExcelApi ${version}) is not available.`);
          values[name] = spec[name].get(model, self.context.book);
          bytes += sizeOf(values[name]);
        }
        self.context.loads.push({ bytes, commit: () => Object.assign(self._loaded, values) });
      });
      return this;
    }
    /** Sets several properties (e.g. `font.set({ bold: true })`). */
    set(props) {
      for (const [k, v] of Object.entries(props)) this[k] = v;
    }
  }
  const sizeOf = (v) => {
    if (Array.isArray(v)) return v.reduce((n, x) => n + sizeOf(x), 0);
    return bytesOf(v);
  };

  /** Declared properties: `get(model, book)` for loads, `set(model, value, ctx)` for writes. */
  const PROPS = {};
  function define(Class, className, props) {
    PROPS[className] = props;
    for (const [name, spec] of Object.entries(props)) {
      Object.defineProperty(Class.prototype, name, {
        configurable: true,
        get() {
          return this._get(name);
        },
        set(value) {
          if (!spec.set) throw new Error(`double: ${className}.${name} is read-only`);
          const ctx = this.context;
          this._op(name, (m) => spec.set(m, value, ctx, this), spec.bytes ? spec.bytes(value) : 40);
        },
      });
    }
  }

  /** A null object's isNullObject, known after the next sync. */
  function nullable(proxy, api) {
    proxy.context.enqueue(api, () => {
      const isNull = proxy._m() === null;
      proxy.context.loads.push({ bytes: 4, commit: () => (proxy._loaded.isNullObject = isNull) });
    });
    Object.defineProperty(proxy, "isNullObject", { get: () => proxy._get("isNullObject") });
    return proxy;
  }
  const alive = (model, what) => {
    if (model === null) fail("ItemNotFound", `The requested ${what} does not exist.`);
    return model;
  };

  class EventHandlers {
    constructor(ctx, api, event) {
      this.ctx = ctx;
      this.api = api;
      this.event = typeof event === "function" ? event : () => event;
    }
    add(handler) {
      const book = this.ctx.book;
      const entry = { event: undefined, handler };
      this.ctx.enqueue(this.api, () => {
        entry.event = this.event();
        book.handlers.push(entry);
      });
      const ctx = this.ctx;
      const api = this.api;
      return {
        context: ctx,
        remove() {
          ctx.enqueue(api, () => {
            const i = book.handlers.indexOf(entry);
            if (i >= 0) book.handlers.splice(i, 1);
          });
        },
      };
    }
  }

  class ApplicationProxy extends ClientObject {
    constructor(ctx) {
      super(ctx, "Application", () => ctx.book);
    }
    suspendApiCalculationUntilNextSync() {
      this._op("suspendApiCalculationUntilNextSync", () => (this.context.log.suspendedCalc = true));
    }
    suspendScreenUpdatingUntilNextSync() {
      this._op(
        "suspendScreenUpdatingUntilNextSync",
        () => (this.context.log.suspendedScreen = true)
      );
    }
    calculate() {
      this._op("calculate", (book) => book.calculate());
    }
  }

  class WorkbookProxy extends ClientObject {
    constructor(ctx) {
      super(ctx, "Workbook", () => ctx.book);
      this.worksheets = new WorksheetCollection(ctx);
      this.tables = new TableCollection(ctx, () => ctx.book.tables, "workbook");
      this.settings = new SettingCollection(ctx);
    }
  }

  class WorksheetCollection extends ClientObject {
    constructor(ctx) {
      super(ctx, "WorksheetCollection", () => ctx.book);
      this.onAdded = new EventHandlers(ctx, "WorksheetCollection.onAdded", "worksheets.onAdded");
      this.onDeleted = new EventHandlers(
        ctx,
        "WorksheetCollection.onDeleted",
        "worksheets.onDeleted"
      );
      this.onChanged = new EventHandlers(
        ctx,
        "WorksheetCollection.onChanged",
        "worksheets.onChanged"
      );
      this.onCalculated = new EventHandlers(
        ctx,
        "WorksheetCollection.onCalculated",
        "worksheets.onCalculated"
      );
      this.onNameChanged = new EventHandlers(
        ctx,
        "WorksheetCollection.onNameChanged",
        "worksheets.onNameChanged"
      );
      this.onRowSorted = new EventHandlers(
        ctx,
        "WorksheetCollection.onRowSorted",
        "worksheets.onRowSorted"
      );
      this.onColumnSorted = new EventHandlers(
        ctx,
        "WorksheetCollection.onColumnSorted",
        "worksheets.onColumnSorted"
      );
    }
    load(props) {
      return loadItems(
        this,
        "Workbook.worksheets",
        props,
        "Worksheet",
        (book) => book.sheets,
        (ctx, s) => new Worksheet(ctx, () => s)
      );
    }
    get items() {
      return this._get("items");
    }
    getItem(key) {
      const ws = new Worksheet(this.context, () =>
        alive(this.context.book.sheet(key) ?? null, `worksheet ${key}`)
      );
      this.context.enqueue("WorksheetCollection.getItem", () => ws._m());
      return ws;
    }
    getItemOrNullObject(key) {
      return nullable(
        new Worksheet(this.context, () => this.context.book.sheet(key) ?? null),
        "WorksheetCollection.getItemOrNullObject"
      );
    }
    add(name) {
      const book = this.context.book;
      const ws = new Worksheet(this.context, () => {
        throw new Error("double: a sheet is created by its add() operation");
      });
      this.context.enqueue("WorksheetCollection.add", () => {
        const sheet = book.addSheet(name || `Blad${book.sheets.length + 1}`);
        ws._model = sheet;
        book.queueEvent("worksheets.onAdded", {
          type: "WorksheetAdded",
          worksheetId: sheet.id,
          source: "Local",
        });
      });
      return ws;
    }
  }

  /** load("items/name, items/id") on a collection: item proxies with those properties loaded. */
  function loadItems(collection, api, props, itemClass, models, make) {
    const names = (Array.isArray(props) ? props.join(",") : String(props || ""))
      .split(",")
      .map((p) => p.trim().replace(/^items\//, ""))
      .filter((p) => p && p !== "items");
    const spec = PROPS[itemClass];
    const wanted = names.length ? names : Object.keys(spec).filter((k) => spec[k].get);
    const ctx = collection.context;
    ctx.enqueue(api, () => {
      const list = models(ctx.book, collection._m());
      let bytes = 0;
      const items = list.map((model) => {
        const item = make(ctx, model);
        item._model = model;
        const values = {};
        for (const n of wanted) {
          if (!spec[n] || !spec[n].get)
            throw new Error(`double: ${itemClass}.${n} cannot be loaded`);
          values[n] = spec[n].get(model, ctx.book);
          bytes += sizeOf(values[n]);
        }
        Object.assign(item._loaded, values);
        return item;
      });
      ctx.loads.push({ bytes, commit: () => (collection._loaded.items = items) });
    });
    return collection;
  }

  class Worksheet extends ClientObject {
    constructor(ctx, resolve) {
      super(ctx, "Worksheet", resolve);
      const self = this;
      this.onChanged = new EventHandlers(
        ctx,
        "Worksheet.onChanged",
        () => `sheet:${self._m().id}.onChanged`
      );
      this.onCalculated = new EventHandlers(
        ctx,
        "Worksheet.onCalculated",
        () => `sheet:${self._m().id}.onCalculated`
      );
      this.onRowSorted = new EventHandlers(
        ctx,
        "Worksheet.onRowSorted",
        () => `sheet:${self._m().id}.onRowSorted`
      );
      this.tables = new TableCollection(
        ctx,
        () => ctx.book.tables.filter((t) => t.sheet === self._m()),
        "sheet",
        this
      );
      this.charts = new ChartCollection(ctx, this);
      this.names = new NamedItemCollection(ctx, this);
      this.freezePanes = new FreezePanes(ctx, this);
      this.pageLayout = new PageLayout(ctx, this);
      this.horizontalPageBreaks = new PageBreakCollection(ctx, this);
    }
    delete() {
      this._op("delete", (s) => this.context.book.deleteSheet(alive(s, "worksheet")));
    }
    activate() {
      this._op("activate", (s) => (this.context.book.active = alive(s, "worksheet").name));
    }
    getRange(address) {
      return new Range(
        this.context,
        () => ({
          sheet: alive(this._m(), "worksheet"),
          b: address ? parseAddress(address) : { r0: 0, c0: 0, r1: MAX_ROW, c1: MAX_COL },
        }),
        "Worksheet.getRange"
      );
    }
    getRangeByIndexes(r, c, rows, cols) {
      return new Range(
        this.context,
        () => ({
          sheet: alive(this._m(), "worksheet"),
          b: { r0: r, c0: c, r1: r + rows - 1, c1: c + cols - 1 },
        }),
        "Worksheet.getRangeByIndexes"
      );
    }
    /** The used range; on a blank sheet its top-left cell, A1 (as Office.js documents). */
    getUsedRange(valuesOnly) {
      void valuesOnly;
      return new Range(
        this.context,
        () => {
          const sheet = alive(this._m(), "worksheet");
          return { sheet, b: this.context.book.used(sheet) || { r0: 0, c0: 0, r1: 0, c1: 0 } };
        },
        "Worksheet.getUsedRange"
      );
    }
    getUsedRangeOrNullObject(valuesOnly) {
      void valuesOnly;
      return nullable(
        new Range(
          this.context,
          () => {
            const sheet = alive(this._m(), "worksheet");
            const u = this.context.book.used(sheet);
            return u ? { sheet, b: u } : null;
          },
          "Worksheet.getUsedRangeOrNullObject"
        ),
        "Worksheet.getUsedRangeOrNullObject"
      );
    }
  }
  define(Worksheet, "Worksheet", {
    name: {
      get: (s) => s.name,
      set: (s, v, ctx) => {
        if (ctx.book.sheets.some((o) => o !== s && fold(o.name) === fold(v)))
          fail("ItemAlreadyExists", `A sheet named ${v} already exists.`);
        s.name = v;
      },
    },
    id: { get: (s) => s.id },
    position: {
      get: (s, book) => book.sheets.indexOf(s),
      set: (s, p, ctx) => {
        const list = ctx.book.sheets;
        list.splice(list.indexOf(s), 1);
        list.splice(Math.min(p, list.length), 0, s);
      },
    },
    visibility: { get: (s) => s.visibility, set: (s, v) => (s.visibility = v) },
    showGridlines: { get: (s) => s.showGridlines, set: (s, v) => (s.showGridlines = v) },
  });

  class FreezePanes extends ClientObject {
    constructor(ctx, ws) {
      super(ctx, "WorksheetFreezePanes", () => ws._m());
    }
    freezeRows(n) {
      this._op("freezeRows", (s) => (s.frozenRows = n));
    }
    unfreeze() {
      this._op("unfreeze", (s) => (s.frozenRows = 0));
    }
  }
  class PageLayout extends ClientObject {
    constructor(ctx, ws) {
      super(ctx, "PageLayout", () => ws._m());
      const self = this;
      const footers = {
        set(props) {
          ctx.enqueue("PageLayout.headersFooters", () => {
            self._m().pageLayout.headersFooters = { ...props };
          });
        },
      };
      this.headersFooters = { defaultForAllPages: footers };
    }
    /** PageLayout.set({...}): several page-layout properties at once. */
    set(props) {
      this.context.enqueue("Worksheet.pageLayout", () =>
        Object.assign(this._m().pageLayout, props)
      );
    }
    setPrintTitleRows(rows) {
      this._op("setPrintTitleRows", (s) => (s.pageLayout.printTitleRows = rows));
    }
  }
  /** Worksheet.horizontalPageBreaks: the rows that start a new printed page. */
  class PageBreakCollection extends ClientObject {
    constructor(ctx, ws) {
      super(ctx, "PageBreakCollection", () => alive(ws._m(), "worksheet"));
    }
    add(address) {
      this._op("add", (s) => (s.pageBreaks = [...(s.pageBreaks || []), address]));
    }
    removePageBreaks() {
      this._op("removePageBreaks", (s) => (s.pageBreaks = []));
    }
  }
  // Page layout properties belong to Worksheet.pageLayout's set (1.9).
  for (const k of [
    "orientation",
    "zoom",
    "printGridlines",
    "centerHorizontally",
    "leftMargin",
    "rightMargin",
    "topMargin",
    "bottomMargin",
  ])
    Object.defineProperty(PageLayout.prototype, k, {
      set(v) {
        this.context.enqueue("Worksheet.pageLayout", () => (this._m().pageLayout[k] = v));
      },
      get() {
        return this._get(k);
      },
    });

  class NamedItemCollection extends ClientObject {
    constructor(ctx, ws) {
      super(ctx, "NamedItemCollection", () => alive(ws._m(), "worksheet"));
    }
    add(name, reference, comment) {
      const item = new NamedItem(this.context, () => {
        throw new Error("double: created by add()");
      });
      this._op("add", (s) => {
        if (s.names.has(fold(name))) fail("ItemAlreadyExists", `The name ${name} already exists.`);
        const value =
          typeof reference === "string" && /^="(.*)"$/.test(reference)
            ? /^="(.*)"$/.exec(reference)[1]
            : reference;
        const model = { name, formula: reference, value, comment };
        s.names.set(fold(name), model);
        item._model = model;
      });
      return item;
    }
    getItemOrNullObject(name) {
      const sheetOf = () => this._m();
      return nullable(
        new NamedItem(this.context, () => sheetOf().names.get(fold(name)) ?? null),
        "NamedItemCollection.getItemOrNullObject"
      );
    }
  }
  class NamedItem extends ClientObject {
    constructor(ctx, resolve) {
      super(ctx, "NamedItem", resolve);
    }
  }
  define(NamedItem, "NamedItem", {
    value: { get: (n) => n?.value },
    name: { get: (n) => n?.name },
  });
  API_VERSIONS["NamedItem.name"] = "1.1";

  class SettingCollection extends ClientObject {
    constructor(ctx) {
      super(ctx, "SettingCollection", () => ctx.book);
    }
    add(key, value) {
      this._op("add", (book) => book.settings.set(key, value), bytesOf(JSON.stringify(value)));
    }
    getItemOrNullObject(key) {
      return nullable(
        new Setting(this.context, () => (this.context.book.settings.has(key) ? { key } : null)),
        "SettingCollection.getItemOrNullObject"
      );
    }
  }
  class Setting extends ClientObject {
    constructor(ctx, resolve) {
      super(ctx, "Setting", resolve);
    }
  }
  define(Setting, "Setting", {
    value: { get: (m, book) => (m ? book.settings.get(m.key) : undefined) },
  });

  class TableCollection extends ClientObject {
    constructor(ctx, models, scope, ws) {
      super(ctx, "TableCollection", () => ctx.book);
      this._models = models;
      this._ws = ws;
      if (scope === "workbook") {
        this.onChanged = new EventHandlers(ctx, "TableCollection.onChanged", "tables.onChanged");
        this.onAdded = new EventHandlers(ctx, "TableCollection.onAdded", "tables.onAdded");
        this.onDeleted = new EventHandlers(ctx, "TableCollection.onDeleted", "tables.onDeleted");
      }
    }
    load(props) {
      return loadItems(
        this,
        "Workbook.tables",
        props,
        "Table",
        () => this._models(),
        (ctx, t) => new Table(ctx, () => t)
      );
    }
    get items() {
      return this._get("items");
    }
    getItem(key) {
      const t = new Table(this.context, () =>
        alive(
          this._models().find((m) => m.id === key || fold(m.name) === fold(key)) ?? null,
          `table ${key}`
        )
      );
      this.context.enqueue("TableCollection.getItem", () => t._m());
      return t;
    }
    add(address, hasHeaders) {
      const ctx = this.context;
      const t = new Table(ctx, () => {
        throw new Error("double: created by add()");
      });
      this._op("add", (book) => {
        if (!hasHeaders) throw new Error("double: tables need headers");
        const sheet = this._ws
          ? this._ws._m()
          : book.sheet(String(address).split("!")[0].replace(/'/g, ""));
        const b = parseAddress(address);
        if (
          book.tables.some(
            (o) => o.sheet === sheet && !(b.r1 < o.r0 || b.r0 > o.r1 || b.c1 < o.c0 || b.c0 > o.c1)
          )
        )
          fail("InvalidOperation", "A table cannot overlap another table.");
        const model = { id: book.newId("table"), name: `Tabell${book.nextId}`, sheet, ...b };
        book.tables.push(model);
        t._model = model;
        book.queueEvent("tables.onAdded", {
          type: "TableAdded",
          tableId: model.id,
          source: "Local",
        });
      });
      return t;
    }
  }

  class Table extends ClientObject {
    constructor(ctx, resolve) {
      super(ctx, "Table", resolve);
      const self = this;
      this.worksheet = new Worksheet(ctx, () => self._m().sheet);
      this.onChanged = new EventHandlers(
        ctx,
        "Table.onChanged",
        () => `table:${self._m().id}.onChanged`
      );
      this.rows = {
        add: (index, values) => {
          self.context.enqueue(
            "TableRowCollection.add",
            () => {
              const model = self._m();
              if (index !== undefined && index !== null)
                throw new Error("double: rows.add only appends");
              if (values.some((r) => r.length !== model.c1 - model.c0 + 1))
                fail(
                  "InvalidArgument",
                  `The rows for ${model.name} have the wrong number of columns.`
                );
              const book = self.context.book;
              // An empty table's one blank row is filled first.
              const empty =
                model.r1 === model.r0 + 1 &&
                book
                  .values(model.sheet, {
                    r0: model.r1,
                    c0: model.c0,
                    r1: model.r1,
                    c1: model.c1,
                  })[0]
                  .every((v) => v === "");
              const first = empty ? model.r1 : model.r1 + 1;
              values.forEach((row, i) =>
                row.forEach((v, j) => book.enter(model.sheet, first + i, model.c0 + j, v))
              );
              model.r1 = first + values.length - 1;
              const rows = { r0: first, c0: model.c0, r1: model.r1, c1: model.c1 };
              book.changed(model.sheet, rows, "Local", "RowInserted");
            },
            sizeOf(values)
          );
        },
      };
      this.columns = {
        /**
         * add(index, values, name), appending only (index -1, null or left out: ExcelApi 1.4).
         * `values` is the whole column, header first; `name` (1.4) is the header, else
         * values[0][0], else Excel's default `Kolumn<n>`; a header the table already has gets a
         * number (`Start2`). Cells right of the table in its rows are not overwritten: like
         * Excel's Insert Table Column, they move one column right (failing if that would move
         * part of another table) — what Office.js does not document, and an add-in must not rely on.
         */
        add: (index, values, name) => {
          self.context.enqueue(
            "TableColumnCollection.add",
            () => {
              const model = self._m();
              if (index !== undefined && index !== null && index !== -1)
                throw new Error("double: columns.add only appends");
              const book = self.context.book;
              const sheet = model.sheet;
              const height = model.r1 - model.r0 + 1;
              if (values !== undefined && values !== null) {
                if (!Array.isArray(values) || values.length !== height)
                  fail(
                    "InvalidArgument",
                    `The column for ${model.name} must have ${height} rows, header included.`
                  );
              }
              const at = model.c1 + 1;
              if (at > MAX_COL) fail("InvalidArgument", "The table is at the sheet's last column.");
              const moved = [];
              for (const [key, cell] of sheet.cells) {
                const [r, c] = key.split(",").map(Number);
                if (
                  r >= model.r0 &&
                  r <= model.r1 &&
                  c >= at &&
                  (cell.value !== "" || cell.formula)
                )
                  moved.push([r, c]);
              }
              if (moved.length) {
                if (
                  book.tables.some(
                    (o) =>
                      o !== model &&
                      o.sheet === sheet &&
                      o.c1 >= at &&
                      o.r1 >= model.r0 &&
                      o.r0 <= model.r1
                  )
                )
                  fail(
                    "InsertDeleteConflict",
                    "This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet."
                  );
                const rows = new Set(moved.map(([r]) => r));
                const shift = [...sheet.cells.keys()]
                  .map((key) => key.split(",").map(Number))
                  .filter(([r, c]) => rows.has(r) && c >= at)
                  .sort((a, b) => b[1] - a[1]);
                for (const [r, c] of shift) {
                  sheet.cells.set(`${r},${c + 1}`, sheet.cells.get(`${r},${c}`));
                  sheet.cells.delete(`${r},${c}`);
                }
              }
              const headers = book
                .values(sheet, { r0: model.r0, c0: model.c0, r1: model.r0, c1: model.c1 })[0]
                .map((h) => fold(h));
              let header = name ?? (values ? values[0][0] : undefined);
              if (header === undefined || header === null || header === "")
                header = `Kolumn${model.c1 - model.c0 + 2}`;
              const base = String(header);
              for (let n = 2; headers.includes(fold(header)); n++) header = `${base}${n}`;
              model.c1 = at;
              book.enter(sheet, model.r0, at, header);
              for (let r = model.r0 + 1; r <= model.r1; r++) {
                const v = values ? values[r - model.r0][0] : "";
                book.enter(sheet, r, at, v === null ? "" : v);
              }
              book.changed(
                sheet,
                { r0: model.r0, c0: at, r1: model.r1, c1: at },
                "Local",
                "ColumnInserted"
              );
            },
            values ? sizeOf(values) : 40
          );
          return {};
        },
        getItemAt: (i) => ({
          getDataBodyRange: () =>
            new Range(
              ctx,
              () => {
                const m = self._m();
                return {
                  sheet: m.sheet,
                  b: { r0: m.r0 + 1, c0: m.c0 + i, r1: m.r1, c1: m.c0 + i },
                };
              },
              "TableColumn.getDataBodyRange"
            ),
        }),
      };
    }
    getHeaderRowRange() {
      return new Range(
        this.context,
        () => {
          const m = this._m();
          return { sheet: m.sheet, b: { r0: m.r0, c0: m.c0, r1: m.r0, c1: m.c1 } };
        },
        "Table.getHeaderRowRange"
      );
    }
    getDataBodyRange() {
      return new Range(
        this.context,
        () => {
          const m = this._m();
          return { sheet: m.sheet, b: { r0: m.r0 + 1, c0: m.c0, r1: m.r1, c1: m.c1 } };
        },
        "Table.getDataBodyRange"
      );
    }
    getRange() {
      return new Range(
        this.context,
        () => {
          const m = this._m();
          return { sheet: m.sheet, b: { r0: m.r0, c0: m.c0, r1: m.r1, c1: m.c1 } };
        },
        "Table.getRange"
      );
    }
    delete() {
      this._op("delete", (m) => {
        const book = this.context.book;
        book.tables = book.tables.filter((t) => t !== m);
        book.queueEvent("tables.onDeleted", {
          type: "TableDeleted",
          tableId: m.id,
          tableName: m.name,
          source: "Local",
        });
      });
    }
  }
  define(Table, "Table", {
    name: {
      get: (t) => t.name,
      set: (t, v, ctx) => {
        if (ctx.book.tables.some((o) => o !== t && fold(o.name) === fold(v)))
          fail("InvalidArgument", `A table named ${v} already exists.`);
        t.name = v;
      },
    },
    id: { get: (t) => t.id },
    style: { get: (t) => t.style, set: (t, v) => (t.style = v) },
  });

  class ChartCollection extends ClientObject {
    constructor(ctx, ws) {
      super(ctx, "ChartCollection", () => alive(ws._m(), "worksheet"));
    }
    load(props) {
      return loadItems(
        this,
        "Worksheet.charts",
        props,
        "Chart",
        (book, sheet) => sheet.charts,
        (ctx, c) => new Chart(ctx, () => c)
      );
    }
    get items() {
      return this._get("items");
    }
    getItem(name) {
      return new Chart(this.context, () =>
        alive(this._m().charts.find((c) => c.name === name) ?? null, `chart ${name}`)
      );
    }
    add(type, source, seriesBy) {
      const chart = new Chart(this.context, () => {
        throw new Error("double: created by add()");
      });
      this._op("add", (sheet) => {
        const src = source._m();
        const model = {
          name: `Diagram ${sheet.charts.length + 1}`,
          type,
          seriesBy,
          source: addressOf(src.b),
          title: {},
          sheet,
        };
        sheet.charts.push(model);
        chart._model = model;
      });
      return chart;
    }
  }
  class Chart extends ClientObject {
    constructor(ctx, resolve) {
      super(ctx, "Chart", resolve);
      const self = this;
      this.title = {};
      Object.defineProperty(this.title, "text", {
        set: (v) => {
          ctx.enqueue("ChartCollection.add", () => (self._m().title.text = v));
        },
      });
    }
    setPosition(start, end) {
      this._op("setPosition", (c) => (c.position = end ? `${start}:${end}` : start));
    }
    delete() {
      this._op("delete", (c) => c.sheet.charts.splice(c.sheet.charts.indexOf(c), 1));
    }
  }
  define(Chart, "Chart", { name: { get: (c) => c.name } });
  API_VERSIONS["Chart.name"] = "1.1";

  class Range extends ClientObject {
    constructor(ctx, resolve, api) {
      super(ctx, "Range", resolve);
      this.context.enqueue(api, () => this._m());
      const self = this;
      const style = (key) => (value) =>
        ctx.enqueue(
          `RangeFormat.${key}` in API_VERSIONS ? `RangeFormat.${key}` : "Range.format",
          () => {
            const { sheet, b } = self._m();
            if (b.r1 === MAX_ROW)
              for (let c = b.c0; c <= b.c1; c++)
                sheet.columns.set(c, Object.assign(sheet.columns.get(c) || {}, { [key]: value }));
            else
              for (let r = b.r0; r <= b.r1; r++)
                for (let c = b.c0; c <= b.c1; c++) ctx.book.cell(sheet, r, c).style[key] = value;
          }
        );
      const font = {};
      for (const k of ["bold", "italic", "size", "color", "name"])
        Object.defineProperty(font, k, { set: style(`font.${k}`) });
      font.set = (props) => Object.entries(props).forEach(([k, v]) => style(`font.${k}`)(v));
      const fill = {};
      Object.defineProperty(fill, "color", { set: style("fill") });
      const format = {
        font,
        fill,
        borders: {
          getItem: (edge) => {
            const border = {};
            Object.defineProperty(border, "style", { set: style(`border.${edge}`) });
            return border;
          },
        },
      };
      for (const k of [
        "columnWidth",
        "rowHeight",
        "wrapText",
        "horizontalAlignment",
        "verticalAlignment",
        "indentLevel",
      ])
        Object.defineProperty(format, k, { set: style(k) });
      this.format = format;
      const validation = {};
      this.dataValidation = {
        set rule(rule) {
          ctx.enqueue("DataValidation.rule", () => {
            const { sheet, b } = self._m();
            validation.range = addressOf(b);
            validation.rule = rule;
            sheet.validations.push(validation);
          });
        },
        set errorAlert(alert) {
          ctx.enqueue("DataValidation.errorAlert", () => (validation.errorAlert = alert));
        },
        clear() {
          ctx.enqueue("DataValidation.clear", () => {
            const { sheet } = self._m();
            sheet.validations = [];
          });
        },
      };
    }
    select() {
      this._op(
        "select",
        ({ sheet, b }) =>
          (this.context.book.selection = { sheet: sheet.name, address: addressOf(b) })
      );
    }
    /** clear(): contents and formats (and, on the whole sheet, its tables' contents). */
    clear(applyTo = "All") {
      this._op("clear", ({ sheet, b }) => {
        for (const [key, cell] of [...sheet.cells]) {
          const [r, c] = key.split(",").map(Number);
          if (r < b.r0 || r > b.r1 || c < b.c0 || c > b.c1) continue;
          if (applyTo === "All") sheet.cells.delete(key);
          else if (applyTo === "Contents") {
            cell.value = "";
            delete cell.formula;
            delete cell.compute;
          } else if (applyTo === "Formats") {
            cell.format = "General";
            cell.style = {};
          }
        }
        if (applyTo === "All" && b.r1 === MAX_ROW) sheet.columns.clear();
      });
    }
    getOffsetRange(dr, dc) {
      return new Range(
        this.context,
        () => {
          const { sheet, b } = this._m();
          return { sheet, b: { r0: b.r0 + dr, c0: b.c0 + dc, r1: b.r1 + dr, c1: b.c1 + dc } };
        },
        "Range.getOffsetRange"
      );
    }
    /** Row `index` (0-based) of the range. */
    getRow(index) {
      return new Range(
        this.context,
        () => {
          const { sheet, b } = this._m();
          if (index < 0 || b.r0 + index > MAX_ROW)
            fail("InvalidArgument", `The row index ${index} is outside the sheet.`);
          return { sheet, b: { r0: b.r0 + index, c0: b.c0, r1: b.r0 + index, c1: b.c1 } };
        },
        "Range.getRow"
      );
    }
    /** `count` columns right of the range, over its rows (ExcelApi 1.2). */
    getColumnsAfter(count = 1) {
      return new Range(
        this.context,
        () => {
          const { sheet, b } = this._m();
          if (count < 1 || b.c1 + count > MAX_COL)
            fail("InvalidArgument", "The columns after the range would be outside the sheet.");
          return { sheet, b: { r0: b.r0, c0: b.c1 + 1, r1: b.r1, c1: b.c1 + count } };
        },
        "Range.getColumnsAfter"
      );
    }
    /** The range with its bottom-right corner moved by rows and columns (not past the sheet). */
    getResizedRange(deltaRows, deltaColumns) {
      return new Range(
        this.context,
        () => {
          const { sheet, b } = this._m();
          const r1 = b.r1 + deltaRows;
          const c1 = b.c1 + deltaColumns;
          if (r1 < b.r0 || c1 < b.c0 || r1 > MAX_ROW || c1 > MAX_COL)
            fail("InvalidArgument", "The resized range would be outside the sheet.");
          return { sheet, b: { r0: b.r0, c0: b.c0, r1, c1 } };
        },
        "Range.getResizedRange"
      );
    }
  }
  function checkSize(b, v, what) {
    if (b.r1 === MAX_ROW || b.c1 === MAX_COL)
      throw new Error(`double: ${what} on whole rows or columns is not supported`);
    if (
      !Array.isArray(v) ||
      v.length !== b.r1 - b.r0 + 1 ||
      v.some((row) => !Array.isArray(row) || row.length !== b.c1 - b.c0 + 1)
    )
      fail(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${addressOf(b)}).`
      );
  }
  define(Range, "Range", {
    values: {
      get: ({ sheet, b }, book) => book.values(sheet, b),
      set: ({ sheet, b }, v, ctx) => {
        checkSize(b, v, "values");
        const book = ctx.book;
        v.forEach((row, i) =>
          row.forEach((value, j) => {
            // null leaves a cell as it is, as in Office.js
            if (value !== null) book.enter(sheet, b.r0 + i, b.c0 + j, value);
          })
        );
        ctx.log.writes += cellsIn(b);
        // Auto-expansion: values written in the row just below a table become its rows.
        for (const t of book.tables)
          if (t.sheet === sheet && b.r0 === t.r1 + 1 && b.c0 === t.c0 && b.c1 === t.c1) t.r1 = b.r1;
        book.changed(sheet, b); // an add-in's write raises the same events as a user's
      },
      bytes: (v) => sizeOf(v),
    },
    numberFormat: {
      get: ({ sheet, b }, book) => {
        const out = [];
        for (let r = b.r0; r <= b.r1; r++) {
          const row = [];
          for (let c = b.c0; c <= b.c1; c++) row.push(book.peek(sheet, r, c)?.format ?? "General");
          out.push(row);
        }
        return out;
      },
      set: ({ sheet, b }, v, ctx) => {
        checkSize(b, v, "numberFormat");
        v.forEach((row, i) =>
          row.forEach((f, j) => f !== null && (ctx.book.cell(sheet, b.r0 + i, b.c0 + j).format = f))
        );
      },
      bytes: (v) => sizeOf(v),
    },
    formulas: {
      get: ({ sheet, b }, book) =>
        book
          .values(sheet, b)
          .map((row, i) => row.map((v, j) => book.peek(sheet, b.r0 + i, b.c0 + j)?.formula ?? v)),
      set: ({ sheet, b }, v, ctx) => {
        checkSize(b, v, "formulas");
        v.forEach((row, i) => row.forEach((f, j) => ctx.book.enter(sheet, b.r0 + i, b.c0 + j, f)));
      },
      bytes: (v) => sizeOf(v),
    },
    valueTypes: {
      get: ({ sheet, b }, book) =>
        book
          .values(sheet, b)
          .map((row) =>
            row.map((v) =>
              v === ""
                ? "Empty"
                : typeof v === "number"
                  ? "Double"
                  : typeof v === "boolean"
                    ? "Boolean"
                    : ERRORS.includes(v)
                      ? "Error"
                      : "String"
            )
          ),
    },
    rowIndex: { get: ({ b }) => b.r0 },
    columnIndex: { get: ({ b }) => b.c0 },
    rowCount: { get: ({ b }) => b.r1 - b.r0 + 1 },
    columnCount: { get: ({ b }) => b.c1 - b.c0 + 1 },
    address: { get: ({ sheet, b }) => `${quoteSheet(sheet.name)}!${addressOf(b)}` },
  });

  // ------------------------------------------------------------------------------------------
  // Globals

  const enums = {
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
    PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
    ChartType: { columnClustered: "ColumnClustered", line: "Line" },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
    EventSource: { local: "Local", remote: "Remote" },
    ErrorCodes: {
      apiNotFound: "ApiNotFound",
      generalException: "GeneralException",
      invalidArgument: "InvalidArgument",
      invalidOperation: "InvalidOperation",
      invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
      itemAlreadyExists: "ItemAlreadyExists",
      itemNotFound: "ItemNotFound",
      responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
    },
  };

  /**
   * A fresh workbook, the `Excel` global that works on it, and an `Office` global whose
   * requirement check follows the double's ExcelApi version.
   */
  function createExcelDouble(options = {}) {
    const book = new Book(options);
    const Excel = Object.assign(
      {
        /** Excel.run(batch), Excel.run(options, batch), Excel.run(context, batch). */
        run: async (a, b) => {
          const batch = typeof a === "function" ? a : b;
          const ctx =
            a instanceof Context ? a : new Context(book, typeof a === "function" ? {} : a);
          const result = await batch(ctx);
          if (ctx.queue.length) await ctx.sync(); // Excel.run syncs what is left
          return result;
        },
        RequestContext: Context,
      },
      enums
    );
    const Office = {
      context: {
        requirements: {
          isSetSupported: (name, version) =>
            name === "ExcelApi" ? !versionAbove(version || "1.1", book.apiVersion) : false,
        },
        displayLanguage: options.displayLanguage || "sv-SE",
      },
      onReady: (callback) =>
        Promise.resolve({ host: "Excel", platform: "OfficeOnline" }).then(
          (info) => (callback?.(info), info)
        ),
    };
    return { book, Excel, Office };
  }

  return { createExcelDouble, API_VERSIONS, RichApiError, parseAddress, serialOf };
});
