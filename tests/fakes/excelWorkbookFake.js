/*
 * An Excel test double for Balans' Office.js code, in plain JavaScript so the same file serves
 * Jest (require) and the real-browser test (a <script> that defines window.ExcelWorkbookFake).
 *
 * It models the part of the Excel object model Balans uses, with Office.js' rules where they
 * catch bugs: a loaded property can be read only after load() and sync(); a write must match
 * its range's size; text that starts with "=" is entered as a formula and text that starts with
 * an apostrophe is stored without it, as Excel does; names of sheets and tables are unique
 * regardless of case. Every sync is logged with the bytes it carried and whether calculation
 * and screen updating were suspended.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.ExcelWorkbookFake = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  const fold = (s) => String(s).toLowerCase();

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
  /** "B2:D5", "A1", "B:B" → {r0, c0, r1, c1} (0-based, inclusive; whole columns → r1 = -1). */
  function parseAddress(address) {
    const a = address.replace(/\$/g, "").replace(/^.*!/, "");
    let m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a);
    if (m)
      return {
        r0: +m[2] - 1,
        c0: colIndex(m[1]),
        r1: +(m[4] || m[2]) - 1,
        c1: colIndex(m[3] || m[1]),
      };
    m = /^([A-Z]+):([A-Z]+)$/i.exec(a);
    if (m) return { r0: 0, c0: colIndex(m[1]), r1: -1, c1: colIndex(m[2]) };
    throw new Error(`InvalidArgument: address ${address}`);
  }
  const addressOf = (b) => `${letters(b.c0)}${b.r0 + 1}:${letters(b.c1)}${b.r1 + 1}`;

  class Book {
    constructor() {
      this.sheets = [];
      this.tables = [];
      this.settings = new Map();
      this.syncCount = 0;
      this.syncLog = [];
      this.formulaWrites = [];
      this.selection = null;
      this.nextId = 1;
      this.batch = {
        bytes: 0,
        responseBytes: 0,
        writes: 0,
        suspendedCalc: false,
        suspendedScreen: false,
      };
      this.loaders = [];
      this.events = {};
      this.addSheet("Blad1");
    }
    addSheet(name) {
      if (this.sheet(name)) throw new Error(`ItemAlreadyExists: a sheet named ${name}`);
      const sheet = {
        id: `{sheet-${this.nextId++}}`,
        name,
        visibility: "Visible",
        cells: new Map(),
        columns: new Map(),
        rows: new Map(),
        charts: [],
        validations: [],
        frozenRows: 0,
        pageLayout: {},
        showGridlines: true,
      };
      this.sheets.push(sheet);
      return sheet;
    }
    sheet(name) {
      return this.sheets.find((s) => fold(s.name) === fold(name));
    }
    table(name) {
      return this.tables.find((t) => fold(t.name) === fold(name));
    }
    cell(sheet, r, c) {
      const key = `${r},${c}`;
      let cell = sheet.cells.get(key);
      if (!cell) sheet.cells.set(key, (cell = { value: "", format: "General", style: {} }));
      return cell;
    }
    /** What Excel stores when a value is entered into a cell. */
    enter(sheet, r, c, value, counted = true) {
      const cell = this.cell(sheet, r, c);
      if (typeof value === "string" && value.startsWith("=")) {
        this.formulaWrites.push({
          sheet: sheet.name,
          address: `${letters(c)}${r + 1}`,
          formula: value,
        });
        cell.formula = value;
        cell.value = "#FORMULA";
      } else if (typeof value === "string" && value.startsWith("'")) {
        cell.value = value.slice(1);
      } else if (
        typeof value === "string" &&
        cell.format !== "@" &&
        /^-?\d+([.,]\d+)?$/.test(value.trim())
      ) {
        cell.value = Number(value.replace(",", "."));
      } else {
        cell.value = value;
      }
      delete cell.formula;
      if (!counted) return;
      this.batch.bytes += typeof value === "string" ? value.length * 2 + 4 : 12;
      this.batch.writes++;
    }
    used(sheet) {
      let r0 = Infinity,
        c0 = Infinity,
        r1 = -1,
        c1 = -1;
      for (const [key, cell] of sheet.cells) {
        if (cell.value === "" || cell.value === null || cell.value === undefined) continue;
        const [r, c] = key.split(",").map(Number);
        r0 = Math.min(r0, r);
        c0 = Math.min(c0, c);
        r1 = Math.max(r1, r);
        c1 = Math.max(c1, c);
      }
      return r1 < 0 ? null : { r0, c0, r1, c1 };
    }
    /** The values of a block of a sheet, as Excel returns them. */
    values(sheet, b) {
      const out = [];
      for (let r = b.r0; r <= b.r1; r++) {
        const row = [];
        for (let c = b.c0; c <= b.c1; c++) row.push(sheet.cells.get(`${r},${c}`)?.value ?? "");
        out.push(row);
      }
      return out;
    }
    /** For tests: what a sheet shows, as a 2D array of its used range. */
    grid(name) {
      const sheet = this.sheet(name);
      const u = sheet && this.used(sheet);
      return u ? this.values(sheet, { r0: 0, c0: 0, r1: u.r1, c1: u.c1 }) : [];
    }
    /** For tests: a user adds a table of their own. */
    addUserTable(sheetName, name, headers, rows, at = { r: 0, c: 0 }) {
      const sheet = this.sheet(sheetName) || this.addSheet(sheetName);
      [headers, ...rows].forEach((row, i) =>
        row.forEach((v, j) => this.enter(sheet, at.r + i, at.c + j, v, false))
      );
      this.tables.push({
        name,
        sheet,
        r0: at.r,
        c0: at.c,
        r1: at.r + rows.length,
        c1: at.c + headers.length - 1,
      });
    }
    /** For tests: a user types a value into a cell. */
    type(sheetName, address, value) {
      const b = parseAddress(address);
      this.enter(this.sheet(sheetName), b.r0, b.c0, value, false);
    }
  }

  /** A proxy's loaded properties: readable only once a sync has happened after load(). */
  function loadable(book, target, read) {
    const loaded = {};
    target.load = function (props) {
      const names = (Array.isArray(props) ? props.join(",") : String(props || ""))
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean);
      book.loaders.push(() => {
        for (const name of names) loaded[name] = read(name);
      });
      return target;
    };
    target._loaded = loaded;
    return (name) => {
      if (!(name in loaded))
        throw new Error(`PropertyNotLoaded: ${name} was not loaded and synced before it was read`);
      return loaded[name];
    };
  }

  function rangeProxy(book, sheet, b) {
    const range = {};
    const get = loadable(book, range, (name) => {
      if (name === "values") {
        const values = book.values(sheet, b);
        for (const row of values)
          for (const v of row)
            book.batch.responseBytes += typeof v === "string" ? v.length * 2 + 4 : 12;
        return values;
      }
      if (name === "rowIndex") return b.r0;
      if (name === "columnIndex") return b.c0;
      if (name === "rowCount") return b.r1 - b.r0 + 1;
      if (name === "columnCount") return b.c1 - b.c0 + 1;
      if (name === "address") return `${sheet.name}!${addressOf(b)}`;
      throw new Error(`fake: cannot load ${name}`);
    });
    const size = (v) => {
      if (b.r1 < 0) throw new Error("fake: writing values to whole columns is not supported");
      if (
        !Array.isArray(v) ||
        v.length !== b.r1 - b.r0 + 1 ||
        v.some((row) => !Array.isArray(row) || row.length !== b.c1 - b.c0 + 1)
      ) {
        throw new Error(
          `InvalidArgument: ${v.length}×${v[0] && v[0].length} values for ${addressOf(b)}`
        );
      }
    };
    Object.defineProperty(range, "values", {
      get: () => get("values"),
      set: (v) => {
        size(v);
        v.forEach((row, i) =>
          row.forEach((value, j) => book.enter(sheet, b.r0 + i, b.c0 + j, value))
        );
      },
    });
    Object.defineProperty(range, "rowIndex", { get: () => get("rowIndex") });
    Object.defineProperty(range, "columnIndex", { get: () => get("columnIndex") });
    Object.defineProperty(range, "rowCount", { get: () => get("rowCount") });
    Object.defineProperty(range, "columnCount", { get: () => get("columnCount") });
    Object.defineProperty(range, "numberFormat", {
      set: (v) => {
        size(v);
        v.forEach((row, i) =>
          row.forEach((f, j) => (book.cell(sheet, b.r0 + i, b.c0 + j).format = f))
        );
        book.batch.bytes += v.length * v[0].length * 10;
      },
    });
    const style = (key) => (value) => {
      if (b.r1 < 0)
        for (let c = b.c0; c <= b.c1; c++)
          sheet.columns.set(c, Object.assign(sheet.columns.get(c) || {}, { [key]: value }));
      else
        for (let r = b.r0; r <= b.r1; r++)
          for (let c = b.c0; c <= b.c1; c++) book.cell(sheet, r, c).style[key] = value;
    };
    const font = {};
    for (const k of ["bold", "italic", "size", "color"])
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
    range.format = format;
    const validation = { range: addressOf(b) };
    range.dataValidation = {
      set rule(rule) {
        validation.rule = rule;
        sheet.validations.push(validation);
      },
      set errorAlert(alert) {
        validation.errorAlert = alert;
      },
    };
    range._address = b.r1 < 0 ? `${letters(b.c0)}:${letters(b.c1)}` : addressOf(b);
    range.select = () => (book.selection = { sheet: sheet.name, address: addressOf(b) });
    range.getOffsetRange = (dr, dc) =>
      rangeProxy(book, sheet, { r0: b.r0 + dr, c0: b.c0 + dc, r1: b.r1 + dr, c1: b.c1 + dc });
    return range;
  }

  function tableProxy(book, model) {
    const table = {};
    const get = loadable(book, table, (name) => {
      if (name === "name") return model.name;
      throw new Error(`fake: cannot load table ${name}`);
    });
    Object.defineProperty(table, "name", {
      get: () => get("name"),
      set: (v) => {
        if (book.tables.some((t) => t !== model && fold(t.name) === fold(v)))
          throw new Error(`InvalidArgument: a table named ${v} exists`);
        model.name = v;
      },
    });
    Object.defineProperty(table, "style", {
      set: (v) => {
        model.style = v;
      },
    });
    table.getHeaderRowRange = () =>
      rangeProxy(book, model.sheet, { r0: model.r0, c0: model.c0, r1: model.r0, c1: model.c1 });
    table.getDataBodyRange = () =>
      rangeProxy(book, model.sheet, { r0: model.r0 + 1, c0: model.c0, r1: model.r1, c1: model.c1 });
    table.worksheet = sheetProxy(book, model.sheet);
    table.rows = {
      add: (index, values) => {
        if (index !== undefined && index !== null) throw new Error("fake: rows.add only appends");
        if (values.some((r) => r.length !== model.c1 - model.c0 + 1))
          throw new Error(`InvalidArgument: rows for ${model.name} have the wrong width`);
        values.forEach((row, i) =>
          row.forEach((v, j) => book.enter(model.sheet, model.r1 + 1 + i, model.c0 + j, v))
        );
        model.r1 += values.length;
      },
    };
    table.columns = {
      getItemAt: (i) => ({
        getDataBodyRange: () =>
          rangeProxy(book, model.sheet, {
            r0: model.r0 + 1,
            c0: model.c0 + i,
            r1: model.r1,
            c1: model.c0 + i,
          }),
      }),
    };
    return table;
  }

  function sheetProxy(book, sheet, opts = {}) {
    const ws = {};
    const get = loadable(book, ws, (name) => {
      if (name === "name") return sheet.name;
      if (name === "id") return sheet.id;
      if (name === "position") return book.sheets.indexOf(sheet);
      if (name === "visibility") return sheet.visibility;
      throw new Error(`fake: cannot load sheet ${name}`);
    });
    Object.defineProperty(ws, "name", {
      get: () => get("name"),
      set: (v) => {
        if (book.sheets.some((s) => s !== sheet && fold(s.name) === fold(v)))
          throw new Error(`ItemAlreadyExists: a sheet named ${v}`);
        sheet.name = v;
      },
    });
    Object.defineProperty(ws, "id", { get: () => get("id") });
    Object.defineProperty(ws, "position", {
      get: () => get("position"),
      set: (p) => {
        book.sheets.splice(book.sheets.indexOf(sheet), 1);
        book.sheets.splice(Math.min(p, book.sheets.length), 0, sheet);
      },
    });
    Object.defineProperty(ws, "visibility", {
      set: (v) => {
        sheet.visibility = v;
      },
    });
    Object.defineProperty(ws, "showGridlines", {
      set: (v) => {
        sheet.showGridlines = v;
      },
    });
    if (opts.nullObject !== undefined)
      Object.defineProperty(ws, "isNullObject", { get: () => opts.nullObject });
    ws.delete = () => {
      if (book.sheets.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0)
        throw new Error("InvalidOperation: cannot delete the last visible sheet");
      book.sheets.splice(book.sheets.indexOf(sheet), 1);
      book.tables = book.tables.filter((t) => t.sheet !== sheet);
    };
    ws.activate = () => (book.active = sheet.name);
    ws.getRange = (address) =>
      rangeProxy(
        book,
        sheet,
        address ? parseAddress(address) : { r0: 0, c0: 0, r1: 1048575, c1: 16383 }
      );
    ws.getRangeByIndexes = (r, c, rows, cols) =>
      rangeProxy(book, sheet, { r0: r, c0: c, r1: r + rows - 1, c1: c + cols - 1 });
    ws.getUsedRangeOrNullObject = () => {
      const u = book.used(sheet);
      const range = rangeProxy(book, sheet, u || { r0: 0, c0: 0, r1: 0, c1: 0 });
      Object.defineProperty(range, "isNullObject", { get: () => !u });
      return range;
    };
    ws.tables = {
      add: (address, hasHeaders) => {
        if (!hasHeaders) throw new Error("fake: tables need headers");
        const b = parseAddress(address);
        const model = { name: `Tabell${book.nextId++}`, sheet, ...b };
        book.tables.push(model);
        return tableProxy(book, model);
      },
    };
    ws.charts = {
      add: (type, source, seriesBy) => {
        const chart = { type, seriesBy, source: source._address, title: {} };
        chart.setPosition = (start) => (chart.position = start);
        sheet.charts.push(chart);
        return chart;
      },
    };
    ws.freezePanes = { freezeRows: (n) => (sheet.frozenRows = n) };
    // Page layout (ExcelApi 1.9): what is set is recorded on the sheet's model.
    ws.pageLayout = {
      set: (props) => Object.assign(sheet.pageLayout, props),
      setPrintTitleRows: (rows) => (sheet.pageLayout.printTitleRows = rows),
      headersFooters: {
        defaultForAllPages: {
          set: (props) => (sheet.pageLayout.headersFooters = { ...props }),
        },
      },
    };
    for (const k of ["orientation", "zoom"])
      Object.defineProperty(ws.pageLayout, k, {
        set: (v) => {
          sheet.pageLayout[k] = v;
        },
      });
    sheet.pageBreaks = sheet.pageBreaks || [];
    ws.horizontalPageBreaks = {
      add: (address) => sheet.pageBreaks.push(address),
      removePageBreaks: () => (sheet.pageBreaks.length = 0),
    };
    return ws;
  }

  function collection(book, items, load) {
    const c = {};
    const get = loadable(book, c, () => items().map(load));
    Object.defineProperty(c, "items", { get: () => get("items") });
    const originalLoad = c.load;
    // "items/name, items/id" and "name" all load the items of a collection.
    c.load = () => originalLoad.call(c, "items");
    return c;
  }

  function context(book) {
    const worksheets = collection(
      book,
      () => book.sheets,
      (s) => {
        const p = sheetProxy(book, s);
        p._loaded.name = s.name;
        p._loaded.id = s.id;
        p._loaded.position = book.sheets.indexOf(s);
        return p;
      }
    );
    worksheets.add = (name) =>
      sheetProxy(book, book.addSheet(name || `Blad${book.sheets.length + 1}`));
    worksheets.getItem = (name) => {
      const s = book.sheet(name);
      if (!s) throw new Error(`ItemNotFound: sheet ${name}`);
      return sheetProxy(book, s);
    };
    worksheets.getItemOrNullObject = (name) => {
      const s = book.sheet(name);
      return s
        ? sheetProxy(book, s, { nullObject: false })
        : sheetProxy(
            book,
            { name, id: "", cells: new Map(), columns: new Map() },
            { nullObject: true }
          );
    };
    const tables = collection(
      book,
      () => book.tables,
      (t) => {
        const p = tableProxy(book, t);
        p._loaded.name = t.name;
        return p;
      }
    );
    tables.getItem = (name) => {
      const t = book.table(name);
      if (!t) throw new Error(`ItemNotFound: table ${name}`);
      return tableProxy(book, t);
    };
    for (const name of ["onChanged", "onAdded", "onDeleted"]) {
      tables[name] = {
        add: (h) => (book.events[`tables.${name}`] = book.events[`tables.${name}`] || []).push(h),
      };
      worksheets[name] = {
        add: (h) =>
          (book.events[`worksheets.${name}`] = book.events[`worksheets.${name}`] || []).push(h),
      };
    }
    const settings = {
      getItemOrNullObject: (key) => {
        const item = {};
        const get = loadable(book, item, () => book.settings.get(key));
        Object.defineProperty(item, "value", { get: () => get("value") });
        Object.defineProperty(item, "isNullObject", { get: () => !book.settings.has(key) });
        return item;
      },
      add: (key, value) => book.settings.set(key, value),
    };
    return {
      workbook: { worksheets, tables, settings },
      application: {
        suspendApiCalculationUntilNextSync: () => (book.batch.suspendedCalc = true),
        suspendScreenUpdatingUntilNextSync: () => (book.batch.suspendedScreen = true),
      },
      sync: async () => {
        book.syncCount++;
        const loaders = book.loaders.splice(0);
        for (const load of loaders) load();
        book.syncLog.push(book.batch);
        book.batch = {
          bytes: 0,
          responseBytes: 0,
          writes: 0,
          suspendedCalc: false,
          suspendedScreen: false,
        };
      },
    };
  }

  const enums = {
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
    PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
    ChartType: { columnClustered: "ColumnClustered", line: "Line" },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
  };

  /** A fresh workbook and the `Excel` global that works on it. */
  function createExcelFake() {
    const book = new Book();
    const Excel = Object.assign({ run: async (batch) => batch(context(book)) }, enums);
    return { book, Excel };
  }

  return { createExcelFake };
});
