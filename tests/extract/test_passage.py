"""A whole article in the style of wire reporting on the war, written for this test. It holds the
phenomena of a typical analysis piece: a headline, an unnamed official carried across
sentences, deal terms, a fraction of a base, the outlet's own background figures, a health
ministry toll followed by a caveat, dates, and numbers that are not figures."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.extract import extract_figures

PASSAGE = """Israel weighs response to Hamas counter-offer — senior official

Mediators in Doha received Hamas's reply on Tuesday, Jan. 30, 2024, and passed it to Israel, a senior Israeli official told reporters on Wednesday.

The plan would see a six-week pause in three phases, and the release of 1,000 Palestinian prisoners, a quarter of whom are serving long sentences, the official said.

"We will not accept terms that leave Hamas in power," he said.

Channel 13 reported that the war cabinet met twice on Wednesday.

The fighting began on October 7 when gunmen stormed border communities, killing some 1,200 people and abducting 240 others. Dozens were freed in a truce in late November, and Israel believes roughly a quarter of the 136 hostages still in Gaza are dead.

Israel's offensive has killed at least 26,900 Palestinians, according to the health ministry in Hamas-run Gaza. Its figures cannot be independently verified and do not distinguish between civilians and fighters.

The IDF says it has killed more than 9,000 gunmen in Gaza. Two hundred and eighteen soldiers have been killed since the ground operation began.

More than half of the Strip's 2.2 million residents have crowded into Rafah, where 14 people were killed in a strike overnight, medics said.
"""

PUBLISHED = date(2024, 1, 31)


@pytest.fixture(scope="module")
def figs():
    return [f.to_dict() for f in extract_figures(PASSAGE, published=PUBLISHED, outlet="Wire")]


def by_surface(figs, surface):
    hits = [f for f in figs if f["surface"] == surface]
    assert len(hits) == 1, (surface, [f["surface"] for f in figs])
    return hits[0]


EXPECTED = [
    # surface, metric, value, qualifier, claimant_class, status, as_of, derived
    ("1,000", "prisoners_released", 1000, "exact", "israel_gov", "proposed", "2024-01-31", False),
    # a share of a stated base is a figure of the same count (GUIDELINES)
    ("a quarter", "prisoners_released", 250, "fraction_of", "israel_gov", "proposed",
     "2024-01-31", True),
    ("some 1,200", "killed", 1200, "approx", "outlet", "reported", "2023-10-07", False),
    ("240", "abducted", 240, "exact", "outlet", "reported", "2023-10-07", False),
    ("roughly a quarter", "hostages_dead", 34, "fraction_of", "israel_gov", "reported",
     "2024-01-31", True),
    ("136", "hostages_remaining", 136, "exact", "israel_gov", "reported", "2024-01-31", False),
    ("at least 26,900", "killed", 26900, "at_least", "gaza_health", "reported", "2024-01-31",
     False),
    ("more than 9,000", "militants_killed", 9000, "more_than", "israel_military", "reported",
     "2024-01-31", False),
    ("Two hundred and eighteen", "soldiers_killed", 218, "exact", "outlet", "reported",
     "2024-01-31", False),
    ("More than half", "sheltering", 1_100_000, "fraction_of", "outlet", "reported",
     "2024-01-31", True),
    ("2.2 million", "population", 2_200_000, "exact", "outlet", "reported", "2024-01-31", False),
    ("14", "killed", 14, "exact", "other", "reported", "2024-01-31", False),
]


@pytest.mark.parametrize("row", EXPECTED, ids=[r[0] for r in EXPECTED])
def test_expected_figure(figs, row):
    surface, metric, value, qualifier, claimant_class, status, as_of, derived = row
    fig = by_surface(figs, surface)
    got = (fig["metric"], fig["value"], fig["qualifier"], fig["claimant_class"], fig["status"],
           fig["as_of"], fig["derived"])
    assert got == (metric, pytest.approx(value), qualifier, claimant_class, status, as_of,
                   derived)


def test_nothing_else(figs):
    assert sorted(f["surface"] for f in figs) == sorted(r[0] for r in EXPECTED)


def test_traps_are_not_figures(figs):
    for trap in ("Jan. 30, 2024", "six-week", "three phases", "Channel 13",
                 "October 7", "Dozens", "twice"):
        start = PASSAGE.index(trap)
        end = start + len(trap)
        assert not [f for f in figs if f["span_start"] < end and start < f["span_end"]], trap


def test_hedges(figs):
    assert by_surface(figs, "at least 26,900")["hedged"] is True  # cannot be verified
    assert by_surface(figs, "roughly a quarter")["hedged"] is True  # Israel believes
    assert by_surface(figs, "more than 9,000")["hedged"] is False


def test_carried_official_is_not_explicit(figs):
    fig = by_surface(figs, "1,000")
    assert fig["attribution_explicit"] is False  # "the official" named in an earlier sentence
    assert fig["claimant_class"] == "israel_gov"
    outlet = by_surface(figs, "Two hundred and eighteen")
    assert (outlet["claimant"], outlet["attribution_explicit"]) == ("Wire", False)


def test_spans_index_the_original_text(figs):
    for f in figs:
        assert PASSAGE[f["span_start"]:f["span_end"]] == f["surface"]
        assert f["surface"] in f["sentence"]
