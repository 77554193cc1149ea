"""The two printed packs: the trainer's (begeleiderspakket: preparation, the invitation,
safety, the draaiboek per day, the group formats, the forms, after the training) and the
participants' (deelnemerspakket: programme, agreements, help card, worksheets, evaluation,
certificate). Each is one PDF with contents and bookmarks, and every sheet also a PDF of
its own.

Everything comes from the data files (schedule, course, group materials, help contacts,
exercises), the guide's own pages and, when the trainer gives one, the run
(``toelaten.run.CourseRun``: dates, each day's hours, who gives it where), so the packs
never disagree with the book.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toelaten.contacts import HelpContacts
from toelaten.coursedata import CourseData
from toelaten.handouts import render, worksheet_sheet, write_pdfs
from toelaten.handouts.draaiboek import day_sheets
from toelaten.handouts.forms import (
    attendance_sheet,
    certificate_sheet,
    form_sheet,
    intake_sheet,
    observer_sheets,
)
from toelaten.handouts.invitation import PAGE as INVITATION
from toelaten.handouts.invitation import invitation_sheet
from toelaten.handouts.kit import (  # re-exported for the callers of the packs
    GUIDE,
    PARTICIPANT,
    TRAINER,
    cover,
    guide_sheet,
    materials_sheet,
    run_dates,
)
from toelaten.strings import Strings

if TYPE_CHECKING:
    from toelaten.run import CourseRun

__all__ = ["GUIDE", "PARTICIPANT", "TRAINER", "build_packs", "write_packs"]


@dataclass(frozen=True)
class Handout:
    """One PDF of the pack, in the part of the pack it belongs to."""

    filename: str
    part: str
    sheet: dict[str, Any]


def _help_card_sheet(
    contacts: HelpContacts, subtitle: str, strings: Strings, *, cards: bool
) -> dict[str, Any]:
    """The help lines of every country: with ``cards`` (the trainer's) a page of cards to
    cut out per country, else (the participant's) one page to keep, with one card."""
    countries = [
        {
            "name": country.name,
            "emergency": country.emergency,
            "contacts": [{"name": c.name, "line": c.reach(strings)} for c in country.contacts],
        }
        for country in contacts.countries
    ]
    return {
        "kind": "help-card",
        "title": strings("pdf.pack.help_card") if cards else strings("help.title"),
        "subtitle": subtitle,
        "help_card": {
            "intro": strings("pdf.pack.help_card_intro")
            if cards
            else strings("pdf.pack.help_page_intro"),
            "countries": countries,
            "cards": 8 if cards else 1,
        },
    }


def _agreements_sheet(data: CourseData, subtitle: str) -> dict[str, Any]:
    group = data.group
    return {
        "kind": "agreements",
        "title": group.agreements_title,
        "subtitle": subtitle,
        "agreements": {
            "intro": group.agreements_intro,
            "items": [{"title": a.title, "text": a.text} for a in group.agreements],
        },
    }


#: The guide's pages in the trainer pack, by part (pdf.trainer.*).
PREPARE = ("voorbereiden", "uitnodiging")
SAFETY = ("als-het-zwaar-wordt", "groepsafspraken")
FORMATS = (
    "drietallen",
    "oefenen-in-tweetallen",
    "rollenspel-helpersrollen",
    "vraag-en-aanbodkring",
)
SETTINGS = ("online", "voor-teams", "evaluatie", "na-de-training")


def printed_guide_pages(
    data: CourseData, run: CourseRun | None, guide: Path = GUIDE
) -> dict[str, str | None]:
    """The guide's pages the trainer pack prints, each with the title it carries there
    (``None``: its own). With a run, the invitation is only its letter filled in from the
    run (``De uitnodiging, ingevuld``), in place of the page with the sample letter."""
    pages = (*PREPARE, *SAFETY, *FORMATS, *SETTINGS)
    printed: dict[str, str | None] = {p: None for p in pages if (guide / f"{p}.md").is_file()}
    if run is not None and INVITATION in printed:
        printed[INVITATION] = data.strings("pdf.forms.invitation")
    return printed


def _variant(data: CourseData, variant: str, run: CourseRun | None) -> str:
    """The run's variant, else the one asked for; an unknown one is a ValueError."""
    chosen = run.variant if run is not None else variant
    if chosen not in data.schedule.variants:
        known = ", ".join(data.schedule.variants)
        raise ValueError(f"unknown variant {chosen!r} (known: {known})")
    return chosen


def trainer_handouts(
    data: CourseData, variant: str = "dag", *, run: CourseRun | None = None, guide: Path = GUIDE
) -> list[Handout]:
    """The trainer pack in its order: preparing (the guide's page, the invitation letter and
    the letter filled in from the run, materials per day, the intake form, the attendance
    list, the help cards to cut out), safety, per day the draaiboek and that day's kijkblad,
    the last day's evaluation form and certificate, the group formats, then online, teams,
    the evaluation and what comes after the training."""
    course, strings = data.course, data.strings
    variant = _variant(data, variant, run)
    subtitle = course.full_title

    printed = printed_guide_pages(data, run, guide)

    def guide_pages(pages: tuple[str, ...], part: str) -> list[Handout]:
        """The pages a book has (a small edition may leave the guide out)."""
        return [
            Handout(f"gids-{p}.pdf", part, guide_sheet(data, guide, p, subtitle, printed))
            for p in pages
            if p in printed and printed[p] is None
        ]

    prepare = strings("pdf.trainer.prepare")
    group = data.group
    out = [
        *guide_pages(PREPARE, prepare),
        *(
            [
                Handout(
                    "uitnodiging.pdf",
                    prepare,
                    invitation_sheet(data, variant, run, guide, subtitle),
                )
            ]
            if run is not None and printed.get(INVITATION)
            else []
        ),
        Handout("materialen.pdf", prepare, materials_sheet(data, variant, run, subtitle)),
        Handout("kennismakingsformulier.pdf", prepare, intake_sheet(data, run, subtitle)),
        Handout("presentielijst.pdf", prepare, attendance_sheet(data, run, subtitle)),
        Handout(
            "hulpkaartjes.pdf",
            prepare,
            _help_card_sheet(_contacts(data, run), subtitle, strings, cards=True),
        ),
        *guide_pages(SAFETY, strings("pdf.trainer.safety")),
    ]
    observer = observer_sheets(data, subtitle)
    for day, when in zip(course.days, run_dates(data, run), strict=True):
        run_sheet, _ = day_sheets(data, day, variant, when, subtitle, run, guide.parent)
        heading = day.heading(strings)
        out.append(Handout(f"draaiboek-{day.id}.pdf", heading, run_sheet))
        if day.id in observer:
            out.append(Handout(f"kijkblad-{day.id}.pdf", heading, observer[day.id]))
    last_day = strings("pdf.trainer.last_day")
    out += [
        Handout(
            "evaluatieformulier.pdf", last_day, form_sheet(data, group.forms["evaluatie"], subtitle)
        ),
        Handout("certificaat.pdf", last_day, certificate_sheet(data, variant, run, subtitle)),
    ]
    out += guide_pages(FORMATS, strings("pdf.trainer.formats"))
    out += guide_pages(SETTINGS, strings("pdf.trainer.settings"))
    return out


def _contacts(data: CourseData, run: CourseRun | None) -> HelpContacts:
    """The help lines, the run's country first (a Belgian run: Flanders first)."""
    return data.contacts.first(run.country if run is not None else None)


def participant_handouts(
    data: CourseData,
    variant: str = "dag",
    *,
    run: CourseRun | None = None,
    examples: bool = True,
) -> list[Handout]:
    """The participant pack: agreements and where to find help, per day the programme and
    the worksheets (without ``examples``: without their worked example), then the
    evaluation form. The certificate is a loose sheet of the trainer's, handed out on the
    last day."""
    course, strings, exercises = data.course, data.strings, data.exercises
    variant = _variant(data, variant, run)
    subtitle = course.full_title
    general = strings("pdf.pack.general")
    out = [
        Handout("groepsafspraken.pdf", general, _agreements_sheet(data, subtitle)),
        Handout(
            "hulp.pdf",
            general,
            _help_card_sheet(_contacts(data, run), subtitle, strings, cards=False),
        ),
    ]
    for day, when in zip(course.days, run_dates(data, run), strict=True):
        _, programme = day_sheets(data, day, variant, when, subtitle, run)
        heading = day.heading(strings)
        out.append(Handout(f"programma-{day.id}.pdf", heading, programme))
        for exercise_id in day.exercises:
            sheet = worksheet_sheet(data, exercises[exercise_id])
            if not examples:
                sheet["example"] = None
            out.append(Handout(f"werkblad-{exercise_id}.pdf", heading, sheet))
    closing = strings("pdf.participant.closing")
    evaluation = form_sheet(data, data.group.forms["evaluatie"], subtitle)
    out.append(Handout("evaluatieformulier.pdf", closing, evaluation))
    return out


def pack_pdf(
    data: CourseData,
    handouts: list[Handout],
    front: dict[str, Any],
    country: str | None = None,
) -> bytes:
    sheets, part = [], None
    for handout in handouts:
        sheet = dict(handout.sheet)
        if handout.part != part:
            sheet["part"] = part = handout.part
        sheets.append(sheet)
    return render(data, sheets, front["title"], pack=front, footer=front["footer"], country=country)


def build_packs(
    data: CourseData,
    variant: str = "dag",
    *,
    run: CourseRun | None = None,
    guide: Path = GUIDE,
    loose: bool = True,
    examples: bool = True,
) -> dict[str, bytes]:
    """Both packs, and with ``loose`` every sheet on its own, as ``{relative path: PDF}``.
    A trainer's ``run`` (``toelaten.run.load_run``, or ``CourseRun.starting`` from --start)
    gives the variant, the dates, each day's hours, who gives it where and whose help lines
    come first; without ``examples`` the participant's worksheets leave out the worked
    examples (a thinner pack to print)."""
    variant = _variant(data, variant, run)
    country = run.country if run is not None else None
    pdfs: dict[str, bytes] = {}
    for which, handouts in (
        (TRAINER, trainer_handouts(data, variant, run=run, guide=guide)),
        (PARTICIPANT, participant_handouts(data, variant, run=run, examples=examples)),
    ):
        front = cover(data, variant, run, which, loose=loose)
        if loose:
            for h in handouts:
                pdfs[f"{which}/{h.filename}"] = render(
                    data, [h.sheet], h.sheet["title"], footer=front["footer"], country=country
                )
        pdfs[f"{which}.pdf"] = pack_pdf(data, handouts, front, country)
    return pdfs


def write_packs(
    data: CourseData,
    out_dir: Path,
    variant: str = "dag",
    *,
    run: CourseRun | None = None,
    guide: Path = GUIDE,
    examples: bool = True,
) -> list[Path]:
    """Both packs in ``out_dir``, each sheet also loose in a folder named after its pack;
    everything is made before anything is written."""
    return write_pdfs(out_dir, build_packs(data, variant, run=run, guide=guide, examples=examples))
