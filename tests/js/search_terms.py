"""The search's rule and what Python makes of some texts, printed as JSON for
search.test.mjs: the browser must make the same terms of them."""

from __future__ import annotations

import json

from toelaten.sphinxext.searchwords import rule_for, words

TEXTS = [
    "eenzaam eenzame eenzaamheid Eenzaamheid EENZAAMHEDEN",
    "praten praat gepraat praatje",
    "hulplijn hulplijnen Hulplijn",
    "Bel 113 of 0800-0113 (gratis), of 088 0767 000.",
    "Zelfmoordlijn 1813 · zelfmoord1813.be",
    "huis mens mensen tafels meisjes kamers bezems",
    "vraag vragen vraagt bellen kennen zitten alle grote groot",
    "oefening oefeningen verbinding gezondheid",
    "Één ÏDEE café cafe\u0301 naïef coöperatie ĳs ﬁets ½",
    "collega's auto's z'n ‘erg genoeg’ — “Heb je even tijd?”",
    "Als het even niet gaat",
    "אני צריך עזרה 😀 Ωμέγα straße",
    "<img src=x onerror=alert(1)>",
    "a b c 1 2 ab 12",
]


def main() -> None:
    result = {}
    for language in ("nl", "en"):
        rule = rule_for(language)
        result[language] = {"rule": rule, "cases": {t: list(words(t, rule)) for t in TEXTS}}
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
