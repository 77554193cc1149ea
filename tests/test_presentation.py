"""Presentation mode (facilitator-guide/presenteren): each day's blocks from schedule.yml on
a projector, as a trainer uses it: a slide per block with its title and a countdown, moved
on by keyboard or clicker, a timer that counts down calmly and says when time is up, notes
off until asked for, the place kept over a reload, and a changed schedule changing it."""

from __future__ import annotations

import io
import re
from datetime import time
from pathlib import Path

import pytest
from sphinx.application import Sphinx

from browsing import Profile, Visit, axe_violations
from editions import copy_data, replace_in
from pages import soup
from toelaten.coursedata import CourseData
from toelaten.schedule import span
from toelaten.site import serve

DATA = CourseData()
SCHEDULE = DATA.schedule
PAGE = "facilitator-guide/presenteren.html"
# A Monday morning, before the day starts: the clock the tests' browser runs on.
MORNING = "2027-03-22T08:00:00"


def blocks(day_id: str, variant: str = "dag"):
    return [s.block for s in SCHEDULE.run_sheet(day_id, variant)]


def mmss(minutes: int) -> str:
    return f"{minutes:02d}:00"


def countdown(block, variant: str = "dag") -> str:
    """What the group's screen counts down for a block: nothing in the Uitloop."""
    return "" if block.format == "buffer" else mmss(block.minutes[variant])


@pytest.fixture(scope="module")
def clocked(browser, site):
    """A browser profile of its own whose clock the test moves (Playwright's clock API),
    so the session's shared profile keeps real time."""
    profile = Profile.new(browser)
    profile.context.clock.install(time=MORNING)
    profile.context.clock.pause_at(MORNING.replace(":00:00", ":00:01"))  # moves only when told
    yield profile
    profile.close()


@pytest.fixture
def view(clocked, site):
    visit = Visit(clocked, site, PAGE + "#presentatie-dag-1")
    visit.page.wait_for_selector(".tl-presentation.is-live")
    yield visit
    clocked.reset(site)


def shown(page) -> dict[str, str]:
    """What the projector shows now: the slide's title, the timer and what comes next."""
    return page.evaluate(
        """() => {
          // A slide laid out round a wide figure has no box of its own (display: contents).
          const slides = [...document.querySelectorAll('.tl-slide')]
            .filter((s) => !s.closest('[hidden]'));
          const box = document.querySelector('.tl-pres-timer-box');
          return {
            slides: slides.length,
            title: slides[0]?.querySelector('.tl-slide-title').innerText.trim(),
            timer: document.querySelector('.tl-pres-timer').innerText.trim(),
            next: document.querySelector('.tl-pres-upnext').innerText.trim(),
            ending: box.classList.contains('is-ending'),
            over: box.classList.contains('is-over'),
            calm: box.classList.contains('is-calm-over'),
            label: document.querySelector('.tl-pres-timer-label').innerText.trim(),
            end: document.querySelector('.tl-pres-end').innerText.trim(),
            notes: [...document.querySelectorAll('.tl-slide-notes')]
              .some((n) => n.checkVisibility()),
          };
        }"""
    )


def test_every_block_of_every_day_has_its_slide_and_each_guide_day_links_to_it(html):
    page = soup(html, PAGE)
    for day_id, day_blocks in SCHEDULE.days.items():
        day = page.select_one(f'.tl-pres-day[data-day="{day_id}"]')
        assert day is not None and day["id"] == f"presentatie-{day_id}"
        slides = day.select(".tl-slide")
        titles = [s.select_one(".tl-slide-title").get_text(strip=True) for s in slides]
        assert titles == [b.title for b in day_blocks]
        guide = soup(html, f"facilitator-guide/{day_id}.html")
        assert guide.select_one(f'a[href="presenteren.html#presentatie-{day_id}"]')
    # The page loads the script from the site itself.
    assert page.select_one('script[src^="../_static/toelaten/presentatie.js"]')


