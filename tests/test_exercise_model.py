"""Exercise definitions and answer validation: what a learner may and may not save."""

from pathlib import Path

import pytest

from samples.answers import entry
from toelaten import DataError
from toelaten.coursedata import CourseData
from toelaten.exercises import AnswerError
from toelaten.exercises.catalogue import read_catalogue, read_exercise

DATA = CourseData()

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    "' OR 1=1; --",
    "😀🙏🏽 ik vraag het gewoon",
    "אני צריך עזרה — مرحبا بالعالم",
    "regel één\nregel twee\r\n\tmet tab",
]


@pytest.fixture
def audit():
    return DATA.exercise("wiens-stem")


def test_the_flagship_has_every_field_of_the_brief(audit):
    kinds = {f.id: f.kind for f in audit.fields}
    assert kinds == {
        "zin": "text",
        "waar_voor": "scale",
        "stem": "choice",
        "eerst_gehoord": "text",
        "beschermt": "longtext",
        "vriend": "longtext",
        "nieuwe_zin": "text",
        "waar_na": "scale",
        "nieuw_waar": "scale",
        "kleine_vraag": "text",
    }
    assert [o.id for o in audit.field("stem").options] == [
        "ouder",
        "leraar",
        "norm",
        "ervaring",
        "zelf",
        "weet-niet",
    ]
    for scale in ("waar_voor", "waar_na", "nieuw_waar"):
        assert (audit.field(scale).min, audit.field(scale).max) == (0, 100)
    assert audit.repeat
    assert audit.day == "dag-2"


def test_empty_answers_are_allowed_and_stored_as_nothing(audit):
    cleaned = audit.clean_entries([entry(zin="", waar_voor=None)])
    assert cleaned[0]["answers"] == {}
    assert audit.clean_entries([]) == []


@pytest.mark.parametrize("value", [-1, 101, 1000, -100])
def test_a_rating_outside_the_scale_is_refused_in_dutch(audit, value):
    with pytest.raises(AnswerError, match="kies een getal van 0 tot 100"):
        audit.clean_entries([entry(waar_voor=value)])


@pytest.mark.parametrize("value", ["80", 80.5, True, [80]])
def test_a_rating_that_is_not_a_whole_number_is_refused(audit, value):
    with pytest.raises(AnswerError, match="getal"):
        audit.clean_entries([entry(waar_voor=value)])


def test_the_ends_of_the_scale_are_fine(audit):
    cleaned = audit.clean_entries([entry(waar_voor=0, waar_na=100)])
    assert cleaned[0]["answers"] == {"waar_voor": 0, "waar_na": 100}


def test_a_100000_character_text_is_refused_with_the_limit(audit):
    with pytest.raises(AnswerError, match=r"100\.000 tekens\. Er passen er 10\.000 in"):
        audit.clean_entries([entry(beschermt="a" * 100_000)])


def test_long_text_up_to_the_limit_is_kept_whole(audit):
    text = "ik " * 3_333
    assert audit.clean_entries([entry(beschermt=text)])[0]["answers"]["beschermt"] == text


@pytest.mark.parametrize("text", HOSTILE)
def test_any_text_is_kept_exactly_as_typed(audit, text):
    """Escaping is the renderer's job: the model keeps what the learner wrote."""
    assert audit.clean_entries([entry(zin=text)])[0]["answers"]["zin"] == text


def test_an_unknown_choice_is_refused(audit):
    with pytest.raises(AnswerError, match="kies een van de antwoorden"):
        audit.clean_entries([entry(stem="buurman")])


@pytest.mark.parametrize(
    "bad",
    [
        "not a list",
        [{"id": "e1"}],
        [{**entry(), "id": "<script>"}],
        [{**entry(), "updated": "gisteren"}],
        [{**entry(), "extra": 1}],
        [entry(), entry()],
    ],
)
def test_malformed_entries_are_refused(audit, bad):
    with pytest.raises(AnswerError):
        audit.clean_entries(bad)


def test_a_question_the_exercise_does_not_have_is_refused(audit):
    with pytest.raises(AnswerError, match="kent de vraag ‘geheim’ niet"):
        audit.clean_entries([entry(geheim="x")])


def test_the_front_end_gets_limits_with_the_definition(audit):
    data = audit.as_json()
    fields = {f["id"]: f for f in data["fields"]}
    assert fields["beschermt"]["maxLength"] == 10_000
    assert fields["waar_voor"]["min"] == 0
    assert fields["waar_voor"]["max"] == 100
    assert data["overview"]["bars"][0]["field"] == "waar_voor"


def test_a_definition_mistake_names_the_file_and_field(tmp_path):
    source = DATA.exercise("wiens-stem")
    path = tmp_path / "wiens-stem.yml"
    text = (
        "id: wiens-stem\nday: dag-2\ntitle: T\nintro: I\nrepeat: false\n"
        "entry: {name: zin, title_field: zin}\n"
        "fields:\n  - {id: zin, kind: scale, label: L, min: 0, max: 10, step: 3, ends: [a, b]}\n"
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=r"wiens-stem\.yml: fields\[0\]\.step: step 3 must divide"):
        read_exercise(path, DATA.course, DATA.strings)
    assert source.field("zin").kind == "text"


