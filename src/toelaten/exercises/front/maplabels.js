// The support map's labels in their rings (supportmap.js plans and draws the map): how
// wide a name is, a name over two or three lines, the rows of labels that fit between two
// rings, and where each label goes in them. MAP's sizes are in supportmap.js.

// A text's width at `font` units, estimated on the wide side: the widths of DejaVu Sans
// (among the widest sans fonts) rounded up, so the page's own font takes no more room.
function textWidth(text, font) {
  let em = 0;
  for (const ch of text) {
    if (ch === " ") em += 0.34;
    else if ("fijlrt.,:;'!|()[]‘’-".includes(ch)) em += 0.44;
    else if ("mwMW@%".includes(ch)) em += 1.0;
    else if (ch !== ch.toLowerCase()) em += 0.8;
    else em += 0.64;
  }
  return em * font;
}

// A name over at most `count` lines, broken after a space or a hyphen where the widest
// line is narrowest. A single long word stays whole.
function splitName(name, count) {
  const words = name.split(/(?<=[ -])/u);
  let best = [name];
  let widest = textWidth(name, MAP.font);
  const tryFrom = (start, lines) => {
    if (lines.length === count - 1 || start === words.length) {
      const all = [...lines, words.slice(start).join("")].map((l) => l.trim()).filter(Boolean);
      const width = Math.max(...all.map((l) => textWidth(l, MAP.font)));
      if (width < widest) [best, widest] = [all, width];
      return;
    }
    for (let end = start + 1; end < words.length; end++) tryFrom(end, [...lines, words.slice(start, end).join("")]);
  };
  if (count > 1 && words.length > 1) tryFrom(0, []);
  return best;
}

// The rows of labels `height` high that fit between the ovals `inner` and `outer` ({a, b}:
// their half width and half height), as stretches {y, x0, x1} (a row that crosses the inner
// oval has one on either side) with their angle round the middle, clockwise from the top.
function rowStretches(inner, outer, height) {
  const [oa, ob] = [outer.a - MAP.pad, outer.b - MAP.pad];
  const [ia, ib] = [inner.a + MAP.pad, inner.b + MAP.pad];
  const step = height + MAP.rowGap;
  const rows = Math.floor((2 * ob + MAP.rowGap) / step);
  const stretches = [];
  for (let k = 0; k < rows; k++) {
    const y = (k - (rows - 1) / 2) * step;
    const far = Math.abs(y) + height / 2;
    if (far >= ob) continue;
    const xo = oa * Math.sqrt(1 - (far / ob) ** 2);
    const near = Math.max(0, Math.abs(y) - height / 2);
    if (near >= ib) stretches.push({ y, x0: -xo, x1: xo });
    else {
      const xi = ia * Math.sqrt(1 - (near / ib) ** 2);
      if (xo > xi) stretches.push({ y, x0: -xo, x1: -xi }, { y, x0: xi, x1: xo });
    }
  }
  for (const s of stretches) s.angle = (Math.atan2((s.x0 + s.x1) / 2, -s.y) + 2 * Math.PI) % (2 * Math.PI);
  return stretches.sort((a, b) => a.angle - b.angle);
}

// Where labels of these widths go in these stretches ([{x, y}], their centres), or null.
// Spread round the ring in order when there is room (k stretches evenly chosen, the labels
// shared out); else the widest first, each where the most room is left.
function placeLabels(stretches, widths) {
  const n = widths.length;
  const count = stretches.length;
  if (!n) return [];
  const put = (groups) => {
    const spots = [];
    for (const [stretch, group] of groups) {
      const total = group.reduce((sum, i) => sum + widths[i], 0) + MAP.gap * Math.max(0, group.length - 1);
      if (total > stretch.x1 - stretch.x0) return null;
      let x = (stretch.x0 + stretch.x1 - total) / 2;
      for (const i of group) {
        spots[i] = { x: x + widths[i] / 2, y: stretch.y };
        x += widths[i] + MAP.gap;
      }
    }
    return spots;
  };
  const all = widths.map((_, i) => i);
  // k stretches as near as can be to k even steps round the ring, from the top (the
  // stretches come in that order, each with its angle).
  const around = (k) => {
    const taken = new Array(count).fill(false);
    for (let t = 0; t < k; t++) {
      const target = (2 * Math.PI * t) / k;
      let best = -1;
      let nearest = Infinity;
      for (let j = 0; j < count; j++) {
        if (taken[j]) continue;
        const off = Math.abs(stretches[j].angle - target);
        const gap = Math.min(off, 2 * Math.PI - off);
        if (gap < nearest) [best, nearest] = [j, gap];
      }
      taken[best] = true;
    }
    return stretches.filter((_, j) => taken[j]);
  };
  for (let k = Math.min(n, count); k <= Math.min(count, n + 3); k++) {
    const chosen = around(k);
    const spots = put(chosen.map((stretch, t) => [stretch, all.slice(Math.floor((t * n) / k), Math.floor(((t + 1) * n) / k))]));
    if (spots) return spots;
  }
  const left = stretches.map((s) => s.x1 - s.x0);
  const groups = stretches.map(() => []);
  for (const i of all.slice().sort((a, b) => widths[b] - widths[a])) {
    let best = -1;
    for (let t = 0; t < count; t++) {
      const need = widths[i] + (groups[t].length ? MAP.gap : 0);
      if (left[t] >= need && (best < 0 || left[t] > left[best])) best = t;
    }
    if (best < 0) return null;
    left[best] -= widths[i] + (groups[best].length ? MAP.gap : 0);
    groups[best].push(i);
  }
  return put(stretches.map((stretch, t) => [stretch, groups[t].sort((a, b) => a - b)]));
}
