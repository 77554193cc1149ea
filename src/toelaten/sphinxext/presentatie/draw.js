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
        const box = slide.querySelector(".tl-notes-more");
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

    // The werkvorm's rounds (presenter window): a line per group size, the round and the
    // time left in it; a round that just ended is marked softly and said once.
    let roundsSaid = "";
    function rounds(block, variant, elapsed, started) {
      const box = els.rounds;
      const clocks = (presenter && block.rounds?.[variant]) || [];
      box.hidden = clocks.length === 0;
      if (!clocks.length) {
        box.replaceChildren();
        return;
      }
      const lines = clocks.map((parts) => {
        const at = ns.roundAt(parts, started ? elapsed : 0);
        const time = span(at.left);
        const text =
          at.phase === "intro"
            ? say("round_intro", { time })
            : at.phase === "round"
              ? say("round_now", { n: at.n, total: at.total, time })
              : at.phase === "close"
                ? say("round_close", { time })
                : say("round_done");
        const group = parts.group ? `${say(`group_${parts.group}`)}: ` : "";
        const signal = started && at.fresh;
        const news = at.phase === "round" ? say("round_change", { n: at.n, total: at.total }) : say("round_closing");
        return { text: group + text, signal, said: signal ? group + news : "" };
      });
      box.replaceChildren(
        ...lines.map((line) => {
          const item = document.createElement("li");
          item.textContent = line.text;
          item.classList.toggle("is-change", line.signal);
          return item;
        }),
      );
      const said = lines.map((line) => line.said).filter(Boolean).join(" ");
      if (said && said !== roundsSaid) els.live.textContent = said;
      roundsSaid = said;
    }

    function tick({ state, day, block, left, started }) {
      const list = day.list;
      const over = left <= 0;
      // The group's screen stays calm: the Uitloop counts nothing down, and a block past
      // its minutes only says "Uitgelopen", without a count or a warning colour. The
      // presenter window counts on and says what it means for the end of the day.
      const quiet = Boolean(block.buffer) && !presenter;
      const calm = over && !presenter;
      els.timer.textContent = quiet || calm ? "" : over ? `+${span(-left)}` : span(left);
      els["timer-label"].textContent = quiet ? say("buffer") : over ? say("over") : say("remaining");
      els["timer-box"].classList.toggle("is-ending", !quiet && !over && left <= ENDING);
      els["timer-box"].classList.toggle("is-over", !quiet && over && presenter);
      els["timer-box"].classList.toggle("is-calm-over", !quiet && calm);
      els["timer-box"].classList.toggle("is-paused", !state.running);
      els["timer-state"].textContent = state.running || quiet ? "" : started ? say("paused") : say("waiting");
      const now = new Date();
      els.now.textContent = say("now", { time: clock(now) });
      let end = say("end", { time: day.end });
      if (started && presenter) {
        const minutes = now.getHours() * 60 + now.getMinutes() + now.getSeconds() / 60;
        const ahead = ns.outlook(minutes, minutesOf(day.end), left, list.slice(state.index + 1));
        if (ahead.late) end += ` · ${say("expected", { time: clockOf(Math.ceil(ahead.finish)) })}`;
        else if (ahead.slack !== null) end += ` · ${say("slack", { minutes: ahead.slack })}`;
      }
      els.end.textContent = end;
      rounds(block, state.variant, block.minutes * 60 - left, started);
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
