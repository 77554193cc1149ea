"""Print Lighthouse's mobile scores (Performance, Accessibility, Best Practices, SEO) for the
landing page, a lesson page with an exercise and Mijn werkboek.

Target (issue 12): 100 for Performance, Accessibility and Best Practices on these pages.
Usage: python benchmarks/lighthouse.py [HTML_DIR]
Lighthouse comes from npm (`npx --yes lighthouse`, fetched once into npm's cache; not a
test dependency) and drives Debian's Chromium. The site is served gzip-compressed, as a
web host would serve it.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from toelaten._browser import chromium_path

PAGES = [
    "book/index.html",
    "book/dag-1/waarom-vragen-moeilijk-is.html",
    "book/mijn-werkboek.html",
]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE = "lighthouse@12.8.2"


class _Gzip(SimpleHTTPRequestHandler):
    """Files compressed as a web host sends them."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(root: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Gzip, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def scores(url: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        flags = "--headless=new --no-sandbox --disable-gpu"
        subprocess.run(
            [
                "npx", "--yes", LIGHTHOUSE, url, "--quiet", "--output=json",
                f"--output-path={report}", f"--chrome-flags={flags}",
                f"--only-categories={','.join(CATEGORIES)}",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": str(chromium_path())},
        )  # fmt: skip
        data = json.loads(report.read_text(encoding="utf-8"))
    found = {c: data["categories"][c]["score"] * 100 for c in CATEGORIES}
    failed = [
        audit["id"]
        for audit in data["audits"].values()
        if audit.get("score") is not None and audit["score"] < 0.9
        and audit.get("scoreDisplayMode") in ("binary", "numeric")
    ]  # fmt: skip
    print(f"    below 0.9: {', '.join(failed) or '-'}")
    return found


def main() -> int:
    html_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "_build/html")
    with serve(html_dir) as base:
        print(f"{'page':45} " + " ".join(f"{c[:13]:>14}" for c in CATEGORIES))
        for rel in PAGES:
            found = scores(base + rel)
            print(f"{rel:45} " + " ".join(f"{found[c]:>14.0f}" for c in CATEGORIES))
    print("target: 100 for performance, accessibility and best-practices")
    return 0


if __name__ == "__main__":
    sys.exit(main())