@pytest.mark.browser
def test_each_block_shows_its_title_and_timer_and_the_keys_move_on_and_back(view):
    page, day = view.page, blocks("dag-1")
    for i, block in enumerate(day):
        now = shown(page)
        assert now["slides"] == 1 and now["title"] == block.title
        assert now["timer"] == countdown(block)
        if i + 1 < len(day):
            assert day[i + 1].title in now["next"]
            page.keyboard.press("ArrowRight" if i % 2 else "PageDown")
    page.keyboard.press("ArrowRight")  # past the last block: stays there
    assert shown(page)["title"] == day[-1].title
    page.keyboard.press("ArrowLeft")
    assert shown(page)["title"] == day[-2].title
    page.keyboard.press("PageUp")
    assert shown(page)["title"] == day[-3].title
    page.keyboard.press("Home")
    assert shown(page)["title"] == day[0].title
    page.keyboard.press("End")
    assert shown(page)["title"] == day[-1].title
    page.get_by_role("button", name=DATA.strings("presentation.prev")).click()
    assert shown(page)["title"] == day[-2].title
    assert not view.off_host(view.base) and not view.csp_violations() and not view.failures


@pytest.mark.browser
def test_the_timer_counts_down_turns_calm_at_the_end_and_counts_the_overrun(view):
    page = view.page
    first = blocks("dag-1")[0]
    minutes = first.minutes["dag"]
    page.clock.run_for(90_000)
    assert shown(page)["timer"] == mmss(minutes)  # it waits for P
    page.keyboard.press("p")
    page.clock.run_for(60_000)
    assert shown(page)["timer"] == mmss(minutes - 1)
    page.keyboard.press("p")  # paused: time passes, the timer does not
    page.clock.run_for(5 * 60_000)
    assert shown(page)["timer"] == mmss(minutes - 1)
    page.keyboard.press("p")
    page.clock.run_for((minutes - 3) * 60_000)
    now = shown(page)
    assert now["timer"] == "02:00" and now["ending"] and not now["over"]
    page.clock.run_for(3 * 60_000 + 5_000)
    now = shown(page)
    # Over its minutes: the group's screen says so calmly, with no count and no warning.
    assert now["calm"] and not now["over"] and not now["ending"] and now["timer"] == ""
    assert now["label"] == DATA.strings("presentation.script.over")
    assert "verwacht" not in now["end"] and "+" not in now["end"]
    page.keyboard.press("r")  # the block's time again
    assert shown(page)["timer"] == mmss(minutes) and not shown(page)["calm"]
    # Calm: no animation or transition keeps running on the timer.
    assert page.evaluate("document.querySelector('.tl-pres-timer').getAnimations().length") == 0


@pytest.mark.browser
def test_notes_are_off_until_t_and_a_reload_keeps_the_place_and_the_time(view):
    page = view.page
    assert not shown(page)["notes"]
    page.keyboard.press("t")
    assert shown(page)["notes"]
    page.keyboard.press("t")
    assert not shown(page)["notes"]
    page.keyboard.press("ArrowRight")
    page.keyboard.press("p")
    page.clock.run_for(2 * 60_000)
    before = shown(page)
    page.reload()
    page.wait_for_selector(".tl-presentation.is-live")
    after = shown(page)
    assert after["title"] == before["title"] == blocks("dag-1")[1].title
    assert after["timer"] == before["timer"]


@pytest.mark.browser
def test_the_half_day_variant_leaves_out_the_whole_day_blocks(view):
    page = view.page
    page.get_by_role("radio", name=re.compile(SCHEDULE.variants["dagdeel"].label)).check()
    half = blocks("dag-1", "dagdeel")
    assert len(half) < len(blocks("dag-1"))
    titles = []
    for block in half:
        now = shown(page)
        titles.append(now["title"])
        assert now["timer"] == countdown(block, "dagdeel")
        page.keyboard.press("PageDown")  # the radio keeps its arrows, a clicker works
    assert titles == [b.title for b in half]


