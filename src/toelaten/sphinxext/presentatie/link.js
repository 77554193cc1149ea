// Presentation mode, part 2 of 4: what the trainer keeps in this browser, and the two
// windows in step. The day's own start and end (per version and day) and the choice that
// the timer starts by itself are kept in localStorage. The projector window and the
// presenter window (the same page with ?scherm=spreker) tell each other where they are
// over a BroadcastChannel, or, where there is none, through localStorage's storage event:
// both stay on the device, offline, and need nothing the page's CSP forbids.
(() => {
  const ns = globalThis.toelatenPresentatie || {};
  globalThis.toelatenPresentatie = ns;
  const TIMES = "toelaten.presentatie.tijden";
  const AUTO = "toelaten.presentatie.vanzelf";
  const SYNC = "toelaten.presentatie.sync";
  const CHANNEL = "toelaten.presentatie";

  function read(key, fallback) {
    try {
      const value = JSON.parse(localStorage.getItem(key) || "null");
      return value ?? fallback;
    } catch {
      return fallback; // storage blocked or unreadable: the course's own times
    }
  }
  function write(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch {
      return false; // the view still works; the next visit has the course's times
    }
  }

  // The trainer's own hours of a day in a version: {start, end}, either may be "".
  function timesOf(variant, day) {
    const all = read(TIMES, {});
    const own = all && typeof all === "object" ? all[`${variant}/${day}`] : null;
    return { start: typeof own?.start === "string" ? own.start : "", end: typeof own?.end === "string" ? own.end : "" };
  }
  function keepTimes(variant, day, times) {
    const all = read(TIMES, {});
    const kept = all && typeof all === "object" ? all : {};
    if (times.start || times.end) kept[`${variant}/${day}`] = { start: times.start, end: times.end };
    else delete kept[`${variant}/${day}`];
    write(TIMES, kept);
  }
  const autoStart = () => read(AUTO, false) === true;
  const keepAutoStart = (on) => write(AUTO, Boolean(on));

  // The other window: `send` tells it something, `listen` hears it. Messages are plain
  // objects: {kind: "state", state} or {kind: "hello"} (a new window asks where we are).
  function connect(listen) {
    const me = Math.random().toString(36).slice(2);
    let channel = null;
    try {
      channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(CHANNEL) : null;
    } catch {
      channel = null;
    }
    const heard = (message) => {
      if (message && typeof message === "object" && message.from !== me) listen(message);
    };
    if (channel) {
      channel.addEventListener("message", (event) => heard(event.data));
    }
    // The storage event also tells of the times and the choice, from either window.
    window.addEventListener("storage", (event) => {
      if (event.key === SYNC && !channel && event.newValue) {
        try {
          heard(JSON.parse(event.newValue));
        } catch {
          // not ours to read
        }
      } else if (event.key === TIMES || event.key === AUTO) {
        listen({ kind: "settings" });
      }
    });
    return {
      send(message) {
        const sent = { ...message, from: me, at: Date.now() };
        if (channel) channel.postMessage(sent);
        else write(SYNC, sent);
      },
    };
  }

  Object.assign(ns, { timesOf, keepTimes, autoStart, keepAutoStart, connect });
})();
