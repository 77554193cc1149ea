"""A page as a learner opens it in Chromium, with what it requested and complained about."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError
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


class Profile:
    """A browser profile as a learner's (desktop size, downloads allowed, every policy
    violation kept on ``window``) and its tabs.

    The session has one, shared by the browser tests so the book's files are fetched once
    (the ``profile`` fixture), and :meth:`reset` after each test. A test that needs a
    profile of its own (the book opened from disk) makes one with :meth:`new` and closes it.
    A tab may serve the next test, so a test listens to a tab through its :class:`Visit`
    (``accept_dialogs``), never with ``page.on``/``page.once`` of its own, except on a tab
    from :meth:`Visit.another_tab`.
    """

    def __init__(self, context) -> None:
        self.context = context
        self.visits: list[Visit] = []
        self._spare: Page | None = None

    @classmethod
    def new(cls, browser) -> Profile:
        context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
        context.add_init_script(CSP_WATCH)
        return cls(context)

    def first_tab(self) -> Page:
        """A tab for a test's first visit: the one kept from the test before (a new tab costs
        more than a page load), else a new one."""
        tab, self._spare = self._spare, None
        return tab or self.context.new_page()

    def reset(self, site: str) -> None:
        """As new: every visit unwatched, its tabs closed but one, and the storage cleared
        (from a tab still on the site if there is one). The tab kept for the next test stays
        where it is: from a page of the site the next one loads in the same browser process
        (from about:blank it takes longer; from a file that is not a page the browser asks
        for /favicon.ico, which the book does not have)."""
        for visit in self.visits:
            visit.unwatch()
        self.visits.clear()
        tabs, spare, self._spare = self.context.pages, self._spare, None
        on_site = next((tab for tab in tabs if tab.url.startswith(site)), None)
        # Else the tab kept last time, if no test has used it since.
        keep = on_site or next((tab for tab in tabs if tab is spare), None)
        for tab in tabs:
            if tab is not keep:
                tab.close()
        if on_site is not None:
            try:
                on_site.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
                on_site.set_viewport_size(DESKTOP)
                self._spare = on_site
                return
            except PlaywrightError:  # a tab that no longer runs scripts
                on_site.close()
                keep = None
        self.context.set_storage_state({"cookies": [], "origins": []})
        self._spare = keep

    def close(self) -> None:
        self.context.close()


class Visit:
    """One page in a tab of ``profile``, with everything it asked for and complained about."""

    def __init__(
        self, profile: Profile, base: str, rel: str, viewport: dict = DESKTOP, *, tab=None
    ) -> None:
        self.base = base
        self.profile = profile
        self.context = profile.context
        self.requests: list[str] = []
        self.csp_messages: list[str] = []
        self.failures: list[str] = []
        self.dialogs: list[str] = []
        self.accept_dialogs = False
        self._listening: list[tuple[Page, str, Callable]] = []
        profile.visits.append(self)
        self.page: Page = self._watch(tab or profile.first_tab())
        if viewport != DESKTOP:
            self.page.set_viewport_size(viewport)
        if urlsplit(self.page.url)._replace(fragment="") == urlsplit(base + rel)._replace(
            fragment=""
        ):
            self.page.goto("about:blank")  # else only the #fragment would change: no load
        self._listen(self.page, "dialog", self._dialog)
        self.goto(rel)

    def _listen(self, page: Page, event: str, handler: Callable) -> None:
        page.on(event, handler)
        self._listening.append((page, event, handler))

    def _watch(self, page: Page) -> Page:
        self._listen(page, "request", lambda r: self.requests.append(r.url))
        self._listen(
            page,
            "response",
            lambda r: r.status >= 400 and self.failures.append(f"{r.status} {r.url}"),
        )
        self._listen(page, "console", lambda m: m.type == "error" and self.failures.append(m.text))
        self._listen(
            page,
            "console",
            lambda m: "Content Security Policy" in m.text and self.csp_messages.append(m.text),
        )
        self._listen(page, "pageerror", lambda e: self.failures.append(str(e)))
        return page

    def unwatch(self) -> None:
        """Stop listening to this visit's tabs (so the next test can have one)."""
        for page, event, handler in self._listening:
            page.remove_listener(event, handler)
        self._listening.clear()

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


def axe_source() -> str:
    if not AXE.is_file():
        raise FileNotFoundError(f"{AXE} is missing: run `make test` (it runs npm ci)")
    return AXE.read_text(encoding="utf-8")


def axe_violations(page: Page, selector: str) -> list[str]:
    """axe-core's violations inside ``selector`` (WCAG 2.x A/AA and best practices)."""
    # Not a <script> tag, which the page's policy blocks; evaluated code is the tester's.
    # No preload: it parses the stylesheets in inline <style>s, which the policy blocks too.
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(axe_source())
    options = "{resultTypes: ['violations'], preload: false}"
    result = page.evaluate(f"sel => axe.run(document.querySelectorAll(sel), {options})", selector)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']]}"
        for v in result["violations"]
    ]


def fill_by_keyboard(page, exercise, answers: dict, root: str = "") -> None:
    """Type every answer into ``exercise``'s form with the keyboard only: Tab from field to
    field, Space and arrow keys for choices, Home or End and arrow keys for scales, Enter on
    Bewaren."""
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
        if field.kind == "scale":  # from the nearer end, as a learner would
            up, down = (value - field.min) // field.step, (field.max - value) // field.step
            page.keyboard.press("Home" if up <= down else "End")
            for _ in range(min(up, down)):
                page.keyboard.press("ArrowRight" if up <= down else "ArrowLeft")
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
