// Looking back from one exercise at another: day 5's support map starts from day 1's and
// shows what changed, and day 2 shows the log of day 1 where it asks for it. takeOver and
// compareMaps need no page (tests/js/ui.test.mjs); the maps are drawn by circles()
// (overviews.js), one beside the other.

// New entries for this exercise, one for each entry of the other (the exercise it extends),
// each with the id of the entry it came from: renamed later, it is still the same person.
function takeOver(definition, before) {
  const fields = new Set(definition.fields.map((f) => f.id));
  const stem = newEntry().id.slice(0, 48);
  return before
    .map((entry) => [entry, Object.entries(entry.answers).filter(([id, value]) => fields.has(id) && !isEmpty(value))])
    .filter(([, answers]) => answers.length)
    .map(([entry, answers], i) => ({
      ...newEntry(structuredClone(Object.fromEntries(answers))),
      id: `${stem}${i.toString(36)}`,
      origin: entry.id,
    }));
}

// Who is new on the map, came closer, went further away, is asked more often, or is gone.
// People are matched by entry: a copy by the entry it came from (its `origin`), whatever
// its name is now; only someone added by hand is matched by name (the same name, in any
// case), as is everyone on a map from before copies remembered where they came from.
function compareMaps(definition, now, before) {
  const spec = definition.overview;
  const fields = fieldsOf(definition);
  const name = (e) => String(e.answers[spec.label] || "").trim();
  const key = (e) => name(e).toLowerCase();
  const rank = (field, value) => fields[field].options.findIndex((o) => o.id === value);
  const open = new Map(before.filter(name).map((e) => [e.id, e])); // not matched yet
  const people = now.filter(name);
  const pairs = new Map(); // entry of now -> entry of before
  for (const entry of people) {
    if (entry.origin && open.has(entry.origin)) {
      pairs.set(entry, open.get(entry.origin));
      open.delete(entry.origin);
    }
  }
  const byName = groupBy([...open.values()], key);
  for (const entry of people) {
    if (pairs.has(entry)) continue;
    const old = (byName.get(key(entry)) || []).find((o) => open.has(o.id));
    if (!old) continue;
    pairs.set(entry, old);
    open.delete(old.id);
  }
  const changes = { added: [], closer: [], further: [], askedMore: [], gone: [], renamed: [] };
  for (const entry of people) {
    const old = pairs.get(entry);
    if (!old) {
      changes.added.push(name(entry));
      continue;
    }
    if (key(old) !== key(entry)) changes.renamed.push([name(old), name(entry)]);
    const [was, is] = [old, entry].map((e) => rank(spec.circle, e.answers[spec.circle]));
    if (was >= 0 && is >= 0 && is < was) changes.closer.push(name(entry));
    if (was >= 0 && is >= 0 && is > was) changes.further.push(name(entry));
    const [asked, asks] = [old, entry].map((e) => rank(spec.asked, e.answers[spec.asked]));
    if (asked >= 0 && asks >= 0 && asks < asked) changes.askedMore.push(name(entry));
  }
  changes.gone = [...open.values()].map(name);
  return changes;
}

