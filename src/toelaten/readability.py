"""Flesch-Douma reading ease for the Dutch lesson pages (B1 aims at 60 or more).

Flesch-Douma = 206.835 - 0.93 * (words per sentence) - 77 * (syllables per word), with
syllables counted as groups of vowels. Only the prose a learner reads counts: front
matter, directives (exercises, tables from data), headings and quotations by others are
left out; every list item counts as a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

TARGET = 60.0
WORD = re.compile(r"[a-zà-öø-ÿ]+(?:['’-][a-zà-öø-ÿ]+)*", re.I)
VOWELS = re.compile(r"[aeiouyàáâäèéêëìíîïòóôöùúûü]+", re.I)


@dataclass(frozen=True)
class Score:
    path: Path
    words: int
    sentences: int
    syllables: int

    @property
    def flesch_douma(self) -> float:
        if not self.words:
            return 0.0
        return (
            206.835
            - 0.93 * (self.words / max(self.sentences, 1))
            - 77 * (self.syllables / self.words)
        )


def prose(markdown: str) -> list[str]:
    """The blocks of running text in a MyST page: paragraphs and list items."""
    return [text for text, _ in prose_blocks(markdown)]


def prose_blocks(markdown: str) -> list[tuple[str, bool]]:
    """The blocks of running text in a MyST page, each with whether it is a list item.
    A role (a citation) leaves no space before the punctuation that follows it."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    text = re.sub(r"^(```|:::).*?^\1\s*$", "", text, flags=re.S | re.M)  # directives
    text = re.sub(r"\s*\{[a-z-]+\}`[^`]*`", "", text)  # roles such as {bron}`key`
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links: keep their text
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    blocks: list[tuple[str, bool]] = []
    current: list[str] = []
    item = False
    for line in text.splitlines():
        stripped = line.strip()
        starts_item = re.match(r"^([-*+]|\d+[.)])\s+", stripped)
        if not stripped or stripped.startswith(("#", ">", "(")) or starts_item:
            if current:
                blocks.append((" ".join(current), item))
            current, item = [], bool(starts_item)
            if starts_item:
                current = [stripped[starts_item.end() :]]
            continue
        current.append(stripped)
    if current:
        blocks.append((" ".join(current), item))
    return [(re.sub(r"[*_`]", "", b), i) for b, i in blocks if WORD.search(b)]


def score_text(blocks: list[str], path: Path = Path("-")) -> Score:
    words = sentences = syllables = 0
    for block in blocks:
        parts = [p for p in re.split(r"(?<=[.!?…])[\"”’)]?\s+", block) if WORD.search(p)]
        sentences += len(parts)
        for word in WORD.findall(block):
            words += 1
            syllables += max(1, len(VOWELS.findall(word)))
    return Score(path, words, sentences, syllables)


def score_page(path: Path) -> Score:
    return score_text(prose(path.read_text(encoding="utf-8")), path)


def lesson_pages(root: Path) -> list[Path]:
    return sorted((root / "book").glob("dag-*/*.md"))
