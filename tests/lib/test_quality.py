"""Great Expectations suites run slice by slice give the verdicts of one run on the whole."""

from __future__ import annotations

import polars as pl

from pipelines.lib import quality


def test_a_row_wise_suite_judges_slices_as_it_judges_the_whole(monkeypatch):
    rows = pl.DataFrame({"figure_id": [f"f{i}" for i in range(7)],
                         "claims": [1, 1, 0, 1, 2, 1, 0]})
    whole = quality.validate("claim_mentions", rows, key="figure_id")["figure_in_one_claim"]
    monkeypatch.setattr(quality, "ROWS_PER_VALIDATION", 2)
    sliced = quality.validate("claim_mentions", rows, key="figure_id")["figure_in_one_claim"]
    assert whole.success is sliced.success is False
    assert sorted(sliced.failing_keys) == sorted(whole.failing_keys) == ["f2", "f4", "f6"]
    assert sliced.evaluated == whole.evaluated == 7
    assert len(sliced.failing_rows) == 3