@pytest.mark.browser
def test_another_day_from_its_link_and_the_full_screen_by_key(view):
    page = view.page
    view.goto(PAGE.replace("presenteren", "dag-3"))
    page.get_by_role("link", name=DATA.strings("presentation.link")).click()
    page.wait_for_selector(".tl-presentation.is-live")
    assert shown(page)["title"] == blocks("dag-3")[0].title
    page.keyboard.press("f")
    page.wait_for_function("document.fullscreenElement || document.querySelector('.is-full')")
    full = page.evaluate(
        "() => { const r = document.querySelector('.tl-presentation').getBoundingClientRect();"
        " return [r.width, r.height, innerWidth, innerHeight]; }"
    )
    assert full[:2] == full[2:]
    page.keyboard.press("f")
    page.wait_for_function("!document.fullscreenElement && !document.querySelector('.is-full')")


@pytest.mark.browser
def test_the_view_has_no_accessibility_violations_light_and_dark(profile, site):
    """In the session's profile: axe needs the clock to run."""
    view = Visit(profile, site, PAGE + "#presentatie-dag-5")
    page = view.page
    page.wait_for_selector(".tl-presentation.is-live")
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.keyboard.press("t")  # with the notes shown too
        assert axe_violations(page, ".tl-presentation") == [], scheme
        page.keyboard.press("t")
        assert axe_violations(page, ".tl-presentation") == [], scheme
    page.emulate_media(color_scheme=None)


@pytest.mark.browser
def test_it_works_opened_from_disk(clocked, html):
    tab = clocked.context.new_page()
    try:
        tab.goto((html / PAGE).as_uri() + "#presentatie-dag-2")
        tab.wait_for_selector(".tl-presentation.is-live")
        assert shown(tab)["title"] == blocks("dag-2")[0].title
    finally:
        tab.close()


CONF = """
extensions = ["myst_parser", "toelaten.sphinxext"]
html_theme = "toelaten"
language = "nl"
toelaten_help_page = "index"
toelaten_privacy_page = "index"
"""


@pytest.mark.browser
def test_a_changed_schedule_changes_the_view(tmp_path, clocked):
    """Another edition (a data folder of its own): a block renamed and its minutes moved to
    the next block show in the view; the shipped data is not read."""
    data = copy_data(tmp_path / "data")
    first, second = blocks("dag-1")[:2]
    replace_in(data / "schedule.yml", f"title: {first.title}", "title: Koffie en kennismaken")
    replace_in(
        data / "schedule.yml",
        f"minutes: {{dag: {first.minutes['dag']}, dagdeel: {first.minutes['dagdeel']}}}",
        f"minutes: {{dag: {first.minutes['dag'] - 5}, dagdeel: {first.minutes['dagdeel']}}}",
    )
    replace_in(
        data / "schedule.yml",
        f"minutes: {{dag: {second.minutes['dag']}, dagdeel: {second.minutes['dagdeel']}}}",
        f"minutes: {{dag: {second.minutes['dag'] + 5}, dagdeel: {second.minutes['dagdeel']}}}",
    )
    src = tmp_path / "book"
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.md").write_text("# Presenteren\n\n```{presentatie}\n```\n", encoding="utf-8")
    out = src / "_build"
    warnings = io.StringIO()
    app = Sphinx(
        str(src), str(src), str(out), str(out / ".doctrees"), "html",
        confoverrides={"toelaten_data": str(data)}, status=io.StringIO(), warning=warnings,
        freshenv=True,
    )  # fmt: skip
    app.build()
    assert "ERROR" not in warnings.getvalue(), warnings.getvalue()
    with serve(Path(out)) as base:
        tab = clocked.context.new_page()
        try:
            tab.goto(base + "index.html")
            tab.wait_for_selector(".tl-presentation.is-live")
            now = shown(tab)
            assert now["title"] == "Koffie en kennismaken"
            assert now["timer"] == mmss(first.minutes["dag"] - 5)
            tab.keyboard.press("ArrowRight")
            assert shown(tab)["timer"] == mmss(second.minutes["dag"] + 5)
        finally:
            tab.close()


# ---- The trainer's review (issue 14): fit, presenter window, the day's own times --------

