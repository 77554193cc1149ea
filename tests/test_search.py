"""The book's own search: one rule for the words of the index and of the query, learner
pages first, the facilitator guide and the notebooks apart, and never page text as HTML."""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode

import pytest
from docutils.core import publish_doctree

from browsing import DESKTOP, PHONE, Visit
from toelaten.coursedata import CourseData
from toelaten.sphinxext.search import INDEX, SCRIPT
from toelaten.sphinxext.searchpages import page_sections
from toelaten.sphinxext.searchwords import fold, rule_for, stem, terms, words

NL = rule_for("nl")
DATA = CourseData()
HELP = "book/als-het-even-niet-gaat.html"
SPHINX_SEARCH = (
    "searchindex.js",
    "searchtools.js",
    "language_data.js",
    "stemmer",
    "doctools.js",
)


# ---- the words ---------------------------------------------------------------------------


def test_one_term_for_the_forms_of_a_word():
    for forms in (
        ["eenzaam", "eenzame", "eenzaamheid", "Eenzaamheid"],
        ["praten", "praat"],
        ["hulplijn", "hulplijnen"],
        ["vraag", "vragen"],
        ["bel", "bellen"],
        ["oefening", "oefenen", "oefeningen"],
        ["tafel", "tafels"],
        ["meisje", "meisjes"],
    ):
        assert len({stem(fold(f), NL) for f in forms}) == 1, forms


def test_words_that_only_look_like_a_plural_keep_their_s():
    assert terms("huis mens", NL) == ["huis", "mens"]
    assert terms("mensen", NL) == ["mens"]


def test_numbers_stay_as_they_are():
    assert terms("Bel 113 of 0800-0113 (gratis)", NL) == ["bel", "113", "0800", "0113", "gratis"]
    assert terms("1813", NL) == ["1813"]


def test_accents_and_case_fold_away():
    assert fold("Één ÏDEE café") == "een idee cafe"
    assert terms("CAFÉ", NL) == terms("cafe", NL)
    assert terms("cafe\u0301", NL) == terms("café", NL)  # typed as e + accent


def test_stop_words_and_single_letters_are_not_searched():
    assert terms("Als het even niet gaat", NL) == ["even", "gat"]
    assert terms("collega's", NL) == ["collega"]


def test_words_know_where_they_are_in_the_text():
    text = "Eén keer praten."
    assert [(text[a:b], t) for a, b, t in words(text, NL)] == [("keer", "ker"), ("praten", "prat")]


def test_another_language_only_folds():
    plain = rule_for("en")
    assert terms("Loneliness Helplines", plain) == ["loneliness", "helplines"]
    assert rule_for("nl-BE") is NL


# ---- what the build reads of a page ------------------------------------------------------


def test_a_page_is_read_as_sections_with_headings_text_and_exercises():
    doctree = publish_doctree(
        "Titel\n=====\n\nEerste alinea.\n\nKop\n---\n\nTekst met *nadruk*.\n\n"
        "::\n\n    oefening('code')\n\n"
        '.. raw:: html\n\n   <div class="toelaten-oefening" data-exercise="steunkaart">'
        "<p>Wie staat er om je heen?</p><script>geen tekst</script></div>\n",
        settings_overrides={"doctitle_xform": False},  # as Sphinx reads it: the title a section
    )
    sections, exercises = page_sections(doctree)
    assert [s[1:] for s in sections] == [
        ["Titel", "Eerste alinea."],
        ["Kop", "Tekst met nadruk. Wie staat er om je heen?"],
    ]
    assert sections[1][0] == "kop"
    assert exercises == ["steunkaart"]
    sections, exercises = page_sections(doctree, html=False)
    assert sections[1][2] == "Tekst met nadruk." and exercises == ["steunkaart"]


# ---- the built index ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def index(html):
    text = (html / "_static" / INDEX).read_text(encoding="utf-8")
    return json.loads(text[text.index("=") + 1 : text.rindex(";")])


def test_the_index_holds_the_numbers_the_help_page_gets_from_the_data(index):
    help_page = next(i for i, p in enumerate(index["pages"]) if p["url"] == HELP)
    numbers = {
        number
        for country in DATA.contacts.countries
        for contact in country.contacts
        for phone in contact.phones
        for number in terms(phone.number, NL)
    }
    assert numbers
    for number in numbers:
        assert help_page in index["terms"][number][::2], number


