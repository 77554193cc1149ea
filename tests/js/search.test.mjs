// The search page's script (src/toelaten/sphinxext/search.js) without a browser: it makes
// the same terms of a text as the build does (searchwords.py, whose rule it gets as data),
// and ranks and groups pages as the search page shows them.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const python = process.env.PYTHON || path.join(root, ".venv", "bin", "python");
const source = readFileSync(path.join(root, "src", "toelaten", "sphinxext", "search.js"), "utf8");
// No document here: the script only defines its functions. What they return is made of
// this realm's arrays and objects (deepEqual compares prototypes).
const inner = vm.runInNewContext(`${source}\n;toelatenZoeken`, { self: {} });
const plain = (value) => (value === undefined ? value : JSON.parse(JSON.stringify(value)));
const search = Object.fromEntries(Object.entries(inner).map(([name, f]) => [name, (...args) => plain(f(...args))]));
const python_ = JSON.parse(execFileSync(python, [path.join(here, "search_terms.py")], { encoding: "utf8" }));

test("the browser makes the same terms of a text as the build", () => {
  for (const [language, { rule, cases }] of Object.entries(python_)) {
    for (const [text, words] of Object.entries(cases)) {
      const terms = words.map((w) => w[2]);
      assert.deepEqual(search.terms(text, rule), terms, `${language}: ${text}`);
    }
  }
});

test("the forms of a Dutch word are one term, numbers stay numbers", () => {
  const { rule } = python_.nl;
  const one = (...forms) => new Set(forms.flatMap((f) => search.terms(f, rule))).size === 1;
  assert.ok(one("eenzaam", "eenzame", "eenzaamheid"));
  assert.ok(one("praten", "praat"));
  assert.ok(one("hulplijn", "hulplijnen"));
  assert.deepEqual(search.terms("Bel 113 of 0800-0113", rule), ["bel", "113", "0800", "0113"]);
});

// Four pages: two learner pages, a facilitator page and a notebook that shows the
// exercise of learner page 0 (its twin).
function index() {
  const { rule } = python_.nl;
  const page = (url, title, group, text, twins) => {
    const sections = [["", title, text]];
    return { url, title, where: "", group, length: search.terms(text, rule).length, sections, ...(twins ? { twins } : {}) };
  };
  const pages = [
    page("book/kaart.html", "Mijn steunkaart", 0, "Teken je steunkaart. Wie staat er dichtbij?"),
    page("book/hulp.html", "Als het even niet gaat", 0, "Bel een hulplijn als je wilt praten. Bel 113."),
    page("gids/dag-1.html", "Draaiboek dag 1", 1, "Wijs op de hulplijn. Laat de steunkaart tekenen."),
    page("oefeningen/kaart.html", "Steunkaart in Jupyter", 2, "Je steunkaart in JupyterLab.", [0]),
  ];
  const terms = {};
  pages.forEach((p, i) => {
    const counts = {};
    for (const [, heading, text] of p.sections) {
      for (const t of search.terms(heading, rule)) counts[t] = (counts[t] || 0) + 6;
      for (const t of search.terms(text, rule)) counts[t] = (counts[t] || 0) + 1;
    }
    for (const [t, n] of Object.entries(counts)) terms[t] = [...(terms[t] || []), i, n];
  });
  const help = { url: "book/hulp.html", title: "Als het even niet gaat" };
  return { rule, groups: ["", "Voor begeleiders", "Voor wie met Jupyter werkt"], help, pages, terms };
}

test("learner pages come first, the pages apart each in their own group", () => {
  const found = search.find(index(), "hulplijnen");
  assert.deepEqual(found.groups, [[0, [1]], [1, [2]]]);
  assert.equal(found.count, 2);
});

test("a notebook is left out when its lesson is found, and shown when it is not", () => {
  assert.deepEqual(search.find(index(), "steunkaart").groups, [[0, [0]], [1, [2]]]);
  assert.deepEqual(search.find(index(), "jupyterlab").groups, [[2, [3]]]);
});

test("every word must be on a page; else the pages with at least half of them", () => {
  assert.deepEqual(search.find(index(), "hulplijn praten").groups, [[0, [1]]]);
  const partial = search.find(index(), "hulplijn zwemmen");
  assert.ok(partial.partial);
  assert.equal(partial.count, 2);
  const hostile = search.find(index(), "<img src=x onerror=alert(1)>");
  assert.equal(hostile.count, 0, "one number of five words is not a match");
  assert.equal(search.find(index(), "").count, 0);
});

test("a word finds longer words it starts, but a number only itself", () => {
  assert.deepEqual(search.find(index(), "steun").groups.map(([g]) => g), [0, 1]);
  assert.equal(search.find(index(), "11").count, 0);
});

test("the snippet is the best section around its first found word", () => {
  const { rule } = python_.nl;
  const page = {
    sections: [
      ["", "Titel", "Iets heel anders."],
      ["hulp", "Hulp", `${"Eerst veel woorden zonder het woord. ".repeat(5)}Bel een hulplijn, dag en nacht.`],
    ],
  };
  const best = search.bestSection(page, search.terms("hulplijnen", rule), rule);
  assert.equal(best.anchor, "hulp");
  const { start, end } = search.excerpt(best.body, best.marks);
  const shown = best.body.slice(start, end);
  assert.ok(shown.includes("hulplijn"));
  assert.ok(start === 0 || best.body[start - 1] === " ", "cut at a space");
  assert.ok(end - start <= 180);
});

test("the help page comes before a page about the same that only points to it", () => {
  const book = index();
  const { rule } = python_.nl;
  const text = "Bel een hulplijn als je wilt praten. Een hulplijn helpt je verder, bel gerust.";
  book.pages[0] = { ...book.pages[0], sections: [["", "Verder", text]], length: search.terms(text, rule).length };
  for (const t of search.terms(text, rule)) book.terms[t] = [0, 1, ...(book.terms[t] || [])];
  assert.equal(search.find(book, "hulplijn").groups[0][1][0], 1);
});
