"""The help-contacts file: well formed, and a mistake in it is named precisely."""

import re

import pytest

from toelaten import DataError
from toelaten.contacts import load_help_contacts
from toelaten.coursedata import CourseData

DATA = CourseData()

MINIMAL = """
checked: "2026-11"
countries:
  - code: NL
    name: Nederland
    emergency: "112"
    contacts:
      - name: Hulplijn
        for: Voor iedereen.
        phones:
          - number: "0800-0113"
        primary: true
"""


def write(tmp_path, text):
    path = tmp_path / "help.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_contact_is_well_formed():
    contacts = DATA.contacts
    assert {c.code for c in contacts.countries} == {"NL", "BE-VLG"}
    for country in contacts.countries:
        assert country.name
        assert country.emergency == "112"
        assert country.primary.phones, country.code
        for contact in country.contacts:
            assert contact.name and contact.for_whom
            for phone in contact.phones:
                assert re.fullmatch(r"tel:[0-9]{3,}", phone.tel), phone


def test_the_checked_numbers_are_the_ones_in_the_file():
    """The numbers from the checked facts in ../shared/sources/README.md (2026-11)."""
    contacts = DATA.contacts
    numbers = {
        c.code: {p.number for contact in c.contacts for p in contact.phones}
        for c in contacts.countries
    }
    assert {"113", "0800-0113", "088 0767 000"} <= numbers["NL"]
    assert {"1813", "106"} <= numbers["BE-VLG"]
    by_name = {c.name: c for country in contacts.countries for c in country.contacts}
    assert by_name["113 Zelfmoordpreventie"].chat == "113.nl"
    assert by_name["Zelfmoordlijn 1813"].chat == "zelfmoord1813.be"


def test_the_help_line_names_both_regions_and_the_emergency_number():
    line = DATA.contacts.help_line(DATA.strings)
    assert "113" in line and "0800-0113" in line and "1813" in line and "112" in line


def test_a_phone_link_dials_digits_only(tmp_path):
    contacts = load_help_contacts(write(tmp_path, MINIMAL))
    assert contacts.countries[0].primary.phones[0].tel == "tel:08000113"


@pytest.mark.parametrize(
    ("old", "new", "field", "problem"),
    [
        (
            '"0800-0113"',
            '"0800 - 0113"',
            "countries[0].contacts[0].phones[0].number",
            "not a phone number",
        ),
        (
            '"0800-0113"',
            '"bel ons"',
            "countries[0].contacts[0].phones[0].number",
            "not a phone number",
        ),
        ('"0800-0113"', '"11"', "countries[0].contacts[0].phones[0].number", "too short"),
        ("name: Hulplijn", "name: ''", "countries[0].contacts[0].name", "non-empty text"),
        ("code: NL", "code: Nederland", "countries[0].code", "expected a code"),
        ("primary: true", "primary: false", "countries[0].contacts", "exactly one contact"),
        ("primary: true", "primary: ja", "countries[0].contacts[0].primary", "true or false"),
        ('checked: "2026-11"', "checked: november", "checked", "YYYY-MM"),
        (
            "        primary: true",
            "        primary: true\n        chat: https://113.nl",
            "countries[0].contacts[0].chat",
            "bare web address",
        ),
    ],
)
def test_a_mistake_names_the_file_and_the_field(tmp_path, old, new, field, problem):
    assert old in MINIMAL
    path = write(tmp_path, MINIMAL.replace(old, new))
    with pytest.raises(DataError) as err:
        load_help_contacts(path)
    assert str(err.value).startswith(f"{path}: {field}: "), str(err.value)
    assert problem in str(err.value)


def test_a_region_listed_twice_is_refused(tmp_path):
    doubled = MINIMAL + MINIMAL.split("countries:\n", 1)[1]
    with pytest.raises(DataError, match="listed twice"):
        load_help_contacts(write(tmp_path, doubled))