def test_the_pages_apart_are_labelled_and_notebooks_know_their_lesson(index, html):
    titles = [
        p["title"]
        for p in index["pages"]
        if p["url"] in ("facilitator-guide/index.html", "exercises/index.html")
    ]
    assert sorted(index["groups"][1:]) == sorted(titles)
    for page in index["pages"]:
        apart = page["url"].startswith(("facilitator-guide/", "exercises/"))
        assert bool(page["group"]) == apart, page["url"]
        if page["url"].startswith("exercises/dag-"):
            twins = [index["pages"][t] for t in page["twins"]]
            exercise = re.search(r'data-exercise="([^"]+)"', (html / page["url"]).read_text())[1]
            assert [t["group"] for t in twins] == [0]
            assert f'data-exercise="{exercise}"' in (html / twins[0]["url"]).read_text()


def test_no_page_loads_sphinx_search_and_the_search_page_loads_ours(html):
    for path in html.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not [s for s in SPHINX_SEARCH if s in text], path
    search = (html / "search.html").read_text(encoding="utf-8")
    assert f"_static/{INDEX}?v=" in search and f"_static/{SCRIPT}?v=" in search


# ---- in the browser ----------------------------------------------------------------------


def search(profile, site, query: str, viewport=DESKTOP) -> Visit:
    visit = Visit(profile, site, "search.html?" + urlencode({"q": query}), viewport)
    visit.page.locator(".tl-search-status:not(:empty)").wait_for(timeout=10_000)
    return visit


def results(visit: Visit) -> list[tuple[str, str]]:
    """(section heading, page) for every result, in the order shown."""
    return visit.page.evaluate(
        """() => [...document.querySelectorAll('#search-results .tl-search-hit a')].map(a =>
            [a.closest('section').querySelector('h2').textContent,
             new URL(a.href).pathname])"""
    )


@pytest.mark.browser
@pytest.mark.parametrize("query", ["113", "hulplijn", "praten"])
def test_the_help_page_comes_first(site, profile, query):
    found = results(search(profile, site, query))
    assert found and found[0][1] == "/" + HELP, found


@pytest.mark.browser
@pytest.mark.parametrize("query", ["eenzaam", "eenzaamheid", "Eenzaamheid"])
def test_the_page_about_loneliness_comes_first(site, profile, query):
    visit = search(profile, site, query)
    first = visit.page.locator("#search-results .tl-search-hit a").first.inner_text()
    assert terms(query, NL)[0] in terms(first, NL), first
    assert visit.page.locator("#search-results .tl-search-hit mark").count() > 0


@pytest.mark.browser
@pytest.mark.parametrize("query", ["steunkaart", "hulplijn", "vraag", "Jupyter", "oefening"])
def test_learner_pages_first_then_each_section_apart_and_no_duplicates(
    site, profile, html, index, query
):
    found = results(search(profile, site, query))
    headings = [h for i, (h, _) in enumerate(found) if i == 0 or found[i - 1][0] != h]
    assert len(headings) == len(set(headings)), headings  # each section once, together
    learner = DATA.strings("search.learner")
    order = [learner, *index["groups"][1:]]
    assert headings == [h for h in order if h in headings], headings
    for heading, path in found:
        apart = path.startswith(("/facilitator-guide/", "/exercises/"))
        assert apart == (heading != learner), (heading, path)
    shown = {path for _, path in found}
    for path in shown:
        if path.startswith("/exercises/dag-"):
            exercise = re.search(r'data-exercise="([^"]+)"', (html / path[1:]).read_text())[1]
            twins = {
                "/" + p.relative_to(html).as_posix()
                for p in (html / "book").rglob("*.html")
                if f'data-exercise="{exercise}"' in p.read_text()
            }
            assert not twins & shown, (path, twins)


@pytest.mark.browser
def test_a_query_is_shown_as_text_never_as_html(site, profile):
    query = "<img src=x onerror=window.__hacked=1>"
    visit = search(profile, site, query)
    status = visit.page.locator(".tl-search-status").inner_text()
    assert query in status
    assert visit.page.locator("#search-results img").count() == 0
    assert visit.page.evaluate("window.__hacked") is None
    assert visit.page.locator("#tl-zoek-q").input_value() == query
    help_title = DATA.strings("help.title")
    assert visit.page.locator("#search-results a", has_text=help_title).count() == 1


@pytest.mark.browser
def test_searching_again_by_keyboard_on_a_phone(site, profile):
    visit = search(profile, site, "", PHONE)
    page = visit.page
    assert page.locator(".tl-search-status").inner_text()  # says what to do
    page.get_by_role("searchbox", name=DATA.strings("search.label"), exact=True).fill("113")
    page.keyboard.press("Enter")
    page.locator(".tl-search-hit").first.wait_for()
    assert "q=113" in page.url
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert not [u for u in visit.requests if any(s in u for s in SPHINX_SEARCH)]
    assert not visit.failures and not visit.csp_violations()
