"""The built book as a site: its pages, and a quiet local server for it.

``make serve``, the browser tests and the benchmarks all serve ``_build/html`` through
:func:`serve`, so they see the book exactly as a learner's browser would.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HOST = "127.0.0.1"


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