def test_a_line_open_day_and_night_says_so_wherever_its_number_is_shown():
    from toelaten.coursedata import CourseData

    data = CourseData()
    strings, contacts = data.strings, data.contacts
    around_the_clock = [
        c for country in contacts.countries for c in country.contacts if c.hours == "dag en nacht"
    ]
    names = {c.name for c in around_the_clock}
    open_lines = {"113 Zelfmoordpreventie", "Zelfmoordlijn 1813", "Tele-Onthaal", "De Luisterlijn"}
    assert open_lines <= names
    for contact in around_the_clock:
        assert contact.reach(strings).startswith(f"bel {contact.numbers(strings)}, dag en nacht")
    # The line on every PDF page and the help box name the first line of each country with it.
    for country in contacts.countries:
        primary = country.primary
        call = strings("help.call", numbers=" of ".join(p.number for p in primary.phones))
        assert f"{primary.name}, {call}, dag en nacht" in contacts.help_numbers(strings)


def test_flanders_has_a_first_stop_and_a_gp_route_as_the_netherlands_has():
    # Joris (Gent) says "Eerst mijn huisarts": the Flemish card must give that road too.
    flanders = next(c for c in DATA.contacts.countries if c.code == "BE-VLG")
    names = " ".join(c.name for c in flanders.contacts).lower()
    numbers = {p.number for c in flanders.contacts for p in c.phones}
    assert "huisarts" in names and "1733" in numbers  # huisarts van wacht, nights and weekends
    assert "caw" in names


def test_the_advice_lines_for_disclosures_live_here_and_only_in_the_guide():
    """Veilig Thuis and 1712 come from this file (the guide's `{hulplijnen} advies`); the
    learners' help lines per country do not list them."""
    advice = {a.contact.name: a for a in DATA.contacts.advice}
    assert {"Veilig Thuis", "1712"} <= set(advice)
    assert advice["Veilig Thuis"].country == "NL" and advice["1712"].country == "BE-VLG"
    assert [p.number for p in advice["Veilig Thuis"].contact.phones] == ["0800-2000"]
    learners = {c.name for country in DATA.contacts.countries for c in country.contacts}
    assert not learners & set(advice)


def test_no_page_types_a_number_the_help_file_holds_for_it():
    """A guide page or the group file names an advice line; its number comes from the data."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    numbers = [p.number for a in DATA.contacts.advice for p in a.contact.phones]
    texts = {p: p.read_text(encoding="utf-8") for p in (root / "facilitator-guide").glob("*.md")}
    texts[root / "src/toelaten/data/group.yml"] = (root / "src/toelaten/data/group.yml").read_text(
        encoding="utf-8"
    )
    for path, text in texts.items():
        for number in numbers:
            if len(number) > 4:  # "1712" is also the line's name
                assert number not in text, (path.name, number)


def test_a_chat_with_its_own_hours_says_them(tmp_path):
    text = MINIMAL.replace(
        "        primary: true",
        "        primary: true\n        chat: 113.nl\n        chat_hours: elke avond",
    )
    contacts = load_help_contacts(write(tmp_path, text))
    reach = contacts.countries[0].primary.reach(DATA.strings)
    assert reach.endswith("chat 113.nl, elke avond")
    # The Flemish chat is not open day and night, as its phone line is.
    flanders = next(c for c in DATA.contacts.countries if c.code == "BE-VLG").primary
    assert flanders.chat_hours and flanders.chat_hours != flanders.hours


@pytest.mark.parametrize(
    ("addition", "field", "problem"),
    [
        ("        chat_hours: elke avond", "countries[0].contacts[0].chat_hours", "needs a chat"),
        (
            "advice:\n  - country: BE\n    name: X\n    for: Y.\n"
            '    phones:\n      - number: "1712"',
            "advice[0].country",
            "expected one of the countries",
        ),
        (
            "advice:\n  - country: NL\n    name: X\n    for: Y.\n    phones: []",
            "advice[0].phones",
            "needs a phone number",
        ),
    ],
)
def test_a_mistake_in_the_new_fields_names_the_field(tmp_path, addition, field, problem):
    text = (
        MINIMAL + addition + "\n"
        if addition.startswith("advice")
        else MINIMAL.replace("        primary: true", "        primary: true\n" + addition)
    )
    path = write(tmp_path, text)
    with pytest.raises(DataError) as err:
        load_help_contacts(path)
    assert str(err.value).startswith(f"{path}: {field}: "), str(err.value)
    assert problem in str(err.value)
