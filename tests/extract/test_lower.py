"""`sentences.lower` lets patterns written for IGNORECASE scan lower-cased text instead
(`for_lower`): that is only sound if the two agree on every character, which is checked here
over all of Unicode."""

from __future__ import annotations

import re
import string
import sys
from datetime import date

import pytest

from pipelines.extract import extract_figures
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


@pytest.mark.parametrize("pattern", [r"\b(?-i:[A-Z])\w+ said", r"\bGaza\b", r"\\Gaza", "σ",
                                     r"\x41", r"(?a)k"])
def test_for_lower_refuses_what_lower_casing_would_break(pattern):
    with pytest.raises(ValueError):
        for_lower(pattern)
    with pytest.raises(ValueError):
        for_lower("k", re.ASCII)  # IGNORECASE with ASCII leaves the kelvin sign alone


def test_for_lower_takes_escapes_and_group_names():
    assert for_lower(r"(?P<Place>\bgaza\b)\s+\S+\.").search("in gaza city.")


# What the extractor reads now that every pattern sees "İ", "ı" and "ſ" as IGNORECASE does.
# Before, the patterns that scanned lower-cased text (numbers, event words, dates) read them as
# other letters while the rest read "i" and "s", and "on FRİDAY" raised a KeyError.

def _read(text: str) -> list[tuple]:
    return [(f.value, f.metric, f.claimant, f.as_of)
            for f in extract_figures(text, published=date(2024, 2, 10), outlet="Wire")]


def test_a_weekday_with_a_dotted_capital_i_is_read_not_raised_on():
    assert _read("The ministry said on FRİDAY that 40 people were killed in Rafah.") == \
        [(40, "killed", "The ministry", "2024-02-09")]


def test_dotless_i_and_long_s_read_as_every_pattern_reads_them():
    assert _read("Fıve people were kılled in the strike, the health ministry said.") == \
        [(5, "killed", "the health ministry", "2024-02-10")]
    assert _read("The health ministry ſaid 40 people were killed in Rafah.") == \
        [(40, "killed", "The health ministry", "2024-02-10")]


def test_a_pronoun_with_a_dotted_capital_i_is_read_not_raised_on():
    assert _read("According to İTS count, 40 people were killed in Rafah, the ministry said.") \
        == [(40, "killed", "it", "2024-02-10")]
    assert _read("The ministry said 40 were killed, HİS count showed.") == \
        [(40, "killed", "The ministry", "2024-02-10")]


@pytest.fixture(scope="module")
def every_tenth_passage():
    from pipelines.evaluation.gold import GOLD_DIR, load_passage
    return [load_passage(path) for path in sorted(GOLD_DIR.glob("*.yaml"))[::10]]


@pytest.mark.parametrize("fold", [
    lambda text: text.upper().replace("I", "\u0130"),  # İ
    lambda text: text.replace("i", "\u0131"),  # ı
    lambda text: text.replace("s", "\u017f").replace("k", "\u212a"),  # ſ, the kelvin sign
])
def test_gold_passages_in_letters_ignorecase_pairs_with_ascii_never_raise(fold,
                                                                          every_tenth_passage):
    """Every tenth gold passage, its letters swapped for ones IGNORECASE reads as the same: the
    extractor may read them differently, but never fails on them (the session that made the
    scans fold these letters found three lookups that raised a KeyError)."""
    for passage in every_tenth_passage:
        extract_figures(fold(passage.text), published=passage.published, outlet=passage.outlet)


def test_since_with_a_dotted_capital_i_starts_a_period_as_since_does():
    text = ("The ministry said attacks {} 7 October, in which 727 were killed, had wounded 2,000 "
            "people in the West Bank.")
    assert _read(text.format("SİNCE")) == _read(text.format("SINCE")) == \
        [(727, "killed", "The ministry", "2024-02-10"), (2000, "injured", "The ministry",
                                                         "2024-02-10")]
