// Where the book keeps the answers: the browser's localStorage, a key per exercise.
// store.js reads and writes them; the course path (tasks.js) only reads.
const STORE = "toelaten:v1:"; // toelaten:v1:<exercise id> -> {"entries": [...], "earlier": [...]}

// Whether this browser lets the page read its storage at all (blocked storage throws).
function storageReadable() {
  try {
    window.localStorage.getItem(`${STORE}probe`);
    return true;
  } catch {
    return false;
  }
}
