"""The lessons follow the course's rules: own words, plain Dutch, a full day, cited sources."""

from __future__ import annotations

import re
import subprocess

import pytest

from toelaten.coursedata import CourseData
from toelaten.readability import TARGET, lesson_pages, prose, score_page, score_text

DATA = CourseData()

DAYS = DATA.course.days


def test_no_passage_is_copied_from_the_sources(root):
    tool = root.parent / "shared" / "tools" / "source-overlap"
    if not tool.exists():  # CI always has it; a clone on its own may not
        pytest.skip(f"{tool} is missing: the copied-text check needs ../shared beside the project")
    result = subprocess.run([str(tool), str(root)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:]
    assert " 0 copied passage(s)" in result.stdout


@pytest.mark.parametrize("page", lesson_pages(__import__("conftest").ROOT), ids=lambda p: p.stem)
def test_every_lesson_page_reads_at_b1_level(page, record_property):
    score = score_page(page)
    record_property("flesch_douma", round(score.flesch_douma, 1))
    assert score.flesch_douma >= TARGET, f"{page}: Flesch-Douma {score.flesch_douma:.1f}"


def test_the_readability_score_follows_the_formula():
    easy = score_text(["Ik vraag het. Jij zegt ja."])
    assert easy.words == 6 and easy.sentences == 2 and easy.syllables == 6
    assert round(easy.flesch_douma, 2) == round(206.835 - 0.93 * 3 - 77 * 1, 2)
    hard = score_text(["Onderzoeksresultaten betreffende hulpvaardigheidspercepties."])
    assert hard.flesch_douma < 0


def test_prose_leaves_out_what_a_learner_does_not_read_as_text():
    page = (
        "---\nminutes: 1\n---\n# Titel\n\nEen zin.\n\n"
        "```{oefening} x\n```\n> Een citaat.\n- Een punt\n"
    )
    assert prose(page) == ["Een zin.", "Een punt"]


def test_every_cited_source_is_on_the_sources_page(root):
    keys = {s.key for s in DATA.sources}
    cited = set()
    for page in (root / "book").rglob("*.md"):
        cited |= set(re.findall(r"\{bron\}`([^`]+)`", page.read_text(encoding="utf-8")))
    assert cited <= keys, f"cited but not on the sources page: {sorted(cited - keys)}"
    assert "```{bronnen}" in (root / "book" / "bronnen.md").read_text(encoding="utf-8")


def test_lessons_cite_no_source_by_hand(root):
    """A citation typed as text would not be checked: use {bron}`key`."""
    for page in (root / "book").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(
            r"\([A-Z][a-z-]+(?: (?:&|en) [A-Z][a-z-]+)*,? (?:19|20)\d\d\)", text
        ), page


#: Lesson prose a day needs for an honest 60-90 minutes with its exercises (B1, ~150 words a
#: minute): enough to carry the day, not so much that the exercises get squeezed out.
DAY_WORDS = (2000, 2500)


@pytest.mark.parametrize("day", [d.id for d in DAYS])
def test_every_day_has_a_full_days_lesson_text(root, day):
    pages = sorted((root / "book" / day).glob("*.md"))
    words = sum(len(" ".join(prose(p.read_text(encoding="utf-8"))).split()) for p in pages)
    low, high = DAY_WORDS
    assert low <= words <= high, f"{day}: {words} words of lesson text (aim: {low}-{high})"


def test_every_source_on_the_sources_page_is_cited(root):
    """A reference nothing cites is a claim the reader cannot find back."""
    cited = set()
    for folder in ("book", "facilitator-guide"):
        for page in (root / folder).rglob("*.md"):
            cited |= set(re.findall(r"\{bron\}`([^`]+)`", page.read_text(encoding="utf-8")))
    unused = {s.key for s in DATA.sources} - cited
    assert not unused, f"on the sources page but cited nowhere: {sorted(unused)}"


def test_every_lesson_section_ends_with_a_question_to_stop_at(root):
    """Each section of a lesson (not the day's opening and closing pages) gives the learner a
    {denkvraag} before the next one: the pause that makes it a course, not a text."""
    missing = []
    for page in lesson_pages(root):
        if page.stem in ("index", "afsluiting"):
            continue
        text = re.sub(r"\A---\n.*?\n---\n", "", page.read_text(encoding="utf-8"), flags=re.S)
        for section in re.split(r"^## ", text, flags=re.M)[1:]:
            title = section.splitlines()[0]
            if "{denkvraag}" not in section and "{oefening}" not in section:
                missing.append(f"{page.relative_to(root)}: {title}")
    assert not missing, "sections without a reflection question or exercise:\n" + "\n".join(missing)