SIZES = [(1280, 720), (1920, 1080), (1024, 768)]
FITS = """() => {
  const root = document.querySelector('.tl-presentation');
  const slide = [...document.querySelectorAll('.tl-slide')].find((s) => !s.closest('[hidden]'));
  const parts = [...root.querySelectorAll(
    '.tl-pres-top, .tl-pres-main, .tl-pres-timer-box, .tl-pres-controls, .tl-pres-footer')]
    .concat([...slide.children]).filter((e) => e.checkVisibility());
  const out = parts.filter((e) => {
    const r = e.getBoundingClientRect();
    return r.bottom > innerHeight + 1 || r.right > innerWidth + 1;
  });
  const img = slide.querySelector('.tl-slide-figure img');
  return {
    block: slide.dataset.block,
    out: out.map((e) => e.className),
    hidden: Math.max(
      root.scrollHeight - root.clientHeight, slide.scrollHeight - slide.clientHeight),
    // The drawing's own height inside its box (object-fit: contain).
    figure: img ? Math.min(img.getBoundingClientRect().height,
      img.getBoundingClientRect().width * img.naturalHeight / img.naturalWidth) : null,
  };
}"""


def shown_when(page) -> str:
    return page.evaluate(
        "() => [...document.querySelectorAll('.tl-slide-when')]"
        ".find((e) => e.checkVisibility())?.innerText.trim()"
    )


@pytest.mark.browser
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_in_full_screen_every_slide_fits_and_its_figure_takes_the_room_left(view, size):
    page = view.page
    page.set_viewport_size({"width": size[0], "height": size[1]})
    for day_id in SCHEDULE.days:
        page.select_option(".tl-pres-day-select", day_id)
        page.keyboard.press("f")
        page.wait_for_selector(".tl-presentation.is-full")
        for block in blocks(day_id):
            page.wait_for_function(
                "() => [...document.querySelectorAll('.tl-slide-figure img')]"
                ".every((i) => !i.checkVisibility() || (i.complete && i.naturalWidth))"
            )
            fit = page.evaluate(FITS)
            assert fit["block"] == block.id
            assert fit["out"] == [] and fit["hidden"] <= 1, (day_id, size, fit)
            if block.figure:  # the slide's main thing: readable from the back of the room
                assert fit["figure"] >= size[1] * 0.45, (day_id, size, fit)
            page.keyboard.press("PageDown")
        page.keyboard.press("Escape")  # Esc leaves the full screen
        page.wait_for_function(
            "() => !document.fullscreenElement && !document.querySelector('.is-full')"
        )


@pytest.mark.browser
@pytest.mark.parametrize("channel", ["BroadcastChannel", "storage"])
def test_the_presenter_window_has_the_notes_and_both_windows_stay_in_step(browser, site, channel):
    profile = Profile.new(browser)
    if channel == "storage":  # a browser without BroadcastChannel: the storage event
        profile.context.add_init_script("delete window.BroadcastChannel;")
    try:
        view = Visit(profile, site, PAGE + "#presentatie-dag-4")
        page, day = view.page, blocks("dag-4")
        page.wait_for_selector(".tl-presentation.is-live")
        with page.expect_popup() as popup:
            page.get_by_role("button", name=DATA.strings("presentation.presenter")).click()
        speaker = popup.value
        speaker.set_viewport_size({"width": 1024, "height": 640})
        speaker.wait_for_selector(".tl-presentation.is-live")
        assert shown(speaker)["notes"] and not shown(page)["notes"]
        assert shown(speaker)["title"] == day[0].title and day[1].title in shown(speaker)["next"]

        def follows(tab, block) -> None:
            tab.wait_for_function(
                "(t) => [...document.querySelectorAll('.tl-slide')].find((s) =>"
                " s.checkVisibility())?.querySelector('.tl-slide-title').innerText.trim() === t",
                arg=block.title,
            )

        speaker.keyboard.press("ArrowRight")
        follows(page, day[1])
        page.keyboard.press("PageDown")
        follows(speaker, day[2])
        speaker.keyboard.press("p")
        page.wait_for_function("() => !document.querySelector('.is-paused')")
        page.keyboard.press("t")  # the notes on the projector only when T is pressed there
        assert shown(page)["notes"] and shown(speaker)["notes"]
        page.keyboard.press("t")
        assert not shown(page)["notes"]
        # The notes scroll by keyboard in the presenter window.
        notes = ".tl-slide:not([hidden]) .tl-notes-more"
        tall = "(s) => [...document.querySelectorAll(s)].find((n) => n.checkVisibility())"
        for _ in day:
            if speaker.evaluate(f"{tall}", notes) and speaker.evaluate(
                f"(s) => {{ const n = ({tall})(s); return n.scrollHeight > n.clientHeight + 4; }}",
                notes,
            ):
                break
            speaker.keyboard.press("ArrowRight")
        speaker.keyboard.press("ArrowDown")
        top = f"(s) => ({tall})(s).scrollTop"
        speaker.wait_for_function(f"(s) => ({top})(s) > 0", arg=notes)
        speaker.keyboard.press("ArrowUp")
        speaker.wait_for_function(f"(s) => ({top})(s) === 0", arg=notes)
        assert axe_violations(speaker, ".tl-presentation") == []
        assert not view.off_host(view.base) and not view.csp_violations() and not view.failures
    finally:
        profile.close()


