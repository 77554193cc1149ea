// The support map: the learner in the middle, a ring for each circle, and each person's
// name inside their own ring. Names sit in rows that fit inside the ring, so a name never
// crosses a line or another name, however many people there are. Each ring is as wide as
// its names need. The map is drawn as wide as the page has room for, one unit a CSS pixel,
// so its text is as large on a phone as on a laptop. A ring that cannot hold its names on
// one line wraps them over two or three; a full map grows taller (its rings become ovals,
// whose wide top and bottom hold long names); and when even that is not enough, the
// longest names become numbers, which the key under the map names.

const MAP = { font: 14, line: 17, pad: 4, gap: 6, chip: 7, rowGap: 4, me: 20, narrowest: 240, widest: 520 };
// The map's shapes, the best first: its height / its width.
const SHAPES = [1, 1.25, 1.5];
// Labels and rings worked out while one map is planned (planMap empties it).
const remembered = new Map();

// One ring's labels: names on at most `mode.lines` lines, but the `mode.numbered` longest
// as numbers.
function ringLabels(people, mode) {
  const key = ["labels", mode.lines, mode.numbered, ...people.map((p) => `${p.number} ${p.name}`)].join("\n");
  if (!remembered.has(key)) remembered.set(key, ringLabelsOf(people, mode));
  return remembered.get(key);
}

function ringLabelsOf(people, mode) {
  const longest = people
    .map((person, i) => [textWidth(person.name, MAP.font), i])
    .sort((x, y) => y[0] - x[0])
    .slice(0, mode.numbered)
    .map(([, i]) => i);
  return people.map((person, i) => {
    const numbered = longest.includes(i);
    const text = numbered ? [String(person.number)] : splitName(person.name, mode.lines);
    const width = Math.max(...text.map((l) => textWidth(l, MAP.font))) + 2 * MAP.chip;
    return { person, lines: text, width, numbered };
  });
}

// The oval of a ring whose half width is `r`, in a map of this shape; the learner's own
// circle in the middle stays round.
function oval(r, ratio) {
  return { a: r, b: r * ratio };
}

// The smallest ring outside `inner` (the half width of a ring, or null for the learner's
// circle) that holds labels this high and wide, or null if not even one as large as `outer`
// does.
function smallestRing(inner, outer, ratio, height, widths) {
  const key = [inner, outer, ratio, height, ...widths].join(" ");
  if (!remembered.has(key)) remembered.set(key, smallestRingOf(inner, outer, ratio, height, widths));
  return remembered.get(key);
}

function smallestRingOf(inner, outer, ratio, height, widths) {
  const within = inner === null ? { a: MAP.me, b: MAP.me } : oval(inner, ratio);
  const fits = (r) => placeLabels(rowStretches(within, oval(r, ratio), height), widths) !== null;
  let low = within.a + height + 2 * MAP.pad + 2;
  if (low > outer || !fits(outer)) return null;
  if (fits(low)) return low;
  let high = outer;
  while (high - low > 1) {
    const mid = (low + high) / 2;
    if (fits(mid)) high = mid;
    else low = mid;
  }
  return high;
}

// The rings of a map of this width and shape, each as small as its names allow, from the
// middle out; the room left over then shared out so they fill the map. Null if they do not
// fit.
function tryMap(groups, modes, width, ratio) {
  const outer = width / 2 - 2;
  const labels = groups.map((people, i) => ringLabels(people, modes[i]));
  const heights = labels.map((ls) => Math.max(1, ...ls.map((l) => l.lines.length)) * MAP.line);
  const place = (radii) =>
    labels.map((ls, i) => {
      const within = i ? oval(radii[i - 1], ratio) : { a: MAP.me, b: MAP.me };
      const stretches = rowStretches(within, oval(radii[i], ratio), heights[i]);
      return { radius: radii[i], height: heights[i], labels: ls, spots: placeLabels(stretches, ls.map((l) => l.width)) };
    });
  const smallest = [];
  for (const [i, ls] of labels.entries()) {
    const r = smallestRing(i ? smallest[i - 1] : null, outer, ratio, heights[i], ls.map((l) => l.width));
    if (r === null) return { failed: i };
    smallest.push(r);
  }
  const spare = (outer - smallest.at(-1)) / groups.length;
  let failed = groups.length - 1;
  for (const radii of [smallest.map((r, i) => r + spare * (i + 1)), [...smallest.slice(0, -1), outer]]) {
    const rings = place(radii);
    if (rings.every((ring) => ring.spots)) return { rings };
    failed = rings.findIndex((ring) => !ring.spots);
  }
  return { failed };
}

let lastMap = { key: null, plan: null };

