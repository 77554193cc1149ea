"""The built book as a site: its pages, its security policy, and a local server for it.

``make serve``, the browser tests and the benchmarks all serve ``_build/html`` through
:func:`serve`, so they see the book exactly as a learner's browser would.
"""

from __future__ import annotations

import contextlib
import email.utils
import html
import mimetypes
import re
import sys
import threading
from collections.abc import Iterable, Iterator
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote

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
    "base-uri": ("'none'",),
    "form-action": ("'self'",),  # the search box submits to search.html
    # No connect-src: nothing fetches (the search index is a script of the site).
}
#: Only a header can say who may frame a page; a <meta> policy cannot.
HEADER_ONLY = "frame-ancestors 'self'"
#: Other files opened on their own: an SVG draws with its own <style> but runs nothing;
#: the rest (a PDF in Chromium's viewer, scripts, fonts) gets no policy that could break it.
FILE_POLICIES = {
    ".svg": f"default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; {HEADER_ONLY}",
}

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "SAMEORIGIN",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
# The policy the build wrote into a page, which the server repeats as a header.
_META_CSP = re.compile(
    r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', re.IGNORECASE
)
_MAX_PATH = 1024


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


class _SiteHandler(BaseHTTPRequestHandler):
    """GET and HEAD of the files under ``root``: no listings, nothing outside the folder
    (symlinks included), no hidden files, and the security headers on every answer."""

    root: Path
    server_version = "toelaten"
    sys_version = ""
    _csp = ""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", self._csp or _header_policy(None))
        for name, value in HEADERS.items():
            self.send_header(name, value)
        super().end_headers()

    def _refuse(self) -> None:
        self.send_response(HTTPStatus.METHOD_NOT_ALLOWED)
        self.send_header("Allow", "GET, HEAD")
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_TRACE = do_CONNECT = _refuse

    def do_GET(self) -> None:
        self._send(body=True)

    def do_HEAD(self) -> None:
        self._send(body=False)

    def _send(self, body: bool) -> None:
        target = self._target()
        if isinstance(target, str):  # a folder asked for without its slash
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if target is None:
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        try:
            data, mtime = target.read_bytes(), target.stat().st_mtime
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "image/svg+xml"):
            ctype += "; charset=utf-8"
        if target.suffix == ".html":
            self._csp = _header_policy(data)
        else:
            self._csp = FILE_POLICIES.get(target.suffix.lower(), HEADER_ONLY)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Last-Modified", email.utils.formatdate(mtime, usegmt=True))
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _target(self) -> Path | str | None:
        """The file to send, a URL to redirect to, or None for 404."""
        raw = self.path.split("?", 1)[0].split("#", 1)[0]
        try:
            rel = unquote(raw, errors="strict")
        except UnicodeDecodeError:
            return None
        parts = [p for p in rel.split("/") if p]
        if len(rel) > _MAX_PATH or "\x00" in rel or any(p.startswith(".") for p in parts):
            return None  # also every "..": nothing above the root, nothing hidden
        try:
            target = self.root.joinpath(*parts).resolve(strict=True)
            if target.is_relative_to(self.root) and target.is_dir():
                target = (target / "index.html").resolve(strict=True)  # no index: 404
                if target.is_relative_to(self.root) and not raw.endswith("/"):
                    return "/" + quote("/".join(parts)) + "/"
            inside = target.is_relative_to(self.root) and target.is_file()
        except (OSError, RuntimeError, ValueError):
            return None
        return target if inside else None


def _header_policy(page: bytes | None) -> str:
    """The page's own policy (from its meta tag) plus what only a header can say."""
    found = _META_CSP.search(page[:8192].decode("utf-8", "replace")) if page else None
    policy = html.unescape(found.group(1)) if found else content_security_policy()
    return f"{policy}; {HEADER_ONLY}"


class _SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: tuple) -> None:
        """One line instead of a traceback; a browser that went away is no error."""
        exc = sys.exc_info()[1]
        if not isinstance(exc, ConnectionError):
            print(f"toelaten serve: {type(exc).__name__}: {exc}", file=sys.stderr)


@contextlib.contextmanager
def serve(html_dir: Path, port: int = 0) -> Iterator[str]:
    """Serve ``html_dir`` on 127.0.0.1 in a background thread; yields the base URL.

    Raises FileNotFoundError when there is no built book, OSError when the port is taken.
    """
    if not (html_dir / "index.html").is_file():
        raise FileNotFoundError(f"{html_dir} holds no built book (run `make book` first)")
    handler = type("Handler", (_SiteHandler,), {"root": html_dir.resolve()})
    server = _SiteServer((HOST, port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
