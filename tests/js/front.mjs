// The front end in node, for the unit tests in this folder: the parts of
// src/toelaten/exercises/front/ joined as front.py joins them, run in this process with a
// fake window (localStorage) and, where a test draws something, a tiny fake document.
// Not a test file itself (node --test only runs *.test.mjs here).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const front = path.join(root, "src", "toelaten", "exercises", "front");
const python = process.env.PYTHON || path.join(root, ".venv", "bin", "python");

// The order of the parts, read from front.py so there is one list.
function partsOf(name) {
  const text = readFileSync(path.join(root, "src", "toelaten", "exercises", "front.py"), "utf8");
  const found = new RegExp(`^${name} = \\(([^)]*)\\)`, "m").exec(text);
  assert.ok(found, `front.py has no ${name}`);
  return [...found[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

const read = (names) => names.map((name) => readFileSync(path.join(front, name), "utf8")).join("\n");

// Every name declared at the top of a part (the parts keep them at column 0).
function topLevelNames(source) {
  return [...source.matchAll(/^(?:async\s+)?(?:function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
}

function run(source, names, globals) {
  const params = Object.keys(globals);
  const body = `"use strict";\n${source}\nreturn { ${[...new Set(names)].join(", ")} };`;
  const compiled = vm.compileFunction(body, params, { filename: "front (joined in tests/js/front.mjs)" });
  return compiled(...params.map((p) => globals[p]));
}

function environment({ window = {}, document = {} }) {
  return {
    window: { addEventListener() {}, confirm: () => true, ...window },
    document: { readyState: "loading", addEventListener() {}, ...document },
    Node: FakeNode,
  };
}

// The exercise UI (dom.js, form.js, overviews.js, ui.js) with all its top-level names, as
// one module scope: `export default {...}` becomes `default`. It has the words of the
// course's catalogue, as a widget gets them.
export function loadUi(options = {}) {
  const source = read(partsOf("PARTS"));
  assert.equal(source.split("export default").length, 2, "one `export default` (in ui.js)");
  const names = topLevelNames(source);
  const ui = run(source.replace("export default", "const __default ="), [...names, "__default"], environment(options));
  ui.useWords(definitions().strings);
  return ui;
}

// The book's script as front.py's classic_script() builds it: the UI as `ui` with the
// catalogue's words, `tr`, then schema.js, answers.js, store.js, workbook.js and book.js in
// one scope. Every top-level name of the book's parts comes back, and `ui`. The fake
// document is still "loading", so book.js does not mount anything; a test calls what it needs.
export function loadBook(options = {}) {
  const ui = read(partsOf("PARTS")).replace("export default", "return");
  const book = read(partsOf("BOOK_PARTS"));
  const words = JSON.stringify(definitions().strings);
  const source = `const ui = (function () {\n${ui}\n})();\nui.useWords(${words});\nconst tr = ui.tr;\n${book}`;
  return run(source, ["ui", ...topLevelNames(book)], environment(options));
}

// The course path's own script as front.py's path_script() builds it (the landing and day
// pages): its parts in one scope with the catalogue's words. Every top-level name comes back.
export function loadPath(options = {}) {
  const source = read(partsOf("PATH_PARTS"));
  const words = JSON.stringify(definitions().strings);
  return run(`${source}\nuseWords(${words});`, topLevelNames(source), environment(options));
}

// ---- definitions -------------------------------------------------------------------------

let known = null;

// Every exercise definition as the book gets it ({definitions, documentSchema, strings}),
// from Python (tests/js/definitions.py), once per test file.
export function definitions() {
  known ??= JSON.parse(
    execFileSync(python, [path.join(here, "definitions.py")], { encoding: "utf8", maxBuffer: 1 << 26 }),
  );
  return known;
}

// ---- localStorage ------------------------------------------------------------------------

// The Storage interface as browsers have it: stored keys are the object's own properties
// (workbook.js lists them with Object.keys), values are strings, and a write past the quota
// throws. `full` makes every write fail; `blocked` makes even reading throw (storage off).
export class FakeStorage {
  constructor({ quota = Infinity } = {}) {
    Object.defineProperties(this, {
      quota: { value: quota, writable: true },
      full: { value: false, writable: true },
      blocked: { value: false, writable: true },
    });
  }

  #used(except) {
    return Object.keys(this)
      .filter((k) => k !== except)
      .reduce((n, k) => n + k.length + this[k].length, 0);
  }

  getItem(key) {
    if (this.blocked) throw new DOMException("The operation is insecure.", "SecurityError");
    return Object.hasOwn(this, key) ? this[key] : null;
  }

  setItem(key, value) {
    const text = String(value);
    if (this.blocked) throw new DOMException("The operation is insecure.", "SecurityError");
    if (this.full || this.#used(key) + key.length + text.length > this.quota)
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    this[key] = text;
  }

  removeItem(key) {
    delete this[key];
  }

  clear() {
    for (const key of Object.keys(this)) delete this[key];
  }
}

// ---- a tiny document -----------------------------------------------------------------------

// Just what dom.js's h() uses to draw: elements with attributes and children, and text.
export class FakeNode {}

class FakeText extends FakeNode {
  constructor(text) {
    super();
    this.textContent = text;
  }
}

class FakeElement extends FakeNode {
  constructor(tag) {
    super();
    this.tagName = tag;
    this.attributes = {};
    this.children = [];
  }

  setAttribute(name, value) {
    this.attributes[name] = String(value);
  }

  getAttribute(name) {
    return Object.hasOwn(this.attributes, name) ? this.attributes[name] : null;
  }

  addEventListener() {}

  append(...nodes) {
    this.children.push(...nodes.map((n) => (n instanceof FakeNode ? n : new FakeText(String(n)))));
  }

  get textContent() {
    return this.children.map((c) => c.textContent).join("");
  }

  // Every element below this one with the tag, in document order.
  all(tag) {
    const found = [];
    for (const child of this.children) {
      if (!(child instanceof FakeElement)) continue;
      if (child.tagName === tag) found.push(child);
      found.push(...child.all(tag));
    }
    return found;
  }
}

export const fakeDocument = {
  createElement: (tag) => new FakeElement(tag),
  createElementNS: (_namespace, tag) => new FakeElement(tag),
  createTextNode: (text) => new FakeText(text),
};

// A drawn table as a screen reader reads it: the text of each row's cells.
export function tableRows(table) {
  return table.all("tr").map((row) => row.children.map((cell) => cell.textContent));
}
