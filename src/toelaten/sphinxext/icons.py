"""Serve the theme's icons from a font of a few KB instead of 1.5 MB of JavaScript.

pydata-sphinx-theme draws its icons with Font Awesome's SVG+JS bundle (fontawesome.js,
1.5 MB on every page). Its stylesheet also carries Font Awesome's CSS and webfonts, so once
the script is gone (see templates/static/webpack-macros.html) the fonts take over: the
solid one alone is 156 KB. After the build we subset each Font Awesome font in the output
to the glyphs the built pages can show, which brings them to a few KB, and delete the
unused script so nothing can load it.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

FONTS = "vendor/fontawesome/webfonts"
THEME_CSS = "styles/pydata-sphinx-theme.css"
# `.fa-bars:before,.fa-navicon:before{content:"\f0c9"}` in the theme's stylesheet.
GLYPH_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:before,?)+)\{content:"\\([0-9a-f]{4,5})"\}')
# Everything else in the CSS that draws an icon, e.g. `--pst-icon-search-minus:"\f010"`.
CSS_ESCAPE = re.compile(r'"\\(f[0-9a-f]{3,4})"')
CLASS_ATTR = re.compile(r'class="([^"]*)"')
FA_TOKEN = re.compile(r"\bfa-[a-z0-9-]+")


def glyph_table(css: str) -> dict[str, int]:
    """Icon class (``fa-bars``) to code point, from the theme's Font Awesome CSS."""
    table = {}
    for selectors, code in GLYPH_RULE.findall(css):
        for name in re.findall(r"\.(fa-[a-z0-9-]+):before", selectors):
            table[name] = int(code, 16)
    return table


def css_codepoints(css: str) -> set[int]:
    """Code points the stylesheets draw themselves (admonition icons, breadcrumbs …)."""
    rest = GLYPH_RULE.sub("", css)
    return {int(code, 16) for code in CSS_ESCAPE.findall(rest)}


def page_icon_classes(outdir: Path) -> set[str]:
    """``fa-*`` classes in the built pages."""
    found: set[str] = set()
    for page in outdir.rglob("*.html"):
        if "_static" in page.relative_to(outdir).parts:
            continue
        for classes in CLASS_ATTR.findall(page.read_text(encoding="utf-8")):
            found.update(FA_TOKEN.findall(classes))
    return found


def script_icon_classes(outdir: Path) -> set[str]:
    """``fa-*`` names in the theme's scripts, which add some icons at run time."""
    found: set[str] = set()
    for script in (outdir / "_static").rglob("*.js"):
        found.update(FA_TOKEN.findall(script.read_text(encoding="utf-8", errors="replace")))
    return found


def subset_fonts(outdir: Path) -> dict[str, tuple[int, int]]:
    """Subset the Font Awesome fonts in ``outdir``; returns name -> (bytes before, after)."""
    from fontTools import subset  # build-time only

    static = outdir / "_static"
    css = (static / THEME_CSS).read_text(encoding="utf-8")
    table = glyph_table(css)
    codepoints = css_codepoints(css)
    for name in page_icon_classes(outdir) | script_icon_classes(outdir):
        if name in table:
            codepoints.add(table[name])
    sizes = {}
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = []
    options.name_IDs = ["*"]
    for font_path in sorted((static / FONTS).glob("*.woff2")):
        before = font_path.stat().st_size
        font = subset.load_font(str(font_path), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=codepoints)
        subsetter.subset(font)
        subset.save_font(font, str(font_path), options)
        sizes[font_path.name] = (before, font_path.stat().st_size)
    return sizes


def unknown_icons(outdir: Path) -> set[str]:
    """Icon classes a page uses that the theme's CSS has no glyph for (a typo, say)."""
    css = (outdir / "_static" / THEME_CSS).read_text(encoding="utf-8")
    known = set(re.findall(r"\.(fa-[a-z0-9-]+)(?=[,{:.\s])", css))
    return page_icon_classes(outdir) - known


def _build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    for name in sorted(unknown_icons(outdir)):
        logger.warning(
            "icon class %r has no Font Awesome glyph in the theme", name, type="toelaten"
        )
    for name, (before, after) in subset_fonts(outdir).items():
        logger.info("toelaten: %s subset %d -> %d bytes", name, before, after)
    for script in (outdir / "_static" / "scripts").glob("fontawesome.js*"):
        script.unlink()


def setup(app: Sphinx) -> None:
    app.connect("build-finished", _build_finished)
