"""Write the book's web fonts: Atkinson Hyperlegible (the PDFs' typeface, OFL), subset to
the characters Dutch and French text uses, as WOFF2. Run by `make fonts`; the output is
committed, so a build needs no font tools."""

from __future__ import annotations

from pathlib import Path

from fontTools import subset

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src/toelaten/handouts/fonts"
TARGET = ROOT / "src/toelaten/sphinxext/theme/toelaten/static/fonts"
# Latin-1 (ë, é, ï, ç, …), Latin Extended-A's œ/Œ, the typographic quotes, dashes,
# ellipsis, bullet, euro and minus sign, the arrows the pages use.
UNICODES = ",".join(
    [
        "U+0020-007E,U+00A0-00FF,U+0152-0153",
        "U+2010-2014,U+2018-201E,U+2022,U+2026,U+2030,U+2039-203A",
        "U+20AC,U+2190-2193,U+2212,U+2713",
    ]
)
STYLES = ("Regular", "Bold", "Italic")


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    for style in STYLES:
        out = TARGET / f"atkinson-hyperlegible-{style.lower()}.woff2"
        subset.main(
            [
                str(SOURCE / f"AtkinsonHyperlegible-{style}.ttf"),
                f"--unicodes={UNICODES}",
                "--flavor=woff2",
                "--layout-features=kern,liga",
                "--no-hinting",
                "--desubroutinize",
                f"--output-file={out}",
            ]
        )
        print(f"{out.relative_to(ROOT)}: {out.stat().st_size} bytes")
    (TARGET / "OFL.txt").write_text(
        (SOURCE / "OFL.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
