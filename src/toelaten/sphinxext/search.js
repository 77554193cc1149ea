// The book's search, on the page search.html. The build (sphinxext/search.py) writes the
// index as a script before this one (self.TOELATEN_ZOEKINDEX): the pages, their sections
// and text, every term with the pages it is on, the rule that made the terms and the
// interface's words. A query is made into terms by the same rule (searchwords.py, step by
// step), so what the index holds is what a learner's words find. A plain script, so the
// search works from disk too. Page text only ever becomes text nodes.
"use strict";

const toelatenZoeken = (() => {
  const WORD = /[\p{L}\p{N}]+/gu;
  const DIGIT = /\p{Nd}/u;
  // The help page counts a third more: whoever searches "113", "praten" or "hulplijn" may
  // need it now, and another page that only points to it must not come first.
  const HELP_BOOST = 1.3;
  const fold = (word) => word.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

  function stem(word, rule) {
    if (DIGIT.test(word)) return word;
    const least = rule.min_stem;
    if (rule.plural_s_after && word.endsWith("s") && word.length - 1 >= least && new RegExp(`(?:${rule.plural_s_after})$`).test(word.slice(0, -1))) word = word.slice(0, -1);
    for (const suffix of rule.suffixes) {
      if (word.endsWith(suffix) && word.length - suffix.length >= least) {
        word = word.slice(0, -suffix.length);
        if (word.length > 1 && word.at(-1) === word.at(-2) && rule.undouble.includes(word.at(-1))) word = word.slice(0, -1);
        break;
      }
    }
    const vowel = (c) => rule.vowels.includes(c);
    if (word.length >= 4 && !vowel(word.at(-1)) && word.at(-2) === word.at(-3) && rule.long_vowels.includes(word.at(-2)) && !vowel(word.at(-4)))
      word = word.slice(0, -2) + word.at(-1);
    return word;
  }

  // [start, end, term] for every searchable word of `text` (NFC), as searchwords.words().
  function words(text, rule) {
    const found = [];
    for (const match of text.normalize("NFC").matchAll(WORD)) {
      for (const part of fold(match[0]).match(WORD) || []) {
        if (rule.stop.includes(part) || (part.length < 2 && !/^\p{Nd}+$/u.test(part))) continue;
        found.push([match.index, match.index + match[0].length, stem(part, rule)]);
      }
    }
    return found;
  }

  const terms = (text, rule) => words(text, rule).map((w) => w[2]);

  // A term found by what was asked: the same term, or a longer one it starts (not numbers).
  const prefix = (asked) => asked.length >= 3 && !DIGIT.test(asked);
  const matches = (term, asked) => asked.some((q) => term === q || (prefix(q) && term.startsWith(q)));

  // The pages for `query`, best first, grouped: [[group, [page, ...]], ...] with the
  // learner's pages (group 0) first. A page must have every word; when none has, the pages
  // with the most of them, if that is at least half (`partial`). A page apart whose twin (a learner page with the
  // same exercise) is found too is left out.
  function find(index, query) {
    const asked = [...new Set(terms(query, index.rule))];
    const pages = index.pages;
    const average = pages.reduce((sum, p) => sum + p.length, 0) / pages.length || 1;
    const score = new Map();
    const hits = new Map();
    const all = Object.keys(index.terms);
    for (const q of asked) {
      const weight = new Map();
      const add = (term, factor) => {
        const list = index.terms[term];
        for (let i = 0; i < list.length; i += 2) weight.set(list[i], (weight.get(list[i]) || 0) + list[i + 1] * factor);
      };
      if (Object.hasOwn(index.terms, q)) add(q, 1);
      if (prefix(q)) for (const term of all) if (term !== q && term.startsWith(q)) add(term, 0.5);
      // BM25: rare words count more, and a word counts less on a long page.
      const idf = Math.log(1 + (pages.length - weight.size + 0.5) / (weight.size + 0.5));
      for (const [p, f] of weight) {
        const norm = 1.2 * (0.25 + (0.75 * pages[p].length) / average);
        score.set(p, (score.get(p) || 0) + (idf * f * 2.2) / (f + norm));
        hits.set(p, (hits.get(p) || 0) + 1);
      }
    }
    // Pages with fewer than half the words are not what was asked for.
    for (const p of score.keys()) if (pages[p].url === index.help.url) score.set(p, score.get(p) * HELP_BOOST);
    const most = Math.max(0, ...hits.values());
    const enough = most > 0 && most * 2 >= asked.length;
    const found = [...hits.keys()].filter((p) => enough && hits.get(p) === most).sort((a, b) => score.get(b) - score.get(a) || a - b);
    const learner = new Set(found.filter((p) => pages[p].group === 0));
    const shown = found.filter((p) => !(pages[p].twins || []).some((t) => learner.has(t)));
    const groups = index.groups.map((_, g) => [g, shown.filter((p) => pages[p].group === g)]).filter(([, list]) => list.length);
    return { asked, groups, count: shown.length, partial: enough && most < asked.length };
  }

  // The section to show and link to: the one with the most found words (a heading counts
  // three), with those words' places in its text.
  function bestSection(page, asked, rule) {
    let best = null;
    page.sections.forEach(([anchor, heading, text], i) => {
      const body = text.normalize("NFC");
      const marks = words(body, rule).filter((w) => matches(w[2], asked));
      const value = marks.length + (terms(heading, rule).some((t) => matches(t, asked)) ? 3 : 0);
      if (!best || value > best.value) best = { i, anchor, heading, body, marks, value };
    });
    return best;
  }

  // About `size` characters of `body` around its first found word, cut at spaces.
  function excerpt(body, marks, size = 180) {
    let start = marks.length ? Math.max(0, marks[0][0] - 50) : 0;
    if (start > 0) start = body.indexOf(" ", start) + 1 || start;
    let end = Math.min(body.length, start + size);
    if (end < body.length) end = body.lastIndexOf(" ", end) > start ? body.lastIndexOf(" ", end) : end;
    return { start, end };
  }

  // ---- the page --------------------------------------------------------------------------

  function start(index, script) {
    const words = index.words;
    const tr = (key, values = {}) => (words[key] ?? key).replace(/\{(\w+)\}/g, (all, name) => (Object.hasOwn(values, name) ? String(values[name]) : all));
    const form = document.querySelector(".tl-zoek-form");
    const input = form?.querySelector("input[name=q]");
    const results = document.getElementById("search-results");
    const status = results?.querySelector(".tl-search-status");
    if (!form || !input || !status) return;
    const root = new URL("../../", script);
    const el = (tag, props = {}, ...children) => {
      const node = Object.assign(document.createElement(tag), props);
      node.append(...children);
      return node;
    };

    function hit(p, asked) {
      const page = index.pages[p];
      const section = bestSection(page, asked, index.rule);
      const url = new URL(page.url, root);
      if (section && section.i > 0 && section.anchor) url.hash = section.anchor;
      const where = [page.where, section && section.i > 0 ? section.heading : ""].filter(Boolean).join(" · ");
      const item = el("li", { className: "tl-search-hit" }, el("a", { href: url.href, textContent: page.title }));
      if (where) item.append(el("p", { className: "tl-search-where", textContent: where }));
      if (section?.body) {
        const { start, end } = excerpt(section.body, section.marks);
        const text = el("p", { className: "tl-search-snippet" }, start > 0 ? "… " : "");
        let at = start;
        for (const [from, to] of section.marks) {
          if (from < at || to > end) continue;
          text.append(section.body.slice(at, from), el("mark", { textContent: section.body.slice(from, to) }));
          at = to;
        }
        text.append(section.body.slice(at, end), end < section.body.length ? " …" : "");
        item.append(text);
      }
      return item;
    }

    function show(query) {
      for (const old of results.querySelectorAll(".tl-search-group, .tl-search-help")) old.remove();
      if (!query.trim()) {
        status.textContent = tr("search.start");
        return;
      }
      const found = find(index, query);
      if (!found.count) {
        status.textContent = tr("search.none", { query });
        const [before, after] = tr("search.help").split("{link}");
        const link = el("a", { href: new URL(index.help.url, root).href, textContent: index.help.title });
        results.append(el("p", { className: "tl-search-help" }, before, link, after ?? ""));
        return;
      }
      status.textContent = found.partial
        ? tr("search.partial", { query })
        : found.count === 1
          ? tr("search.found.one", { query, n: 1 })
          : tr("search.found.other", { query, n: found.count });
      for (const [g, list] of found.groups) {
        const heading = el("h2", { id: `tl-search-group-${g}`, textContent: g ? index.groups[g] : tr("search.learner") });
        const section = el("section", { className: "tl-search-group" }, heading, el("ol", { className: "tl-search-list" }, ...list.map((p) => hit(p, found.asked))));
        section.setAttribute("aria-labelledby", heading.id);
        results.append(section);
      }
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const url = new URL(window.location.href);
      url.searchParams.set("q", input.value);
      try {
        window.history.replaceState(null, "", url.href);
      } catch {
        // Some browsers refuse this on a page opened from disk; the results still show.
      }
      show(input.value);
    });
    const query = new URLSearchParams(window.location.search).get("q") || "";
    input.value = query;
    show(query);
  }

  return { terms, find, bestSection, excerpt, start };
})();

if (typeof document !== "undefined" && self.TOELATEN_ZOEKINDEX)
  toelatenZoeken.start(self.TOELATEN_ZOEKINDEX, document.currentScript?.src || window.location.href);
