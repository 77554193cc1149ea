"""The course's page theme (theme/toelaten): its one stylesheet, the scripts a page loads,
and what the header and footer say.

A page loads one stylesheet, ``toelaten/cursus.css``: the theme, the course's components
and the exercises' styles, written together at the start of every build. Scripts go at the
end of the page and only the course's own: Sphinx's doctools, highlight and translation
scripts and myst-nb's styles serve features this book does not use.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from toelaten.exercises import front
from toelaten.sphinxext.directives import course_data, write_static

HERE = Path(__file__).parent
THEME = HERE / "theme" / "toelaten"
PARTS = (
    HERE / "theme" / "css" / "theme.css",
    HERE / "assets" / "toelaten.css",
    HERE / "assets" / "presentatie.css",
    HERE / "assets" / "presentatie-scherm.css",
)
STYLESHEET = "toelaten/cursus.css"
SCRIPT = "cursus.js"
# Files a page may load: the course's own (everything under _static/toelaten/ too).
OWN = re.compile(r"^_static/(toelaten/|cursus\.js$)")
DESCRIPTION = 160  # characters: what a search result shows


def stylesheet() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in PARTS) + "\n" + front.css(book=True)


def _write_stylesheet(app: Sphinx) -> None:
    if app.builder.format == "html":
        write_static(app, STYLESHEET, stylesheet())


def _description(doctree: Any) -> str | None:
    """The page's first paragraph, shortened at a word: the meta description."""
    if doctree is None:
        return None
    for paragraph in doctree.findall(nodes.paragraph):
        if paragraph.get("classes") or isinstance(paragraph.parent, nodes.list_item):
            continue
        text = " ".join(paragraph.astext().split())
        if len(text) < 40:
            continue
        if len(text) > DESCRIPTION:
            text = text[: DESCRIPTION - 1].rsplit(" ", 1)[0].rstrip(",;:–-") + "…"
        return text
    return None


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if app.builder.format != "html" or app.config.html_theme != "toelaten":
        return
    course = course_data(app).course

    # The search page too: the course's own search (search.py) needs none of Sphinx's.
    def own(files: list[Any]) -> list[Any]:
        return [f for f in files if OWN.match(getattr(f, "filename", "") or "")]

    context["css_files"] = own(context.get("css_files", []))
    context["script_files"] = own(context.get("script_files", []))
    context["toelaten_full_title"] = course.full_title
    context["toelaten_maker"] = course.maker
    context["toelaten_licence"] = course.maker.licence if course.maker else None
    context["toelaten_description"] = _description(doctree) or course.full_title
    pathto = context["pathto"]
    env = app.env
    links = []
    for key in ("toelaten_privacy_page", "toelaten_sources_page"):
        docname = getattr(app.config, key)
        if docname and docname in env.found_docs:
            links.append({"title": env.titles[docname].astext(), "url": pathto(docname)})
    context["toelaten_footer_links"] = links


def setup(app: Sphinx) -> None:
    app.add_html_theme("toelaten", str(THEME))
    app.add_config_value("toelaten_sources_page", "book/bronnen", "env", [str])
    app.connect("builder-inited", _write_stylesheet)
    app.add_css_file(STYLESHEET)
    app.add_js_file(SCRIPT)
    # Last: after myst-nb (500) and the exercises (400) have added theirs.
    app.connect("html-page-context", _page_context, priority=900)