@pytest.mark.browser
def test_the_days_own_start_moves_each_blocks_time_and_the_uitloop_takes_the_rest(view):
    page = view.page
    page.select_option(".tl-pres-day-select", "dag-3")
    variant = SCHEDULE.variants["dag"]
    own = time(9, 0)
    default = [f"{s.start:%H:%M}–{s.end:%H:%M}" for s in SCHEDULE.run_sheet("dag-3", "dag")]
    assert shown_when(page) == default[0]
    page.fill(".tl-pres-time-start", "09:00")
    slots = SCHEDULE.run_sheet("dag-3", "dag", (own, variant.end))
    buffer = SCHEDULE.buffer("dag-3", "dag")
    page.reload()  # kept in this browser
    page.wait_for_selector(".tl-presentation.is-live")
    for slot in slots:
        assert shown_when(page) == f"{slot.start:%H:%M}–{slot.end:%H:%M}"
        if slot.block is buffer:  # the group sees no countdown in the Uitloop
            assert slot.minutes == buffer.minutes["dag"] + span(own, variant.start)
            assert shown(page)["timer"] == ""
        else:
            assert shown(page)["timer"] == mmss(slot.minutes)
        page.keyboard.press("PageDown")
    # Another day keeps the course's own times.
    page.select_option(".tl-pres-day-select", "dag-2")
    assert shown_when(page).startswith(f"{variant.start:%H:%M}–")
    # An end the blocks cannot fill is refused out loud; the course's times stay.
    page.select_option(".tl-pres-day-select", "dag-3")
    page.fill(".tl-pres-time-end", "12:00")
    assert shown_when(page) == default[0]
    assert "12:00" not in page.inner_text(".tl-pres-times-note")
    assert page.inner_text(".tl-pres-times-note").strip()


@pytest.mark.browser
def test_a_break_says_when_the_group_goes_on_and_the_timer_can_start_by_itself(view):
    page = view.page
    page.emulate_media(reduced_motion="reduce")
    day = blocks("dag-1")
    pause = next(i for i, b in enumerate(day) if b.format == "pauze")
    page.get_by_label(DATA.strings("presentation.auto_start")).check()
    for _ in range(pause):
        page.keyboard.press("PageDown")
    later = page.evaluate(
        "(m) => { const d = new Date(Date.now() + m * 60000); const two = (n) =>"
        " String(n).padStart(2, '0'); return `${two(d.getHours())}:${two(d.getMinutes())}`; }",
        day[pause].minutes["dag"],
    )
    resume = ".tl-slide:not([hidden]) .tl-slide-resume"
    assert later in page.locator(resume).filter(visible=True).inner_text()
    page.clock.run_for(3 * 60_000)  # it runs by itself, and the time to go on stays
    assert shown(page)["timer"] == mmss(day[pause].minutes["dag"] - 3)
    assert later in page.locator(resume).filter(visible=True).inner_text()
    # In full screen the buttons fade when the mouse rests; a move or Tab brings them back.
    page.keyboard.press("f")
    page.wait_for_selector(".tl-presentation.is-full")
    controls = page.locator(".tl-pres-controls")
    opacity = "(e) => getComputedStyle(e).opacity"
    page.clock.run_for(4_000)
    assert controls.evaluate(opacity) == "0"
    page.mouse.move(200, 200)
    assert controls.evaluate(opacity) == "1"
    page.clock.run_for(4_000)
    assert controls.evaluate(opacity) == "0"
    page.keyboard.press("Tab")
    assert controls.evaluate(opacity) == "1"
    page.keyboard.press("Escape")
    page.emulate_media(reduced_motion=None)


