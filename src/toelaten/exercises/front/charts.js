// The pieces the overviews draw with (overviews.js), in HTML rather than SVG: their text is
// the page's text, so it stays readable on a phone, wraps instead of running off, and takes
// the page's colours in light and dark mode. Each picture is aria-hidden; the table or list
// beside it says the same for screen readers and on paper.

// A colour of the course's series (1 to 4) for the nth kind of bar.
function series(n) {
  return (n % 4) + 1;
}

// What each colour means: [{label, series}].
function legend(items) {
  return h(
    "ul",
    { class: "tl-legend" },
    items.map((item) => h("li", {}, h("span", { class: `tl-swatch tl-series-${item.series}` }), item.label)),
  );
}

// One bar: {label, value, min, max, series}, or {label, text, series} for an answer that is
// a word (a choice), shown as that word beside its colour, never as a length.
function barRow(bar) {
  if (bar.value === undefined && bar.text !== undefined) {
    return h(
      "div",
      { class: "tl-bar-row tl-outcome" },
      h("span", { class: "tl-bar-label" }, bar.label),
      h("span", { class: "tl-bar-value" }, h("span", { class: `tl-swatch tl-series-${bar.series}` }), bar.text),
    );
  }
  const empty = isEmpty(bar.value);
  const min = bar.min || 0;
  const share = empty ? 0 : Math.min(100, Math.max(0, (100 * (bar.value - min)) / (bar.max - min)));
  return h(
    "div",
    { class: "tl-bar-row" },
    h("span", { class: "tl-bar-label" }, bar.label),
    h("span", { class: "tl-bar-value" }, empty ? "–" : tr("exercise.scale_value", { value: bar.value, max: bar.max })),
    h(
      "span",
      { class: "tl-bar-track" },
      empty ? "" : h("span", { class: `tl-bar tl-series-${bar.series}`, style: `width: ${share}%` }),
    ),
  );
}

// Groups of bars under a title each: [{title, bars: [...]}], with the legend on top when
// the colours mean something.
function barChart(groups, key = []) {
  return h(
    "figure",
    { class: "tl-figure tl-bars", "aria-hidden": "true" },
    key.length ? legend(key) : "",
    groups.map((group) => h("div", { class: "tl-bar-group" }, h("p", { class: "tl-bar-title" }, group.title), group.bars.map(barRow))),
  );
}

// The question ladder: the hardest question at the top, each rung with its number.
function ladderFigure(rungs) {
  return h(
    "figure",
    { class: "tl-figure tl-ladder", "aria-hidden": "true" },
    h("span", { class: "tl-ladder-top" }),
    rungs
      .slice()
      .reverse()
      .map((rung) =>
        h(
          "div",
          { class: "tl-ladder-row" },
          h("span", { class: "tl-ladder-rung" }, h("span", { class: "tl-rung-value" }, String(rung.value))),
          h("span", { class: "tl-ladder-text" }, rung.text),
        ),
      ),
    h("span", { class: "tl-ladder-foot" }),
  );
}

// A table in a box of its own: on a narrow screen a table that cannot fit scrolls inside
// it, never the page. Such a box can be reached with Tab, so the keyboard scrolls it too.
function tableBox(table) {
  const box = h("div", { class: "tl-table-box" }, table);
  if (typeof requestAnimationFrame === "function") {
    requestAnimationFrame(() => {
      if (box.isConnected && box.scrollWidth > box.clientWidth) {
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", table.querySelector("caption")?.textContent || "");
      }
    });
  }
  return box;
}
