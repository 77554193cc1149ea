"""The course's own model sentences for every text question that has gentle checks, as
JSON for tests/js/checks.test.mjs: a check must never flag a sentence the course itself
offers as the way to do it.

Per exercise with checks, per checked question, the sentences come from:
- its worked example (``example:``): every answer to that question;
- its own texts (intro, help, tips, messages): every quoted question written out in full
  (an ellipsis, ‘Wil je …?’, is a pattern, not a sentence);
- the lesson page that holds the exercise: every quoted question in the section that leads
  up to it (the lesson shows there how to do what the exercise asks), and every quoted
  question the page introduces with "bijvoorbeeld" or "zoals" just before it (elsewhere on
  the page a quoted question may be what not to do: "Een grote vraag …");
- for an open question (a ``starts-with-one-of`` check): the answers in the course that
  show the helper who asks (role ``proces`` in a roles question), their last question.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from toelaten.coursedata import CourseData

ROOT = Path(__file__).resolve().parents[2]
QUOTED = re.compile(r"[\"“„‘]([^\"“”„‘’]+?\?)[\"”’]")
CUE = re.compile(r"\b(bijvoorbeeld|zoals)\b[^.?!]*$", re.IGNORECASE)
#: The role in a roles question whose answers are the course's model of asking first.
ASKING_ROLE = "proces"


def questions(text: str) -> list[str]:
    """The sentences of ``text`` that end in a question mark."""
    return [s.strip() for s in re.findall(r"[^.!?]+[.!?]*", text) if s.strip().endswith("?")]


def paragraphs(path: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]


def page_of(exercise_id: str) -> Path | None:
    call = re.compile(r"```\{oefening\}\s+" + re.escape(exercise_id) + r"\s*$", re.M)
    for path in sorted((ROOT / "book").rglob("*.md")):
        if call.search(path.read_text(encoding="utf-8")):
            return path
    return None


def page_models(path: Path, exercise_id: str) -> list[str]:
    """The quoted questions of the section that leads up to the exercise (the lesson shows
    how to do what the exercise asks), and any the page introduces as an example."""
    text = path.read_text(encoding="utf-8")
    before = text.split(f"```{{oefening}} {exercise_id}")[0]
    section = " ".join(re.split(r"^## ", before, flags=re.M)[-1].split())
    found = [m[1].strip() for m in QUOTED.finditer(re.sub(r"```.*?```", "", section, flags=re.S))]
    for paragraph in paragraphs(path):
        for match in QUOTED.finditer(paragraph):
            if CUE.search(paragraph[max(0, match.start() - 80) : match.start()]):
                found.append(match[1].strip())
    return [s for s in dict.fromkeys(found) if "…" not in s]


def main() -> None:
    data = CourseData.default()
    known = data.exercises
    asking = [
        sentence
        for e in known.values()
        for f in e.fields
        if f.kind == "roles"
        for r in f.responses
        if r.role == ASKING_ROLE and questions(r.text)
        for sentence in questions(r.text)[-1:]  # an offer may come first: "Zal ik …? En hoe …?"
    ]
    cases = []
    for exercise in known.values():
        checked = dict.fromkeys(c["field"] for c in exercise.checks)
        page = page_of(exercise.id)
        own = " ".join(
            [exercise.intro, *(f.help or "" for f in exercise.fields)]
            + [c[k] for c in exercise.checks for k in ("tip", "message")]
        )
        for field_id in checked:
            sentences = []
            for i, answers in enumerate((exercise.example or {}).get("entries", [])):
                if answers.get(field_id):
                    sentences.append((answers[field_id], f"{exercise.id}.yml example.entries[{i}]"))
            for match in QUOTED.finditer(own):
                if "…" not in match[1]:
                    sentences.append((match[1], f"{exercise.id}.yml (its own texts)"))
            if page is not None:
                where = str(page.relative_to(ROOT))
                sentences += [(s, where) for s in page_models(page, exercise.id)]
            if any(
                c["kind"] == "starts-with-one-of" for c in exercise.checks if c["field"] == field_id
            ):
                sentences += [(s, f"a '{ASKING_ROLE}' answer in a roles question") for s in asking]
            for sentence, where in sentences:
                cases.append(
                    {
                        "exercise": exercise.id,
                        "field": field_id,
                        "sentence": sentence,
                        "where": where,
                    }
                )
    print(json.dumps(cases, ensure_ascii=False))


if __name__ == "__main__":
    main()
