"""The built book in a real browser (Debian's Chromium): every page, as a learner opens it.

One sweep opens every page once, at a desktop size and then at a phone's, and keeps what
each page requested, logged and was blocked from doing; the tests below each judge one
kind of problem over all the pages."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from browsing import DESKTOP, PHONE, Visit, axe_source, axe_violations
from pages import redirect_target, resolve, soup
from toelaten.coursedata import CourseData
from toelaten.site import built_pages

DATA = CourseData()

pytestmark = pytest.mark.browser

# The help link is visible near the top of the page and stays in view while the learner
# scrolls. Scrolls are instant, each followed by one animation frame: the scroll (and resize)
# events are dispatched before it, so a script that hides the header on scroll has run.
HELP_LINK_PROBLEM = """async (height) => {
  const links = document.querySelectorAll("a.toelaten-help-link");
  const shown = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && el.checkVisibility({visibilityProperty: true});
  };
  const scroll = (top) => {
    window.scrollTo({top, behavior: "instant"});
    return new Promise((done) => requestAnimationFrame(done));
  };
  if (links.length !== 1 || !shown(links[0])) return "no visible help link";
  await scroll(0);
  let box = links[0].getBoundingClientRect();
  if (box.y < 0 || box.y + box.height > height / 4)
    return `help link not at the top (y ${box.y}, height ${box.height})`;
  await scroll(3000);
  box = links[0].getBoundingClientRect();
  if (!shown(links[0]) || box.y < 0 || box.y >= height) return "help link scrolls out of view";
  return null;
}"""
# What sticks out to the right of a narrow window: the page scrolls sideways.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  return [...document.querySelectorAll("body *")]
    .filter((el) => el.getBoundingClientRect().right > width + 1 && el.checkVisibility())
    .slice(0, 5)
    .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`);
}"""
NARROW = (320, 390)


@dataclass
class Seen:
    """What one page did in the sweep."""

    off_host: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)
    help_link: dict[str, list[str]] = field(default_factory=dict)
    axe: list[str] = field(default_factory=list)
    axe_dark: list[str] = field(default_factory=list)
    overflow: list[str] = field(default_factory=list)


def help_link_problems(visit: Visit, viewport: dict) -> list[str]:
    visit.page.set_viewport_size(viewport)
    problem = visit.page.evaluate(HELP_LINK_PROBLEM, viewport["height"])
    return [problem] if problem else []


@pytest.fixture(scope="module")
def sweep(html, site, book_profile) -> dict[str, Seen]:
    """Every page once, in one tab: desktop checks, then the same page at a phone's size."""
    pages, seen = built_pages(html), {}
    # A tab of its own, with axe in each of its pages: sent to the browser once, not per page.
    tab = book_profile.context.new_page()
    tab.add_init_script(axe_source())
    try:
        visit = Visit(book_profile, site, pages[0], tab=tab)
        for rel in pages:
            if rel != pages[0]:
                for kept in (visit.requests, visit.failures, visit.csp_messages):
                    kept.clear()
                visit.page.set_viewport_size(DESKTOP)
                visit.goto(rel)
            target = redirect_target(soup(html, rel))
            if target is not None:  # a redirect page: judge the page it leads to
                visit.page.wait_for_url(site + resolve(rel, target))
            page = seen[rel] = Seen()
            # The whole page, in both colour modes; before scrolling: quicker.
            page.axe = axe_violations(visit.page, "html")
            visit.page.emulate_media(color_scheme="dark")
            page.axe_dark = axe_violations(visit.page, "html")
            visit.page.emulate_media(color_scheme="light")
            page.help_link["desktop"] = help_link_problems(visit, DESKTOP)
            page.help_link["phone"] = help_link_problems(visit, PHONE)
            for width in NARROW:
                visit.page.set_viewport_size({"width": width, "height": 740})
                wide = visit.page.evaluate(OVERFLOW)
                page.overflow += [f"{width} px: {w}" for w in wide]
            page.off_host = visit.off_host(site)
            page.failures = list(visit.failures)
            page.csp = visit.csp_violations()
    finally:
        tab.close()  # never the next test's tab
        book_profile.reset(site)
    assert len(seen) >= 10
    return seen


def assert_none(sweep: dict[str, Seen], problems) -> None:
    found = [f"{rel}: {p}" for rel, seen in sweep.items() for p in problems(seen)]
    assert not found, "\n".join(found)


def test_no_page_requests_anything_from_another_host(sweep):
    assert_none(sweep, lambda seen: seen.off_host)


def test_no_page_fails_to_load_a_file_or_logs_an_error(sweep):
    assert_none(sweep, lambda seen: seen.failures)


def test_no_page_does_anything_its_policy_blocks(sweep):
    assert_none(sweep, lambda seen: seen.csp)


def test_every_page_has_the_help_link_at_the_top_and_keeps_it_in_view(sweep):
    assert_none(sweep, lambda seen: seen.help_link["desktop"])


def test_on_a_phone_the_help_link_is_at_the_top_of_every_page(sweep):
    assert_none(sweep, lambda seen: seen.help_link["phone"])


def test_no_page_has_accessibility_violations(sweep):
    assert_none(sweep, lambda seen: seen.axe)


def test_no_page_has_accessibility_violations_in_dark_mode(sweep):
    assert_none(sweep, lambda seen: seen.axe_dark)


def test_no_page_scrolls_sideways_on_a_narrow_phone(sweep):
    assert_none(sweep, lambda seen: seen.overflow)


def test_one_click_from_a_lesson_reaches_the_help_lines(site, profile):
    visit = Visit(profile, site, "book/dag-3/index.html", PHONE)
    with visit.page.expect_navigation():
        visit.page.locator("a.toelaten-help-link").click()
    assert visit.page.url.endswith("book/als-het-even-niet-gaat.html")
    for country in DATA.contacts.countries:  # the first line of each region
        number = country.primary.phones[0].number
        assert visit.page.get_by_role("link", name=number, exact=True).is_visible(), number


def test_the_help_page_is_two_tab_presses_away(site, profile):
    visit = Visit(profile, site, "book/dag-1/index.html", DESKTOP)
    visit.page.keyboard.press("Tab")
    visit.page.keyboard.press("Tab")
    focused = visit.page.evaluate(
        "[document.activeElement.textContent, document.activeElement.href]"
    )
    assert focused[0] == "Direct naar: Als het even niet gaat"
    assert visit.page.locator(":focus").is_visible()
    with visit.page.expect_navigation():
        visit.page.keyboard.press("Enter")
    assert visit.page.url.endswith("book/als-het-even-niet-gaat.html")
