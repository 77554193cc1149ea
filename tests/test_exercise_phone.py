"""The exercises on a phone and in dark mode, in the built book, with answers as a learner
saves them (long Dutch words and names): nothing wider than the screen, sliders that stay
under the finger, chart text that can be read, a support map whose names never overlap and
stay readable in dark mode."""

from __future__ import annotations

import json
import re

import pytest

from browsing import Visit
from samples.realistic import saved, support_map
from toelaten.coursedata import CourseData

DATA = CourseData()

pytestmark = pytest.mark.browser

SMALL, PHONE, LAPTOP = 320, 390, 1280
SUPPORT_MAP = "steunkaart"

# What is wider than the screen: a visible element whose right edge, cut off where a box
# around it scrolls or clips, lies past the viewport's.
TOO_WIDE = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  for (const el of document.querySelectorAll("body *")) {
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    const box = el.getBoundingClientRect();
    if (!box.width) continue;
    let right = box.right;
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX === "visible") continue;
      right = Math.min(right, up.getBoundingClientRect().right);
    }
    const name = `${el.tagName.toLowerCase()}.${el.getAttribute("class")}`;
    if (right > width + 0.5) found.push(`${name} to ${Math.round(right)}`);
  }
  const page = document.documentElement.scrollWidth;
  if (page > width) found.push(`the page, ${page} px`);
  return found;
}"""

# Every word of a table heading that the browser broke over two lines.
BROKEN_WORDS = """root => [...root.querySelectorAll(".tl-table thead th")].flatMap((th) => {
  const text = th.firstChild;
  if (!text || text.nodeType !== Node.TEXT_NODE) return [];
  const broken = [];
  for (const m of text.data.matchAll(/\\S+/g)) {
    const range = document.createRange();
    range.setStart(text, m.index);
    range.setEnd(text, m.index + m[0].length);
    const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    if (lines.size > 1) broken.push(m[0]);
  }
  return broken;
})"""

# The size in CSS pixels of every piece of text in the pictures: SVG text is scaled with
# its drawing.
TEXT_SIZES = """root => {
  const sizes = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.data.trim()) continue;
    const el = node.parentElement;
    let size = parseFloat(getComputedStyle(el).fontSize);
    const svg = el.closest("svg");
    if (svg) size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    sizes.push([node.data.trim(), size]);
  }
  return sizes;
}"""


def pages(html) -> dict[str, list]:
    """Each page of the book that holds exercises, and its exercises."""
    found: dict[str, list] = {}
    for path in sorted((html / "book").rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for exercise in DATA.exercises.values():
            if f'data-exercise="{exercise.id}"' in text:
                found.setdefault(path.relative_to(html).as_posix(), []).append(exercise)
    return found


def page_of(html, exercise_id: str) -> str:
    return next(rel for rel, there in pages(html).items() if exercise_id in [e.id for e in there])


def store(visit: Visit, answers: dict[str, list]) -> None:
    for exercise_id, entries in answers.items():
        visit.page.evaluate(
            "([k, v]) => localStorage.setItem(k, v)",
            [f"toelaten:v1:{exercise_id}", json.dumps({"entries": entries})],
        )


def mount(exercise_id: str) -> str:
    return f'.toelaten-oefening[data-exercise="{exercise_id}"]'


@pytest.mark.parametrize("width", [SMALL, PHONE])
def test_nothing_is_wider_than_a_phone(html, site, profile, width):
    everything = {e.id: saved(e) for e in DATA.exercises.values()}
    first, *_ = pages(html)
    visit = Visit(profile, site, first, {"width": width, "height": 740})
    store(visit, everything)
    for rel, exercises in pages(html).items():
        visit.goto(rel)
        visit.ready()
        page = visit.page
        # Each repeatable exercise with a saved answer open, so its form is on the page too.
        for exercise in exercises:
            if exercise.repeat:
                page.locator(f"{mount(exercise.id)} .tl-entry-actions button").first.click()
        assert page.evaluate(TOO_WIDE) == [], f"{rel} at {width} px"
        for exercise in exercises:
            broken = page.locator(mount(exercise.id)).evaluate(BROKEN_WORDS)
            assert broken == [], f"{exercise.id}: a table heading breaks inside a word"
    # The pages that gather the charts: Mijn voortgang, Mijn werkboek.
    for rel in ("book/mijn-voortgang.html", "book/mijn-werkboek.html"):
        visit.goto(rel)
        visit.page.locator(".tl-figure").first.wait_for()
        assert visit.page.evaluate(TOO_WIDE) == [], f"{rel} at {width} px"
    assert visit.failures == []


# The exercises with a slider and a chart of what the sliders say.
CHARTED = [
    e.id for e in DATA.exercises.values() if e.overview and any(f.kind == "scale" for f in e.fields)
]


def drag(page, slider) -> list[dict]:
    """Drag ``slider`` with the mouse from its left end to its right end, the way a finger
    does; where it is on the screen before and at every step."""
    box = slider.bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 4, y)
    page.mouse.down()
    boxes = [box]
    for step in range(1, 9):
        page.mouse.move(box["x"] + box["width"] * step / 8, y)
        boxes.append(slider.bounding_box())
    page.mouse.up()
    return boxes


@pytest.mark.parametrize("exercise_id", CHARTED)
def test_a_slider_stays_under_the_finger_while_a_chart_grows(html, site, profile, exercise_id):
    exercise = DATA.exercise(exercise_id)
    visit = Visit(profile, site, page_of(html, exercise_id), {"width": PHONE, "height": 740})
    if exercise.repeat:  # with answers saved, the chart is there and grows with a new one
        store(visit, {exercise_id: saved(exercise)})
        visit.page.reload()
    visit.ready()
    page = visit.page
    box = page.locator(mount(exercise_id))
    if exercise.repeat:  # a new one, its sliders first: nothing above the form may grow
        box.locator(".tl-list-slot > .tl-button").click()
    form_width = box.locator(".tl-form").bounding_box()["width"]
    charts = box.locator(".tl-overview")
    before = charts.count() and charts.first.bounding_box()["height"]
    for field in (f for f in exercise.fields if f.kind == "scale"):
        slider = box.locator(f"input[type=range][id$='-{field.id}']")
        slider.scroll_into_view_if_needed()
        boxes = drag(page, slider)
        assert {(b["x"], b["y"]) for b in boxes} == {(boxes[0]["x"], boxes[0]["y"])}, field.id
        assert boxes[0]["width"] == pytest.approx(form_width, abs=1), "the form's full width"
        assert boxes[0]["height"] >= 44, "large enough to touch"
        shown = box.locator(f"[id$='-{field.id}-value']").inner_text()
        assert slider.get_attribute("aria-valuetext") == shown, "the value, said and shown"
    # Charts are drawn again once the learner pauses: wait for that, however busy the machine.
    page.wait_for_function(
        """([selector, before]) => {
          const chart = document.querySelector(selector);
          return chart !== null && chart.getBoundingClientRect().height > before;
        }""",
        arg=[f"{mount(exercise_id)} .tl-overview", before or 0],
        timeout=5000,
    )


@pytest.mark.parametrize("width", [PHONE, LAPTOP])
def test_chart_text_is_large_enough_to_read(html, site, profile, width):
    drawn = [e for e in DATA.exercises.values() if e.overview and e.overview["kind"] != "tally"]
    visit = Visit(profile, site, page_of(html, drawn[0].id), {"width": width, "height": 800})
    store(visit, {e.id: saved(e) for e in drawn} | {"steunkaart": support_map(8)})
    for exercise in drawn:
        visit.goto(page_of(html, exercise.id))
        visit.ready()
        figures = visit.page.locator(f"{mount(exercise.id)} .tl-figure")
        assert figures.count(), f"{exercise.id} draws its answers"
        for i in range(figures.count()):
            small = [(t, round(s, 1)) for t, s in figures.nth(i).evaluate(TEXT_SIZES) if s < 12]
            assert small == [], f"{exercise.id} at {width} px"


def overlaps(a: dict, b: dict) -> bool:
    return not (
        a["right"] <= b["left"]
        or b["right"] <= a["left"]
        or a["bottom"] <= b["top"]
        or b["bottom"] <= a["top"]
    )


LABELS = """svg => [...svg.querySelectorAll(".tl-person-chip")].map((chip) => {
  const r = chip.getBoundingClientRect();
  return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
})"""
TEXTS = """svg => [...svg.querySelectorAll("text.tl-person")].map((t) => {
  const r = t.getBoundingClientRect();
  return { text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
})"""


@pytest.mark.parametrize("inner", [4, 8, 15])
@pytest.mark.parametrize("width", [PHONE, LAPTOP])
def test_a_full_support_map_has_no_names_over_each_other(html, site, profile, inner, width):
    rel = page_of(html, SUPPORT_MAP)
    visit = Visit(profile, site, rel, {"width": width, "height": 900})
    people = support_map(inner, others=6)
    store(visit, {SUPPORT_MAP: people})
    visit.page.reload()
    visit.ready()
    figure = visit.page.locator(f"{mount(SUPPORT_MAP)} .tl-figure-map")
    svg = figure.locator("svg")
    chips, texts = svg.evaluate(LABELS), svg.evaluate(TEXTS)
    assert len(chips) == inner + 6, "everyone is on the map"
    for i, a in enumerate(chips):
        for b in chips[i + 1 :]:
            assert not overlaps(a, b), "two names on the map overlap"
    for text in texts:  # the rendered text stays inside its own label
        assert any(
            c["left"] <= text["left"] + 0.5
            and text["right"] <= c["right"] + 0.5
            and c["top"] <= text["top"] + 0.5
            and text["bottom"] <= c["bottom"] + 0.5
            for c in chips
        ), f"{text['text']!r} sticks out of its label"
    # Whoever is a number on the map is named in the key under it.
    on_map = " ".join(t["text"] for t in texts)
    key = figure.locator(".tl-map-key li").all_inner_texts()
    for entry in people:
        name = entry["answers"]["naam"]
        named = any(re.sub(r"^\d+\s*", "", line) == name for line in key)
        assert named or all(word in on_map for word in re.split(r"[ ]", name)), name


def luminance(rgb: str) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (float(x) for x in re.findall(r"[\d.]+", rgb)[:3])
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


COLOURS = """svg => ({
  name: getComputedStyle(svg.querySelector("text.tl-person")).fill,
  label: getComputedStyle(svg.querySelector(".tl-person-chip")).fill,
  me: getComputedStyle(svg.querySelector(".tl-me-label")).fill,
  middle: getComputedStyle(svg.querySelector(".tl-me")).fill,
  page: getComputedStyle(document.body).backgroundColor,
})"""


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_the_support_map_reads_in_dark_and_light_mode(html, site, profile, scheme):
    rel = page_of(html, SUPPORT_MAP)
    visit = Visit(profile, site, rel, {"width": PHONE, "height": 900})
    page = visit.page
    store(visit, {SUPPORT_MAP: support_map(4)})
    page.emulate_media(color_scheme=scheme)
    try:
        page.reload()
        visit.ready()
        assert page.evaluate("document.documentElement.dataset.theme") in (scheme, None)
        colours = page.locator(f"{mount(SUPPORT_MAP)} svg").evaluate(COLOURS)
        assert contrast(colours["name"], colours["label"]) >= 4.5, colours
        assert contrast(colours["me"], colours["middle"]) >= 4.5, colours
        dark = luminance(colours["page"]) < 0.2
        assert dark == (scheme == "dark"), "the map follows the page's mode"
    finally:
        page.emulate_media(color_scheme="light")


def test_a_tap_on_a_waiting_slider_chooses_its_middle(html, site, profile):
    """The thumb of an unanswered slider waits in the middle: tapping it there is a choice
    too, so the middle value can be given without sliding away and back."""
    exercise = next(e for e in DATA.exercises.values() if not e.repeat and any(
        f.kind == "scale" for f in e.fields
    ))  # fmt: skip
    field = next(f for f in exercise.fields if f.kind == "scale")
    visit = Visit(profile, site, page_of(html, exercise.id), {"width": PHONE, "height": 740})
    visit.ready()
    page = visit.page
    slider = page.locator(f"{mount(exercise.id)} input[type=range][id$='-{field.id}']")
    slider.scroll_into_view_if_needed()
    unset = slider.get_attribute("aria-valuetext")
    box = slider.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    middle = round((field.min + field.max) / 2)
    assert slider.get_attribute("aria-valuetext") != unset
    assert slider.input_value() == str(middle)
    page.wait_for_function(
        "([key, field, value]) => JSON.parse(localStorage.getItem(key) || '{\"entries\":[]}')"
        ".entries.some((e) => e.answers[field] === value)",
        arg=[f"toelaten:v1:{exercise.id}", field.id, middle],
    )
