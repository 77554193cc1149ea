// The page theme's behaviour: the menu on a small screen, and the colour mode a learner
// picks (kept in this browser, read before the first paint by the page's head).
"use strict";
(() => {
  const root = document.documentElement;
  const button = document.querySelector(".tl-menu-button");
  const menu = document.getElementById("tl-menu");
  if (button && menu) {
    const labels = { false: button.textContent, true: button.dataset.close || button.textContent };
    const close = (focusButton) => {
      button.setAttribute("aria-expanded", "false");
      button.textContent = labels.false;
      root.classList.remove("tl-menu-open");
      if (focusButton) button.focus();
    };
    button.addEventListener("click", () => {
      const open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      button.textContent = labels[open];
      // The menu opens below the header, which stays in view.
      const header = document.querySelector(".tl-header");
      if (header) root.style.setProperty("--tl-menu-top", `${header.getBoundingClientRect().bottom}px`);
      root.classList.toggle("tl-menu-open", open);
      // Into the menu, on the page the learner is on (it may be far down the list).
      if (open) (menu.querySelector("a[aria-current]") || menu.querySelector("a"))?.focus();
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && root.classList.contains("tl-menu-open")) close(true);
    });
    // A wide window shows the menu beside the page: nothing stays "open" there.
    window.matchMedia("(min-width: 64em)").addEventListener("change", () => close(false));
  }

  const KEY = "toelaten-weergave";
  const mode = document.querySelector(".tl-mode");
  if (!mode) return;
  const current = () => root.getAttribute("data-theme") || "auto";
  const show = () => {
    for (const option of mode.querySelectorAll("button[data-mode]")) {
      option.setAttribute("aria-pressed", String(option.dataset.mode === current()));
    }
  };
  mode.addEventListener("click", (event) => {
    const choice = event.target.closest("button[data-mode]")?.dataset.mode;
    if (!choice) return;
    if (choice === "auto") root.removeAttribute("data-theme");
    else root.setAttribute("data-theme", choice);
    try {
      if (choice === "auto") window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, choice);
    } catch {
      // Not kept (storage blocked): the choice holds for this page only.
    }
    show();
  });
  show();
  mode.hidden = false;
})();
