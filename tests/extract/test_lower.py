"""`sentences.lower` lets patterns written for IGNORECASE scan lower-cased text instead
(`for_lower`): that is only sound if the two agree on every character, which is checked here
over all of Unicode."""

from __future__ import annotations

import re
import string
import sys

import pytest

from pipelines.extract.sentences import for_lower, lower

CHARS = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]


def test_lower_keeps_every_offset():
    assert [c for c in CHARS if len(lower(c)) != 1] == []
    text = "".join(CHARS[:5000]) + "İstanbul ıs ſo"
    assert len(lower(text)) == len(text)


def test_a_letter_matches_under_ignorecase_exactly_where_its_lower_case_is_that_letter():
    letter = re.compile("[a-z]", re.IGNORECASE)
    ignorecase = {c for c in CHARS if letter.fullmatch(c)}
    lowered = {c for c in CHARS if lower(c) in string.ascii_lowercase}
    assert ignorecase == lowered
    assert {"\u0130", "\u0131", "\u017f", "\u212a"} <= lowered  # İ, ı, ſ and the kelvin sign
    for c in lowered:
        assert re.fullmatch(lower(c), c, re.IGNORECASE), repr(c)


@pytest.mark.parametrize("cls", [r"\w", r"\W", r"\s", r"\d", "[^a-z]", "[a-z0-9_-]"])
def test_classes_agree(cls):
    pattern = re.compile(cls, re.IGNORECASE)
    assert [c for c in CHARS if bool(pattern.fullmatch(c)) != bool(pattern.fullmatch(lower(c)))] \
        == []


def test_a_pattern_for_lower_finds_what_ignorecase_finds():
    text = "The İDF said ſome 40 were KILLED in Khan Younıs; kılled, Kelvin \u212aills."
    source = r"\b(?:idf|some|killed|younis|kills)\b"
    assert [m.span() for m in for_lower(source).finditer(lower(text))] == \
        [m.span() for m in re.finditer(source, text, re.IGNORECASE)]
    assert len(re.findall(source, text, re.IGNORECASE)) == 6


def test_for_lower_refuses_what_lower_casing_would_break():
    with pytest.raises(AssertionError):
        for_lower(r"\b(?-i:[A-Z])\w+ said")
    with pytest.raises(AssertionError):
        for_lower(r"\bGaza\b")
    assert for_lower(r"(?P<Name>\bgaza\b)\S+").pattern  # escapes and group names may