def test_a_definition_for_the_wrong_day_is_refused(tmp_path):
    path = tmp_path / "wiens-stem.yml"
    path.write_text(
        "id: wiens-stem\nday: dag-1\ntitle: T\nintro: I\nentry: {name: x, title_field: a}\n"
        "fields:\n  - {id: a, kind: text, label: L}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=r"day: dag-1 in .* does not list 'wiens-stem'"):
        read_exercise(path, DATA.course, DATA.strings)


def test_only_an_exercise_that_takes_over_keeps_where_an_entry_came_from():
    copy = {**entry(naam="Ingrid", kring="dichtbij"), "origin": "e1"}
    assert DATA.exercise("steunkaart-2").clean_entries([copy]) == [copy]
    with pytest.raises(AnswerError, match="geen geldig nummer"):
        DATA.exercise("steunkaart-2").clean_entries([{**copy, "origin": "geen id!"}])
    with pytest.raises(AnswerError):
        DATA.exercise("steunkaart").clean_entries([copy])


def _map_of_day_5(tmp_path, extra: str) -> Path:
    """steunkaart-2.yml beside a copy of steunkaart.yml, with ``extra`` for its own keys."""
    folder = DATA.exercise_file("steunkaart").parent
    (tmp_path / "steunkaart.yml").write_text(
        (folder / "steunkaart.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    path = tmp_path / "steunkaart-2.yml"
    path.write_text(
        "id: steunkaart-2\nday: dag-5\ntitle: T\nintro: I\nextends: steunkaart\nrepeat: true\n"
        "entry: {name: persoon, add: A, empty: E, title_field: naam}\n" + extra,
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        (
            "related: [steunkaart]\ntake_over: {from: twijfelmoment, label: L, help: H}\n",
            r"take_over\.from: must be the exercise this one extends",
        ),
        (
            "take_over: {from: steunkaart, label: L, help: H}\n",
            r"take_over\.from: must be the exercise this one extends, and one of its `related`",
        ),
        (
            "related: [steunkaart]\nlook_back: {from: twijfelmoment, title: T, fields: [wie],"
            " empty: E, link: L}\n",
            r"look_back\.from: must be one of the exercise's `related`",
        ),
        (
            "related: [steunkaart]\ntake_over: {from: steunkaart, label: L}\n",
            r"take_over\.help",
        ),
    ],
)
def test_a_take_over_or_look_back_mistake_names_the_file_and_field(tmp_path, extra, problem):
    path = _map_of_day_5(tmp_path, extra)
    with pytest.raises(DataError, match=rf"steunkaart-2\.yml: {problem}"):
        read_exercise(path, DATA.course, DATA.strings)


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        ("paper_entries: 12\n", r"paper_entries: expected 1 to 8"),
        ("paper_entries: vijf\n", r"paper_entries: expected a whole number"),
    ],
)
def test_a_paper_entries_mistake_names_the_file_and_field(tmp_path, extra, problem):
    path = _map_of_day_5(tmp_path, extra)
    with pytest.raises(DataError, match=rf"steunkaart-2\.yml: {problem}"):
        read_exercise(path, DATA.course, DATA.strings)


def test_a_choice_among_ticked_options_names_a_multi_question_before_it(tmp_path):
    top = DATA.exercise("acht-redenen")
    assert top.field("reden_1").options == top.field("redenen").options
    path = tmp_path / "acht-redenen.yml"
    path.write_text(
        "id: acht-redenen\nday: dag-1\ntitle: T\nintro: I\nentry: {name: x, title_field: a}\n"
        "fields:\n  - {id: a, kind: text, label: L}\n"
        "  - {id: b, kind: choice, label: L, options_from: a}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=r"fields\[1\]\.options_from: 'a' is not a multi field"):
        read_exercise(path, DATA.course, DATA.strings)


def test_a_look_back_at_a_question_the_other_exercise_lacks_is_refused(tmp_path):
    folder = DATA.exercise_file("wiens-stem").parent
    for source in folder.glob("*.yml"):
        text = source.read_text(encoding="utf-8")
        if source.stem == "wiens-stem":
            text = text.replace("fields: [wanneer, wie,", "fields: [wanneer, hoe_laat,")
        (tmp_path / source.name).write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=r"wiens-stem\.yml: look_back\.fields: .* hoe_laat"):
        read_catalogue(sorted(tmp_path.glob("*.yml")), DATA.course, DATA.strings)


def test_day_2_gets_the_questions_of_the_day_1_log_it_shows():
    look_back = DATA.exercise("wiens-stem").as_json()["look_back"]
    log = DATA.exercise("twijfelmoment")
    assert look_back["from"] == "twijfelmoment"
    assert [f["label"] for f in look_back["fields"]] == [
        log.field(f["id"]).label for f in look_back["fields"]
    ]
    assert look_back["entry"]["title_field"] == log.entry["title_field"]
