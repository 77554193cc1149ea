"""Print how the printed workbook comes out for one learner's answers to the whole course
(tests/samples/workbook/full-course.json): pages, and how much of them is left blank, for
the browser's print of Mijn werkboek and for `toelaten workbook` (typst).

Blank: per page, the part of its height below the last line printed on it (a running
footer not counted), averaged over the pages after the first (a cover, or before there was
one the page's introduction). PNGs of every page (50 dpi) go to OUT_DIR,
to look at.

Usage: python benchmarks/workbook.py [HTML_DIR] [OUT_DIR]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from toelaten._browser import launch
from toelaten.exercises.journal import Journal
from toelaten.handouts import workbook_pdf
from toelaten.site import serve

SAMPLE = (
    Path(__file__).resolve().parent.parent / "tests" / "samples" / "workbook" / "full-course.json"
)
#: typst's footer: the bottom 2.4 cm of an A4 page (29.7 cm) are the footer's, not content.
TYPST_FOOTER = 2.4 / 29.7


def browser_pdf(html: Path) -> bytes:
    with serve(html) as base, sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page()
        page.goto(base + "book/mijn-werkboek.html", wait_until="load")
        page.wait_for_selector(".toelaten-werkboek[data-ready]")
        page.locator(".tl-workbook input[type=file]").set_input_files(str(SAMPLE))
        page.wait_for_function("() => document.querySelectorAll('.tl-workbook-entry').length > 10")
        pdf = page.pdf(format="A4", print_background=True)
        browser.close()
    return pdf


def typst_pdf() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        journal = Journal(Path(folder) / "j.sqlite")
        journal.import_file(SAMPLE.read_bytes())
        return workbook_pdf(journal, json.loads(SAMPLE.read_text(encoding="utf-8")).get("name"))


def gray_pages(pdf: Path, dpi: int = 50) -> list[tuple[int, int, bytes]]:
    """Every page as (width, height, 8-bit gray pixels), read from pdftoppm's PGM files."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(pdf), f"{folder}/p"], check=True)
        pages = []
        for path in sorted(Path(folder).glob("p-*.pgm")):
            data = path.read_bytes()
            magic, width, height, depth, rest = data.split(maxsplit=4)
            assert magic == b"P5" and depth == b"255"
            pages.append((int(width), int(height), rest))
    return pages


def blank_below(width: int, height: int, pixels: bytes, footer: float) -> float:
    """The part of the page below its last inked row, above the footer."""
    bottom = int(height * (1 - footer))
    last = 0
    for row in range(bottom):
        line = pixels[row * width : (row + 1) * width]
        if min(line) < 200:
            last = row
    return (bottom - last) / height


def report(name: str, pdf: bytes, out: Path, footer: float) -> None:
    path = out / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(path), str(out / name)], check=True)
    pages = gray_pages(path)
    blanks = [blank_below(w, h, px, footer) for w, h, px in pages]
    rest = blanks[1:] or blanks
    print(
        f"{name:8} {len(pages):>3} pages, blank {100 * sum(rest) / len(rest):>4.0f}%  "
        f"(per page: {' '.join(f'{100 * b:.0f}' for b in blanks)})"
    )


def main() -> int:
    html = Path(sys.argv[1] if len(sys.argv) > 1 else "_build/html")
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "_build/workbook")
    out.mkdir(parents=True, exist_ok=True)
    report("browser", browser_pdf(html), out, footer=0)
    report("typst", typst_pdf(), out, footer=TYPST_FOOTER)
    print(f"PDFs and PNGs of every page in {out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
