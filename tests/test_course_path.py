"""The learner's way through the book: from the landing page through the five days to the
closing page, never into the facilitator guide or the notebooks; a menu that works on a
phone; Dutch on every piece of the page around the lesson."""

from __future__ import annotations

import re

import pytest
import yaml

from browsing import PHONE, Visit
from layout import toc_files
from pages import reader_copy, soup
from toelaten.coursedata import CourseData
from toelaten.site import built_pages

DATA = CourseData()
# What Sphinx and its themes write in English when nobody translates them.
ENGLISH_CHROME = re.compile(
    r"skip to (main )?content|back to top|toggle (primary|secondary)|color mode|"
    r"(previous|next) page|link to this heading|search results|last updated|created using|"
    r"copyright|on this page|\bcontents\b|print to pdf|download this page",
    re.IGNORECASE,
)


def path_parts(root):
    """The learner's path as _toc.yml and _config.yml define it: the landing page, then
    every page of the part named in toelaten_path."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    caption = config["sphinx"]["config"]["toelaten_path"]
    apart = config["sphinx"]["config"]["toelaten_apart"]
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))

    def pages(entries):
        for entry in entries:
            yield entry["file"]
            yield from pages(entry.get("sections", []))

    parts = {part["caption"]: list(pages(part["chapters"])) for part in toc["parts"]}
    return [toc["root"], *parts[caption]], {c: parts[c] for c in apart}


def test_volgende_walks_from_the_landing_page_through_the_days_to_the_end(root, site, profile):
    path, _ = path_parts(root)
    assert path[-1] == "book/verder"  # the closing page ends it
    visit = Visit(profile, site, "book/index.html", PHONE)
    walked = []
    while True:
        walked.append(visit.page.url.removeprefix(site).removesuffix(".html"))
        following = visit.page.locator("a.tl-next")
        if not following.count():
            break
        with visit.page.expect_navigation():
            following.click()
    assert walked == path
    for _ in path[1:]:  # and back again, with Vorige
        with visit.page.expect_navigation():
            visit.page.locator("a.tl-prev").click()
    assert visit.page.url == f"{site}book/index.html"


def test_the_guide_and_the_notebooks_are_sections_of_their_own(root, html):
    _, apart = path_parts(root)
    for pages in apart.values():
        for docname in pages:
            doc = soup(html, f"{docname}.html")
            for rel in ("prev", "next"):
                link = doc.select_one(f"link[rel={rel}]")
                if link is not None:
                    target = (html / docname).parent.joinpath(link["href"]).resolve()
                    target_doc = target.relative_to(html.resolve()).with_suffix("").as_posix()
                    assert target_doc in pages, (docname, rel, target_doc)
    # The learner's menu lists none of their pages; the footer names each once.
    doc = soup(html, "book/dag-1/index.html")
    here = (html / "book/dag-1").resolve()

    def linked(selector):
        return [
            here.joinpath(a["href"])
            .resolve()
            .relative_to(html.resolve())
            .with_suffix("")
            .as_posix()
            for a in doc.select(f"{selector} a")
        ]

    for pages in apart.values():
        assert not [d for d in linked("nav.tl-menu") if d in pages]
        assert len([d for d in linked("footer") if d in pages]) == 1


def test_pages_outside_the_path_have_no_previous_or_next(root, html):
    path, apart = path_parts(root)
    elsewhere = set(toc_files(root)) - set(path) - {p for ps in apart.values() for p in ps}
    assert {"book/als-het-even-niet-gaat", "book/mijn-werkboek", "book/privacy"} <= elsewhere
    for docname in elsewhere:
        doc = soup(html, f"{docname}.html")
        assert not doc.select("a.tl-prev, a.tl-next, link[rel=prev], link[rel=next]"), docname


def test_a_day_page_folds_the_group_timetable_away(html):
    for day in DATA.course.days:
        doc = soup(html, f"{day.docname}.html")
        tables = doc.select("article table")
        assert tables, day.id
        for table in tables:
            folded = table.find_parent("details")
            assert folded is not None and not folded.has_attr("open"), day.id
            assert folded.select_one("summary").get_text(strip=True)


def test_every_page_is_dutch_around_the_lesson(html):
    found = []
    for rel in built_pages(html):
        doc = reader_copy(soup(html, rel))
        texts = [doc.get_text(" ")]
        texts += [
            value
            for tag in doc.find_all(True)
            for name in ("aria-label", "title", "placeholder", "alt", "value")
            if isinstance(value := tag.get(name), str)
        ]
        found += [f"{rel}: {m.group(0)!r}" for t in texts for m in ENGLISH_CHROME.finditer(t)]
    assert not found, "\n".join(found[:20])


def test_every_page_has_a_description(html):
    empty = []
    for rel in built_pages(html):
        doc = soup(html, rel)
        if doc.select_one("meta[http-equiv=refresh]"):
            continue
        meta = doc.select_one("meta[name=description]")
        if meta is None or len(meta.get("content", "")) < 20:
            empty.append(rel)
    assert not empty, empty


def test_the_footer_says_who_made_the_course_and_how_to_reach_them(html):
    maker = DATA.course.maker
    assert maker is not None and maker.contact
    for rel in ("book/index.html", "book/dag-3/klein-beginnen.html", "search.html"):
        footer = soup(html, rel).select_one("footer")
        assert maker.name in footer.get_text(), rel
        assert footer.select_one(f'a[href="{maker.contact_url}"]'), rel


@pytest.mark.browser
def test_on_a_phone_the_menu_opens_and_closes_by_keyboard(site, profile):
    visit = Visit(profile, site, "book/dag-2/de-dubbele-maat.html", PHONE)
    page = visit.page
    menu = page.locator("nav.tl-menu")
    button = page.get_by_role("button", name="Menu")
    assert not menu.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert menu.is_visible()
    assert button.get_attribute("aria-expanded") == "true"
    # Focus is in the menu, on the page the learner is on.
    assert page.evaluate("document.activeElement.closest('nav.tl-menu') !== null")
    assert page.evaluate("document.activeElement.getAttribute('aria-current')") == "page"
    # The help link stays in view above it.
    assert page.locator("a.toelaten-help-link").is_visible()
    page.keyboard.press("Escape")
    assert not menu.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('tl-menu-button')")
