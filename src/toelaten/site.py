"""The built book as a site: its pages, its security policy, and a local server for it.

``make serve``, the browser tests and the benchmarks all serve ``_build/html`` through
:func:`serve`, so they see the book exactly as a learner's browser would.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Iterable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HOST = "127.0.0.1"

#: What a page may load: the site itself and nothing else. Deny by default; each source
#: is one the pages use (see sphinxext/csp.py, which adds each page's inline hashes).
#: Styles: `style-src-elem` holds the hashes of <style> elements, while `style-src` keeps
#: 'unsafe-inline' for style="" attributes only (figure widths; browsers without
#: `style-src-elem` fall back to it and still draw the page).
POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'none'",),
    "script-src": ("'self'",),
    "style-src": ("'self'", "'unsafe-inline'"),
    "style-src-elem": ("'self'",),
    "img-src": ("'self'", "data:"),  # the theme's CSS draws some icons as data: SVGs
    "font-src": ("'self'",),
    "connect-src": ("'self'",),  # the search page fetches pages for its summaries
    "base-uri": ("'none'",),
    "form-action": ("'self'",),  # the search box submits to search.html
}


def content_security_policy(scripts: Iterable[str] = (), styles: Iterable[str] = ()) -> str:
    """The site's policy, allowing the given inline-script and style hashes
    (``'sha256-…'``) besides the site's own files."""
    extra = {"script-src": tuple(scripts), "style-src-elem": tuple(styles)}
    return "; ".join(
        " ".join((name, *sources, *extra.get(name, ()))) for name, sources in POLICY.items()
    )


def built_pages(html_dir: Path) -> list[str]:
    """Every HTML page of the built book, as paths relative to ``html_dir``."""
    pages = []
    for path in sorted(html_dir.rglob("*.html")):
        rel = path.relative_to(html_dir).as_posix()
        if rel.startswith("_static/"):
            continue
        pages.append(rel)
    return pages


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(html_dir: Path, port: int = 0) -> Iterator[str]:
    """Serve ``html_dir`` on 127.0.0.1 in a background thread; yields the base URL."""
    if not (html_dir / "index.html").is_file():
        raise FileNotFoundError(f"{html_dir} holds no built book (run `make book` first)")
    handler = functools.partial(_QuietHandler, directory=str(html_dir))
    server = ThreadingHTTPServer((HOST, port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
