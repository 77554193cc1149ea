"""Reading our PDFs back the way a checker would: text per page, fonts, PDF/UA markers."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

A4 = (595, 842)  # points, rounded


def read(pdf: bytes, tmp_path: Path) -> PdfReader:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return PdfReader(path)


def page_text(page) -> str:
    return " ".join(page.extract_text().split())


def text_of(reader: PdfReader) -> str:
    return " ".join(page_text(page) for page in reader.pages)


def flat_text(pdfs: dict[str, bytes], name: str, tmp_path: Path) -> str:
    """The text of one PDF out of a pack build (name -> bytes), its whitespace flattened."""
    return " ".join(text_of(read(pdfs[name], tmp_path)).split())


def fonts_of(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(re.sub(r"^/?[A-Z]{6}\+", "", str(font.get_object()["/BaseFont"])))
    return names


def is_tagged_a4_pdf_ua(reader: PdfReader) -> bool:
    """Tagged PDF/UA in Dutch, every page A4 (upright, or turned for a wide table)."""
    root = reader.trailer["/Root"]
    return (
        bool(root["/MarkInfo"]["/Marked"])
        and str(root["/Lang"]).startswith("nl")
        and "/StructTreeRoot" in root
        and b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
        and all(
            tuple(round(float(x)) for x in p.mediabox[2:]) in (A4, A4[::-1]) for p in reader.pages
        )
    )
