"""What every HTML page gets: the link to the help page (see templates/), and the
interface's words for the templates (``toelaten_strings("help.title")``)."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from toelaten.sphinxext.directives import course_data

logger = logging.getLogger(__name__)


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    help_page = app.config.toelaten_help_page
    on_help_page = pagename == help_page
    # pathto() gives "#" for the page itself; link the file, so the link means the same everywhere.
    url = app.builder.get_target_uri(help_page).rsplit("/", 1)[-1] if on_help_page else None
    context["toelaten_help_url"] = url or context["pathto"](help_page)
    context["toelaten_on_help_page"] = on_help_page
    # The course's catalogue, callable: {{ toelaten_strings("help.title") | e }}.
    context["toelaten_strings"] = course_data(app).strings


def _check_pages_exist(app: Sphinx, env: BuildEnvironment) -> None:
    for key in ("toelaten_help_page", "toelaten_privacy_page"):
        docname = getattr(app.config, key)
        if docname not in env.found_docs:
            logger.warning("%s = %r is not a page of the book", key, docname, type="toelaten")


REDIRECT = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url={start}">
<meta name="referrer" content="no-referrer">
<title>{title}</title>
{icon}
</head>
<body>
<p><a href="{start}">{to_course}</a></p>
<p><a class="toelaten-help-link" href="{help}">{help_title}</a></p>
</body>
</html>
"""


def _write_root_redirect(app: Sphinx, exception: Exception | None) -> None:
    """The site's index.html when the book starts elsewhere (book/index).

    sphinx_external_toc writes a bare one (no language, no favicon, so the browser asks
    for a missing /favicon.ico); ours runs first and it then leaves ours alone.
    """
    index = Path(app.outdir) / "index.html"
    if exception is not None or app.builder.format != "html" or app.config.root_doc == "index":
        return
    favicon = app.config.html_favicon
    icon = (
        f'<link rel="icon" href="_static/{escape(Path(favicon).name)}">'
        if favicon and "://" not in favicon
        else ""
    )
    strings = course_data(app).strings
    title = app.config.html_title
    index.write_text(
        REDIRECT.format(
            lang=escape(strings.language),
            start=escape(app.builder.get_target_uri(app.config.root_doc)),
            help=escape(app.builder.get_target_uri(app.config.toelaten_help_page)),
            title=escape(title),
            to_course=escape(strings("book.redirect", title=title)),
            help_title=escape(strings("help.title")),
            icon=icon,
        ),
        encoding="utf-8",
    )


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _page_context)
    app.connect("env-check-consistency", _check_pages_exist)
    app.connect("build-finished", _write_root_redirect, priority=400)
