// Presentation mode, part 3 of 4: drawing what screen.js decided. `render` after every
// change (which slide, the buttons, the planned times), `tick` once a second (the
// countdown, the clock, the end of the day, the time a break ends). Only text is written.
(() => {
  const ns = globalThis.toelatenPresentatie || {};
  globalThis.toelatenPresentatie = ns;
  const ENDING = 120; // seconds: the last two minutes turn the timer a gentle colour

  ns.drawer = ({ root, els, button, say, presenter, title }) => {
    const { two, clockOf, minutesOf } = ns;
    const clock = (date) => `${two(date.getHours())}:${two(date.getMinutes())}`;
    const span = (seconds) => `${two(Math.floor(seconds / 60))}:${two(seconds % 60)}`;
    const setField = (input, value) => {
      if (document.activeElement !== input && input.value !== value) input.value = value;
    };

    function timesNote(day) {
      const { mine, own, variant } = day;
      if (!mine) return say("times_default", { start: variant.start, end: variant.end });
      if (mine.error === "order") return say("times_order");
      if (mine.error === "fit") {
        const from = minutesOf(own.start) ?? minutesOf(variant.start);
        return say("times_fit", { minutes: mine.shortest, fit: clockOf(from + mine.shortest) });
      }
      const buffer = day.list.find((b) => b.buffer);
      if (!buffer) return say("times_no_buffer", { start: day.start, end: day.end });
      return say("times_planned", { start: day.start, end: day.end, minutes: buffer.minutes });
    }

    function render({ state, day, block, notes, full, started }) {
      const list = day.list;
      els["day-title"].textContent = title(state.day);
      els["day-select"].value = state.day;
      for (const radio of root.querySelectorAll('input[name="tl-pres-variant"]')) {
        radio.checked = radio.value === state.variant;
      }
      setField(els["time-start"], day.own.start);
      setField(els["time-end"], day.own.end);
      els.auto.checked = ns.autoStart();
      els["times-note"].textContent = timesNote(day);
      for (const part of root.querySelectorAll(".tl-pres-day")) part.hidden = part.dataset.day !== state.day;
      const slides = root.querySelectorAll(`.tl-pres-day[data-day="${state.day}"] .tl-slide`);
      for (const slide of slides) {
        slide.hidden = slide.dataset.block !== block.id;
        const when = slide.querySelector(".tl-slide-when");
        const slot = list.find((b) => b.id === slide.dataset.block);
        when.textContent = slot ? say("when", { start: slot.start, end: slot.end }) : "";
        const box = slide.querySelector(".tl-slide-notes");
        if (box && presenter) box.tabIndex = 0; // scrollable by keyboard too
      }
      root.classList.toggle("show-notes", notes);
      root.classList.toggle("is-buffer", Boolean(block.buffer));
      button("notes").setAttribute("aria-pressed", String(notes));
      button("notes").hidden = presenter;
      button("full").hidden = presenter;
      button("pause").textContent = state.running ? say("pause") : started ? say("resume") : say("start");
      button("full").textContent = full ? say("fullscreen_leave") : say("fullscreen");
      els.position.textContent = say("position", { n: state.index + 1, total: list.length });
      const after = list[state.index + 1];
      els.upnext.textContent = after ? say("next", { title: after.title, minutes: after.minutes }) : say("last");
    }

    function tick({ state, day, block, left, started }) {
      const list = day.list;
      const over = left <= 0;
      // The Uitloop counts nothing down for the group; the presenter still sees it.
      const quiet = Boolean(block.buffer) && !presenter;
      els.timer.textContent = quiet ? "" : over ? `+${span(-left)}` : span(left);
      els["timer-label"].textContent = quiet ? say("buffer") : over ? say("over") : say("remaining");
      els["timer-box"].classList.toggle("is-ending", !quiet && !over && left <= ENDING);
      els["timer-box"].classList.toggle("is-over", !quiet && over);
      els["timer-box"].classList.toggle("is-paused", !state.running);
      els["timer-state"].textContent = state.running || quiet ? "" : started ? say("paused") : say("waiting");
      const now = new Date();
      els.now.textContent = say("now", { time: clock(now) });
      let end = say("end", { time: day.end });
      if (started) {
        const rest = list.slice(state.index + 1).reduce((sum, b) => sum + b.minutes, 0);
        const expected = new Date(now.getTime() + (Math.max(left, 0) + rest * 60) * 1000);
        if (clock(expected) !== day.end) end += ` · ${say("expected", { time: clock(expected) })}`;
      }
      els.end.textContent = end;
      // A break says when the group starts again: from now, as its timer runs (or would).
      const resume = root.querySelector(".tl-pres-day:not([hidden]) .tl-slide:not([hidden]) .tl-slide-resume");
      if (resume) {
        const back = started ? Math.max(left, 0) : block.minutes * 60;
        resume.textContent = say("resume_at", { time: clock(new Date(now.getTime() + back * 1000)) });
      }
    }

    return { render, tick };
  };
})();
