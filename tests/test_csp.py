"""The Content-Security-Policy of the built book: in every page, only the site itself, every
inline script allowed by its hash, and nothing blocked in a real browser.

The browser sweep over every page (test_browser.py) fails on any violation; these tests
check the tags themselves, and the pages where scripts do the most: an exercise being
filled in and the search page, also opened from disk (file://).
"""

from __future__ import annotations

import base64
import hashlib
import re
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

import browsing
from browsing import Profile, Visit
from pages import soup
from toelaten.coursedata import CourseData
from toelaten.sphinxext.csp import with_policy

DATA = CourseData()

CSP_NAME = "Content-Security-Policy"
CSP = {"http-equiv": re.compile(f"^{CSP_NAME}$", re.IGNORECASE)}
LESSON = "book/dag-2/van-wie-is-die-stem.html"
HASH = re.compile(r"^'sha256-[A-Za-z0-9+/]{43}='$")
# Every source a directive may name. Hashes only where inline blocks need them,
# 'unsafe-inline' only for style attributes, data: only for the theme's CSS icons.
ALLOWED = {
    "default-src": {"'none'"},
    "script-src": {"'self'", "hash"},
    "style-src": {"'self'", "'unsafe-inline'"},
    "style-src-elem": {"'self'", "hash"},
    "img-src": {"'self'", "data:"},
    "font-src": {"'self'"},
    "base-uri": {"'none'"},
    "form-action": {"'self'"},
}


def policy(doc: BeautifulSoup) -> dict[str, list[str]]:
    meta = doc.find("meta", attrs=CSP)
    directives = (d.split() for d in meta["content"].split(";") if d.strip())
    return {name: sources for name, *sources in directives}


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def inline(doc: BeautifulSoup) -> tuple[set[str], set[str]]:
    """Hashes of the inline scripts that run (not data blocks, not in <noscript>) and of
    the <style> elements, found independently of the build's own parser."""
    scripts = {
        sha256(s.string or "")
        for s in doc.find_all("script")
        if not s.has_attr("src")
        and s.get("type", "").lower() in ("", "text/javascript", "module")
        and not s.find_parent("noscript")
    }
    return scripts, {sha256(s.string or "") for s in doc.find_all("style")}


def every_html(html: Path) -> list[Path]:
    return sorted(html.rglob("*.html"))


def test_every_html_file_has_one_policy_first_in_head(html):
    files = every_html(html)
    assert len(files) >= 10
    for path in files:
        doc = soup(html, path.relative_to(html))
        assert len(doc.find_all("meta", attrs=CSP)) == 1, path
        head = doc.head or doc  # the theme's macro files in _static have no <head>
        first = [t for t in head.children if isinstance(t, Tag)]
        if first[0].name == "meta" and first[0].has_attr("charset"):
            first = first[1:]  # the encoding must come within the first 1024 bytes
        assert first[0].name == "meta" and first[0].get("http-equiv") == CSP_NAME, path


def test_every_policy_allows_only_the_site_and_exactly_the_pages_inline_blocks(html):
    for path in every_html(html):
        doc = soup(html, path.relative_to(html))
        found = policy(doc)
        assert set(found) == set(ALLOWED), path
        for name, sources in found.items():
            kinds = {"hash" if HASH.match(s) else s for s in sources}
            assert kinds <= ALLOWED[name], f"{path}: {name} {sources}"
        scripts, styles = inline(doc)
        assert {s for s in found["script-src"] if HASH.match(s)} == scripts, path
        assert {s for s in found["style-src-elem"] if HASH.match(s)} == styles, path


def test_no_page_has_inline_handlers_which_no_hash_can_allow(html):
    for path in every_html(html):
        doc = soup(html, path.relative_to(html))
        for tag in doc.find_all(True):
            handlers = [a for a in tag.attrs if a.lower().startswith("on")]
            urls = [v for v in tag.attrs.values() if str(v).lower().startswith("javascript:")]
            assert not handlers and not urls, f"{path}: {tag.name} {handlers} {urls}"


def test_the_policy_goes_after_the_doctype_and_replaces_an_earlier_one():
    page = "<!DOCTYPE html>\n<html><body><script>go()</script></body></html>\n"
    once, handlers = with_policy(page)
    assert once.startswith('<!DOCTYPE html>\n<meta http-equiv="Content-Security-Policy"')
    assert sha256("go()") in once and not handlers
    assert with_policy(once)[0] == once
    assert with_policy('<p onclick="x()">')[1] == ["onclick"]


def test_the_server_repeats_the_pages_policy_and_forbids_framing(html, site):
    with urllib.request.urlopen(site + LESSON) as response:
        header = response.headers["Content-Security-Policy"]
    meta = BeautifulSoup((html / LESSON).read_text(encoding="utf-8"), "html.parser")
    assert header == meta.find("meta", attrs=CSP)["content"] + "; frame-ancestors 'self'"


@pytest.mark.browser
def test_the_browser_enforces_the_policy_and_the_tests_see_it(site, profile):
    visit = Visit(profile, site, LESSON)
    visit.page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__ran = true'; document.head.append(s); }"
    )
    assert visit.page.evaluate("window.__ran") is None
    assert any("script-src" in v for v in visit.csp_violations())


def use_exercise_and_search(visit: Visit) -> list[str]:
    """Type into the flagship exercise and save, then search: the violations on the way."""
    page = visit.page
    visit.ready()
    answers = {"zin": "Ik moet het zelf kunnen", "stem": "norm", "waar_voor": 70}
    browsing.fill_by_keyboard(page, DATA.exercise("wiens-stem"), answers)
    page.wait_for_function(
        "text => JSON.stringify(localStorage).includes(text)", arg=answers["zin"], timeout=5_000
    )
    seen = visit.csp_violations()
    visit.goto("search.html?q=Luisterlijn")
    page.locator("#search-results li a").first.wait_for(timeout=10_000)
    # The snippets come from the index, not from fetched pages: from disk too.
    page.locator("#search-results li .tl-search-snippet mark").first.wait_for(timeout=10_000)
    return seen + visit.csp_violations()


@pytest.mark.browser
def test_an_exercise_and_the_search_run_without_violations(site, profile):
    visit = Visit(profile, site, LESSON)
    violations = use_exercise_and_search(visit)
    assert not violations, violations


@pytest.mark.browser
def test_opened_from_disk_the_book_works_under_its_policy_and_keeps_answers(html, browser):
    """From file:// Chromium lets 'self' match every file: URL. The search finds pages and
    shows their snippets there too (its index is a script, nothing is fetched); and what
    the learner saved is there when the lesson is opened again."""
    base = html.resolve().as_uri() + "/"
    profile = Profile.new(browser)
    try:
        visit = Visit(profile, base, "index.html")
        visit.page.wait_for_url("**/book/index.html")  # the redirect ran
        assert not visit.csp_violations()
        visit.goto(LESSON)
        violations = use_exercise_and_search(visit)
        visit.goto(LESSON)
        visit.ready()
        titles = visit.page.locator(".tl-entry-title").all_inner_texts()
    finally:
        profile.close()
    assert not violations, violations
    assert titles == ["Ik moet het zelf kunnen"]
