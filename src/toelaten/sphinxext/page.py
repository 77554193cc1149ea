"""What every HTML page gets: the link to the help page (see templates/)."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

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


def _check_pages_exist(app: Sphinx, env: BuildEnvironment) -> None:
    for key in ("toelaten_help_page", "toelaten_privacy_page"):
        docname = getattr(app.config, key)
        if docname not in env.found_docs:
            logger.warning("%s = %r is not a page of the book", key, docname, type="toelaten")


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _page_context)
    app.connect("env-check-consistency", _check_pages_exist)
