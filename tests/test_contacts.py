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
