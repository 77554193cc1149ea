"""Answers as a learner would save them, with the long Dutch words and names that make a
narrow screen hard: for the phone tests (test_exercise_phone.py) and screenshots.

Every exercise gets answers built from its definition; the ones with a picture get the
titles, names and outcomes that make that picture full (three experiments with a yes, a
no and a half yes; a support map with people in every circle).
"""

from __future__ import annotations

TEXT = "Mijn schoonzus vroeg of ik haar wilde helpen met de verhuisdozen naar de zolderverdieping"
LONGTEXT = (
    "Ik merkte dat ik het eigenlijk heel vanzelfsprekend vond om haar te helpen. "
    "Toen ik het zelf moest vragen, voelde het als een onoverkomelijke verantwoordelijkheid. "
    "Misschien ben ik strenger voor mezelf dan voor mijn vriendinnen en familieleden."
)

#: People on a support map: long names and descriptions, as the help text suggests.
PEOPLE = [
    "Moeder",
    "Buurvrouw Els van hiernaast",
    "Mijn teamleider Annemarieke",
    "Jan",
    "Schoonzus Wilhelmina",
    "Opa Hendrik",
    "Vriendin van de volleybalvereniging",
    "Huisarts dokter Verstraeten",
    "Fatima",
    "Collega Bart-Jan",
    "Ex-collega Josefien",
    "Broer",
    "Nichtje Anne-Sophie",
    "Oom Karel uit Gent",
    "Mentor Mohammed",
    "Sportschoolmaatje Kees",
]

TITLES = {
    "experiment": [
        "Kun je mij zaterdag naar het ziekenhuis brengen?",
        "Wil je mijn verhuisdozen helpen dragen?",
        "Mag ik je iets vragen over mijn belastingaangifte?",
    ],
    "vraagladder": [
        "Wil je de deur openhouden?",
        "Kun je mij morgen een lift geven naar het station?",
        "Wil je een avond naar mijn verdriet over mijn vader luisteren?",
    ],
    "wiens-stem": ["Ik moet het zelf kunnen.", "Anderen hebben het ook druk."],
    "geefbalans": [
        "Boodschappen voor de buurvrouw gedaan tijdens haar ziekenhuisopname",
        "Elke zondag de verjaardagsvoorbereidingen van de familie geregeld",
    ],
}


def _value(field, n: int):
    if field.kind == "text":
        return TEXT
    if field.kind == "longtext":
        return LONGTEXT
    if field.kind == "scale":
        steps = (field.max - field.min) // field.step + 1
        return field.min + ((n * 3 + 2) % steps) * field.step
    if field.kind == "choice":
        return field.options[n % len(field.options)].id
    if field.kind == "multi":
        return [o.id for o in field.options[: min(2, field.max_choices or 2)]]
    if field.kind == "roles":
        return {r.id: r.role for r in field.responses}
    raise ValueError(field.kind)


def answers_for(exercise, n: int = 0) -> dict:
    """One full answer set for ``exercise``; ``n`` varies the values from entry to entry."""
    answers = {f.id: _value(f, n + i) for i, f in enumerate(exercise.fields)}
    titles = TITLES.get(exercise.id)
    if titles:
        answers[exercise.entry["title_field"]] = titles[n % len(titles)]
    if exercise.id == "experiment":
        answers["uitkomst"] = ("ja", "nee", "deels")[n % 3]
    return answers


def entry(entry_id: str, **answers) -> dict:
    return {
        "id": entry_id,
        "created": "2026-11-20T09:00:00Z",
        "updated": "2026-11-20T09:30:00Z",
        "answers": answers,
    }


def support_map(inner: int, others: int = 4) -> list[dict]:
    """A support map with ``inner`` people in the closest circle and ``others`` spread over
    the other two; past the end of PEOPLE, names come back with a number."""
    circles = ["dichtbij"] * inner + [("midden", "verder")[i % 2] for i in range(others)]
    entries = []
    for i, circle in enumerate(circles):
        name = PEOPLE[i % len(PEOPLE)] + (f" {i // len(PEOPLE) + 1}" if i >= len(PEOPLE) else "")
        entries.append(entry(f"p{i}", naam=name, kring=circle, hulp=["praktisch"], laatst="maand"))
    return entries


def saved(exercise) -> list[dict]:
    """What a learner has saved for ``exercise`` by the end of the course: three entries of
    a repeatable exercise (a support map of eight people), one answer set of the others."""
    if exercise.id in ("steunkaart", "steunkaart-2"):
        return support_map(4)
    count = 3 if exercise.repeat else 1
    return [entry(f"e{n}", **answers_for(exercise, n)) for n in range(count)]
