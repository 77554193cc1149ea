// Presentation mode (sphinxext/presentation.py): a day's blocks on a projector, one slide
// at a time, with a countdown of the block's minutes, what comes next and the end of the
// day. The slides are in the page; the timing (each day's blocks per variant, the variants'
// start and end) and the words come as JSON in data-presentation. Keys: → Space PageDown
// next, ← PageUp back, Home End, P pause, R restart, T notes, F full screen (Esc leaves).
// Where the trainer is (day, variant, block, each block's time) is kept in sessionStorage,
// so a reload keeps it. A classic script: it works from disk too. It only writes text.
(() => {
  const KEY = "toelaten.presentatie";
  const ENDING = 120; // seconds: the last two minutes turn the timer a gentle colour

  function start(root) {
    const data = JSON.parse(root.dataset.presentation);
    const words = data.words;
    const $ = (selector) => root.querySelector(selector);
    const say = (key, values = {}) =>
      words[key].replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all));
    const days = new Map(data.days.map((day) => [day.id, day]));
    const variants = new Map(data.variants.map((v) => [v.id, v]));
    const els = {
      screen: $(".tl-pres-screen"),
      setup: $(".tl-pres-setup"),
      daySelect: $(".tl-pres-day-select"),
      dayTitle: $(".tl-pres-day-title"),
      now: $(".tl-pres-now"),
      end: $(".tl-pres-end"),
      timerBox: $(".tl-pres-timer-box"),
      timerLabel: $(".tl-pres-timer-label"),
      timer: $(".tl-pres-timer"),
      timerState: $(".tl-pres-timer-state"),
      next: $(".tl-pres-upnext"),
      position: $(".tl-pres-position"),
      live: $(".tl-pres-live"),
      pause: $(".tl-pres-pause"),
      notes: $(".tl-pres-notes"),
      full: $(".tl-pres-full"),
    };

    // ---- state ----------------------------------------------------------------------
    function fresh(day, variant) {
      return { day, variant, index: 0, running: false, since: 0, elapsed: {}, notes: false };
    }
    function load() {
      try {
        const saved = JSON.parse(sessionStorage.getItem(KEY) || "null");
        if (saved && days.has(saved.day) && variants.has(saved.variant)) {
          return { ...fresh(saved.day, saved.variant), ...saved, elapsed: { ...saved.elapsed } };
        }
      } catch {
        // Storage blocked or unreadable: start at the beginning.
      }
      return fresh(data.days[0].id, data.variants[0].id);
    }
    function save() {
      try {
        sessionStorage.setItem(KEY, JSON.stringify(state));
      } catch {
        // Without storage the view still works; a reload starts again.
      }
    }
    let state = load();
    const fromHash = /^#presentatie-(.+)$/.exec(location.hash);
    if (fromHash && days.has(fromHash[1]) && fromHash[1] !== state.day) {
      state = fresh(fromHash[1], state.variant);
    }

    const blocks = () => days.get(state.day).blocks.filter((b) => state.variant in b.minutes);
    const current = () => blocks()[state.index];
    function clampIndex() {
      state.index = Math.max(0, Math.min(state.index, blocks().length - 1));
    }
    // Milliseconds spent on a block: what was kept, plus the running stretch.
    function spent(block) {
      const kept = Number(state.elapsed[block.id]) || 0;
      return kept + (state.running && block === current() ? Math.max(0, Date.now() - state.since) : 0);
    }
    function fold() {
      if (state.running) {
        state.elapsed[current().id] = spent(current());
        state.since = Date.now();
      }
    }

    // ---- actions --------------------------------------------------------------------
    function go(index) {
      const count = blocks().length;
      const target = Math.max(0, Math.min(index, count - 1));
      if (target === state.index) return;
      fold();
      state.index = target;
      state.since = Date.now();
      changed(true);
    }
    function togglePause() {
      if (state.running) {
        fold();
        state.running = false;
      } else {
        state.running = true;
        state.since = Date.now();
      }
      changed(false);
    }
    function restart() {
      state.elapsed[current().id] = 0;
      state.since = Date.now();
      changed(false);
    }
    function toggleNotes() {
      state.notes = !state.notes;
      changed(false);
    }
    function chooseDay(day) {
      if (!days.has(day) || day === state.day) return;
      state = fresh(day, state.variant);
      history.replaceState(null, "", `#presentatie-${day}`);
      changed(true);
    }
    function chooseVariant(variant) {
      if (!variants.has(variant) || variant === state.variant) return;
      fold();
      const id = current().id;
      state.variant = variant;
      const index = blocks().findIndex((b) => b.id === id);
      state.index = index < 0 ? 0 : index;
      state.since = Date.now();
      changed(true);
    }
    function isFull() {
      return document.fullscreenElement === root || root.classList.contains("is-full");
    }
    function toggleFull() {
      if (isFull()) {
        if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
        root.classList.remove("is-full");
      } else {
        root.classList.add("is-full"); // also where the Fullscreen API is missing
        if (root.requestFullscreen) root.requestFullscreen().catch(() => {});
      }
      render();
    }

    // ---- drawing --------------------------------------------------------------------
    const two = (n) => String(n).padStart(2, "0");
    const clock = (date) => `${two(date.getHours())}:${two(date.getMinutes())}`;
    const span = (seconds) => `${two(Math.floor(seconds / 60))}:${two(seconds % 60)}`;
    function minutesOf(hhmm) {
      const [h, m] = hhmm.split(":").map(Number);
      return h * 60 + m;
    }

    // The display changes on the block's own seconds: the tick restarts with each change.
    let ticking = 0;
    function changed(moved) {
      clampIndex();
      save();
      render();
      clearInterval(ticking);
      ticking = setInterval(tick, 1000);
      if (moved) {
        const block = current();
        els.live.textContent = say("announce", { title: block.title, minutes: block.minutes[state.variant] });
      }
    }

    function render() {
      const list = blocks();
      const block = current();
      const variant = variants.get(state.variant);
      els.dayTitle.textContent = days.get(state.day).title;
      els.daySelect.value = state.day;
      for (const radio of root.querySelectorAll('input[name="tl-pres-variant"]')) {
        radio.checked = radio.value === state.variant;
      }
      for (const day of root.querySelectorAll(".tl-pres-day")) day.hidden = day.dataset.day !== state.day;
      const slides = root.querySelectorAll(`.tl-pres-day[data-day="${state.day}"] .tl-slide`);
      for (const slide of slides) slide.hidden = slide.dataset.block !== block.id;
      root.classList.toggle("show-notes", state.notes);
      els.notes.setAttribute("aria-pressed", String(state.notes));
      els.pause.textContent = state.running ? say("pause") : Object.values(state.elapsed).some(Boolean) ? say("resume") : say("start");
      els.full.textContent = isFull() ? say("fullscreen_leave") : say("fullscreen");
      els.position.textContent = say("position", { n: state.index + 1, total: list.length });
      const after = list[state.index + 1];
      els.next.textContent = after ? say("next", { title: after.title, minutes: after.minutes[state.variant] }) : say("last");
      // The planned end of the day, from the variant's start.
      const planned = minutesOf(variant.start) + list.reduce((sum, b) => sum + b.minutes[state.variant], 0);
      els.end.dataset.planned = `${two(Math.floor(planned / 60) % 24)}:${two(planned % 60)}`;
      tick();
    }

    // Once a second: the countdown, the clock and the expected end.
    function tick() {
      const list = blocks();
      const block = current();
      const total = block.minutes[state.variant] * 60;
      const left = total - Math.floor(spent(block) / 1000);
      const over = left <= 0;
      els.timer.textContent = over ? `+${span(-left)}` : span(left);
      els.timerLabel.textContent = over ? say("over") : say("remaining");
      els.timerBox.classList.toggle("is-ending", !over && left <= ENDING);
      els.timerBox.classList.toggle("is-over", over);
      els.timerBox.classList.toggle("is-paused", !state.running);
      els.timerState.textContent = state.running ? "" : Object.values(state.elapsed).some(Boolean) ? say("paused") : say("waiting");
      const now = new Date();
      els.now.textContent = say("now", { time: clock(now) });
      let end = say("end", { time: els.end.dataset.planned || "" });
      const started = state.running || Object.values(state.elapsed).some(Boolean);
      if (started) {
        const rest = list.slice(state.index + 1).reduce((sum, b) => sum + b.minutes[state.variant], 0);
        const expected = new Date(now.getTime() + (Math.max(left, 0) + rest * 60) * 1000);
        if (clock(expected) !== els.end.dataset.planned) end += ` · ${say("expected", { time: clock(expected) })}`;
      }
      els.end.textContent = end;
      const resume = root.querySelector(".tl-slide:not([hidden]) .tl-slide-resume");
      if (resume) {
        resume.textContent = state.running ? say("resume_at", { time: clock(new Date(now.getTime() + Math.max(left, 0) * 1000)) }) : "";
      }
    }

    // ---- input ----------------------------------------------------------------------
    const click = (name, action) => $(`.tl-pres-controls .tl-pres-${name}`).addEventListener("click", action);
    click("prev", () => go(state.index - 1));
    click("next", () => go(state.index + 1));
    click("pause", togglePause);
    click("restart", restart);
    click("notes", toggleNotes);
    click("full", toggleFull);
    $(".tl-pres-setup .tl-pres-fullscreen").addEventListener("click", toggleFull);
    els.daySelect.addEventListener("change", () => chooseDay(els.daySelect.value));
    for (const radio of root.querySelectorAll('input[name="tl-pres-variant"]')) {
      radio.addEventListener("change", () => radio.checked && chooseVariant(radio.value));
    }
    document.addEventListener("fullscreenchange", () => {
      if (!document.fullscreenElement) root.classList.remove("is-full");
      render();
    });
    document.addEventListener("keydown", (event) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target instanceof Element ? event.target : null;
      // Fields keep their own keys; a focused choice keeps its arrows and Space, a button
      // or link its Space. A clicker's PageUp/PageDown and the letters work everywhere else.
      if (target?.closest("select, textarea, [contenteditable], input:not([type=radio])")) return;
      const onChoice = Boolean(target?.closest("input"));
      const onButton = Boolean(target?.closest("button, a"));
      const actions = {
        ArrowRight: onChoice ? null : () => go(state.index + 1),
        PageDown: () => go(state.index + 1),
        " ": onChoice || onButton ? null : () => go(state.index + 1),
        ArrowLeft: onChoice ? null : () => go(state.index - 1),
        PageUp: () => go(state.index - 1),
        Home: () => go(0),
        End: () => go(blocks().length - 1),
        p: togglePause,
        r: restart,
        t: toggleNotes,
        f: toggleFull,
        Escape: () => isFull() && !document.fullscreenElement && toggleFull(),
      };
      const action = actions[event.key.length === 1 ? event.key.toLowerCase() : event.key];
      if (!action) return;
      event.preventDefault();
      action();
    });

    els.setup.hidden = false;
    els.screen.hidden = false;
    root.classList.add("is-live");
    clampIndex();
    render();
    ticking = setInterval(tick, 1000);
  }

  function init() {
    for (const root of document.querySelectorAll(".tl-presentation")) start(root);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
