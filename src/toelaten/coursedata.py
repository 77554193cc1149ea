"""One course's data, from one folder, read once and passed to whoever needs it.

Every part of the tooling (the Sphinx extension, the CLI, the handouts, the notebooks)
gets a ``CourseData`` from its caller; no loader reads the package's own files behind
anyone's back. The package's ``data/`` folder is only the default root, and
``$TOELATEN_DATA`` (or ``toelaten --data DIR``, or ``toelaten_data`` in the book's
config) points at another: an English edition, a shorter team version.

Each part is read on first use. A mistake in one file then stops only what needs that
file: ``toelaten hulp`` still shows the help lines when an exercise file is broken.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toelaten._fields import DataError

if TYPE_CHECKING:
    from toelaten.cast import Person
    from toelaten.contacts import HelpContacts
    from toelaten.course import Course
    from toelaten.exercises.model import Exercise
    from toelaten.group import GroupMaterials
    from toelaten.schedule import Schedule
    from toelaten.sources import Source
    from toelaten.strings import Strings

#: Where a course's data may live instead of the package's own (the CLI's --data too).
ENV = "TOELATEN_DATA"
#: The files of a data root, by the part they hold; a part can be given its own file.
FILES = {
    "course": "course.yml",
    "exercises": "exercises",
    "schedule": "schedule.yml",
    "group": "group.yml",
    "contacts": "help-contacts.yml",
    "sources": "sources.yml",
    # The recurring people of the lessons and the exercises' worked examples.
    "cast": "cast.yml",
    # Optional: the course's own interface strings, before the package's (strings.py).
    "locale": "locale",
}


def package_root() -> Path:
    """The data the package ships: the course as it is taught."""
    return Path(str(resources.files("toelaten") / "data"))


class CourseData:
    """The data files of one course under ``root``.

    ``files`` replaces single files, e.g. ``CourseData(schedule=Path("mijn-rooster.yml"))``
    for a trainer's own schedule; everything else still comes from ``root``.
    """

    def __init__(self, root: Path | str | None = None, **files: Path | str | None) -> None:
        self.root = Path(root) if root is not None else package_root()
        unknown = set(files) - set(FILES)
        if unknown:
            raise TypeError(f"unknown data part(s): {', '.join(sorted(unknown))}")
        self.paths: dict[str, Path] = {}
        for part, name in FILES.items():
            given = files.get(part)
            self.paths[part] = Path(given) if given else self.root / name

    def __repr__(self) -> str:
        return f"CourseData({str(self.root)!r})"

    @classmethod
    def default(cls) -> CourseData:
        """``$TOELATEN_DATA`` if set, else the package's own data; one object per root."""
        return _default(os.environ.get(ENV) or None)

    def _root_exists(self) -> None:
        if not self.root.is_dir():
            raise DataError(f"{self.root}: no such folder of course data")

    # The parts, each read on first use. A part that fails is not cached: the next use
    # reads the file again and raises again, with the same message.

    @functools.cached_property
    def course(self) -> Course:
        from toelaten.course import load_course

        self._root_exists()
        return load_course(self.paths["course"])

    @functools.cached_property
    def exercises(self) -> dict[str, Exercise]:
        """Every exercise, by id, in the order of the course; their links checked."""
        from toelaten.exercises.catalogue import read_catalogue

        return read_catalogue(self.exercise_files(), self.course, self.strings, self.cast)

    @functools.cached_property
    def cast(self) -> dict[str, Person]:
        """The course's people by id (``cast.yml``), whom worked examples name; none
        when the course has no such file (an edition without worked examples)."""
        from toelaten.cast import load_cast

        self._root_exists()
        if not self.paths["cast"].exists():
            return {}
        return load_cast(self.paths["cast"])

    @functools.cached_property
    def schedule(self) -> Schedule:
        from toelaten.schedule import load_schedule

        return load_schedule(self.paths["schedule"], self.course, self.exercises, self.strings)

    @functools.cached_property
    def group(self) -> GroupMaterials:
        from toelaten.group import load_group_materials

        self._root_exists()
        return load_group_materials(self.paths["group"])

    @functools.cached_property
    def contacts(self) -> HelpContacts:
        from toelaten.contacts import load_help_contacts

        self._root_exists()
        return load_help_contacts(self.paths["contacts"])

    @functools.cached_property
    def sources(self) -> list[Source]:
        from toelaten.sources import load_sources

        self._root_exists()
        return load_sources(self.paths["sources"])

    @functools.cached_property
    def strings(self) -> Strings:
        """The interface's words, in the course's language (``language`` in course.yml):
        ``<root>/locale/<language>.yml`` if the course has it, else the package's."""
        from toelaten.strings import load_strings

        return load_strings(self.course.language, self.paths["locale"])

    def strings_or_reference(self) -> Strings:
        """The course's words, or the package's own catalogue when the course's cannot be
        read: a message that says what is wrong must still be said."""
        from toelaten.strings import REFERENCE, load_strings

        try:
            return self.strings
        except (DataError, KeyError):
            return load_strings(REFERENCE)

    def exercise(self, exercise_id: str) -> Exercise:
        try:
            return self.exercises[exercise_id]
        except KeyError:
            known = ", ".join(self.exercises) or "none"
            raise KeyError(f"no exercise {exercise_id!r} (known: {known})") from None

    def exercise_file(self, exercise_id: str) -> Path:
        return self.paths["exercises"] / f"{exercise_id}.yml"

    def exercise_files(self) -> list[Path]:
        folder = self.paths["exercises"]
        if not folder.is_dir():
            raise DataError(f"{folder}: no such folder of exercise files")
        return sorted(folder.glob("*.yml"))

    def files_of(self, exercise: Exercise) -> list[Path]:
        """The files a page showing ``exercise`` depends on: its own, the one whose
        questions it reuses, and those of the exercises it reads or writes to."""
        ids = [exercise.id, *([exercise.extends] if exercise.extends else []), *exercise.links]
        return [self.exercise_file(i) for i in dict.fromkeys(ids)]

    def checks(
        self, exercise_files: Sequence[Path] = (), book: Path | None = None
    ) -> Iterator[Check]:
        """Every part checked on its own, so one run names every broken file. Exercise
        files are read one by one (only ``exercise_files`` if given); a part that needs a
        broken one is skipped, and says so. With ``book`` (the folder of ``_toc.yml``), the
        draaiboek's pages and figures are looked up in it."""
        course = _attempt(self.paths["course"], lambda: self.course, "course")
        yield course
        yield _attempt(self.paths["contacts"], lambda: self.contacts, "contacts")
        cast = _attempt(self.paths["cast"], lambda: self.cast, "cast")
        yield cast
        words = "locale/"
        if course.ok:
            words = self.course.language
            strings = _attempt(words, lambda: self.strings, "strings")
        else:
            strings = Check(words, skipped=True, part="strings")
        yield strings
        files = _attempt(self.paths["exercises"], self.exercise_files, "exercises")
        # Exercises are read with the course's words (their answers' messages).
        exercises_ok = course.ok and strings.ok and files.ok and cast.ok
        if exercise_files:
            yield from self.check_exercises(exercise_files)
        elif not files.ok:
            yield files
        else:
            for check in self.check_exercises(self.exercise_files()):
                exercises_ok &= check.ok
                yield check
        linked = "the exercises' links to each other"
        if exercises_ok:
            links = _attempt(linked, lambda: self.exercises, "links")
            exercises_ok = links.ok
            yield links
        else:
            yield Check(linked, skipped=True, part="links")
        if exercises_ok:
            schedule = _attempt(self.paths["schedule"], lambda: self.schedule, "schedule")
        else:
            schedule = Check(str(self.paths["schedule"]), skipped=True, part="schedule")
        yield schedule
        group = _attempt(self.paths["group"], lambda: self.group, "group")
        yield group
        yield self._check_draaiboek(schedule.ok and group.ok, book)
        yield _attempt(self.paths["sources"], lambda: self.sources, "sources")

    def _check_draaiboek(self, parts_ok: bool, book: Path | None) -> Check:
        """The schedule and the group formats together: talking points, buffers, werkvormen
        that fit their blocks (schedule_checks.py)."""
        from toelaten.schedule_checks import check_draaiboek

        what = "the trainer's draaiboek (schedule and group formats together)"
        if not parts_ok:
            return Check(what, skipped=True, part="draaiboek")
        return _attempt(
            what,
            lambda: check_draaiboek(self.schedule, self.group, self.strings, book),
            "draaiboek",
        )

    def check_exercises(self, paths: Sequence[Path]) -> Iterator[Check]:
        """Each exercise file on its own; without a readable course.yml, what can be checked
        without it (everything but the day listing the exercise)."""
        from toelaten.exercises.catalogue import read_exercise

        try:
            course: Course | None = self.course
        except DataError:
            course = None
        strings = self.strings_or_reference()  # a broken catalogue is reported on its own
        try:
            cast: dict[str, Person] | None = self.cast
        except DataError:
            cast = None  # reported on its own; the examples' answers are still checked
        for path in paths:
            load = functools.partial(read_exercise, path, course, strings, cast)
            yield _attempt(path, load, "exercise")


def _attempt(what: Path | str, load: Callable[[], Any], part: str = "") -> Check:
    try:
        load()
    except (DataError, ValueError) as exc:
        return Check(str(what), error=str(exc), part=part)
    except KeyError as exc:  # a missing day or exercise, with what is known
        return Check(str(what), error=str(exc.args[0]), part=part)
    return Check(str(what), part=part)


@dataclass(frozen=True)
class Check:
    """One part of ``CourseData.checks``: fine, broken (``error``) or not checked because a
    part it needs is broken (``skipped``)."""

    what: str
    error: str | None = None
    skipped: bool = False
    #: What the checked file does that is allowed but may be a mistake (said, not failed).
    warnings: tuple[str, ...] = ()
    #: Which part of the course it is (``course``, ``schedule``, ``run``, …): how
    #: ``toelaten check`` names it for a trainer, with ``what`` (the file) after it.
    part: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None and not self.skipped


@functools.cache
def _default(root: str | None) -> CourseData:
    return CourseData(root)
