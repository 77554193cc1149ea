// Pictures of a learner's answers, each with the same facts as text beside it: the
// drawing is aria-hidden, the table or list is what screen readers and printers read.

function fieldsOf(definition) {
  return Object.fromEntries(definition.fields.map((f) => [f.id, f]));
}

function table(caption, head, rows) {
  return h(
    "table",
    { class: "tl-table" },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, head.map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, rows.map((row) => h("tr", {}, h("th", { scope: "row" }, row[0]), row.slice(1).map((c) => h("td", {}, c))))),
  );
}

// Groups of horizontal bars: [{title, bars: [{label, value, max}]}].
function barChart(groups) {
  const barHeight = 16;
  const width = 600;
  const heights = groups.map((g) => 26 + g.bars.length * (barHeight + 4));
  const svg = h("svg", {
    class: "tl-chart",
    viewBox: `0 0 ${width} ${heights.reduce((a, b) => a + b, 0)}`,
    "aria-hidden": "true",
    focusable: "false",
  });
  let y0 = 0;
  groups.forEach((group, g) => {
    svg.append(h("text", { x: 0, y: y0 + 14, class: "tl-chart-label" }, group.title));
    group.bars.forEach((bar, b) => {
      const y = y0 + 22 + b * (barHeight + 4);
      const w = isEmpty(bar.value) ? 0 : (width * bar.value) / bar.max;
      svg.append(
        h("rect", { x: 0, y, width, height: barHeight, class: "tl-bar-track" }),
        h("rect", { x: 0, y, width: w, height: barHeight, class: `tl-bar tl-bar-${b % 3}` }),
        h("text", { x: 6, y: y + 12, class: "tl-bar-text" }, `${bar.label}: ${isEmpty(bar.value) ? "–" : bar.text || bar.value}`),
      );
    });
    y0 += heights[g];
  });
  return svg;
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
    h("figure", { class: "tl-figure" }, barChart(rows.map((e) => ({
      title: title(e),
      bars: spec.bars.map((b) => ({ label: b.label, value: e.answers[b.field], max: fields[b.field].max })),
    })))),
    table(spec.title, [spec.label_title, ...spec.bars.map((b) => b.label)], rows.map((e) => [title(e), ...spec.bars.map((b) => shown(e.answers[b.field]))])),
  );
}

function actualScore(pair, entry) {
  const value = entry.answers[pair.actual];
  if (isEmpty(value)) return null;
  return pair.scores ? pair.scores[value] : value;
}

