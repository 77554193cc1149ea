"""The trainer's draaiboek per block: talking points, a prompt and links that resolve for
every block of every variant, days that add up with their Uitloop, group formats whose own
timing fits their blocks, and a clear message when they do not."""

from __future__ import annotations

import posixpath
import re

import pytest
from click.testing import CliRunner

from pages import soup
from toelaten import DataError
from toelaten.cli import main
from toelaten.coursedata import CourseData
from toelaten.group import load_group_materials
from toelaten.schedule import QUIET_FORMATS, load_schedule
from toelaten.schedule_checks import TALKING_POINTS, book_pages, check_draaiboek

DATA = CourseData()
SCHEDULE = DATA.schedule
GROUP = DATA.group


def _blocks_in(variant):
    for day_id in SCHEDULE.days:
        for slot in SCHEDULE.run_sheet(day_id, variant):
            yield day_id, slot.block


@pytest.mark.parametrize("variant", list(SCHEDULE.variants))
def test_every_block_of_every_variant_has_talking_points_a_prompt_and_links_that_resolve(
    root, variant
):
    pages = book_pages(root)
    low, high = TALKING_POINTS
    for day_id, block in _blocks_in(variant):
        if block.format in QUIET_FORMATS:
            continue
        where = f"{day_id}/{block.id}"
        assert low <= len(block.talking_points) <= high, where
        assert block.prompt and block.tip and block.shorten, where
        assert block.page in pages, where
        if block.figure:
            assert (root / block.figure).is_file(), where


@pytest.mark.parametrize("variant", list(SCHEDULE.variants))
@pytest.mark.parametrize("day_id", list(SCHEDULE.days))
def test_each_day_adds_up_with_one_uitloop(day_id, variant):
    slots = SCHEDULE.run_sheet(day_id, variant)
    assert sum(s.minutes for s in slots) == SCHEDULE.variants[variant].minutes
    buffers = [s for s in slots if s.block.format == "buffer"]
    assert len(buffers) == 1
    # Slack that a trainer can use: at least ten minutes on any day.
    assert buffers[0].minutes >= 10


def test_every_werkvorm_fits_the_blocks_that_use_it():
    for variant in SCHEDULE.variants:
        for day_id, block in _blocks_in(variant):
            if block.werkvorm:
                need = GROUP.werkvormen[block.werkvorm].timing.minutes(variant)
                assert need is not None and need <= block.minutes[variant], (day_id, block.id)


def test_a_group_of_four_in_the_triads_has_a_round_each_and_fits_every_triad_block():
    four = GROUP.werkvormen["drietallen"].timing.four
    assert four is not None
    _, round_, rounds, _ = four.parts("dag") or (0, 0, 0, 0)
    assert rounds == 4  # four people: everyone is the vrager once
    for variant in SCHEDULE.variants:
        for day_id, block in _blocks_in(variant):
            if block.werkvorm == "drietallen":
                assert (four.minutes(variant) or 0) <= block.minutes[variant], (day_id, block.id)
                # the block itself tells the trainer how a group of four goes
                said = f"{block.instructions} {block.tip}"
                assert "vier" in said and f"{round_} minuten" in said, (day_id, block.id)


def test_a_group_of_four_that_does_not_fit_its_block_is_named(tmp_path):
    path = _edited(tmp_path, "group", "        round: 12\n", "        round: 14\n")
    message = _problems(DATA.paths["schedule"], group_path=path)
    lines = [m for m in message.splitlines() if "drietallen" in m]
    assert lines and all(str(DATA.paths["schedule"]) in m for m in lines)
    assert any("steunkaart-bespreken" in m and "63" in m and "55" in m for m in lines)


def test_the_roles_agree_between_the_werkvormen_the_schedule_and_the_observer_sheet():
    triads = ("drietallen", "rollenspel-helpersrollen")
    assert {GROUP.werkvormen[w].roles for w in triads} == {("vrager", "helper", "waarnemer")}
    words = " ".join(f.label for f in GROUP.forms["kijkblad"].fields).lower()
    assert "vrager" in words and "helper" in words
    for _, block in _blocks_in("dag"):
        if block.werkvorm in triads:
            text = f"{block.instructions} {block.prompt}".lower()
            assert "vrager" in text and "helper" in text and "waarnemer" in text, block.id
            assert "verteller" not in text and "luisteraar" not in text, block.id