// The plan of a map `width` units wide of `groups` (per ring, its people [{name}]): every
// name on one line in the first shape that holds them; else one step at a time, by one
// ring up to the one that did not fit (those within it are as small as their names allow):
// its names wrap over one more line (up to three), or one more of its longest names
// becomes a number. The step that makes the map fit wins; else a wrap before a number,
// the fullest ring's wrap, the outermost ring's number. A map with every name numbered
// that still does not fit grows.
function planMap(groups, width) {
  const key = JSON.stringify([width, groups.map((people) => people.map((p) => p.name))]);
  if (lastMap.key === key) return lastMap.plan;
  remembered.clear();
  let number = 0;
  for (const people of groups) for (const person of people) person.number = ++number;
  let modes = groups.map(() => ({ lines: 1, numbered: 0 }));
  let shapes = SHAPES.map((ratio) => [width, ratio]);
  let failed = 0;
  const fit = (tried) => {
    for (const [wide, ratio] of shapes) {
      const result = tryMap(groups, tried, wide, ratio);
      if (result.rings) return { rings: result.rings, width: wide, ratio };
      failed = result.failed;
    }
    return null;
  };
  let plan = fit(modes);
  while (!plan) {
    const room = (i) => ringLabels(groups[i], modes[i]).reduce((sum, l) => sum + l.width, 0);
    const steps = groups
      .map((people, i) => {
        const mode = modes[i];
        if (i > failed || mode.numbered >= people.length) return null;
        const wrap = mode.lines < 3;
        const next = wrap ? { ...mode, lines: mode.lines + 1 } : { ...mode, numbered: mode.numbered + 1 };
        return { ring: i, wrap, modes: modes.map((m, j) => (j === i ? next : m)) };
      })
      .filter(Boolean)
      .sort((a, b) => b.wrap - a.wrap || (a.wrap ? room(b.ring) - room(a.ring) : b.ring - a.ring));
    if (!steps.length) {
      shapes = [[Math.round(shapes.at(-1)[0] * 1.2), SHAPES.at(-1)]];
      plan = fit(modes);
      continue;
    }
    const lastFailed = failed;
    for (const step of steps) {
      plan = fit(step.modes);
      if (plan) break;
    }
    failed = lastFailed;
    modes = steps[0].modes;
    if (!plan) plan = fit(modes);
  }
  remembered.clear();
  lastMap = { key, plan };
  return plan;
}

// The map as an SVG for a place `width` CSS pixels wide, and the key of the numbered
// people (or null).
function supportMap(rings, people, meLabel, width) {
  const groups = rings.map((ring) => people.filter((p) => p.ring === ring.id).map((p) => ({ name: p.name })));
  const wide = Math.round(Math.min(MAP.widest, Math.max(MAP.narrowest, width)));
  const plan = planMap(groups, wide);
  const [cx, cy] = [plan.width / 2, (plan.width * plan.ratio) / 2];
  const svg = h("svg", {
    class: "tl-map",
    viewBox: `0 0 ${plan.width} ${plan.width * plan.ratio}`,
    width: plan.width,
    "aria-hidden": "true",
    focusable: "false",
  });
  for (let i = plan.rings.length - 1; i >= 0; i--) {
    const { a, b } = oval(plan.rings[i].radius, plan.ratio);
    svg.append(h("ellipse", { cx, cy, rx: a, ry: b, class: `tl-ring tl-ring-${i}` }));
  }
  svg.append(
    h("circle", { cx, cy, r: MAP.me - 2, class: "tl-me" }),
    h("text", { x: cx, y: cy + MAP.font * 0.35, "text-anchor": "middle", class: "tl-me-label" }, meLabel),
  );
  const numbered = []; // numbered 1, 2, 3 … in the key, whatever their place on the map
  plan.rings.forEach((ring, i) => {
    ring.labels.forEach((label, j) => {
      const { x, y } = ring.spots[j];
      if (label.numbered) numbered.push(label.person);
      const lines = label.numbered ? [String(numbered.length)] : label.lines;
      const height = lines.length * MAP.line;
      svg.append(
        h("rect", {
          x: cx + x - label.width / 2,
          y: cy + y - height / 2,
          width: label.width,
          height,
          rx: Math.min(height / 2, 8),
          class: "tl-person-chip",
          "data-ring": i,
        }),
        ...lines.map((line, k) =>
          h("text", { x: cx + x, y: cy + y + (k - (lines.length - 1) / 2) * MAP.line + MAP.font * 0.35, "text-anchor": "middle", class: "tl-person" }, line),
        ),
      );
    });
  });
  const key = numbered.length
    ? h("ol", { class: "tl-map-key", "aria-hidden": "true" }, numbered.map((p, i) => h("li", {}, h("span", { class: "tl-map-number" }, String(i + 1)), p.name)))
    : null;
  return { svg, key };
}