# ---- The second trainer's review: presenter window, rounds, the run file's times --------


def speaker_view(profile, site, day_id: str, size=(1280, 720)):
    profile.reset(site)
    visit = Visit(profile, site, PAGE + f"?scherm=spreker#presentatie-{day_id}")
    visit.page.set_viewport_size({"width": size[0], "height": size[1]})
    visit.page.reload()  # another day's hash alone would not load the page again
    visit.page.wait_for_selector(".tl-presentation.is-live")
    return visit


KEY_NOTES = """() => {
  const slide = [...document.querySelectorAll('.tl-slide')].find((s) => !s.closest('[hidden]'));
  const key = slide.querySelector('.tl-notes-key');
  const timer = document.querySelector('.tl-pres-timer-box').getBoundingClientRect();
  const box = slide.querySelector('.tl-slide-notes');
  if (!box) return {block: slide.dataset.block, lines: [], left: false};
  const notes = box.getBoundingClientRect();
  const lines = key ? [...key.children].map((p) => {
    const r = p.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight + 1 && key.scrollHeight <= key.clientHeight + 1;
  }) : [];
  return {block: slide.dataset.block, lines, left: timer.right <= notes.left};
}"""


@pytest.mark.browser
def test_the_presenter_window_keeps_tip_and_shorten_in_view_beside_the_clock(clocked, site):
    """At 1280x720: the clock on the left, the notes on the right, and every block's tip and
    'Als je uitloopt' seen without scrolling."""
    for day_id in SCHEDULE.days:
        visit = speaker_view(clocked, site, day_id)
        page = visit.page
        page.keyboard.press("Home")
        for block in blocks(day_id):
            seen = page.evaluate(KEY_NOTES)
            assert seen["block"] == block.id
            if block.tip or block.shorten or block.shorten_by:
                assert seen["lines"] and all(seen["lines"]), (day_id, seen)
                assert seen["left"], (day_id, seen)
            page.keyboard.press("PageDown")
        clocked.reset(site)


ROUNDS = """() => [...document.querySelectorAll('.tl-pres-rounds li')]
  .filter((li) => li.checkVisibility())
  .map((li) => ({text: li.innerText.trim(), change: li.classList.contains('is-change')}))"""


@pytest.mark.browser
def test_the_presenter_window_counts_the_rounds_for_groups_of_three_and_four(clocked, site):
    werkvormen = DATA.group.werkvormen
    day = blocks("dag-1")
    index, block = next(
        (i, b) for i, b in enumerate(day) if b.werkvorm and werkvormen[b.werkvorm].timing.four
    )
    three = werkvormen[block.werkvorm].timing.parts("dag")
    four = werkvormen[block.werkvorm].timing.four.parts("dag")
    visit = speaker_view(clocked, site, "dag-1")
    page = visit.page
    for _ in range(index):
        page.keyboard.press("PageDown")
    lines = page.evaluate(ROUNDS)
    assert len(lines) == 2 and not any(line["change"] for line in lines)
    page.keyboard.press("p")
    # Just past the first round of a group of three: round 2 of 3, softly marked.
    page.clock.run_for(((three[0] + three[1]) * 60 + 5) * 1000)
    lines = page.evaluate(ROUNDS)
    assert re.search(rf"\b2\b.*\b{three[2]}\b", lines[0]["text"]) and lines[0]["change"]
    assert f"{three[1] - 1:02d}:55" in lines[0]["text"]
    assert re.search(rf"\b{four[2]}\b", lines[1]["text"]) and not lines[1]["change"]
    page.clock.run_for(60_000)  # the mark goes again
    assert not page.evaluate(ROUNDS)[0]["change"]
    # The group's screen shows no rounds.
    visit.goto(PAGE + "#presentatie-dag-1")
    page.wait_for_selector(".tl-presentation.is-live")
    assert page.evaluate(ROUNDS) == []
    clocked.reset(site)


