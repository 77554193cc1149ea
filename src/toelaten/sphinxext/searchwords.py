"""The words of the book's search: one rule for the index (here, at build time) and for
what a learner types (``search.js``, in the browser).

Sphinx's own search stemmed Dutch one way for its index and another way for the query,
so "eenzaamheid" missed most pages about it. Here the rule is data: the build writes it
into the index file, and the browser applies the same steps to it (``tests/js`` checks
that both give the same terms). A term is a word folded to lower case without accents,
with a light Dutch suffix rule, or a number, kept as it is ("113").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

#: Words too common to search for.
STOP_NL = (  # noqa: SIM905 (one line of words reads better than 70 strings)
    "de het een en of maar want dus van in op aan te met voor bij door naar om uit over tot"
    " dan als dat die dit deze er is zijn was waren ben bent wordt worden heb hebt heeft"
    " hebben je jij jou jouw ik me mij mijn we wij ons onze ze zij hun haar hem hij u uw zich"
    " niet geen wel ook nog al zo"
).split()
#: Per language: the suffixes taken off a word (longest first; the first that leaves at
#: least ``min_stem`` letters), an -s taken off only after what ``plural_s_after`` matches
#: (tafels, meisjes; not huis or mens), a double consonant left by that undone (bellen ->
#: bel), a long vowel written single before a last consonant (praat, praten -> prat), and
#: words too common to search for. A language without a rule only folds: the browser then
#: still finds longer words by their start.
RULES: dict[str, dict[str, Any]] = {
    "nl": {
        "min_stem": 3,
        "suffixes": ["heden", "ingen", "heid", "ing", "en", "e"],
        "plural_s_after": "e[lmr]?",
        "undouble": "bdfgklmnprst",
        "long_vowels": "aeou",
        "vowels": "aeiouy",
        "stop": STOP_NL,
    },
}
PLAIN: dict[str, Any] = {
    "min_stem": 3,
    "suffixes": [],
    "plural_s_after": "",
    "undouble": "",
    "long_vowels": "",
    "vowels": "",
    "stop": [],
}

#: A word in the text: letters and digits (search.js: /[\p{L}\p{N}]+/gu).
WORD = re.compile(r"[^\W_]+")


def rule_for(language: str) -> dict[str, Any]:
    """The rule of ``language`` ("nl", "nl-BE"), or folding only."""
    return RULES.get(language.lower().split("-")[0].split("_")[0], PLAIN)


def fold(word: str) -> str:
    """Lower case, accents off: "Één" -> "een", "ĳs" -> "ijs"."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")).lower()


def stem(word: str, rule: dict[str, Any]) -> str:
    """A folded word's term; a word with a digit in it stays as it is."""
    if any(c.isdecimal() for c in word):
        return word
    least = rule["min_stem"]
    if (
        rule["plural_s_after"]
        and word.endswith("s")
        and len(word) - 1 >= least
        and re.search(f"(?:{rule['plural_s_after']})$", word[:-1])
    ):
        word = word[:-1]
    for suffix in rule["suffixes"]:
        if word.endswith(suffix) and len(word) - len(suffix) >= least:
            word = word[: -len(suffix)]
            if len(word) > 1 and word[-1] == word[-2] and word[-1] in rule["undouble"]:
                word = word[:-1]
            break
    vowels = rule["vowels"]
    if (
        len(word) >= 4
        and word[-1] not in vowels
        and word[-2] == word[-3]
        and word[-2] in rule["long_vowels"]
        and word[-4] not in vowels
    ):
        word = word[:-2] + word[-1]
    return word


def words(text: str, rule: dict[str, Any]) -> Iterator[tuple[int, int, str]]:
    """Each searchable word of ``text``: its start and end in the text, and its term.
    Words of one letter and the rule's stop words are left out."""
    text = unicodedata.normalize("NFC", text)
    stop = rule["stop"]
    for found in WORD.finditer(text):
        for part in WORD.findall(fold(found.group())):
            if part in stop or (len(part) < 2 and not part.isdecimal()):
                continue
            yield found.start(), found.end(), stem(part, rule)


def terms(text: str, rule: dict[str, Any]) -> list[str]:
    """The terms of ``text``, in order (repeats kept)."""
    return [term for _, _, term in words(text, rule)]
