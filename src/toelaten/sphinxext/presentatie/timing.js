// Presentation mode, part 1 of 4 (presentation.py joins them): the planned clock time of
// each block of a day. The rule of Schedule.run_sheet (schedule.py) and the run file's
// check (run.py): the trainer's own start and end of the day (each may be left out: the
// variant's own), the extra or missing minutes going to the day's Uitloop (its last buffer
// block); an Uitloop eaten whole is left out; a window the blocks cannot fill is refused.
// tests/js/presentation.test.mjs holds it to Python's answers (presentation_cases.py).
(() => {
  const ns = globalThis.toelatenPresentatie || {};
  globalThis.toelatenPresentatie = ns;

  const two = (n) => String(n).padStart(2, "0");
  // "09:30" or "9:30" as minutes after midnight; null for anything else.
  function minutesOf(text) {
    const found = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(typeof text === "string" ? text : "");
    if (!found) return null;
    const [hours, minutes] = [Number(found[1]), Number(found[2])];
    return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
  }
  const clockOf = (minutes) => `${two(Math.floor(minutes / 60) % 24)}:${two(minutes % 60)}`;

  // blocks: [{id, minutes: {variant: n}, buffer}], variant: {id, start, end}, window:
  // {start, end} (either may be empty). Gives {slots: [{id, start, end, minutes}], start,
  // end} or {error: "order"} (the end is not after the start) or {error: "fit", shortest}
  // (the blocks need at least `shortest` minutes).
  function plan(blocks, variant, window) {
    const start = minutesOf(window?.start) ?? minutesOf(variant.start);
    const end = minutesOf(window?.end) ?? minutesOf(variant.end);
    if (end <= start) return { error: "order" };
    const length = minutesOf(variant.end) - minutesOf(variant.start);
    const extra = end - start - length;
    const own = blocks.filter((block) => Object.hasOwn(block.minutes, variant.id));
    const buffers = own.filter((block) => block.buffer);
    const buffer = buffers.length ? buffers[buffers.length - 1] : null;
    if (extra) {
      const spare = buffer ? buffer.minutes[variant.id] : 0;
      if (buffer === null || spare + extra < 0) return { error: "fit", shortest: length - spare };
    }
    const slots = [];
    let now = start;
    for (const block of own) {
      let minutes = block.minutes[variant.id];
      if (block === buffer) {
        minutes += extra;
        if (minutes === 0) continue;
      }
      slots.push({ id: block.id, start: clockOf(now), end: clockOf(now + minutes), minutes });
      now += minutes;
    }
    return { slots, start: clockOf(start), end: clockOf(end) };
  }

  // Where a werkvorm with rounds is, `seconds` after its block started: parts {intro,
  // round, rounds, close} in minutes. Gives {phase: "intro" | "round" | "close" | "done",
  // n, total, left (seconds to the end of the phase), fresh (a round ended less than
  // SIGNAL seconds ago: the moment to say "wisselen")}.
  const SIGNAL = 20;
  function roundAt(parts, seconds) {
    const t = Math.max(0, Math.floor(seconds));
    const intro = parts.intro * 60;
    const round = parts.round * 60;
    const total = parts.rounds;
    const close = parts.close * 60;
    if (t < intro) return { phase: "intro", n: 0, total, left: intro - t, fresh: false };
    const inRounds = t - intro;
    if (round > 0 && inRounds < round * total) {
      const n = Math.floor(inRounds / round) + 1;
      const into = inRounds % round;
      return { phase: "round", n, total, left: round - into, fresh: n > 1 && into < SIGNAL };
    }
    const after = inRounds - round * total;
    const fresh = total > 0 && after < SIGNAL;
    if (after < close) return { phase: "close", n: total, total, left: close - after, fresh };
    return { phase: "done", n: total, total, left: 0, fresh: close === 0 && fresh };
  }

  // The end of the day as it now looks: `now` and the day's end in minutes after midnight,
  // `left` the seconds left in the current block, `rest` the blocks after it. A block that
  // runs over eats the Uitloop first: {late: minutes past the end (0 while the Uitloop
  // takes it), slack: minutes of Uitloop still free (null without one ahead), finish}.
  function outlook(now, end, left, rest) {
    const busy = rest.filter((b) => !b.buffer).reduce((sum, b) => sum + b.minutes, 0);
    const finish = now + Math.max(left, 0) / 60 + busy;
    const spare = rest.filter((b) => b.buffer).reduce((sum, b) => sum + b.minutes, 0);
    const ahead = rest.some((b) => b.buffer);
    const free = Math.min(spare, Math.max(0, Math.floor(end - finish + 1e-9)));
    return { late: Math.max(0, Math.ceil(finish - end - 1e-9)), slack: ahead ? free : null, finish };
  }

  // The times of a run file in a link: `#versie=dag&tijden=dag-1@09:30-16:00,dag-2@…`
  // (`toelaten schedule --schedule FILE` prints it). Read strictly: a known variant, known
  // days once each, times that are times. Gives {variant, times: {day: {start, end}}} or
  // {error, piece} (the bad part, cut short) and takes nothing from a bad link.
  const LINK_MAX = 600;
  function readTimesLink(hash, dayIds, variantIds) {
    const text = typeof hash === "string" ? hash.replace(/^#/, "") : "";
    if (!/(^|&)tijden=/.test(text)) return null;
    const cut = (piece) => String(piece).slice(0, 40);
    if (text.length > LINK_MAX) return { error: "long", piece: "" };
    const params = new Map();
    for (const pair of text.split("&")) {
      const at = pair.indexOf("=");
      let key, value;
      try {
        key = decodeURIComponent(at < 0 ? pair : pair.slice(0, at));
        value = decodeURIComponent(at < 0 ? "" : pair.slice(at + 1));
      } catch {
        return { error: "piece", piece: cut(pair) };
      }
      if (params.has(key)) return { error: "piece", piece: cut(pair) };
      params.set(key, value);
    }
    const variant = params.get("versie") ?? variantIds[0];
    if (!variantIds.includes(variant)) return { error: "variant", piece: cut(variant) };
    const times = {};
    const items = (params.get("tijden") || "").replace(/[\s\u200b]+/g, "").split(",").filter(Boolean);
    if (!items.length) return { error: "empty", piece: "" };
    for (const item of items) {
      const found = /^([a-z0-9-]+)@(\d{1,2}:\d{2})-(\d{1,2}:\d{2})$/.exec(item);
      if (!found || !dayIds.includes(found[1]) || Object.hasOwn(times, found[1])) return { error: "piece", piece: cut(item) };
      const [start, end] = [minutesOf(found[2]), minutesOf(found[3])];
      if (start === null || end === null || end <= start) return { error: "piece", piece: cut(item) };
      times[found[1]] = { start: clockOf(start), end: clockOf(end) };
    }
    return { variant, times };
  }

  Object.assign(ns, { two, minutesOf, clockOf, plan, roundAt, outlook, readTimesLink });
})();