function predictedActual(definition, entries) {
  const spec = definition.overview;
  const fields = fieldsOf(definition);
  const done = entries.filter((e) => spec.pairs.some((p) => actualScore(p, e) !== null));
  if (!done.length) return null;
  const max = (p) => fields[p.predicted].max;
  const averages = spec.pairs.map((p) => {
    const both = done.filter((e) => !isEmpty(e.answers[p.predicted]) && actualScore(p, e) !== null);
    if (!both.length) return null;
    const mean = (xs) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
    return {
      label: p.label,
      predicted: mean(both.map((e) => e.answers[p.predicted])),
      actual: mean(both.map((e) => actualScore(p, e))),
      max: max(p),
    };
  }).filter(Boolean);
  return h(
    "div",
    { class: "tl-overview" },
    h("ul", { class: "tl-summary" }, averages.map((a) => h("li", {}, tr("overview.average", a)))),
    h("figure", { class: "tl-figure" }, barChart(done.map((e) => ({
      title: entryTitle(definition, e),
      bars: spec.pairs.flatMap((p) => [
        { label: tr("overview.predicted", { label: p.label }), value: e.answers[p.predicted], max: max(p) },
        { label: tr("overview.actual", { label: p.label }), value: actualScore(p, e), max: max(p) },
      ]),
    })))),
    table(
      spec.title,
      [definition.entry.name, ...spec.pairs.flatMap((p) => [tr("overview.predicted", { label: p.label }), tr("overview.actual", { label: p.label })])],
      done.map((e) => [entryTitle(definition, e), ...spec.pairs.flatMap((p) => [shown(e.answers[p.predicted]), shown(actualScore(p, e))])]),
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
  return h(
    "div",
    { class: "tl-overview" },
    h("figure", { class: "tl-figure" }, barChart(rows.map((p) => ({
      title: p.label,
      bars: [
        { label: tr("overview.gap.them"), value: entry.answers[p.them], max: fields[p.them].max },
        { label: tr("overview.gap.me"), value: entry.answers[p.me], max: fields[p.me].max },
      ],
    })))),
    table(spec.title, [tr("overview.gap.trait"), tr("overview.gap.the_other"), tr("overview.gap.you"), tr("overview.gap.difference")], rows.map((p) => [p.label, shown(entry.answers[p.them]), shown(entry.answers[p.me]), (difference(p) > 0 ? "+" : "") + difference(p)])),
  );
}

function ladder(definition, entries) {
  const spec = definition.overview;
  const rungs = entries.filter((e) => !isEmpty(e.answers[spec.value])).sort((a, b) => a.answers[spec.value] - b.answers[spec.value]);
  if (!rungs.length) return null;
  const step = 44;
  const height = rungs.length * step + 20;
  const svg = h("svg", { class: "tl-chart tl-ladder", viewBox: `0 0 600 ${height}`, "aria-hidden": "true", focusable: "false" },
    h("line", { x1: 20, y1: 0, x2: 20, y2: height, class: "tl-rail" }),
    h("line", { x1: 120, y1: 0, x2: 120, y2: height, class: "tl-rail" }));
  rungs.forEach((entry, i) => {
    const y = height - 20 - i * step;
    svg.append(
      h("line", { x1: 20, y1: y, x2: 120, y2: y, class: "tl-rung" }),
      h("text", { x: 70, y: y - 6, class: "tl-rung-value", "text-anchor": "middle" }, String(entry.answers[spec.value])),
      h("text", { x: 132, y: y + 4, class: "tl-chart-label" }, entry.answers[spec.label] || tr("overview.ladder.untitled")),
    );
  });
  return h(
    "div",
    { class: "tl-overview" },
    h("figure", { class: "tl-figure" }, svg),
    h("p", { class: "tl-caption" }, spec.title),
    h("ol", { class: "tl-ladder-list" }, rungs.map((e) => h("li", {}, tr("overview.ladder.item", { question: e.answers[spec.label] || tr("overview.ladder.untitled"), value: e.answers[spec.value] })))),
  );
}

function circles(definition, entries, _related, spec = definition.overview) {
  const fields = fieldsOf(definition);
  const rings = fields[spec.circle].options;
  const people = entries.filter((e) => e.answers[spec.label] && e.answers[spec.circle]);
  if (!people.length) return null;
  const size = 420;
  const c = size / 2;
  const radius = (i) => ((i + 1) * (c - 10)) / rings.length;
  const svg = h("svg", { class: "tl-chart tl-circles", viewBox: `0 0 ${size} ${size}`, "aria-hidden": "true", focusable: "false" },
    rings.slice().reverse().map((_, j) => h("circle", { cx: c, cy: c, r: radius(rings.length - 1 - j), class: `tl-ring tl-ring-${rings.length - 1 - j}` })),
    h("text", { x: c, y: c + 5, "text-anchor": "middle", class: "tl-chart-label" }, tr("overview.circles.me")));
  rings.forEach((ring, i) => {
    const here = people.filter((e) => e.answers[spec.circle] === ring.id);
    const r = i === 0 ? radius(0) * 0.6 : (radius(i) + radius(i - 1)) / 2;
    here.forEach((entry, k) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * k) / here.length; // first name at the top, clear of "Ik"
      svg.append(h("text", { x: c + r * Math.cos(angle), y: c + r * Math.sin(angle) + 4, "text-anchor": "middle", class: "tl-person" }, entry.answers[spec.label]));
    });
  });
  return h(
    "div",
    { class: "tl-overview" },
    h("figure", { class: "tl-figure tl-figure-square" }, svg),
    table(spec.title, [tr("overview.circles.circle"), tr("overview.circles.who")], rings.map((ring) => [ring.label, people.filter((e) => e.answers[spec.circle] === ring.id).map((e) => e.answers[spec.label]).join(", ") || "–"])),
  );
}

// `compare` (day 5's map beside day 1's) is in lookback.js; it draws both with circles().

function tally(definition, entries) {
  const spec = definition.overview;
  const fields = fieldsOf(definition);
  if (!entries.some((e) => e.answers[spec.rows] && e.answers[spec.columns])) return null;
  const count = (r, c) => entries.filter((e) => e.answers[spec.rows] === r && e.answers[spec.columns] === c).length;
  return h(
    "div",
    { class: "tl-overview" },
    table(spec.title, [fields[spec.rows].label, ...fields[spec.columns].options.map((o) => o.label)], fields[spec.rows].options.map((r) => [r.label, ...fields[spec.columns].options.map((c) => String(count(r.id, c.id)))])),
  );
}

const OVERVIEWS = {
  "before-after": beforeAfter,
  "predicted-actual": predictedActual,
  gap,
  ladder,
  circles,
  compare,
  tally,
};
