"""The built HTML: help on every page, data rendered from the data files, no other host."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from fontTools.ttLib import TTFont

from pages import reader_copy, redirect_target, resolve, soup
from toelaten.coursedata import CourseData
from toelaten.exercises.front import compact
from toelaten.site import built_pages

DATA = CourseData()

HELP_PAGE = "book/als-het-even-niet-gaat.html"
# Elements whose URL the browser fetches by itself, without a click.
FETCHED = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "object": "data",
    "link": "href",
}


def off_host(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) or parts.scheme not in ("", "data", "tel", "mailto")


def test_the_site_has_the_pages_of_the_toc(html):
    pages = set(built_pages(html))
    for day in DATA.course.days:
        assert f"{day.docname}.html" in pages
    assert {HELP_PAGE, "book/privacy.html", "facilitator-guide/index.html"} <= pages


def test_every_page_is_dutch_and_links_to_the_help_page(html):
    for rel in built_pages(html):
        doc = soup(html, rel)
        target = redirect_target(doc)
        if target is not None:
            assert (html / resolve(rel, target)).is_file(), f"{rel} redirects nowhere"
        assert doc.html.get("lang") == "nl", rel
        links = doc.select("a.toelaten-help-link")
        assert len(links) == 1, f"{rel} has no help link in its header"
        assert links[0].get_text(strip=True) == "Als het even niet gaat"
        assert resolve(rel, links[0]["href"]) == HELP_PAGE, rel


def test_no_page_fetches_from_another_host(html):
    for rel in built_pages(html):
        doc = soup(html, rel)
        for tag, attr in FETCHED.items():
            for element in doc.find_all(tag):
                url = element.get(attr)
                if url:
                    assert not off_host(url), f"{rel}: <{tag} {attr}={url!r}>"
        for element in doc.find_all(style=True):
            for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", element["style"]):
                assert not off_host(url), f"{rel}: style url({url})"


def test_no_stylesheet_fetches_from_another_host(html):
    for css in (html / "_static").rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text):
            assert not off_host(url), f"{css.name}: url({url})"
        assert "@import url(http" not in text


def test_links_to_other_sites_are_only_the_help_lines(html):
    allowed = {
        urlsplit(c.chat_url).netloc
        for country in DATA.contacts.countries
        for c in country.contacts
        if c.chat_url
    }
    for rel in built_pages(html):
        for a in soup(html, rel).find_all("a", href=True):
            host = urlsplit(a["href"]).netloc
            if host:
                assert host in allowed, f"{rel} links to {a['href']}"


def test_the_landing_page_is_titled_with_the_course_name(html):
    doc = soup(html, "book/index.html")
    assert doc.h1.get_text(strip=True).rstrip("#") == DATA.course.full_title


def test_the_landing_page_shows_the_five_days_from_the_data_file(html):
    """As it is without JavaScript (and before the script has read any answers): a way in
    to day 1 and the days as a list of links, each with its theme."""
    doc = soup(html, "book/index.html")
    first = DATA.course.days[0]
    start = doc.select_one(".toelaten-cursuspad a.tl-start")
    assert start.get_text(strip=True) == DATA.strings("progress.path.start", number=first.number)
    assert resolve("book/index.html", start["href"]) == f"{first.docname}.html"
    rows = doc.select(".toelaten-dagen .tl-task")
    days = DATA.course.days
    assert len(rows) == len(days)
    for row, day in zip(rows, days, strict=True):
        link = row.find("a")
        assert link.get_text(strip=True) == day.heading(DATA.strings)
        assert resolve("book/index.html", link["href"]) == f"{day.docname}.html"
        assert day.theme in row.get_text(" ", strip=True)
    privacy = [a for a in doc.find_all("a") if "privacy" in a["href"]]
    assert privacy, "the landing page must link to the privacy page"


@pytest.mark.parametrize("day", DATA.course.days, ids=lambda d: d.id)
def test_a_day_page_links_each_of_its_exercises_where_it_is(html, day):
    page = f"{day.docname}.html"
    rows = soup(html, page).select(".toelaten-dag-oefeningen .tl-task")
    assert [r["data-task-exercise"] for r in rows] == list(day.exercises)
    for row in rows:
        link = row.find("a")
        assert link.get_text(strip=True) == DATA.exercise(row["data-task-exercise"]).title
        target, anchor = resolve(page, link["href"]), urlsplit(link["href"]).fragment
        assert soup(html, target).find(id=anchor) is not None, link["href"]


@pytest.mark.parametrize("day", DATA.course.days, ids=lambda d: d.id)
def test_a_day_page_shows_its_theme_and_goals(html, day):
    doc = soup(html, f"{day.docname}.html")
    assert doc.h1.get_text(strip=True).rstrip("#") == day.heading(DATA.strings)
    assert doc.select_one("p.toelaten-lead").get_text(strip=True) == day.theme
    goals = [li.get_text(" ", strip=True) for li in doc.select("ul.toelaten-goals > li")]
    assert goals == list(day.goals)


@pytest.mark.parametrize("page", [HELP_PAGE, "facilitator-guide/als-het-zwaar-wordt.html"])
def test_the_help_pages_list_every_contact_with_a_number_to_tap(html, page):
    doc = soup(html, page)
    text = doc.get_text(" ", strip=True)
    tel_links = {a["href"] for a in doc.find_all("a", href=True) if a["href"].startswith("tel:")}
    for country in DATA.contacts.countries:
        assert f"tel:{country.emergency}" in tel_links
        for contact in country.contacts:
            assert contact.name in text
            for phone in contact.phones:
                assert phone.tel in tel_links, phone
    assert "therapie" in text or "therapeut" in text


def test_every_letter_on_a_page_is_in_the_served_typeface(html):
    """The book serves a subset of Atkinson Hyperlegible: a character outside it would be
    drawn in another font, in the middle of a word."""
    fonts = sorted((html / "_static/fonts").glob("*.woff2"))
    assert len(fonts) == 3, fonts  # regular, bold, italic
    covered = set.intersection(*(set(TTFont(f).getBestCmap()) for f in fonts))
    missing: dict[str, set[str]] = {}
    for rel in built_pages(html):
        doc = reader_copy(soup(html, rel))
        for char in set(doc.get_text()):
            if char.isprintable() and not char.isspace() and ord(char) not in covered:
                missing.setdefault(f"U+{ord(char):04X} {char}", set()).add(rel)
    assert not missing, {k: sorted(v)[:3] for k, v in missing.items()}


@pytest.mark.parametrize("day", DATA.course.days, ids=lambda d: d.id)
def test_the_guide_and_the_day_page_show_the_schedule(html, day):

    schedule = DATA.schedule
    tables = soup(html, f"facilitator-guide/{day.id}.html").select("table.toelaten-draaiboek")
    assert len(tables) == len(schedule.variants)
    for table, variant in zip(tables, schedule.variants, strict=True):
        rows = [
            [td.get_text(strip=True) for td in tr.find_all("td")] for tr in table.select("tbody tr")
        ]
        slots = schedule.run_sheet(day.id, variant)
        assert [r[0] for r in rows] == [f"{s.start:%H:%M}–{s.end:%H:%M}" for s in slots]
        assert [r[2] for r in rows] == [s.block.title for s in slots]
    agenda = soup(html, f"{day.docname}.html").select_one("table.toelaten-draaiboek")
    full_day = schedule.run_sheet(day.id, "dag")
    cells = [tr.find_all("td") for tr in agenda.select("tbody tr")]
    assert [c[0].get_text(strip=True) for c in cells] == [b.title for b in schedule.days[day.id]]
    assert cells[0][1].get_text(strip=True) == f"{full_day[0].start:%H:%M}–{full_day[0].end:%H:%M}"


def test_the_book_script_is_compacted_but_never_where_text_would_change():
    script = "  // a comment\n  const a = 1; // kept: code before it\n\n  f(`x`);\n"
    assert compact(script) == "const a = 1; // kept: code before it\nf(`x`);\n"
    spanning = "const t = `line one\n  // not a comment: text\n`;\n"
    assert compact(spanning) == spanning
