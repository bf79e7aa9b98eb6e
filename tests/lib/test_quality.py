"""Great Expectations suites run slice by slice give the verdicts of one run on the whole."""

from __future__ import annotations

from datetime import date

import polars as pl
from great_expectations.core.expectation_suite import ExpectationSuite

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


def test_a_rule_reading_a_missing_column_fails():
    rows = pl.DataFrame({"figure_id": ["f1", "f2"], "claimz": [1, 1]})
    result = quality.validate("claim_mentions", rows, key="figure_id")["figure_in_one_claim"]
    assert not result.success


def test_failing_keys_are_those_great_expectations_lists_in_one_complete_run(monkeypatch):
    """The two-pass validation (verdicts first, failing rows of failing rules after) names the
    same rows as one COMPLETE run of the whole suite on the whole frame, slice after slice."""
    monkeypatch.setattr(quality, "ROWS_PER_VALIDATION", 3)
    good = {"claimant": "the ministry", "claimant_id": "gaza_moh", "claimant_class": "un",
            "metric": "killed", "value": 1.0, "qualifier": "exact", "source": "s",
            "content_hash": "h", "published": date(2024, 2, 8), "as_of": date(2024, 2, 8),
            "sentence": "1 killed."}
    bad = [{}, {"claimant": ""}, {"claimant_id": None, "claimant_class": None}, {},
           {"value": -1.0}, {"value": None}, {"metric": "rockets", "qualifier": "lots"}, {},
           {"as_of": date(2024, 3, 1)}, {"source": None}, {"claimant": None}]
    rows = pl.DataFrame([{"figure_id": f"f{i}", **good, **b} for i, b in enumerate(bad)])
    batch = quality._batch_definition().get_batch(batch_parameters={"dataframe": rows.to_pandas()})
    outcome = batch.validate(
        ExpectationSuite(**quality.suite_spec("figures")),
        expectation_parameters=quality.SUITE_PARAMETERS,
        result_format={"result_format": "COMPLETE", "unexpected_index_column_names": ["figure_id"]},
    )
    expected: dict[str, set] = {rule: set() for rule in quality.rules_of("figures")}
    for item in outcome.results:
        expected[item.expectation_config.meta["rule"]].update(
            hit["figure_id"] for hit in item.result["unexpected_index_list"])

    results = quality.validate("figures", rows, key="figure_id")
    assert {rule: set(r.failing_keys) for rule, r in results.items()} == expected
    assert expected["figure_has_claimant"] == {"f1", "f2", "f10"}
    for rule, result in results.items():
        assert result.success is not expected[rule]
        assert len(result.failing_keys) == len(expected[rule])  # each key once per rule
        assert [r["figure_id"] for r in result.failing_rows] == result.failing_keys
        assert all(r["sentence"] == "1 killed." for r in result.failing_rows)
