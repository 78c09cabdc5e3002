"""Who is in office on the story's date: a known person named without a title
represents their state when the article is dated within one of their terms,
and nothing is said of them otherwise."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.model import Article

TEXT = "Zelensky thanked Poland for its help on Tuesday. Trump said the war must end."


def _represents(extractor, date: dt.date | None) -> set[tuple[str, str]]:
    [result] = list(extractor.read([Article("dated.txt", "dated.txt", TEXT, date)]))
    return {(f.subject, f.obj) for f in result.facts if f.relation == "represents"}


@pytest.mark.parametrize("date, expected", [
    (dt.date(2023, 9, 20), {("person/volodymyr-zelenskyy", "country/ukraine")}),
    (dt.date(2025, 6, 1), {("person/volodymyr-zelenskyy", "country/ukraine"),
                           ("person/donald-trump", "country/united-states")}),
    (dt.date(2018, 6, 1), {("person/donald-trump", "country/united-states")}),
    (None, set()),
])
def test_offices_known_person_represents_their_state_only_in_office(extractor, date, expected):
    assert _represents(extractor, date) == expected


def test_offices_evidence_is_the_sentence_that_first_names_them(extractor):
    [result] = list(extractor.read([Article("dated.txt", "dated.txt", TEXT, dt.date(2025, 6, 1))]))
    evidence = {f.subject: f.evidence for f in result.facts if f.relation == "represents"}
    assert evidence["person/donald-trump"] == "Trump said the war must end."


def test_offices_a_title_in_the_text_is_not_repeated(extractor):
    text = "Ukrainian President Volodymyr Zelensky visited Warsaw."
    [result] = list(extractor.read([Article("t.txt", "t.txt", text, dt.date(2023, 9, 20))]))
    facts = [f for f in result.facts if f.relation == "represents"]
    assert [(f.subject, f.obj, f.confidence) for f in facts] == [
        ("person/volodymyr-zelenskyy", "country/ukraine", 0.9)]