@pytest.mark.browser
def test_over_time_the_presenter_window_counts_on_and_the_uitloop_takes_it_first(clocked, site):
    visit = speaker_view(clocked, site, "dag-1")
    page = visit.page
    first = blocks("dag-1")[0]
    page.keyboard.press("p")
    page.clock.run_for((first.minutes["dag"] + 2) * 60_000)
    now = shown(page)
    assert now["over"] and now["timer"] == "+02:00"
    assert now["label"] == DATA.strings("presentation.script.over")
    clocked.reset(site)


@pytest.mark.browser
def test_a_link_with_the_run_files_times_sets_them_and_a_silly_one_changes_nothing(view, tmp_path):
    page = view.page
    run_file = tmp_path / "run.yml"
    run_file.write_text(
        'variant: dag\nstart: "2027-03-22"\nevery: 7\n'
        'times:\n  dag-3: {start: "09:00", end: "16:00"}\n',
        encoding="utf-8",
    )
    from click.testing import CliRunner

    from toelaten.cli import main

    printed = CliRunner().invoke(main, ["schedule", "--schedule", str(run_file)]).output
    link = re.search(r"presenteren\.html#\S+", printed).group(0)
    page.goto(view.base + "facilitator-guide/" + link)
    page.wait_for_selector(".tl-presentation.is-live")
    note = page.locator(".tl-pres-link-note")
    assert note.is_visible() and "09:00" in note.inner_text()
    assert "tijden=" not in page.url  # the link is taken once
    page.select_option(".tl-pres-day-select", "dag-3")
    assert shown_when(page).startswith("09:00–")
    page.reload()  # kept in this browser
    page.wait_for_selector(".tl-presentation.is-live")
    assert shown_when(page).startswith("09:00–")
    # A silly link: a Dutch line on the page, the times as they were.
    for silly in ("#tijden=dag-3@25:00-16:00", "#tijden=dag-3@14:00-15:00", "#tijden=%3Cb%3E"):
        page.goto(view.base + PAGE + silly)
        page.wait_for_selector(".tl-presentation.is-live")
        assert note.is_visible() and note.inner_text().strip()
        assert page.locator(".tl-pres-link-note b").count() == 0
        page.select_option(".tl-pres-day-select", "dag-3")
        assert shown_when(page).startswith("09:00–")


@pytest.mark.browser
def test_figure_slides_in_full_screen_and_the_wide_presenter_window_are_accessible(profile, site):
    """axe on the slides laid out round a figure and on the two-column presenter window
    (its rounds shown), light and dark. In the session's profile: axe needs the clock."""
    view = Visit(profile, site, PAGE + "#presentatie-dag-4")
    page = view.page
    page.set_viewport_size({"width": 1280, "height": 720})
    page.wait_for_selector(".tl-presentation.is-live")
    figured = [i for i, b in enumerate(blocks("dag-4")) if b.figure]
    rounds = next(i for i, b in enumerate(blocks("dag-4")) if b.werkvorm)
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.keyboard.press("Home")
        page.keyboard.press("f")
        page.wait_for_selector(".tl-presentation.is-full")
        for i in range(max(figured) + 1):
            if i in figured:
                assert axe_violations(page, ".tl-presentation") == [], (scheme, i)
            page.keyboard.press("PageDown")
        page.keyboard.press("Escape")
        page.wait_for_function("() => !document.querySelector('.is-full')")
    speaker = speaker_view(profile, site, "dag-4").page
    for _ in range(rounds):
        speaker.keyboard.press("PageDown")
    for scheme in ("light", "dark"):
        speaker.emulate_media(color_scheme=scheme)
        assert speaker.locator(".tl-pres-rounds li").count() >= 1
        assert axe_violations(speaker, ".tl-presentation") == [], scheme
    speaker.emulate_media(color_scheme=None)
    page.emulate_media(color_scheme=None)
