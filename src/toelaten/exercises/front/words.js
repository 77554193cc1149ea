// The interface's words by key ("exercise.save"), from the course's catalogue
// (locale/<language>.yml): the book's script brings them (front.py), a Jupyter widget
// its `strings`. Nothing here is in one language or another.
const WORDS = {};

function useWords(words) {
  if (words) Object.assign(WORDS, words);
}

// The words of `key` with their {placeholders} filled in from `values`. A missing key
// shows as itself (the tests make sure none is missing): a learner's save never fails on it.
function tr(key, values = {}) {
  const text = Object.hasOwn(WORDS, key) ? WORDS[key] : key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

// `key.one` for 1, else `key.other`; both get {n} (strings.py: Strings.plural).
tr.plural = (key, n, values = {}) => tr(`${key}.${n === 1 ? "one" : "other"}`, { ...values, n });
