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

  Object.assign(ns, { two, minutesOf, clockOf, plan });
})();
