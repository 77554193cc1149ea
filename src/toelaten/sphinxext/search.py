"""The book's own search: a small index written with the book, searched in the browser.

Each page's title, headings and text are read when the page is (``doctree-read``, kept in
the environment, so an unchanged page keeps its part of the index). After reading, the
whole index goes into ``_static/toelaten/zoekindex.js`` with the words' rule
(``searchwords.py``) and the interface's words; ``search.js`` (written as
``_static/toelaten/zoeken.js``) searches it. Both are plain scripts, so the search also
works when the book is opened from disk. The search page is ``templates/search.html``.

Learner pages come first; the parts in ``toelaten_apart`` (the facilitator guide, the
Jupyter notebooks) come in sections of their own, in that order, labelled with the part's
caption. A page apart that shows the same exercise as a learner page is its
twin: the browser leaves it out when the learner page is found too.

Sphinx's own index, its stemmers and ``searchtools.js`` are not made at all.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment

from toelaten.sphinxext.directives import course_data, write_static
from toelaten.sphinxext.navigation import APART, outline
from toelaten.sphinxext.searchpages import page_sections
from toelaten.sphinxext.searchwords import rule_for, terms

HERE = Path(__file__).parent
INDEX = "toelaten/zoekindex.js"
SCRIPT = "toelaten/zoeken.js"
#: The catalogue's sections search.js gets (in the index).
JS_SECTIONS = ("search",)
#: Weights of a word in a page's title, in a heading, in its text.
WEIGHTS = {"title": 6, "heading": 3, "text": 1}


def _read(app: Sphinx, doctree: nodes.document) -> None:
    env = app.env
    metadata = env.metadata.get(env.docname, {})
    if "nosearch" in metadata or "no-search" in metadata:
        _store(env)[env.docname] = None
        return
    # A notebook's exercise is the one its lesson shows (notebooks.py): its questions are
    # found there, and the notebook only by its own text.
    notebook = str(env.doc2path(env.docname)).endswith(".ipynb")
    sections, exercises = page_sections(doctree, html=not notebook)
    _store(env)[env.docname] = {"sections": sections, "exercises": exercises}


def _store(env: BuildEnvironment) -> dict[str, dict[str, Any] | None]:
    """Per page its sections and exercises (None: a page left out of the search)."""
    if not hasattr(env, "toelaten_search"):
        env.toelaten_search = {}  # type: ignore[attr-defined]  # our part of the env
    return env.toelaten_search  # type: ignore[attr-defined]  # set above


def _unread(app: Sphinx, env: BuildEnvironment, *changes: Any) -> list[str]:
    """Pages read before this extension read them (an environment from an older build)."""
    store = _store(env)
    return sorted(d for d in env.found_docs if d not in store)


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _store(env).pop(docname, None)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: Any, other: BuildEnvironment) -> None:
    store = _store(env)
    for docname, page in _store(other).items():
        if docname in docnames:
            store[docname] = page


def build_index(app: Sphinx) -> dict[str, Any]:
    """The index as the browser gets it (see search.js)."""
    env, data = app.env, course_data(app)
    strings, days = data.strings, data.course.days
    rule = rule_for(strings.language)
    # The parts out of the learner's way (toelaten_apart), each a group of its own.
    book = outline(app)
    parts = book.parts if book else []
    named = list(app.config.toelaten_apart)
    apart = sorted((p for p in parts if p.kind == APART), key=lambda p: named.index(p.caption))
    group_of = {page: n for n, part in enumerate(apart, start=1) for page in part.pages}
    store = _store(env)
    order = [d for d in env.found_docs if store.get(d) is not None]
    # In the book's order, then by name.
    toc = [book.root] if book else []
    position = {d: i for i, d in enumerate(toc + [d for part in parts for d in part.pages])}
    order.sort(key=lambda d: (position.get(d, len(position)), d))
    learner_exercises: dict[str, int] = {}
    pages: list[dict[str, Any]] = []
    postings: dict[str, list[int]] = {}
    for number, docname in enumerate(order):
        page = store[docname]
        assert page is not None
        group = group_of.get(docname, 0)
        for exercise in page["exercises"]:
            if group == 0:
                learner_exercises.setdefault(exercise, number)
        title = env.titles[docname].astext() if docname in env.titles else docname
        segments = docname.split("/")
        day = next((d for d in days if d.id in segments), None)
        counts: dict[str, int] = {}
        length = 0
        fields = [("title", title)]
        fields += [
            (k, t)
            for _, heading, text in page["sections"]
            for k, t in (("heading", heading), ("text", text))
        ]
        for kind, text in fields:
            found = terms(text, rule)
            if kind == "text":
                length += len(found)
            for term in found:
                counts[term] = counts.get(term, 0) + WEIGHTS[kind]
        for term, count in counts.items():
            postings.setdefault(term, []).extend((number, count))
        pages.append(
            {
                "url": app.builder.get_target_uri(docname),
                "title": title,
                "where": day.heading(strings) if day and day.docname != docname else "",
                "group": group,
                "length": length,
                "sections": page["sections"],
                "exercises": page["exercises"],
            }
        )
    for page in pages:
        exercises = page.pop("exercises")
        if page["group"]:
            twins = sorted({learner_exercises[e] for e in exercises if e in learner_exercises})
            if twins:
                page["twins"] = twins
    return {
        "rule": rule,
        "groups": ["", *(part.caption for part in apart)],
        "help": {
            "url": app.builder.get_target_uri(app.config.toelaten_help_page),
            "title": strings("help.title"),
        },
        "words": strings.sections(*JS_SECTIONS),
        "pages": pages,
        "terms": dict(sorted(postings.items())),
    }


def _write_index(app: Sphinx, env: BuildEnvironment) -> None:
    """After reading, before any page is written: the index, and the script that reads it."""
    if not _ours(app):
        return
    index = build_index(app)
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    # A plain script, not JSON to fetch: from file:// a page cannot fetch, but it can load a script.
    index_js = f"self.TOELATEN_ZOEKINDEX={text};\n"
    script = (HERE / "search.js").read_text(encoding="utf-8")
    write_static(app, INDEX, index_js)
    write_static(app, SCRIPT, script)


def _ours(app: Sphinx) -> bool:
    return isinstance(app.builder, StandaloneHTMLBuilder) and app.builder.format == "html"


def _no_sphinx_search(app: Sphinx) -> None:
    """Sphinx writes no index, stemmers or search page of its own; ours is the page
    ``search`` (templates/search.html)."""
    builder = app.builder
    if isinstance(builder, StandaloneHTMLBuilder) and builder.format == "html" and builder.search:
        builder.search = False
        app.config.html_additional_pages = {
            **app.config.html_additional_pages,
            "search": "search.html",
        }


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if not _ours(app):
        return
    hasdoc = context.get("hasdoc")
    if hasdoc is not None:  # the search page exists, though Sphinx no longer makes it
        context["hasdoc"] = lambda name: name == "search" or hasdoc(name)
    if pagename == "search":
        # Like the exercise script: this page only, with Sphinx's ?v= checksum, so a
        # browser that kept an older index or script fetches the new one.
        app.add_js_file(INDEX)
        app.add_js_file(SCRIPT)


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _no_sphinx_search)
    app.connect("doctree-read", _read)
    app.connect("env-get-outdated", _unread)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-updated", _write_index)
    app.connect("html-page-context", _page_context)
