"""Where to get help right now, read from ``data/help-contacts.yml``.

The help page, the link on every page and the handouts' footer all read this one file,
so a number that changes is changed once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from toelaten._fields import Fields, read_yaml

if TYPE_CHECKING:
    from toelaten.strings import Strings

PHONE = re.compile(r"^[0-9](?:[0-9]|[ -](?=[0-9]))*$")
COUNTRY_CODE = re.compile(r"^[A-Z]{2}(?:-[A-Z]{2,3})?$")
WEB_ADDRESS = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$")
CHECKED = re.compile(r"^20[0-9]{2}-(?:0[1-9]|1[0-2])$")
#: ``{hulplijnen} advies``: the advice lines for a trainer, not a region.
ADVICE = "advies"


@dataclass(frozen=True)
class Phone:
    number: str
    note: str | None = None

    @property
    def tel(self) -> str:
        """The number as a ``tel:`` link dials it: digits only."""
        return "tel:" + re.sub(r"[^0-9]", "", self.number)


@dataclass(frozen=True)
class Contact:
    name: str
    for_whom: str
    phones: tuple[Phone, ...]
    chat: str | None
    hours: str | None
    primary: bool
    #: When the chat answers, if not when the phone does ("elke dag 's avonds").
    chat_hours: str | None = None

    @property
    def chat_url(self) -> str | None:
        return f"https://{self.chat}" if self.chat else None

    def numbers(self, strings: Strings) -> str:
        """Its numbers as text: '113 of 0800-0113 (gratis)'; empty without a phone."""
        numbers = (p.number + (f" ({p.note})" if p.note else "") for p in self.phones)
        return f" {strings('help.or')} ".join(numbers)

    def reach(self, strings: Strings) -> str:
        """How to reach them on paper: 'bel 113 of 0800-0113 (gratis) · chat 113.nl'."""
        parts = []
        if self.phones:
            call = strings("help.call", numbers=self.numbers(strings))
            parts.append(call + (f", {self.hours}" if self.hours else ""))
        if self.chat:
            chat = strings("help.chat", chat=self.chat)
            parts.append(chat + (f", {self.chat_hours}" if self.chat_hours else ""))
        return " · ".join(parts)


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    emergency: str
    contacts: tuple[Contact, ...]

    @property
    def primary(self) -> Contact:
        return next(c for c in self.contacts if c.primary)


@dataclass(frozen=True)
class Advice:
    """A line for advice when someone tells of violence or abuse: for the trainer, shown in
    the guide (``{hulplijnen} advies``), never on the learners' help page or card."""

    country: str
    contact: Contact


@dataclass(frozen=True)
class HelpContacts:
    checked: str
    countries: tuple[Country, ...]
    source: Path
    advice: tuple[Advice, ...] = ()

    def help_numbers(self, strings: Strings) -> str:
        """The primary numbers per country, with their hours, and the emergency number:
        'Nederland: 113 Zelfmoordpreventie, bel 113 of 0800-0113, dag en nacht; …. Bij
        nood: 112.'"""
        places = []
        for country in self.countries:
            primary = country.primary
            numbers = f" {strings('help.or')} ".join(p.number for p in primary.phones)
            call = strings("help.call", numbers=numbers)
            call += f", {primary.hours}" if primary.hours else ""
            places.append(f"{country.name}: {primary.name}, {call}")
        emergency = " / ".join(sorted({c.emergency for c in self.countries}))
        return strings("help.numbers", places="; ".join(places), emergency=emergency)

    def first(self, country: str | None) -> HelpContacts:
        """The same contacts with the run's country first (``BE``: Flanders, ``BE-VLG``);
        the others keep their order. ``None`` or an unknown code: as listed."""
        if not country:
            return self
        here = [c for c in self.countries if c.code.split("-")[0] == country.upper()]
        rest = [c for c in self.countries if c not in here]
        return replace(self, countries=(*here, *rest))

    def help_line(self, strings: Strings) -> str:
        """One line for a footer: 'Als het even niet gaat – ' and the help numbers."""
        return strings("help.line", title=strings("help.title"), numbers=self.help_numbers(strings))


def _phone(item: Fields) -> Phone:
    number = item.text("number")
    if not PHONE.match(number):
        item.fail(f"not a phone number (digits, single spaces or dashes): {number!r}", "number")
    if len(re.sub(r"[^0-9]", "", number)) < 3:
        item.fail(f"too short for a phone number: {number!r}", "number")
    phone = Phone(number=number, note=item.text("note", optional=True))
    item.done()
    return phone


def _contact(item: Fields) -> Contact:
    chat = item.text("chat", optional=True)
    if chat is not None and not WEB_ADDRESS.match(chat):
        item.fail(f"expected a bare web address like '113.nl', found {chat!r}", "chat")
    chat_hours = item.text("chat_hours", optional=True)
    if chat_hours is not None and chat is None:
        item.fail("chat_hours needs a chat", "chat_hours")
    contact = Contact(
        name=item.text("name"),
        for_whom=item.text("for"),
        phones=tuple(_phone(p) for p in item.items("phones", allow_empty=True)),
        chat=chat,
        hours=item.text("hours", optional=True),
        primary=item.flag("primary"),
        chat_hours=chat_hours,
    )
    item.done()
    return contact


def _country(item: Fields) -> Country:
    code = item.text("code")
    if not COUNTRY_CODE.match(code):
        item.fail(f"expected a code like 'NL' or 'BE-VLG', found {code!r}", "code")
    emergency = item.text("emergency")
    if not PHONE.match(emergency):
        item.fail(f"not a phone number: {emergency!r}", "emergency")
    contacts = tuple(_contact(c) for c in item.items("contacts"))
    primaries = [c for c in contacts if c.primary]
    if len(primaries) != 1:
        item.fail(
            f"exactly one contact must be 'primary: true', found {len(primaries)}", "contacts"
        )
    if not primaries[0].phones:
        item.fail("the primary contact needs a phone number", "contacts")
    country = Country(code=code, name=item.text("name"), emergency=emergency, contacts=contacts)
    item.done()
    return country


def load_help_contacts(path: Path | str) -> HelpContacts:
    path = Path(path)
    top = read_yaml(path)
    checked = top.text("checked")
    if not CHECKED.match(checked):
        top.fail(f"expected the month of the last check as 'YYYY-MM', found {checked!r}", "checked")
    countries = tuple(_country(c) for c in top.items("countries"))
    codes = [c.code for c in countries]
    if len(set(codes)) != len(codes):
        top.fail(f"a country is listed twice: {codes}", "countries")
    advice = tuple(_advice(a, codes) for a in top.items("advice", allow_empty=True))
    top.done()
    return HelpContacts(checked=checked, countries=countries, source=path, advice=advice)


def _advice(item: Fields, codes: list[str]) -> Advice:
    country = item.text("country")
    if country not in codes:
        item.fail(f"expected one of the countries {codes}, found {country!r}", "country")
    contact = _contact(item)
    if not contact.phones:
        item.fail("an advice line needs a phone number", "phones")
    return Advice(country=country, contact=contact)
