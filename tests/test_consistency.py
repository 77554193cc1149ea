"""_toc.yml, the course data file and the files on disk agree."""

import re

import pytest
import yaml

from toelaten.coursedata import CourseData

DATA = CourseData()


CONTENT_DIRS = ("book", "exercises", "facilitator-guide")
SUFFIXES = (".md", ".ipynb")


def toc_files(root) -> list[str]:
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


def source_of(root, docname):
    for suffix in SUFFIXES:
        if (root / f"{docname}{suffix}").is_file():
            return root / f"{docname}{suffix}"
    return None


def test_every_toc_entry_exists_once(root):
    files = toc_files(root)
    assert len(files) == len(set(files)), "a page is listed twice in _toc.yml"
    missing = [f for f in files if source_of(root, f) is None]
    assert not missing, f"_toc.yml lists pages that do not exist: {missing}"


def test_no_orphan_pages(root):
    listed = set(toc_files(root))
    on_disk = {
        path.relative_to(root).with_suffix("").as_posix()
        for folder in CONTENT_DIRS
        for path in (root / folder).rglob("*")
        if path.suffix in SUFFIXES
        and path.name != "README.md"
        and ".ipynb_checkpoints" not in path.parts
    }
    orphans = sorted(on_disk - listed)
    assert not orphans, f"pages not in _toc.yml: {orphans}"


def test_every_day_has_its_page_in_the_toc_in_order(root):
    files = toc_files(root)
    days = DATA.course.days
    positions = []
    for day in days:
        assert day.docname in files, f"{day.id} has no page {day.docname} in _toc.yml"
        positions.append(files.index(day.docname))
    assert positions == sorted(positions), "the days are out of order in _toc.yml"
    folders = sorted(p.name for p in (root / "book").iterdir() if p.name.startswith("dag-"))
    assert folders == [d.id for d in days], "book/ has day folders the course does not know"


@pytest.mark.parametrize("day", DATA.course.days, ids=lambda d: d.id)
def test_a_day_page_shows_its_own_day(root, day):
    text = source_of(root, day.docname).read_text(encoding="utf-8")
    titles = re.findall(r"^# (.+)$", text, flags=re.M)
    assert titles[:1] == [day.heading], "the page title must match course.yml"
    for directive in ("dag-thema", "dag-doelen"):
        used = re.findall(rf"^```{{{directive}}} (\S+)$", text, flags=re.M)
        assert used == [day.id], f"{directive} must name {day.id}, found {used}"


def test_every_page_gives_its_minutes(root):
    for docname in toc_files(root):
        path = source_of(root, docname)
        if path.suffix != ".md":
            continue
        text = path.read_text(encoding="utf-8")
        match = re.match(r"^---\n(.*?)\n---\n", text, flags=re.S)
        assert match, f"{path} has no front matter"
        minutes = yaml.safe_load(match.group(1)).get("minutes")
        assert isinstance(minutes, int) and minutes > 0, (
            f"{path}: minutes must be a positive number"
        )