def test_every_day_with_an_observer_has_its_own_observer_task():
    observed = {
        day_id
        for day_id, block in _blocks_in("dag")
        if block.werkvorm and GROUP.werkvormen[block.werkvorm].observer
    }
    assert observed and observed == set(GROUP.observer_tasks)
    assert len(set(GROUP.observer_tasks.values())) == len(observed)


def test_the_day_before_the_circle_asks_for_a_request():
    days = list(SCHEDULE.days)
    for variant in SCHEDULE.variants:
        for day_id, block in _blocks_in(variant):
            if block.werkvorm == "vraag-en-aanbodkring":
                before = days[days.index(day_id) - 1]
                text = " ".join(
                    f"{b.instructions} {b.prompt}" for _, b in _blocks_in(variant) if _ == before
                )
                assert "vraag-en-aanbodkring" in text, (variant, before)


def test_no_generic_hij_for_participants_in_the_schedule():
    # What the trainer and the group read about participants: ze, deelnemers, de eigen.
    generic = re.compile(r"\b(hij|hem)\b|\bieder\w* \w+ zijn\b")
    for _, block in _blocks_in("dag"):
        for text in (block.goal, block.instructions, block.prompt, block.shorten, block.tip):
            assert not generic.search(text or ""), (block.id, text)


def _edited(tmp_path, name, old, new):
    text = DATA.paths[name].read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / f"{name}.yml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _problems(schedule_path=None, group_path=None, book=None):
    schedule = load_schedule(
        schedule_path or DATA.paths["schedule"], DATA.course, DATA.exercises, DATA.strings
    )
    group = load_group_materials(group_path or DATA.paths["group"])
    with pytest.raises(DataError) as err:
        check_draaiboek(schedule, group, DATA.strings, book)
    return str(err.value)


def test_a_werkvorm_that_does_not_fit_its_block_names_the_day_the_block_and_the_fix(tmp_path):
    # The triads of day 5 get ten minutes less; the Uitloop takes them, so the day adds up.
    schedule = DATA.paths["schedule"].read_text(encoding="utf-8")
    day5 = schedule.index("- day: dag-5")
    head, tail = schedule[:day5], schedule[day5:]
    tail = tail.replace(
        "werkvorm: drietallen\n        minutes: {dag: 55}",
        "werkvorm: drietallen\n        minutes: {dag: 45}",
        1,
    )
    last = tail.rindex("format: buffer\n        minutes: {dag: ")
    slack = re.compile(r"\{dag: (\d+)")
    tail = tail[:last] + slack.sub(lambda m: f"{{dag: {int(m[1]) + 10}", tail[last:], count=1)
    path = tmp_path / "schedule.yml"
    path.write_text(head + tail, encoding="utf-8")
    message = _problems(path)
    need = GROUP.werkvormen["drietallen"].timing.minutes("dag")
    line = next(m for m in message.splitlines() if "plan-delen" in m)
    assert line.startswith(str(path)) and "dag-5" in line
    assert str(need) in line and "45" in line and str(need - 45) in line
    assert str(DATA.paths["group"]) in line  # where else it can be fixed


def test_a_block_without_talking_points_or_prompt_is_named(tmp_path):
    path = _edited(
        tmp_path,
        "schedule",
        "        prompt: Wat neem je mee van vandaag? Eén zin is genoeg.\n",
        "",
    )
    message = _problems(path)
    assert "dag-1" in message and "'afsluiting'" in message and "prompt" in message


def test_a_day_without_uitloop_is_named(tmp_path):
    uitloop = "title: Uitloop\n        format: {}\n        minutes: {{dag: 15, dagdeel: 10}}"
    path = _edited(tmp_path, "schedule", uitloop.format("buffer"), uitloop.format("pauze"))
    message = _problems(path)
    assert "dag-1:" in message and "buffer" in message


