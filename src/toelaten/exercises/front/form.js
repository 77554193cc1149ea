// The controls for one question, by kind, and the gentle hints on a text (never grades).

function sentenceCount(text) {
  return text.split(/[.!?]+(?:\s+|$)/u).filter((s) => s.trim()).length;
}

// How often the phrases occur as whole words; with `prefix`, also at the start of a longer
// word, as Dutch makes compounds and diminutives: "morgenavond" says "morgen", "uurtje" "uur".
// A curly apostrophe counts as a straight one ("’s middags").
function phraseCount(text, phrases, prefix = false) {
  const lower = text.toLowerCase().replace(/[‘’`]/gu, "'");
  const end = prefix ? "" : "(?=$|[^\\p{L}])";
  let count = 0;
  for (const phrase of phrases) {
    const escaped = phrase.replace(/[‘’`]/gu, "'").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const found = lower.match(new RegExp(`(^|[^\\p{L}])${escaped}${end}`, "gu"));
    count += found ? found.length : 0;
  }
  return count;
}

// How a text starts: the first two words of each question in it (of each sentence when it
// asks none). A question may open after a word or a short lead-in: "En hoe gaat het?",
// "Dat klinkt zwaar. Wat maakt het lastig?", "Vertel eens, wat is er?" (with "vertel").
function openings(text) {
  const sentences = text.match(/[^.!?]+[.!?]*/gu) || [];
  const questions = sentences.filter((s) => s.trim().endsWith("?"));
  return (questions.length ? questions : sentences).map((s) => (s.toLowerCase().match(/[\p{L}']+/gu) || []).slice(0, 2));
}

// The hints for one field's text, from the exercise's `checks` (see the definition files).
function hintsFor(checks, fieldId, text) {
  if (!text?.trim()) return [];
  const hints = [];
  for (const check of checks.filter((c) => c.field === fieldId)) {
    if (check.kind === "max-sentences") {
      const n = sentenceCount(text);
      if (n > check.max) hints.push(check.message.replace("{n}", n));
    } else if (check.kind === "max-count") {
      const n = phraseCount(text, check.words);
      if (n > check.max) hints.push(check.message.replace("{n}", n));
    } else if (check.kind === "needs-one-of") {
      // What is needed may be part of a longer word: "morgenavond", "dinsdagmiddag".
      if (phraseCount(text, check.words, true) === 0) hints.push(check.message);
    } else if (check.kind === "starts-with-one-of") {
      const starts = openings(text).some((words) => words.some((w) => check.words.includes(w)));
      if (!starts) hints.push(check.message);
    }
  }
  return hints;
}

// The line under an intro with `help_link`: the help page as a link where the page knows
// where it is (the book: `href`), else by its name (Jupyter). The words have a {page} slot.
function helpLine(title, href) {
  const [before, after] = tr("exercise.help_line.text").split("{page}");
  const page = href ? h("a", { href }, title) : `‘${title}’`;
  return h("p", { class: "tl-help-line" }, before, page, after);
}

// The options a choice offers: all of them, or for an `optionsFrom` choice (the top three
// of the reasons ticked) those ticked in that field of the same answers, and the one
// chosen already, even if it was unticked since (never lost). fields.py: options_from.
function offeredOptions(field, answers) {
  if (!field.optionsFrom) return field.options;
  const ticked = new Set(answers[field.optionsFrom] || []);
  return field.options.filter((o) => ticked.has(o.id) || o.id === answers[field.id]);
}

function choiceControl(field, value, id, helpId, help, onChange, answers) {
  const multi = field.kind === "multi";
  const chosen = multi ? new Set(value || []) : null;
  const offered = offeredOptions(field, answers);
  return h(
    "fieldset",
    { class: `tl-field tl-choice`, "aria-describedby": helpId },
    h("legend", {}, field.label),
    help,
    offered.length ? "" : h("p", { class: "tl-empty" }, tr("exercise.options_from_none")),
    offered.map((option) =>
      h(
        "div",
        { class: "tl-option" },
        h("input", {
          type: multi ? "checkbox" : "radio",
          id: `${id}-${field.options.indexOf(option)}`,
          name: id,
          value: option.id,
          checked: multi ? chosen.has(option.id) : value === option.id,
          onchange: (event) => {
            if (!multi) return onChange(option.id);
            if (event.target.checked) chosen.add(option.id);
            else chosen.delete(option.id);
            onChange(field.options.map((o) => o.id).filter((o) => chosen.has(o)));
          },
        }),
        h("label", { for: `${id}-${field.options.indexOf(option)}` }, option.label),
      ),
    ),
  );
}

function rolesControl(field, value, id, onChange) {
  let assigned = { ...(value || {}) };
  const feedback = h("div", { class: "tl-feedback", "aria-live": "polite" });
  const showFeedback = () => {
    const complete = field.responses.every((r) => assigned[r.id]);
    feedback.replaceChildren(
      complete
        ? h(
            "div",
            {},
            h("p", { class: "tl-feedback-title" }, tr("exercise.roles.title")),
            field.responses.map((r) =>
              h(
                "p",
                {},
                h("strong", {}, `${tr("exercise.roles.answer", { id: r.id.toUpperCase(), role: optionLabel(field, r.role).toLowerCase() })} `),
                r.feedback,
                assigned[r.id] !== r.role ? ` ${tr("exercise.roles.chosen", { role: optionLabel(field, assigned[r.id]).toLowerCase() })}` : "",
              ),
            ),
          )
        : "",
    );
  };
  showFeedback();
  return h(
    "div",
    { class: "tl-field tl-roles" },
    h("p", { class: "tl-roles-label" }, field.label),
    h("p", { class: "tl-scenario" }, field.scenario),
    field.responses.map((response) => {
      const name = `${id}-${response.id}`;
      return h(
        "fieldset",
        { class: "tl-response" },
        h("legend", {}, `${response.id.toUpperCase()}. “${response.text}”`),
        field.options.map((role, i) =>
          h(
            "span",
            { class: "tl-option tl-inline" },
            h("input", {
              type: "radio",
              id: `${name}-${i}`,
              name,
              value: role.id,
              checked: assigned[response.id] === role.id,
              onchange: () => {
                assigned = { ...assigned, [response.id]: role.id };
                showFeedback();
                onChange(assigned);
              },
            }),
            h("label", { for: `${name}-${i}` }, role.label),
          ),
        ),
      );
    }),
    feedback,
  );
}

// The value is written above the slider, where a finger on the thumb does not hide it; the
// slider fills the form's width (ui.css), its track coloured up to the value.
function scaleControl(field, value, id, helpId, help, onChange) {
  const unset = isEmpty(value);
  const output = h("output", { for: id, class: "tl-scale-value", id: `${id}-value` });
  const input = h("input", {
    type: "range",
    id,
    min: field.min,
    max: field.max,
    step: field.step,
    value: unset ? Math.round((field.min + field.max) / 2) : value,
    class: unset ? "tl-unset" : null,
    "aria-describedby": [helpId, `${id}-ends`].filter(Boolean).join(" "),
  });
  const show = () => {
    const isUnset = input.classList.contains("tl-unset");
    output.textContent = isUnset ? tr("exercise.scale_unset") : tr("exercise.scale_value", { value: input.value, max: field.max });
    input.setAttribute("aria-valuetext", output.textContent);
    const share = isUnset ? 0 : (100 * (input.value - field.min)) / (field.max - field.min);
    input.style.setProperty("--tl-fill", `${share}%`);
  };
  const choose = () => {
    input.classList.remove("tl-unset");
    show();
    onChange(Number(input.value));
  };
  input.addEventListener("input", choose);
  // A tap on the thumb where it waits (the middle) moves nothing, so no "input": it is a
  // choice all the same.
  input.addEventListener("pointerup", () => {
    if (input.classList.contains("tl-unset")) choose();
  });
  show();
  const [low, high] = field.ends || [];
  return h(
    "div",
    { class: "tl-field tl-scale" },
    h("label", { for: id }, field.label),
    help,
    output,
    input,
    h(
      "p",
      { class: "tl-scale-ends", id: `${id}-ends` },
      h("span", {}, `${field.min} = ${low}`),
      h("span", {}, `${field.max} = ${high}`),
    ),
  );
}

function textControl(field, value, id, helpId, help, checks, onChange) {
  const long = field.kind === "longtext";
  const checked = checks.some((c) => c.field === field.id);
  const hintList = checked ? h("ul", { class: "tl-hints", id: `${id}-hints`, "aria-live": "polite" }) : null;
  // A text that passes every check says so in one line (the intro promises tips below it:
  // silence would read as broken). Unchanged lines are left alone, so nothing is re-announced.
  const showHints = (text) => {
    if (!hintList) return;
    const hints = hintsFor(checks, field.id, text);
    const fine = hints.length === 0 && Boolean(text?.trim());
    const lines = fine ? [tr("exercise.hints_none")] : hints;
    if (hintList.dataset.shown !== JSON.stringify(lines)) {
      hintList.dataset.shown = JSON.stringify(lines);
      hintList.replaceChildren(...lines.map((line) => h("li", { class: fine ? "tl-hint-ok" : null }, line)));
    }
    hintList.hidden = lines.length === 0;
  };
  // Too long is said out loud and not saved; the text stays in the field to shorten.
  // (No maxlength attribute: that would cut a pasted text without a word.)
  const tooLong = h("p", { class: "tl-error", id: `${id}-length`, "aria-live": "polite", hidden: true });
  const control = h(long ? "textarea" : "input", {
    id,
    type: long ? null : "text",
    rows: long ? 4 : null,
    "aria-describedby": [helpId, `${id}-length`, checked ? `${id}-hints` : null]
      .filter(Boolean)
      .join(" "),
    oninput: (event) => {
      const text = event.target.value;
      const length = [...text].length;
      const over = field.maxLength && length > field.maxLength;
      tooLong.hidden = !over;
      tooLong.textContent = over
        ? tr("exercise.too_long", { length: number(length), max: number(field.maxLength), over: number(length - field.maxLength) })
        : "";
      if (over) event.target.setAttribute("aria-invalid", "true");
      else event.target.removeAttribute("aria-invalid");
      showHints(text);
      if (!over) onChange(text);
      else event.target.dispatchEvent(new CustomEvent("tl-too-long", { bubbles: true }));
    },
  });
  control.value = isEmpty(value) ? "" : String(value);
  showHints(control.value);
  return h("div", { class: "tl-field" }, h("label", { for: id }, field.label), help, control, tooLong, hintList);
}

// `answers`: the answer set's other answers (a choice among another field's ticked options).
function fieldControl(field, value, prefix, checks, onChange, answers = {}) {
  const id = `${prefix}-${field.id}`;
  const helpId = field.help ? `${id}-help` : null;
  const help = field.help ? h("p", { class: "tl-help", id: helpId }, field.help) : null;
  if (field.kind === "choice" || field.kind === "multi")
    return choiceControl(field, value, id, helpId, help, onChange, answers);
  if (field.kind === "roles") return rolesControl(field, value, id, onChange);
  if (field.kind === "scale") return scaleControl(field, value, id, helpId, help, onChange);
  return textControl(field, value, id, helpId, help, checks, onChange);
}
