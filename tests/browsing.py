"""A page as a learner opens it in Chromium, with what it requested and complained about."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
# Before any script of the page: every Content-Security-Policy violation, kept on window.
CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(
  `${e.effectiveDirective} blocked ${e.blockedURI || "?"} at ${e.sourceFile || "?"}:${e.lineNumber}`
), true);
"""


def new_context(browser):
    """A fresh browser profile as a learner's: desktop size, downloads allowed, and every
    policy violation kept on ``window`` for :meth:`Visit.csp_violations`."""
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    context.add_init_script(CSP_WATCH)
    return context


class Visit:
    """One page in a tab of ``context``, with everything it asked for and complained about.

    ``context`` is the session's profile (the ``context`` fixture, which clears its storage
    after each test), or one of its own from :func:`new_context` (``own_context``), which
    :meth:`close` closes too."""

    def __init__(
        self, context, base: str, rel: str, viewport: dict = DESKTOP, *, own_context=False
    ) -> None:
        self.base = base
        self.context = context
        self.own_context = own_context
        self.requests: list[str] = []
        self.csp_messages: list[str] = []
        self.failures: list[str] = []
        self.dialogs: list[str] = []
        self.tabs: list[Page] = []
        self.accept_dialogs = False
        self.page: Page = self._watch(context.new_page())
        if viewport != DESKTOP:
            self.page.set_viewport_size(viewport)
        self.page.on("dialog", self._dialog)
        self.goto(rel)

    def _watch(self, page: Page) -> Page:
        self.tabs.append(page)
        page.on("request", lambda r: self.requests.append(r.url))
        page.on(
            "response", lambda r: r.status >= 400 and self.failures.append(f"{r.status} {r.url}")
        )
        page.on("console", lambda m: m.type == "error" and self.failures.append(m.text))
        page.on(
            "console",
            lambda m: "Content Security Policy" in m.text and self.csp_messages.append(m.text),
        )
        page.on("pageerror", lambda e: self.failures.append(str(e)))
        return page

    def new_tab(self) -> Page:
        """A blank tab in the same browser profile, watched like the first."""
        return self._watch(self.context.new_page())

    def another_tab(self, rel: str) -> Visit:
        """A second tab in the same browser profile (same storage), watched the same way.
        It has no dialog handler of its own: a test answers its confirm() with
        ``tab.page.once("dialog", ...)``."""
        tab = object.__new__(Visit)
        tab.__dict__.update(self.__dict__)
        tab.page = tab.new_tab()
        tab.goto(rel)
        return tab

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        if self.accept_dialogs:
            dialog.accept()
        else:
            dialog.dismiss()

    def goto(self, rel: str) -> None:
        """Open another page in the same tab (same storage). The book's scripts run on
        DOMContentLoaded, so at `load` its exercises are mounted; what a test waits for
        after that it waits for by name (:meth:`ready`, a selector, a condition)."""
        self.page.goto(self.base + rel, wait_until="load")

    def ready(self, selector: str = ".toelaten-oefening") -> None:
        """Wait until the exercises on the page are usable."""
        self.page.wait_for_selector(f"{selector}[data-ready]", timeout=10_000)

    def off_host(self, base: str) -> list[str]:
        host = urlsplit(base).netloc
        return [
            u
            for u in self.requests
            if urlsplit(u).scheme not in ("data", "blob", "about") and urlsplit(u).netloc != host
        ]

    def csp_violations(self) -> list[str]:
        """What the policy blocked: on the open page, and in the console of every page."""
        seen = self.page.evaluate("window.__cspViolations || []")
        return seen + self.csp_messages

    def close(self) -> None:
        """Close this visit's tabs (and its profile, unless it is the session's)."""
        for tab in self.tabs:
            tab.close()
        if self.own_context:
            self.context.close()


def axe_violations(page: Page, selector: str) -> list[str]:
    """axe-core's violations inside ``selector`` (WCAG 2.x A/AA and best practices)."""
    if not AXE.is_file():
        raise FileNotFoundError(f"{AXE} is missing: run `make test` (it runs npm ci)")
    # Not a <script> tag, which the page's policy blocks; evaluated code is the tester's.
    # No preload: it parses the stylesheets in inline <style>s, which the policy blocks too.
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    options = "{resultTypes: ['violations'], preload: false}"
    result = page.evaluate(f"sel => axe.run(document.querySelectorAll(sel), {options})", selector)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']]}"
        for v in result["violations"]
    ]


def fill_by_keyboard(page, exercise, answers: dict, root: str = "") -> None:
    """Type every answer into ``exercise``'s form with the keyboard only: Tab from field to
    field, Space and arrow keys for choices and scales, Enter on Bewaren."""
    form = f"{root} .tl-form".strip()
    page.locator(f"{form} input, {form} textarea").first.focus()
    first = True

    def tab() -> None:
        nonlocal first
        if not first:
            page.keyboard.press("Tab")
        first = False

    for field in exercise.fields:
        value = answers.get(field.id)
        if field.kind == "multi":
            for option in field.options:  # every checkbox is a Tab stop of its own
                tab()
                if value and option.id in value:
                    page.keyboard.press("Space")
            continue
        if field.kind == "roles":
            roles = [o.id for o in field.options]
            for response in field.responses:  # one radio group per response
                tab()
                if value and response.id in value:
                    page.keyboard.press("Space")
                    for _ in range(roles.index(value[response.id])):
                        page.keyboard.press("ArrowRight")
            continue
        tab()
        if value is None:
            continue
        if field.kind == "scale":
            page.keyboard.press("Home")
            for _ in range((value - field.min) // field.step):
                page.keyboard.press("ArrowRight")
        elif field.kind == "choice":
            page.keyboard.press("Space")
            for _ in range([o.id for o in field.options].index(value)):
                page.keyboard.press("ArrowDown")
        else:
            page.keyboard.insert_text(value)
            page.keyboard.press("End")  # fires no input; insert_text already did
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Bewaren"
    page.keyboard.press("Enter")
