// A stand-in for Microsoft's office.js (the only part of the add-in's world a test may replace: Excel cannot
// run here). ExcelAddinIT serves it at https://appsforoffice.microsoft.com/lib/1/hosted/office.js through
// Chromium's host resolver rules, so the task pane loads exactly as in Excel. It follows the Office.js API
// the add-in uses — Office.onReady, Excel.run with proxies whose properties can be read only after load()
// and context.sync(), null objects, queued writes, OfficeRuntime.storage, CustomFunctions.associate and
// StreamingInvocation — over an in-memory workbook drawn as a table for the test to read.
(function () {
  const workbook = { sheets: new Map(), active: 'Orders', custom: new Map(), selection: null, saved: 0 };
  const functions = new Map();

  function sheet(name) {
    if (!workbook.sheets.has(name)) workbook.sheets.set(name, { name, cells: new Map(), fills: new Map(), visibility: 'Visible' });
    return workbook.sheets.get(name);
  }

  const colIndex = letters => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  const colLetters = i => { let s = ''; for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s; return s; };
  function parse(address) {
    const [a, b] = address.split(':');
    const one = x => { const m = /^([A-Z]+)(\d+)$/.exec(x); if (!m) throw new Error(`InvalidArgument: ${address}`); return { row: Number(m[2]) - 1, col: colIndex(m[1]) }; };
    const from = one(a); const to = b ? one(b) : from;
    return { row: from.row, col: from.col, rows: to.row - from.row + 1, cols: to.col - from.col + 1 };
  }
  const key = (r, c) => `${r},${c}`;

  function used(s) {
    let minR = Infinity, minC = Infinity, maxR = -1, maxC = -1;
    for (const [k, v] of s.cells) {
      if (v === '' || v === null || v === undefined) continue;
      const [r, c] = k.split(',').map(Number);
      minR = Math.min(minR, r); minC = Math.min(minC, c); maxR = Math.max(maxR, r); maxC = Math.max(maxC, c);
    }
    return maxR < 0 ? null : { row: minR, col: minC, rows: maxR - minR + 1, cols: maxC - minC + 1 };
  }
  function valuesOf(s, a) {
    const out = [];
    for (let r = 0; r < a.rows; r++) {
      const line = [];
      for (let c = 0; c < a.cols; c++) { const v = s.cells.get(key(a.row + r, a.col + c)); line.push(v === undefined ? '' : v); }
      out.push(line);
    }
    return out;
  }

  /** A proxy: loaded properties readable after sync; writes queued until sync, as in Office. */
  class Proxy {
    constructor(context, fetch) {
      this._context = context;
      this._fetch = fetch;        // () → the object's current properties, or null for a null object
      this._wanted = new Set();
      this._loaded = {};
      this._synced = false;
      context._proxies.push(this);
    }
    load(names) {
      String(names || '').split(',').map(n => n.trim()).filter(Boolean).forEach(n => this._wanted.add(n));
      return this;
    }
    _sync() {
      const now = this._fetch();
      this._synced = true;
      this._null = now === null;
      for (const n of this._wanted) this._loaded[n] = now ? now[n] : undefined;
    }
    _get(name) {
      if (!(name in this._loaded)) {
        throw new Error(`PropertyNotLoaded: The property '${name}' is not available. Before reading the property's value, `
          + 'call the load method on the containing object and call "context.sync()" on the associated request context.');
      }
      return this._loaded[name];
    }
    get isNullObject() {
      if (!this._synced) throw new Error('PropertyNotLoaded: isNullObject is known after context.sync()');
      return this._null;
    }
  }

  class Range extends Proxy {
    constructor(context, sheetName, address, fetchAddress) {
      super(context, () => {
        const s = workbook.sheets.get(sheetName);
        const a = fetchAddress ? fetchAddress() : parse(address);
        if (!s || !a) return null;
        return { values: valuesOf(s, a), rowIndex: a.row, columnIndex: a.col, rowCount: a.rows, columnCount: a.cols,
          address: `${sheetName}!${colLetters(a.col)}${a.row + 1}` };
      });
      const range = this;
      this.format = { fill: {
        set color(v) { context._queue.push(() => parse(address) && sheet(sheetName).fills.set(address, v)); },
        clear() { context._queue.push(() => sheet(sheetName).fills.delete(address)); },
      } };
      this._sheetName = sheetName;
      this._address = address;
      void range;
    }
    get values() { return this._get('values'); }
    set values(v) {
      const a = parse(this._address);
      const s = this._sheetName;
      this._context._queue.push(() => v.forEach((line, r) => line.forEach((x, c) => sheet(s).cells.set(key(a.row + r, a.col + c), x))));
    }
    get rowIndex() { return this._get('rowIndex'); }
    get columnIndex() { return this._get('columnIndex'); }
    get rowCount() { return this._get('rowCount'); }
    get columnCount() { return this._get('columnCount'); }
    get address() { return this._get('address'); }
    select() { const a = parse(this._address); this._context._queue.push(() => { workbook.selection = { sheet: this._sheetName, ...a }; }); }
  }

  class Worksheet extends Proxy {
    constructor(context, name, exists = () => workbook.sheets.has(name)) {
      super(context, () => (exists() ? { name: typeof name === 'function' ? name() : name, visibility: sheet(resolve(name)).visibility } : null));
      this._name = name;
    }
    get name() { return this._get('name'); }
    set visibility(v) { const n = resolve(this._name); this._context._queue.push(() => { sheet(n).visibility = v; }); }
    getRange(address) { return new Range(this._context, resolve(this._name), address); }
    getUsedRangeOrNullObject() {
      const n = resolve(this._name);
      return new Range(this._context, n, null, () => (workbook.sheets.has(n) ? used(sheet(n)) : null));
    }
  }
  const resolve = name => (typeof name === 'function' ? name() : name);

  class RequestContext {
    constructor() {
      this._proxies = [];
      this._queue = [];
      const context = this;
      this.workbook = {
        worksheets: {
          getItemOrNullObject: name => new Worksheet(context, name),
          getItem: name => {
            if (!workbook.sheets.has(name)) throw new Error(`ItemNotFound: ${name}`);
            return new Worksheet(context, name);
          },
          getActiveWorksheet: () => new Worksheet(context, () => workbook.active, () => true),
          add: name => { context._queue.push(() => sheet(name)); return new Worksheet(context, name, () => true); },
        },
        getSelectedRange: () => new Range(context, workbook.active, null, () => workbook.selection),
        properties: { custom: {
          getItemOrNullObject: k => {
            const p = new Proxy(context, () => (workbook.custom.has(k) ? { key: k, value: workbook.custom.get(k) } : null));
            Object.defineProperty(p, 'value', { get() { return p._get('value'); } });
            return p;
          },
          add: (k, v) => context._queue.push(() => workbook.custom.set(k, String(v))),
        } },
        save: () => context._queue.push(() => { workbook.saved++; }),
      };
    }
    async sync() {
      await new Promise(r => setTimeout(r, 0));
      this._queue.splice(0).forEach(w => w());
      this._proxies.forEach(p => p._sync());
      draw();
    }
  }

  function draw() {
    const s = workbook.sheets.get('Orders');
    if (!s || typeof document === 'undefined' || !document.body) return;
    let table = document.getElementById('standin-sheet');
    if (!table) {
      table = document.createElement('table');
      table.id = 'standin-sheet';
      document.body.append(table);
    }
    const u = used(s) || { row: 0, col: 0, rows: 0, cols: 0 };
    const rows = [];
    for (let r = 0; r < u.row + u.rows; r++) {
      const cells = [];
      for (let c = 0; c < u.col + u.cols; c++) {
        const v = s.cells.get(key(r, c));
        cells.push(`<td data-cell="${colLetters(c)}${r + 1}">${v === undefined ? '' : String(v).replace(/</g, '&lt;')}</td>`);
      }
      rows.push(`<tr>${cells.join('')}</tr>`);
    }
    table.innerHTML = rows.join('');
  }

  window.Excel = { run: async work => { const context = new RequestContext(); const result = await work(context); await context.sync(); return result; } };

  let ready = null;
  window.Office = {
    onReady(callback) {
      ready = ready || new Promise(resolve => {
        const go = () => resolve({ host: 'Excel', platform: 'OfficeOnline' });
        if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', go); else go();
      });
      return callback ? ready.then(callback) : ready;
    },
    context: { host: 'Excel' },
  };
  window.OfficeRuntime = { storage: {
    getItem: async k => localStorage.getItem(`standin:${k}`),
    setItem: async (k, v) => localStorage.setItem(`standin:${k}`, v),
    removeItem: async k => localStorage.removeItem(`standin:${k}`),
  } };
  class CustomFunctionsError extends Error {
    constructor(code, message) { super(message); this.code = code; }
  }
  window.CustomFunctions = {
    associate: (id, fn) => functions.set(id.toUpperCase(), fn),
    Error: CustomFunctionsError,
    ErrorCode: { notAvailable: '#N/A', invalidValue: '#VALUE!' },
  };

  /** What the test does as the person at the keyboard. */
  window.OfficeStandIn = {
    load(name, values) {
      const s = sheet(name);
      s.cells.clear();
      values.forEach((line, r) => line.forEach((v, c) => s.cells.set(key(r, c), v)));
      workbook.active = name;
      draw();
    },
    select(firstRow, rowCount) { workbook.selection = { row: firstRow - 1, col: 0, rows: rowCount, cols: 1 }; },
    cell(address) { const a = parse(address); const v = sheet(workbook.active).cells.get(key(a.row, a.col)); return v === undefined ? '' : v; },
    property: k => workbook.custom.get(k) || null,
    visibility: name => (workbook.sheets.has(name) ? workbook.sheets.get(name).visibility : null),
    /** Types a formula: =TRADEBRIDGE.NAME("a", "b") calls the associated streaming function. */
    enter(address, formula) {
      const m = /^=TRADEBRIDGE\.([A-Z]+)\((.*)\)$/.exec(formula.trim());
      if (!m) throw new Error(`not a Tradebridge formula: ${formula}`);
      const fn = functions.get(m[1]);
      const a = parse(address);
      const s = sheet(workbook.active);
      if (!fn) { s.cells.set(key(a.row, a.col), '#NAME?'); draw(); return; }
      const args = m[2].split(',').map(x => x.trim()).filter(x => x.length).map(x => JSON.parse(x));
      while (args.length < fn.length - 1) args.push(null);
      const invocation = {
        address,
        setResult: v => { s.cells.set(key(a.row, a.col), v instanceof Error ? `${v.code || '#VALUE!'} ${v.message}` : v); draw(); },
        onCanceled: null,
      };
      fn(...args, invocation);
      return true;
    },
  };
})();
