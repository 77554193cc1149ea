"""The rules the book's files follow, as functions of a book folder and its course data
that return what is wrong. The suite applies them to the repository (test_consistency.py);
test_recipes.py applies them to a copy the CONTRIBUTING recipes have changed."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from toelaten.coursedata import CourseData

CONTENT_DIRS = ("book", "exercises", "facilitator-guide")
SUFFIXES = (".md", ".ipynb")
CLOSING = ("## Kernpunten", "## Oefenen in het echt", "## Terugkijken")


def toc_files(root: Path) -> list[str]:
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(entries):
        for entry in entries:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections", []))

    for part in toc.get("parts", []):
        walk(part.get("chapters", []))
    walk(toc.get("chapters", []))
    return files


def source_of(root: Path, docname: str) -> Path | None:
    for suffix in SUFFIXES:
        if (root / f"{docname}{suffix}").is_file():
            return root / f"{docname}{suffix}"
    return None


def toc_problems(root: Path) -> list[str]:
    """Every page in _toc.yml exists, once; every page on disk is in it."""
    files = toc_files(root)
    problems = [
        f"_toc.yml lists {f} twice" for f in sorted({f for f in files if files.count(f) > 1})
    ]
    problems += [
        f"_toc.yml lists {f}, which does not exist" for f in files if not source_of(root, f)
    ]
    on_disk = {
        path.relative_to(root).with_suffix("").as_posix()
        for folder in CONTENT_DIRS
        for path in (root / folder).rglob("*")
        if path.suffix in SUFFIXES
        and path.name != "README.md"
        and ".ipynb_checkpoints" not in path.parts
    }
    problems += [f"{page} is not in _toc.yml" for page in sorted(on_disk - set(files))]
    for docname in files:
        path = source_of(root, docname)
        if path is None or path.suffix != ".md":
            continue
        match = re.match(r"^---\n(.*?)\n---\n", path.read_text(encoding="utf-8"), flags=re.S)
        minutes = yaml.safe_load(match.group(1)).get("minutes") if match else None
        if not isinstance(minutes, int) or minutes <= 0:
            problems.append(f"{docname}: no `minutes:` (a positive number) in its front matter")
    return problems


def day_problems(root: Path, data: CourseData) -> list[str]:
    """Each day of course.yml has its folder, pages and guide page, in order in _toc.yml."""
    files = toc_files(root)
    problems = []
    folders = sorted(p.name for p in (root / "book").iterdir() if p.name.startswith("dag-"))
    if folders != [d.id for d in data.course.days]:
        problems.append(f"book/ has day folders {folders}, course.yml has other days")
    positions, guide_positions = [], []
    for day in data.course.days:
        guide = f"facilitator-guide/{day.id}"
        for page, where in ((day.docname, positions), (guide, guide_positions)):
            if page in files:
                where.append(files.index(page))
            else:
                problems.append(f"{day.id}: {page} is not in _toc.yml")
        opening = source_of(root, day.docname)
        if opening is None:
            continue
        text = opening.read_text(encoding="utf-8")
        titles = re.findall(r"^# (.+)$", text, flags=re.M)
        heading = day.heading(data.strings)
        if titles[:1] != [heading]:
            problems.append(f"{day.docname}: the title must be '# {heading}'")
        for directive in ("dag-thema", "dag-doelen", "dag-oefeningen"):
            used = re.findall(rf"^```{{{directive}}} (\S+)$", text, flags=re.M)
            if used != [day.id]:
                problems.append(f"{day.docname}: {{{directive}}} must name {day.id}, not {used}")
        if "## Wat je vandaag leert" not in text:
            problems.append(f"{day.docname}: no '## Wat je vandaag leert'")
        closing = root / "book" / day.id / "afsluiting.md"
        closing_text = closing.read_text(encoding="utf-8") if closing.is_file() else ""
        problems += [f"{closing}: no '{h}'" for h in CLOSING if h not in closing_text]
        lessons = [
            p
            for p in (root / "book" / day.id).glob("*.md")
            if p.stem not in ("index", "afsluiting")
        ]
        if not 2 <= len(lessons) <= 4:
            problems.append(f"{day.id} has {len(lessons)} lesson pages, not 2 to 4")
        guide_page = source_of(root, guide)
        if guide_page is None or f"```{{draaiboek}} {day.id}" not in guide_page.read_text("utf-8"):
            problems.append(f"{guide}: no {{draaiboek}} {day.id}")
    if positions != sorted(positions) or guide_positions != sorted(guide_positions):
        problems.append("the days are out of order in _toc.yml")
    return problems


def exercise_problems(root: Path, data: CourseData) -> list[str]:
    """Each exercise sits once on a page of its day (the opening page only for the day's
    first exercise, which opens it), under an ##
    heading, and has a notebook that shows it, listed in _toc.yml."""
    files = toc_files(root)
    problems = []
    for exercise in data.exercises.values():
        call = f"```{{oefening}} {exercise.id}"
        places = [
            path
            for path in (root / "book").rglob("*.md")
            if re.search(rf"^{re.escape(call)}$", path.read_text(encoding="utf-8"), re.M)
        ]
        if len(places) != 1:
            problems.append(f"{exercise.id} is on {len(places)} lesson pages, not 1")
        for place in places:
            # The opening page only for what opens the day: its first exercise (the self-check).
            opening = (
                place.stem == "index" and data.course.day(exercise.day).exercises[0] != exercise.id
            )
            if place.parent.name != exercise.day or opening:
                problems.append(f"{exercise.id}: {place} is not a lesson page of {exercise.day}")
            before = place.read_text(encoding="utf-8").split(call)[0]
            if re.findall(r"^(#+) ", before, re.M)[-1:] != ["##"]:
                problems.append(f"{exercise.id}: put it under an ## heading in {place}")
        notebook = f"exercises/{exercise.day}/{exercise.id}"
        path = root / f"{notebook}.ipynb"
        if not path.is_file() or f'oefening(\\"{exercise.id}\\")' not in path.read_text("utf-8"):
            problems.append(f'{exercise.id}: {path} does not call oefening("{exercise.id}")')
        if notebook not in files:
            problems.append(f"{exercise.id}: {notebook} is not in _toc.yml")
    return problems
