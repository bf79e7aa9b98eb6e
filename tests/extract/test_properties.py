"""Property tests: on any text, the extractor never raises, every span lies inside the text, and
`surface == text[span_start:span_end]`. Big texts are built by repeating generated chunks, so
sizes up to a few MB are reached quickly; they also guard against super-linear behaviour."""

from __future__ import annotations

import json
import time
from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipelines.extract import extract_figures

# Pieces that make the extractor work hard: numbers in every form, qualifiers, event words,
# attribution, quotes, dates and line breaks.
PIECES = [
    "1,200", "27,000", "1.7 million", "2.3m", "Two hundred and twenty-seven", "forty-one",
    "about", "more than", "at least", "between 30 and 40", "11 or 12", "a fifth of the", "half of",
    " people were killed", " hostages", " soldiers", " are believed dead", " were freed",
    " Palestinian prisoners", ", the ministry said.", " according to the IDF", " said the official",
    "“", "”", '"', "\n", "\n\n", ". ", " on October 7", " in November", " on Saturday", ":",
    " — ", "Channel 12", " would be freed", "Under the proposed deal, ", "%", "$", "-year-old", " of whom", " including ", "’s ", "-",
    # the characters sentences.lower folds so that lower-cased scanning matches IGNORECASE
    " İDF", "ı", "ſ", "\u212a",
]

chunk = st.lists(
    st.one_of(st.text(max_size=40), st.sampled_from(PIECES)), min_size=1, max_size=30
).map("".join)


def check(text: str, published: date | None = None, outlet: str | None = None) -> list[dict]:
    figs = [f.to_dict() for f in extract_figures(text, published=published, outlet=outlet)]
    for f in figs:
        assert 0 <= f["span_start"] < f["span_end"] <= len(text)
        assert f["surface"] == text[f["span_start"]:f["span_end"]]
        assert f["span_start"] >= 0
        json.dumps(f, ensure_ascii=False)  # JSON-serialisable
    starts = [f["span_start"] for f in figs]
    assert starts == sorted(starts)
    return figs


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_any_unicode_text(text):
    check(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(chunk, st.one_of(st.none(), st.dates(date(2023, 1, 1), date(2026, 12, 31))),
       st.one_of(st.none(), st.text(max_size=20)))
@example("0\r0 A", None, None)  # a number in the gap before a count's first word (it once raised)
def test_article_like_chunks(text, published, outlet):
    figs = check(text, published, outlet)
    for f in figs:
        if f["as_of"] and published:
            assert f["as_of"] <= published.isoformat()


def _seconds(text: str) -> float:
    """CPU seconds of this process, not wall time: another process's burst of work between the
    two timings once made the larger text look quadratic."""
    started = time.process_time()
    check(text, date(2024, 2, 8))
    return time.process_time() - started


def _assert_linear(text: str) -> None:
    """Four times the text costs about four times the work, never sixteen (a quadratic step).
    Both sizes are timed in the same run, so a slow or busy machine does not fail it."""
    quarter, full = _seconds(text[: len(text) // 4]), _seconds(text)
    assert full < 8 * quarter + 1.0, (len(text), quarter, full)


@settings(max_examples=4, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(chunk, min_size=1, max_size=8), st.integers(min_value=4_000, max_value=40_000))
def test_big_texts_stay_linear(chunks, repeat):
    _assert_linear(("".join(chunks) * repeat)[:2_000_000])


def test_pathological_inputs_stay_linear():
    for text in ("1 " * 300_000, "killed 12 people and " * 30_000, "a" * 2_000_000,
                 "1" * 1_000_000, "“" * 200_000, "two hundred and " * 40_000,
                 "\n" * 500_000, "Over 5," * 100_000,
                 "- 12 were killed.\n" * 30_000,  # each bullet looks up its list's lead
                 # a transcript on one line: each turn finds its label once
                 "Q: Were 12 killed? A: Yes, 12. HAGARI: We lost 3 soldiers. " * 20_000,
                 "DR X: 12 were killed: " * 40_000):
        _assert_linear(text)
