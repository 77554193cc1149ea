"""`toelaten serve` on a tiny fake site: only the site's files, safe headers, clean errors."""

from __future__ import annotations

import http.client
import socket
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from toelaten.cli import main
from toelaten.site import serve

PAGE = (
    '<!DOCTYPE html><html><head><meta charset="utf-8">\n'
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'
    "</head><body>Hallo</body></html>"
)
ODD_PATHS = [
    "/%00",
    "/index.html%00.txt",
    "/..%2f..%2fetc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/../../etc/passwd",
    "/%ff",
    "/" + "a" * 5000,
    "/" + "a/" * 40_000,  # longer than a request line may be
    "//etc/passwd",
    "/.secret",
    "*",
]


@pytest.fixture(scope="module")
def fake_site(tmp_path_factory):
    """index.html, a folder without index, links out of and within the folder."""
    root = tmp_path_factory.mktemp("site")
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.txt").write_text("geheim", encoding="utf-8")
    (outside / "index.html").write_text("geheim", encoding="utf-8")
    (root / "index.html").write_text(PAGE, encoding="utf-8")
    (root / "plaatje.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", "utf-8")
    (root / "map").mkdir()
    (root / "map" / "los.txt").write_text("los", encoding="utf-8")
    (root / ".secret").write_text("geheim", encoding="utf-8")
    (root / "uit").symlink_to(outside, target_is_directory=True)
    (root / "uit.txt").symlink_to(outside / "secret.txt")
    (root / "ook.html").symlink_to(root / "index.html")
    with serve(root) as base:
        yield urlsplit(base).netloc


def request(netloc: str, path: str, method: str = "GET") -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection(netloc, timeout=10)
    conn.putrequest(method, path, skip_host=False, skip_accept_encoding=True)
    conn.endheaders()
    response = conn.getresponse()
    response.body = response.read()
    conn.close()
    return response


def test_the_site_and_links_within_it_are_served(fake_site):
    for path in ("/", "/index.html", "/ook.html", "/map/los.txt"):
        response = request(fake_site, path)
        assert response.status == 200, path
    assert request(fake_site, "/").getheader("Content-Type") == "text/html; charset=utf-8"


def test_no_listing_and_nothing_outside_the_folder(fake_site):
    for path in ("/map/", "/map", "/uit/", "/uit", "/uit/secret.txt", "/uit.txt", "/.secret"):
        response = request(fake_site, path)
        assert response.status == 404, path
        assert b"geheim" not in response.body and b"los.txt" not in response.body, path


def test_security_headers_on_every_response(fake_site):
    for path in ("/", "/map/los.txt", "/bestaat-niet", "/map/"):
        headers = request(fake_site, path).headers
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["X-Frame-Options"] == "SAMEORIGIN"
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
        permissions = headers["Permissions-Policy"]
        assert all(f"{x}=()" in permissions for x in ("camera", "microphone", "geolocation"))
        assert "frame-ancestors 'self'" in headers["Content-Security-Policy"]
        assert "Python" not in headers["Server"]
    # Error pages get the site's policy; a page the one in its <meta>, plus frame-ancestors.
    error = request(fake_site, "/bestaat-niet").headers["Content-Security-Policy"]
    assert error.startswith("default-src 'none'; script-src 'self';")
    header = request(fake_site, "/").headers["Content-Security-Policy"]
    assert header == "default-src 'none'; frame-ancestors 'self'"
    svg = request(fake_site, "/plaatje.svg").headers["Content-Security-Policy"]
    assert svg.startswith("default-src 'none';") and "script-src" not in svg


@pytest.mark.parametrize("path", ODD_PATHS)
def test_odd_paths_get_a_clean_4xx(fake_site, path, capfd):
    response = request(fake_site, path)
    assert 400 <= response.status < 500, (path, response.status)
    assert b"geheim" not in response.body and b"root:" not in response.body
    assert capfd.readouterr().err == ""


def test_only_get_and_head(fake_site, capfd):
    head = request(fake_site, "/", "HEAD")
    assert head.status == 200 and head.body == b"" and int(head.getheader("Content-Length")) > 0
    for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"):
        response = request(fake_site, "/", method)
        assert response.status == 405, method
        assert response.getheader("Allow") == "GET, HEAD"
    assert capfd.readouterr().err == ""


@pytest.mark.parametrize("port", ["70000", "-1", "65536", "web"])
def test_cli_a_port_out_of_range_is_a_usage_error(tmp_path, port):
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(main, ["serve", "--port", port, str(tmp_path)])
    assert result.exit_code == 2
    assert "Invalid value for '--port'" in result.output


def test_cli_a_port_in_use_is_one_clear_line(tmp_path):
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port), str(tmp_path)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: Port {port} on 127.0.0.1 is already in use; choose another with --port.\n"
    )
    assert "Traceback" not in result.output


def test_cli_a_folder_without_a_book_says_so(tmp_path):
    result = CliRunner().invoke(main, ["serve", str(tmp_path / "nergens")])
    assert result.exit_code == 1
    assert "holds no built book" in result.output and "make book" in result.output
