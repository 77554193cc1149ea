// Saving what the learner types (ui.js). In Jupyter each save is a journal revision, so
// typing is saved after a pause; the book's model asks for every change at once
// (autosave_ms 0). Both flush when the page is left, reloaded or hidden: what was just
// typed is never lost.
const AUTOSAVE_MS = 800;

// `entriesNow()`: the answers to save. Returns {save, later, flush, dirty, pending, stop}.
function autosaver(model, entriesNow) {
  const delay = model.get("autosave_ms") ?? AUTOSAVE_MS;
  let timer = null;
  let dirty = false; // changed since the last save

  function save() {
    clearTimeout(timer);
    timer = null;
    dirty = false;
    model.set("entries", entriesNow());
    model.save_changes();
  }

  // A change: saved after the pause (at once in the book).
  function later() {
    dirty = true;
    clearTimeout(timer);
    if (delay === 0) save();
    else timer = setTimeout(save, delay);
  }

  const flush = () => {
    if (timer) save();
  };
  const onHidden = () => {
    if (document.visibilityState === "hidden") flush();
  };
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", onHidden);

  return {
    save,
    later,
    flush,
    get dirty() {
      return dirty;
    },
    stop() {
      flush();
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onHidden);
    },
  };
}