function groupBy(list, key) {
  const groups = new Map();
  for (const item of list) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

// The `compare` overview: what changed, then day 1's map beside today's (stacked on a phone).
// Before the learner has begun today's map there is nothing to compare: only day 1's map.
function compare(definition, entries, related) {
  const spec = definition.overview;
  const before = related?.[spec.with] || [];
  const map = (list, heading) => {
    const drawn = circles(definition, list, related, { ...spec, title: heading });
    return drawn ? h("div", { class: "tl-compare-map" }, h("p", { class: "tl-caption" }, heading), drawn) : "";
  };
  const then = map(before, tr("overview.compare.then"));
  const now = map(entries, tr("overview.compare.now"));
  if (!then && !now) return null;
  let summary = "";
  if (!before.length) summary = h("p", {}, tr("overview.compare.none_before"));
  else if (entries.length) {
    const c = compareMaps(definition, entries, before);
    const renamed = new Map(c.renamed.map(([old, name]) => [name, old]));
    const who = (names) => names.map((n) => (renamed.has(n) ? tr("overview.compare.was", { name: n, before: renamed.get(n) }) : n)).join(", ");
    const lines = [
      [tr("overview.compare.added"), c.added],
      [tr("overview.compare.closer"), c.closer],
      [tr("overview.compare.further"), c.further],
      [tr("overview.compare.asked_more"), c.askedMore],
      [tr("overview.compare.gone"), c.gone],
    ].filter(([, names]) => names.length);
    summary = lines.length
      ? h("ul", { class: "tl-summary tl-compare" }, lines.map(([text, names]) => h("li", {}, `${text}: ${who(names)}.`)))
      : h("p", { class: "tl-compare" }, tr("overview.compare.unchanged"));
  }
  const heading = entries.length ? h("h4", { class: "tl-section" }, spec.title) : ""; // nothing changed yet
  return h("div", { class: "tl-overview" }, heading, summary, h("div", { class: "tl-compare-maps" }, then, now));
}

// The offer to start from the other exercise's entries, while this one has none.
function takeOverOffer(spec, onTake) {
  return h(
    "div",
    { class: "tl-take-over" },
    h("p", { class: "tl-help" }, spec.help),
    h("button", { type: "button", class: "tl-button", onclick: onTake }, spec.label),
  );
}

// Another exercise's entries, read-only (day 1's log on day 2), with a link to it when the
// page knows where it is (the book; `href` is null in Jupyter).
function lookBack(spec, entries, href) {
  const link = href ? h("a", { href, class: "tl-look-back-link" }, spec.link) : "";
  const title = (e) => e.answers[spec.entry.title_field] || tr("exercise.untitled", { name: spec.entry.name });
  const shown = entries.filter((e) => !isEmpty(e.answers));
  return h(
    "details",
    { class: "tl-look-back", open: true },
    h("summary", {}, shown.length ? tr("exercise.look_back.count", { title: spec.title, n: shown.length }) : spec.title),
    shown.length
      ? h(
          "ul",
          { class: "tl-look-back-list" },
          shown.map((e) =>
            h(
              "li",
              {},
              h("p", { class: "tl-look-back-title" }, title(e)),
              h(
                "dl",
                {},
                spec.fields
                  .filter((f) => !isEmpty(e.answers[f.id]))
                  .map((f) => [h("dt", {}, f.label), h("dd", {}, answerText(f, e.answers[f.id]))]),
              ),
            ),
          ),
        )
      : h("p", { class: "tl-empty" }, spec.empty),
    link ? h("p", {}, link) : "",
  );
}

// The look-back of `definition` (if it has one) drawn into `slot`, open or folded as it was.
function showLookBack(slot, definition, model) {
  const spec = definition.look_back;
  if (!spec) return;
  const before = model.get("related")?.[spec.from] || [];
  const wasOpen = slot.firstChild ? slot.firstChild.open : true;
  const view = lookBack(spec, before, model.get("links")?.[spec.from] || null);
  view.open = wasOpen;
  slot.replaceChildren(view);
}

// The `then-now` overview: a self-check beside the one it repeats (day 5 beside day 1).
// Per scale question the two answers as bars (and as a table for screen readers), then the
// words written both times (catalogue.py,
// handouts/charts.py: the same for the printed workbook).
function thenNow(definition, entries, related) {
  const spec = definition.overview;
  const now = entries[0]?.answers || {};
  const then = (related?.[spec.with] || [])[0]?.answers || {};
  const scales = definition.fields.filter((f) => f.kind === "scale" && (!isEmpty(now[f.id]) || !isEmpty(then[f.id])));
  if (!scales.length) return null;
  const bar = (f, label, value, n) => ({ label, value, min: f.min, max: f.max, series: series(n) });
  const text = (f, value) => (isEmpty(value) ? "–" : tr("exercise.scale_value", { value, max: f.max }));
  return h(
    "div",
    { class: "tl-overview tl-then-now" },
    barChart(
      scales.map((f) => ({ title: f.label, bars: [bar(f, spec.then, then[f.id], 0), bar(f, spec.now, now[f.id], 1)] })),
      [
        { label: spec.then, series: series(0) },
        { label: spec.now, series: series(1) },
      ],
    ),
    // The numbers once more for screen readers only (the bars are aria-hidden); on screen
    // they would repeat the picture.
    h(
      "div",
      { class: "tl-sr-only" },
      h(
        "table",
        { class: "tl-table" },
        h("caption", {}, spec.title),
        h("thead", {}, h("tr", {}, [spec.label_title, spec.then, spec.now].map((c) => h("th", { scope: "col" }, c)))),
        h(
          "tbody",
          {},
          scales.map((f) => h("tr", {}, h("th", { scope: "row" }, f.label), h("td", {}, text(f, then[f.id])), h("td", {}, text(f, now[f.id])))),
        ),
      ),
    ),
    // What the learner wrote in words, then and now, side by side under its question.
    definition.fields
      .filter((f) => (f.kind === "text" || f.kind === "longtext") && (!isEmpty(now[f.id]) || !isEmpty(then[f.id])))
      .map((f) =>
        h(
          "div",
          { class: "tl-then-now-words" },
          h("p", { class: "tl-then-now-question" }, f.label),
          h("p", {}, h("strong", {}, `${spec.then}: `), isEmpty(then[f.id]) ? "–" : String(then[f.id])),
          h("p", {}, h("strong", {}, `${spec.now}: `), isEmpty(now[f.id]) ? "–" : String(now[f.id])),
        ),
      ),
  );
}