def test_a_page_or_figure_that_is_not_in_the_book_is_named(tmp_path, root):
    path = _edited(
        tmp_path,
        "schedule",
        "figure: book/images/vraagladder.svg",
        "figure: book/images/ladder.svg",
    )
    path.write_text(
        path.read_text("utf-8").replace("page: book/dag-1/afsluiting", "page: book/dag-1/slot", 1),
        "utf-8",
    )
    message = _problems(path, book=root)
    assert "book/dag-1/slot" in message and "book/images/ladder.svg" in message


def test_toelaten_check_reports_the_draaiboek(tmp_path, root, monkeypatch):
    monkeypatch.chdir(root)
    path = _edited(tmp_path, "schedule", "page: book/dag-1/afsluiting", "page: book/dag-1/slot")
    result = CliRunner().invoke(main, ["check", "--timetable", str(path)])
    assert result.exit_code == 1
    assert "book/dag-1/slot" in result.output
    assert CliRunner().invoke(main, ["check"]).exit_code == 0


@pytest.mark.parametrize("day_id", list(SCHEDULE.days))
def test_the_run_sheet_shows_each_block_with_its_links(html, day_id):
    doc = soup(html, f"facilitator-guide/{day_id}.html")
    here = f"facilitator-guide/{day_id}.html"
    titles = [dt.get_text(" ", strip=True) for dt in doc.select("dl.toelaten-blokken > dt")]
    bodies = doc.select("dl.toelaten-blokken > dd")
    shown = dict(zip(titles, bodies, strict=True))
    for block in SCHEDULE.days[day_id]:
        if block.format == "pauze":
            continue
        body = shown[block.title]
        text = body.get_text(" ", strip=True)
        if block.format == "buffer":
            continue
        assert block.prompt in text, block.id
        # what shrinks: the one note, or each variant's own
        for shorten in [block.shorten, *block.shorten_by.values()]:
            assert shorten is None or shorten in text, block.id
        assert block.shorten or block.shorten_by, block.id
        for point in block.talking_points:
            assert point in text, block.id
        targets = {
            posixpath.normpath(posixpath.join(posixpath.dirname(here), a["href"].split("#")[0]))
            for a in body.select("a[href]")
        }
        assert f"{block.page}.html" in targets, block.id
        if block.figure:
            image = body.select_one("a > img")
            assert image is not None, block.id
            target = posixpath.normpath(
                posixpath.join(posixpath.dirname(here), image.parent["href"])
            )
            assert (html / target).is_file(), block.id


#: Words that name a variant in a block's text: a variant's own run sheet and pack never
#: speak of the other one (a "halve dag" note in the full-day pack, or the reverse).
VARIANT_WORDS = {"dag": r"\bhele dag\b", "dagdeel": r"\bhalve dag\b|\bdagdeel\b"}


@pytest.mark.parametrize("variant", list(SCHEDULE.variants))
def test_a_variants_draaiboek_never_speaks_of_the_other_variant(variant):
    from json import dumps

    from toelaten.handouts.draaiboek import day_sheets

    others = "|".join(w for v, w in VARIANT_WORDS.items() if v != variant)
    for day in DATA.course.days:
        for slot in SCHEDULE.run_sheet(day.id, variant):
            block = slot.block
            texts = [block.goal, block.instructions, block.prompt, block.tip, block.shorten]
            for text in [*texts, *block.talking_points, *block.debrief]:
                assert not re.search(others, text or "", re.I), (day.id, block.id, text)
        run_sheet, _ = day_sheets(DATA, day, variant, None, "")
        blocks = dumps(run_sheet["run_sheet"], ensure_ascii=False)
        assert not re.search(others, blocks, re.I), (day.id, re.search(others, blocks, re.I))


def test_a_shorten_note_per_variant_only_names_variants_the_block_is_part_of(tmp_path):
    path = _edited(
        tmp_path,
        "schedule",
        "          dagdeel: Alleen de rondes, zonder nabespreken",
        "          ochtend: Alleen de rondes, zonder nabespreken",
    )
    with pytest.raises(DataError) as err:
        load_schedule(path, DATA.course, DATA.exercises, DATA.strings)
    assert "ochtend" in str(err.value) and "kleine-vraag" in str(err.value)
