"""The built book in a real browser (Debian's Chromium): every page, as a learner opens it."""

from __future__ import annotations

import pytest

from browsing import DESKTOP, PHONE, Visit
from toelaten.site import built_pages

pytestmark = pytest.mark.browser


def help_link_problems(visit: Visit, viewport: dict) -> list[str]:
    link = visit.page.locator("a.toelaten-help-link")
    if link.count() != 1 or not link.is_visible():
        return ["no visible help link"]
    box = link.bounding_box()
    if box["y"] < 0 or box["y"] + box["height"] > viewport["height"] / 4:
        return [f"help link not at the top ({box})"]
    visit.page.mouse.wheel(0, 3000)  # the header stays while the learner scrolls
    visit.page.wait_for_timeout(150)
    if not link.is_visible() or not 0 <= link.bounding_box()["y"] < viewport["height"]:
        return ["help link scrolls out of view"]
    return []


def test_every_page_loads_with_zero_off_host_requests_csp_violations_and_the_help_link(
    html, site, browser
):
    problems = []
    pages = built_pages(html)
    assert len(pages) >= 10
    for rel in pages:
        visit = Visit(browser, site, rel, DESKTOP)
        problems += [f"{rel}: off-host request {u}" for u in visit.off_host(site)]
        problems += [f"{rel}: {f}" for f in visit.failures]
        problems += [f"{rel}: CSP: {v}" for v in visit.csp_violations()]
        problems += [f"{rel}: {p}" for p in help_link_problems(visit, DESKTOP)]
        visit.close()
    assert not problems, "\n".join(problems)


def test_on_a_phone_the_help_link_is_at_the_top_of_every_page(html, site, browser):
    problems = []
    for rel in built_pages(html):
        visit = Visit(browser, site, rel, PHONE)
        problems += [f"{rel}: {p}" for p in help_link_problems(visit, PHONE)]
        visit.close()
    assert not problems, "\n".join(problems)


def test_one_click_from_a_lesson_reaches_the_help_lines(site, browser):
    visit = Visit(browser, site, "book/dag-3/index.html", PHONE)
    with visit.page.expect_navigation():
        visit.page.locator("a.toelaten-help-link").click()
    assert visit.page.url.endswith("book/als-het-even-niet-gaat.html")
    assert visit.page.get_by_role("link", name="113", exact=True).is_visible()
    assert visit.page.get_by_role("link", name="1813", exact=True).is_visible()
    visit.close()


def test_the_help_page_is_two_tab_presses_away(site, browser):
    visit = Visit(browser, site, "book/dag-1/index.html", DESKTOP)
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
    visit.close()


def test_icons_are_drawn_by_the_local_font(site, browser):
    visit = Visit(browser, site, "book/index.html", DESKTOP)
    visit.page.evaluate("document.fonts.ready")
    loaded = visit.page.evaluate(
        "[...document.fonts].filter(f => f.family.includes('Font Awesome')"
        " && f.status === 'loaded').length"
    )
    assert loaded >= 1
    assert not [u for u in visit.requests if "fontawesome.js" in u]
    width = visit.page.evaluate(
        "getComputedStyle(document.querySelector('.toelaten-help-link i'), '::before').content"
    )
    assert width not in ("none", "normal", '""')
    visit.close()


def test_search_works_without_the_index_on_every_page(site, browser):
    visit = Visit(browser, site, "search.html?q=Luisterlijn", DESKTOP)
    results = visit.page.locator("#search-results li a")
    results.first.wait_for(timeout=10_000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any("als-het-even-niet-gaat" in h for h in hrefs), hrefs
    visit.close()
    lesson = Visit(browser, site, "book/dag-1/index.html", DESKTOP)
    assert not [u for u in lesson.requests if "searchindex.js" in u]
    lesson.close()
