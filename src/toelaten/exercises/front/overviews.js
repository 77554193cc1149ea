// Pictures of a learner's answers, each with the same facts as text beside it: the
// drawing is aria-hidden, the table or list is what screen readers and printers read.

function fieldsOf(definition) {
  return Object.fromEntries(definition.fields.map((f) => [f.id, f]));
}

function table(caption, head, rows) {
  return tableBox(
    h(
      "table",
      { class: "tl-table" },
      h("caption", {}, caption),
      h("thead", {}, h("tr", {}, head.map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, rows.map((row) => h("tr", {}, h("th", { scope: "row" }, row[0]), row.slice(1).map((c) => h("td", {}, c))))),
    ),
  );
}

function shown(value) {
  return isEmpty(value) ? "–" : String(value);
}

function beforeAfter(definition, entries) {
  const spec = definition.overview;
  const fields = fieldsOf(definition);
  const rows = entries.filter((e) => spec.bars.some((b) => !isEmpty(e.answers[b.field])));
  if (!rows.length) return null;
  const title = (e) => e.answers[spec.label] || tr("exercise.untitled", { name: definition.entry.name });
  return h(
    "div",
    { class: "tl-overview" },
    barChart(
      rows.map((e) => ({
        title: title(e),
        bars: spec.bars.map((b, i) => ({ label: b.label, value: e.answers[b.field], min: fields[b.field].min, max: fields[b.field].max, series: series(i) })),
      })),
      spec.bars.map((b, i) => ({ label: b.label, series: series(i) })),
    ),
    table(spec.title, [spec.label_title, ...spec.bars.map((b) => b.label)], rows.map((e) => [title(e), ...spec.bars.map((b) => shown(e.answers[b.field]))])),
  );
}

// An experiment's outcome is a number (a scale) or a word (a choice: yes, partly, no).
// A word is shown and counted as that word: a yes and a no never average out to a half.
function outcome(definition, pair, entry) {
  const value = entry.answers[pair.actual];
  if (isEmpty(value)) return null;
  const field = fieldsOf(definition)[pair.actual];
  return field.kind === "choice" ? { text: optionLabel(field, value) } : { value };
}

function average(values) {
  return Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}

// Per pair one line: the average expectation, and what happened (counted, or averaged).
function pairSummary(definition, pair, done) {
  const fields = fieldsOf(definition);
  const both = done.filter((e) => !isEmpty(e.answers[pair.predicted]) && outcome(definition, pair, e));
  if (!both.length) return null;
  const predicted = average(both.map((e) => e.answers[pair.predicted]));
  const max = fields[pair.predicted].max;
  const actual = fields[pair.actual];
  if (actual.kind !== "choice") {
    return tr("overview.average", { label: pair.label, predicted, actual: average(both.map((e) => e.answers[pair.actual])), max });
  }
  const counts = actual.options
    .map((o) => [o, both.filter((e) => e.answers[pair.actual] === o.id).length])
    .filter(([, n]) => n)
    .map(([o, n]) => tr("overview.outcome.count", { n, answer: o.label.toLowerCase() }));
  const list = new Intl.ListFormat(tr("format.locale"), { type: "conjunction" }).format(counts);
  return tr("overview.outcome.summary", { label: pair.label, predicted, max, counts: list });
}

function predictedActual(definition, entries) {
  const spec = definition.overview;
  const fields = fieldsOf(definition);
  const done = entries.filter((e) => spec.pairs.some((p) => outcome(definition, p, e)));
  if (!done.length) return null;
  const scale = (field, value) => ({ value, min: fields[field].min, max: fields[field].max });
  const answered = (p, e) => !isEmpty(e.answers[p.predicted]) || !isEmpty(e.answers[p.actual]);
  const bars = (e) =>
    spec.pairs.filter((p) => answered(p, e)).flatMap((p) => {
      const actual = outcome(definition, p, e) || { value: undefined };
      const expected = { label: tr("overview.predicted", { label: p.label }), ...scale(p.predicted, e.answers[p.predicted]), series: 1 };
      if (actual.text !== undefined) return [expected, { label: fields[p.actual].label, text: actual.text, series: 2 }];
      return [expected, { label: tr("overview.actual", { label: p.label }), ...scale(p.actual, actual.value), series: 2 }];
    });
  const said = (field, value) => (isEmpty(value) ? "–" : answerText(fields[field], value));
  const cell = (p, e) => !answered(p, e) ? "–" : tr("overview.outcome.cell", { predicted: said(p.predicted, e.answers[p.predicted]), actual: said(p.actual, e.answers[p.actual]) });
  const name = definition.entry.name;
  return h(
    "div",
    { class: "tl-overview" },
    h("ul", { class: "tl-summary" }, spec.pairs.map((p) => pairSummary(definition, p, done)).filter(Boolean).map((line) => h("li", {}, line))),
    barChart(
      done.map((e) => ({ title: entryTitle(definition, e), bars: bars(e) })),
      [
        { label: tr("overview.outcome.expected"), series: 1 },
        { label: tr("overview.outcome.happened"), series: 2 },
      ],
    ),
    table(
      spec.title,
      [name.charAt(0).toUpperCase() + name.slice(1), ...spec.pairs.map((p) => p.label)],
      done.map((e) => [entryTitle(definition, e), ...spec.pairs.map((p) => cell(p, e))]),
    ),
  );
}

function gap(definition, entries) {
  const spec = definition.overview;
  const fields = fieldsOf(definition);
  const entry = entries[0];
  if (!entry || !spec.pairs.some((p) => !isEmpty(entry.answers[p.them]) && !isEmpty(entry.answers[p.me]))) return null;
  const rows = spec.pairs.filter((p) => !isEmpty(entry.answers[p.them]) && !isEmpty(entry.answers[p.me]));
  const difference = (p) => entry.answers[p.me] - entry.answers[p.them];
  const bar = (field, label, n) => ({ label, value: entry.answers[field], min: fields[field].min, max: fields[field].max, series: n });
  return h(
    "div",
    { class: "tl-overview" },
    barChart(
      rows.map((p) => ({ title: p.label, bars: [bar(p.them, tr("overview.gap.the_other"), 1), bar(p.me, tr("overview.gap.you"), 2)] })),
      [
        { label: tr("overview.gap.them"), series: 1 },
        { label: tr("overview.gap.me"), series: 2 },
      ],
    ),
    table(spec.title, [tr("overview.gap.trait"), tr("overview.gap.the_other"), tr("overview.gap.you"), tr("overview.gap.difference")], rows.map((p) => [p.label, shown(entry.answers[p.them]), shown(entry.answers[p.me]), (difference(p) > 0 ? "+" : "") + difference(p)])),
  );
}

function ladder(definition, entries) {
  const spec = definition.overview;
  const rungs = entries.filter((e) => !isEmpty(e.answers[spec.value])).sort((a, b) => a.answers[spec.value] - b.answers[spec.value]);
  if (!rungs.length) return null;
  const question = (e) => e.answers[spec.label] || tr("overview.ladder.untitled");
  return h(
    "div",
    { class: "tl-overview" },
    ladderFigure(rungs.map((e) => ({ value: e.answers[spec.value], text: question(e) }))),
    h("p", { class: "tl-caption" }, spec.title),
    h("ol", { class: "tl-ladder-list" }, rungs.map((e) => h("li", {}, tr("overview.ladder.item", { question: question(e), value: e.answers[spec.value] })))),
  );
}

// The width the last support map had on the page: a new one starts at it.
let mapWidth = 330;

function circles(definition, entries, _related, spec = definition.overview) {
  const fields = fieldsOf(definition);
  const rings = fields[spec.circle].options;
  const people = entries.filter((e) => e.answers[spec.label] && e.answers[spec.circle]);
  if (!people.length) return null;
  const who = people.map((e) => ({ name: e.answers[spec.label], ring: e.answers[spec.circle] }));
  const draw = (width) => {
    const map = supportMap(rings, who, tr("overview.circles.me"), width);
    return [map.svg, map.key].filter(Boolean);
  };
  const drawnAt = mapWidth;
  const figure = h("figure", { class: "tl-figure tl-figure-map" }, draw(drawnAt));
  // Once on the page, and before it is painted, drawn again for the room it really has
  // (a page that builds its parts first, as Mijn werkboek, puts it there a little later).
  const refit = (frames) => {
    if (!frames || typeof requestAnimationFrame !== "function") return;
    requestAnimationFrame(() => {
      if (!figure.isConnected) return refit(frames - 1);
      const width = figure.clientWidth;
      if (!width || Math.abs(width - drawnAt) < 2) return;
      mapWidth = width;
      figure.replaceChildren(...draw(width));
    });
  };
  refit(30);
  return h(
    "div",
    { class: "tl-overview" },
    figure,
    table(spec.title, [tr("overview.circles.circle"), tr("overview.circles.who")], rings.map((ring) => [ring.label, people.filter((e) => e.answers[spec.circle] === ring.id).map((e) => e.answers[spec.label]).join(", ") || "–"])),
  );
}

// `compare` (day 5's map beside day 1's) is in lookback.js; it draws both with circles().

function tally(definition, entries) {
  const spec = definition.overview;
  const fields = fieldsOf(definition);
  if (!entries.some((e) => e.answers[spec.rows] && e.answers[spec.columns])) return null;
  const count = (r, c) => entries.filter((e) => e.answers[spec.rows] === r && e.answers[spec.columns] === c).length;
  if (spec.said) return h("div", { class: "tl-overview" }, h("p", { class: "tl-caption" }, spec.title), h("ul", { class: "tl-summary" }, tallyLines(definition, entries).map((line) => h("li", {}, line))));
  return h(
    "div",
    { class: "tl-overview" },
    table(spec.title, [fields[spec.rows].label, ...fields[spec.columns].options.map((o) => o.label)], fields[spec.rows].options.map((r) => [r.label, ...fields[spec.columns].options.map((c) => String(count(r.id, c.id)))])),
  );
}

// A tally told in sentences, one per answer chosen (the overview's `said` gives the words
// of each column): "Je koos 1 keer ‘ja voor een deel’, bij een echt aanbod."
function tallyLines(definition, entries) {
  const spec = definition.overview;
  const fields = fieldsOf(definition);
  const lines = [];
  for (const row of fields[spec.rows].options) {
    const counts = fields[spec.columns].options
      .map((c) => [c, entries.filter((e) => e.answers[spec.rows] === row.id && e.answers[spec.columns] === c.id).length])
      .filter(([, n]) => n);
    if (!counts.length) continue;
    const answer = row.label.charAt(0).toLowerCase() + row.label.slice(1);
    const n = counts.reduce((sum, [, k]) => sum + k, 0);
    if (counts.length === 1) {
      lines.push(tr("overview.tally.single", { n, answer, where: spec.said[counts[0][0].id] }));
    } else {
      const parts = counts.map(([c, k]) => tr("overview.tally.part", { n: k, where: spec.said[c.id] }));
      const list = tr("overview.tally.and", { first: parts.slice(0, -1).join(", "), last: parts.at(-1) });
      lines.push(tr("overview.tally.more", { n, answer, parts: list }));
    }
  }
  return lines;
}

const OVERVIEWS = {
  "before-after": beforeAfter,
  "predicted-actual": predictedActual,
  gap,
  ladder,
  circles,
  compare,
  tally,
  "then-now": thenNow,
};
