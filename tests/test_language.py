"""Words a learner or trainer should not meet: a generic "hij" for participants, "de stem …
hij" (de-words take ze/haar), spelling slips, and Netherlands-only words a Flemish reader
stumbles over. Over every text they read: the book, the guide, the course's data and the
interface's words. Ids in code (``dagdeel`` as a schedule variant) are not text.

Each file is its own test, so a failure names the file, the line and the words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = r"[^.!?:;\n]*"
#: What to write instead, by pattern (case-insensitive; ``SENTENCE``: within one sentence).
#: A word that opens a clause whose subject is the one before it ("Iedereen weet wat hij
#: …"): without one, a "hij" is someone else ("tegen iedereen zegt hij dat het lukt").
CLAUSE = r"\b(?:wat|welke?|dat|of|waar|hoe|wie|die|wanneer|waarom|als)\b"
#: What to write instead, by pattern (case-insensitive; ``SENTENCE``: within one sentence).
FORBIDDEN = {
    r"\bieder zijn\b": "participants are not 'hij': 'iedereen noemt de eigen naam'",
    rf"\b(?:iedereen|iedere?|deelnemers?)\b{SENTENCE}{CLAUSE}{SENTENCE}\b(?:hij|hem)\b": (
        "participants are not 'hij': 'deelnemers … ze'"
    ),
    r"\b(?:de|die|deze|een) stem\b[^.!?:;,\n]{0,30}\b(?:hij|hem)\b": "de stem … ze/haar",
    r"\bterecht\s+(?:kunt|kan|kun)\b(?!\s+komen)": "terechtkunt, terechtkan (one word)",
    r"(?<!toelaten )(?<!make )\bhandouts?\b": "hand-outs",
    r"\bzzp['’]?ers?\b": "zelfstandige (also said in Flanders)",
    r"\bbuurthui(?:s|zen)\b": "ontmoetingsplek, wijkcentrum, een plek in de buurt",
    r"\bflappen\b": "flipovervellen, grote vellen papier",
    r"\bdagde(?:e)?l(?:en)?\b": "halve dag, ochtend of middag ('dagdeel' is Dutch only)",
}
PATTERNS = [(re.compile(p, re.IGNORECASE), why) for p, why in FORBIDDEN.items()]
#: An identifier on its own (a variant id like `dagdeel`), not text anyone reads.
IDENTIFIER = re.compile(r"^[a-z0-9_-]+$")


def markdown_lines(path: Path) -> Iterator[tuple[int, str]]:
    """A page's prose: no front matter, code, directives' arguments, inline code or link
    targets."""
    fence = None
    lines = path.read_text(encoding="utf-8").splitlines()
    start = 0
    if lines and lines[0] == "---":
        start = lines.index("---", 1) + 1
    for number, line in enumerate(lines[start:], start + 1):
        opening = re.match(r"^\s*(`{3,}|~{3,})", line)
        if fence is None and opening:
            fence = opening[1]
            continue
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            elif not line.lstrip().startswith(":"):  # a directive's body is prose
                yield number, line
            continue
        line = re.sub(r"`[^`]*`", "", line)
        yield number, re.sub(r"\]\([^)]*\)", "]", line)


def yaml_texts(path: Path) -> Iterator[tuple[str, str]]:
    """Every text value with where it is (``days[1].goals[0]``); keys and ids are not text."""

    def walk(value: object, where: str) -> Iterator[tuple[str, str]]:
        if isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, f"{where}.{key}" if where else str(key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield from walk(item, f"{where}[{i}]")
        elif isinstance(value, str) and not IDENTIFIER.match(value):
            yield where, " ".join(value.split())

    yield from walk(yaml.safe_load(path.read_text(encoding="utf-8")), "")


def files() -> list[Path]:
    found = [
        *sorted((ROOT / "book").rglob("*.md")),
        *sorted((ROOT / "facilitator-guide").rglob("*.md")),
    ]
    found += sorted((ROOT / "src" / "toelaten" / "data").rglob("*.yml"))
    return [*found, ROOT / "src" / "toelaten" / "locale" / "nl.yml"]


def findings(path: Path) -> list[str]:
    if path.suffix == ".md":
        # One sentence may run over two lines: each line with the next one.
        lines = list(markdown_lines(path))
        texts = [
            (str(n), f"{text} {lines[i + 1][1] if i + 1 < len(lines) else ''}", len(text))
            for i, (n, text) in enumerate(lines)
        ]
    else:
        texts = [(where, text, len(text)) for where, text in yaml_texts(path)]
    found = []
    for where, text, own in texts:
        for pattern, why in PATTERNS:
            for match in pattern.finditer(text):
                if match.start() < own:  # else it is the next line's, reported there
                    found.append(f"{where}: ‘{match[0]}’ ({why})")
    return sorted(set(found))


@pytest.mark.parametrize("path", files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_word_a_learner_or_trainer_should_not_meet(path):
    assert findings(path) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Laat ieder zijn naam noemen en één ding dat hij hoopt.", True),
        ("Iedereen kiest wat hij wil delen.", True),
        ("Ieder weet welke redenen hem tegenhouden.", True),
        ("Maar tegen iedereen zegt hij dat het lukt.", False),  # Joris, not everyone
        ("De stem in je hoofd is streng. Soms fluistert hij.", False),  # two sentences
        ("De stem klinkt streng en hij fluistert.", True),
        ("Van wie die stem was, wist hij meteen.", False),  # he is the learner in a story
        ("Gebruik: toelaten handouts --group", False),
        ("Weet je waar je terecht kunt?", True),
        ("De spiraal waarin je terecht kunt komen.", False),
        ("Deel de handouts uit.", True),
        ("Deel de hand-outs uit.", False),
        ("Iedereen noemt de eigen naam.", False),
        ("Joris zegt tegen iedereen dat het lukt. Hij zwijgt.", False),
    ],
)
def test_the_patterns_find_what_they_are_for(text, found):
    hits = [why for pattern, why in PATTERNS if pattern.search(text)]
    assert bool(hits) == found, hits


def test_a_command_in_code_is_spelled_as_the_program_knows_it():
    """Running text says "hand-outs"; a command a trainer types is `toelaten handouts`."""
    wrong = re.compile(r"`[^`]*\btoelaten hand-outs\b[^`]*`")
    for path in (ROOT / "facilitator-guide").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert not wrong.search(text), path.name
