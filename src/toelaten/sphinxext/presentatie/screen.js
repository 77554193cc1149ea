// Presentation mode, part 4 of 4 (presentation.py joins them): a day's blocks on a projector, one
// slide at a time, with each block's planned clock time, a countdown of its minutes, what
// comes next and the end of the day. The slides are in the page; the timing (each day's
// blocks per variant, the variants' start and end) and the words come as JSON in
// data-presentation. Keys: → Space PageDown next, ← PageUp back, Home End, P pause,
// R restart, T notes, F full screen, Esc leaves it; in the presenter window ↓ ↑ scroll the
// notes. Where the trainer is (day, variant, block, each block's time) is kept in
// sessionStorage, so a reload keeps it, and shared with the presenter window (link.js).
// A classic script: it works from disk too. It only writes text.
(() => {
  const ns = globalThis.toelatenPresentatie;
  const { plan } = ns;
  const KEY = "toelaten.presentatie";
  const IDLE = 3000; // milliseconds without the mouse before the buttons fade in full screen

  function start(root) {
    const data = JSON.parse(root.dataset.presentation);
    const say = (key, values = {}) =>
      data.words[key].replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all));
    const $ = (selector) => root.querySelector(selector);
    const days = new Map(data.days.map((day) => [day.id, day]));
    const variants = new Map(data.variants.map((v) => [v.id, v]));
    const presenter = new URLSearchParams(location.search).get("scherm") === "spreker";
    const els = {};
    for (const name of ["screen", "setup", "day-select", "day-title", "now", "end", "timer-box", "timer-label", "timer", "timer-state", "upnext", "position", "live", "times-note", "link-note", "time-start", "time-end", "auto", "rounds"]) {
      els[name] = $(`.tl-pres-${name}`);
    }
    const button = (name) => $(`.tl-pres-controls .tl-pres-${name}`);

    // ---- state: shared with the other window, but for the notes shown here ---------------
    const fresh = (day, variant) => ({ day, variant, index: 0, running: false, since: 0, elapsed: {} });
    let notes = presenter;
    function load() {
      try {
        const saved = JSON.parse(sessionStorage.getItem(KEY) || "null");
        if (saved && days.has(saved.day) && variants.has(saved.variant)) {
          notes = presenter || Boolean(saved.notes);
          return { ...fresh(saved.day, saved.variant), ...saved, elapsed: { ...saved.elapsed } };
        }
      } catch {
        // Storage blocked or unreadable: start at the beginning.
      }
      return fresh(data.days[0].id, data.variants[0].id);
    }
    const shared = () => ({ day: state.day, variant: state.variant, index: state.index, running: state.running, since: state.since, elapsed: state.elapsed });
    function save() {
      try {
        sessionStorage.setItem(KEY, JSON.stringify({ ...shared(), notes: presenter ? false : notes }));
      } catch {
        // Without storage the view still works; a reload starts again.
      }
    }
    let state = load();
    const fromHash = /^#presentatie-(.+)$/.exec(location.hash);
    if (fromHash && days.has(fromHash[1]) && fromHash[1] !== state.day) state = fresh(fromHash[1], state.variant);
    takeLink();

    // A link with the run file's times (#versie=dag&tijden=dag-1@09:30-16:00,…): checked
    // whole, kept in this browser as if typed, or refused with a line and nothing changed.
    function takeLink() {
      const found = ns.readTimesLink(location.hash, [...days.keys()], [...variants.keys()]);
      if (!found) return;
      const note = els["link-note"];
      note.hidden = false;
      history.replaceState(null, "", `${location.pathname}${location.search}#presentatie-${state.day}`);
      if (found.error) {
        note.textContent = found.piece ? say("link_bad", { piece: found.piece }) : say("link_bad_plain");
        return;
      }
      const variant = variants.get(found.variant);
      const entries = Object.entries(found.times);
      for (const [id, times] of entries) {
        const check = plan(days.get(id).blocks, variant, times);
        if (check.error === "fit") {
          note.textContent = say("link_fit", { day: days.get(id).title, minutes: check.shortest });
          return;
        }
        if (check.error) {
          note.textContent = say("link_bad_plain");
          return;
        }
      }
      for (const [id, times] of entries) ns.keepTimes(found.variant, id, times);
      if (found.variant !== state.variant) state = fresh(state.day, found.variant);
      const told = entries.map(([id, t]) => `${days.get(id).title} ${say("when", t)}`);
      note.textContent = say("link_done", { days: told.join("; ") });
    }

    // The day as planned: the trainer's own hours if they fit, else the version's.
    function planned() {
      const day = days.get(state.day);
      const variant = variants.get(state.variant);
      const own = ns.timesOf(state.variant, state.day);
      const mine = own.start || own.end ? plan(day.blocks, variant, own) : null;
      const result = mine && !mine.error ? mine : plan(day.blocks, variant, null);
      const byId = new Map(day.blocks.map((b) => [b.id, b]));
      const list = result.slots.map((slot) => ({ ...byId.get(slot.id), ...slot }));
      return { list, start: result.start, end: result.end, own, mine, variant };
    }
    let day = planned();
    const blocks = () => day.list;
    const current = () => blocks()[state.index];
    const clampIndex = () => {
      state.index = Math.max(0, Math.min(Number(state.index) || 0, blocks().length - 1));
    };
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
    const started = () => state.running || Object.values(state.elapsed).some(Boolean);

    // ---- actions --------------------------------------------------------------------
    function go(index) {
      const target = Math.max(0, Math.min(index, blocks().length - 1));
      if (target === state.index) return;
      fold();
      state.index = target;
      state.since = Date.now();
      if (ns.autoStart()) state.running = true;
      changed(true);
    }
    function togglePause() {
      fold();
      state.running = !state.running;
      state.since = Date.now();
      changed(false);
    }
    function restart() {
      state.elapsed[current().id] = 0;
      state.since = Date.now();
      changed(false);
    }
    function toggleNotes() {
      if (presenter) return;
      notes = !notes;
      save();
      render();
    }
    function chooseDay(id) {
      if (!days.has(id) || id === state.day) return;
      state = fresh(id, state.variant);
      history.replaceState(null, "", `${location.search}#presentatie-${id}`);
      changed(true);
    }
    function chooseVariant(id) {
      if (!variants.has(id) || id === state.variant) return;
      fold();
      const block = current().id;
      state.variant = id;
      day = planned();
      state.index = Math.max(0, blocks().findIndex((b) => b.id === block));
      state.since = Date.now();
      changed(true);
    }
    const isFull = () => document.fullscreenElement === root || root.classList.contains("is-full");
    function toggleFull() {
      if (isFull()) {
        if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
        root.classList.remove("is-full");
      } else {
        root.classList.add("is-full"); // also where the Fullscreen API is missing
        if (root.requestFullscreen) root.requestFullscreen().catch(() => {});
        wake();
      }
      render();
    }
    function openPresenter() {
      const url = `${location.pathname}?scherm=spreker#presentatie-${state.day}`;
      const opened = window.open(url, "toelaten-sprekersscherm", "popup,width=1100,height=720");
      els["times-note"].textContent = opened ? "" : say("presenter_blocked");
      if (opened) link.send({ kind: "state", state: shared() });
    }
    function keepTimes() {
      ns.keepTimes(state.variant, state.day, { start: els["time-start"].value, end: els["time-end"].value });
      changed(false);
    }

    // ---- the other window -------------------------------------------------------------
    const link = ns.connect((message) => {
      if (message.kind === "hello") link.send({ kind: "state", state: shared() });
      else if (message.kind === "state" && days.has(message.state?.day) && variants.has(message.state?.variant)) {
        state = { ...fresh(message.state.day, message.state.variant), ...message.state, elapsed: { ...message.state.elapsed } };
        changed(false, false);
      } else if (message.kind === "settings") changed(false, false);
    });

    // ---- drawing (draw.js) -----------------------------------------------------------
    let ticking = 0;
    function changed(moved, tell = true) {
      day = planned();
      clampIndex();
      save();
      render();
      clearInterval(ticking);
      ticking = setInterval(tick, 1000); // the display changes on the block's own seconds
      if (tell) link.send({ kind: "state", state: shared() });
      if (moved) els.live.textContent = say("announce", { title: current().title, minutes: current().minutes });
    }
    const draw = ns.drawer({ root, els, button, say, presenter, title: (id) => days.get(id).title });
    function render() {
      draw.render({ state, day, block: current(), notes, full: isFull(), started: started() });
      tick();
    }
    function tick() {
      draw.tick({ state, day, block: current(), left: current().minutes * 60 - Math.floor(spent(current()) / 1000), started: started() });
    }

    // ---- input ----------------------------------------------------------------------
    const on = (name, action) => button(name).addEventListener("click", action);
    on("prev", () => go(state.index - 1));
    on("next", () => go(state.index + 1));
    on("pause", togglePause);
    on("restart", restart);
    on("notes", toggleNotes);
    on("full", toggleFull);
    $(".tl-pres-setup .tl-pres-fullscreen").addEventListener("click", toggleFull);
    $(".tl-pres-setup .tl-pres-presenter").addEventListener("click", openPresenter);
    els["day-select"].addEventListener("change", () => chooseDay(els["day-select"].value));
    for (const radio of root.querySelectorAll('input[name="tl-pres-variant"]')) {
      radio.addEventListener("change", () => radio.checked && chooseVariant(radio.value));
    }
    // A link with times opened in a tab that already shows this page.
    window.addEventListener("hashchange", () => {
      if (!/(^#|&)tijden=/.test(location.hash)) return;
      takeLink();
      changed(false);
    });
    els["time-start"].addEventListener("change", keepTimes);
    els["time-end"].addEventListener("change", keepTimes);
    els.auto.addEventListener("change", () => ns.keepAutoStart(els.auto.checked));
    document.addEventListener("fullscreenchange", () => {
      if (!document.fullscreenElement) root.classList.remove("is-full");
      render();
    });
    // In full screen the buttons and the key help fade after a while without the mouse;
    // the mouse, a touch or Tab brings them back (they stay reachable by keyboard).
    let idle = 0;
    function wake() {
      root.classList.remove("is-idle");
      clearTimeout(idle);
      idle = setTimeout(() => isFull() && !presenter && root.classList.add("is-idle"), IDLE);
    }
    for (const event of ["mousemove", "pointerdown", "focusin"]) root.addEventListener(event, wake);
    function scrollNotes(direction) {
      const box = root.querySelector(".tl-pres-day:not([hidden]) .tl-slide:not([hidden]) .tl-notes-more");
      if (box) box.scrollBy({ top: direction * box.clientHeight * 0.6 });
    }
    document.addEventListener("keydown", (event) => {
      if (event.key === "Tab") wake();
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target instanceof Element ? event.target : null;
      // Fields keep their own keys; a focused choice keeps its arrows and Space, a button
      // or link its Space. A clicker's PageUp/PageDown and the letters work everywhere else.
      if (target?.closest("select, textarea, [contenteditable], input:not([type=radio]):not([type=checkbox])")) return;
      const onChoice = Boolean(target?.closest("input"));
      const onButton = Boolean(target?.closest("button, a"));
      const actions = {
        ArrowRight: onChoice ? null : () => go(state.index + 1),
        PageDown: () => go(state.index + 1),
        " ": onChoice || onButton ? null : () => go(state.index + 1),
        ArrowLeft: onChoice ? null : () => go(state.index - 1),
        PageUp: () => go(state.index - 1),
        ArrowDown: presenter || (notes && isFull()) ? () => scrollNotes(1) : null,
        ArrowUp: presenter || (notes && isFull()) ? () => scrollNotes(-1) : null,
        Home: () => go(0),
        End: () => go(blocks().length - 1),
        p: togglePause,
        r: restart,
        t: toggleNotes,
        f: presenter ? null : toggleFull,
        Escape: isFull() && !presenter ? toggleFull : null,
      };
      const action = actions[event.key.length === 1 ? event.key.toLowerCase() : event.key];
      if (!action) return;
      event.preventDefault();
      action();
    });

    els.setup.hidden = presenter;
    els.screen.hidden = false;
    root.classList.toggle("is-presenter", presenter);
    root.classList.add("is-live");
    if (presenter) document.title = `${say("presenter_title")} – ${days.get(state.day).title}`;
    clampIndex();
    render();
    ticking = setInterval(tick, 1000);
    link.send({ kind: "hello" });
  }

  function init() {
    for (const root of document.querySelectorAll(".tl-presentation")) start(root);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
