"""Great Expectations suites run slice by slice give the verdicts of one run on the whole."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import textwrap
from datetime import date

import pandas as pd
import polars as pl
import pytest
from great_expectations.core.expectation_suite import ExpectationSuite

from pipelines.lib import quality
from pipelines.settings import REPO_ROOT


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


def suite_file(folder, name, *expectations):
    """A suite written where `quality` reads suites (each expectation: type, kwargs)."""
    spec = {"name": name, "expectations": [
        {"type": t, "kwargs": kw, "meta": {"rule": f"{name}_rule", "blocking": True}}
        for t, kw in expectations]}
    (folder / f"{name}.json").write_text(json.dumps(spec), encoding="utf-8")


def test_rules_across_rows_see_every_row_however_small_the_slices(monkeypatch, tmp_path):
    monkeypatch.setattr(quality, "EXPECTATIONS_DIR", tmp_path)
    monkeypatch.setattr(quality, "ROWS_PER_VALIDATION", 2)
    suite_file(tmp_path, "t_unique", ("expect_column_values_to_be_unique", {"column": "claim"}))
    suite_file(tmp_path, "t_rows", ("expect_table_row_count_to_be_between", {"max_value": 4}))
    rows = pl.DataFrame({"figure_id": [f"f{i}" for i in range(5)],
                         "claim": ["a", "b", "c", "d", "a"]})
    unique = quality.validate("t_unique", rows, key="figure_id")["t_unique_rule"]
    assert not unique.success and unique.failing_keys == ["f0", "f4"]
    assert unique.evaluated == 5
    count = quality.validate("t_rows", rows, key="figure_id")["t_rows_rule"]
    assert not count.success and count.evaluated == 5
    assert quality.validate("t_rows", rows.head(4), key="figure_id")["t_rows_rule"].success


def test_a_rule_reading_a_missing_column_fails():
    rows = pl.DataFrame({"figure_id": ["f1", "f2"], "claimz": [1, 1]})
    result = quality.validate("claim_mentions", rows, key="figure_id")["figure_in_one_claim"]
    assert not result.success
    # and says why: GX files the error under the metric it could not compute
    assert result.errors == ['Error: The column "claims" in BatchData does not exist.']


def test_failing_keys_are_those_great_expectations_lists_in_one_complete_run(monkeypatch):
    """The two-pass validation (verdicts first, failing rows of failing rules after) names the
    same rows as one COMPLETE run of the whole suite on the whole frame, slice after slice."""
    monkeypatch.setattr(quality, "ROWS_PER_VALIDATION", 3)
    good = {"claimant": "the ministry", "claimant_id": "gaza_moh", "claimant_class": "un",
            "metric": "killed", "value": 1.0, "value_low": None, "value_high": None,
            "qualifier": "exact", "source": "s",
            "content_hash": "h", "published": date(2024, 2, 8), "as_of": date(2024, 2, 8),
            "sentence": "1 killed."}
    bad = [{}, {"claimant": ""}, {"claimant_id": None, "claimant_class": None}, {},
           {"value": -1.0}, {"value": None}, {"metric": "rockets", "qualifier": "lots"}, {},
           {"as_of": date(2024, 3, 1)}, {"source": None}, {"claimant": None},
           {"qualifier": None}, {"qualifier": "range", "value_low": 9.0, "value_high": 3.0}]
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


def test_a_rule_with_mostly_is_judged_on_the_whole_and_names_only_rows_that_fail(
        monkeypatch, tmp_path):
    """Half the values may be missing: whole, the first expectation passes (a slice holding
    only the missing ones would not), so only the second one's bad row is named."""
    monkeypatch.setattr(quality, "EXPECTATIONS_DIR", tmp_path)
    monkeypatch.setattr(quality, "ROWS_PER_VALIDATION", 2)
    suite_file(tmp_path, "t_mostly",
               ("expect_column_values_to_not_be_null", {"column": "a", "mostly": 0.5}),
               ("expect_column_values_to_be_in_set", {"column": "b", "value_set": ["x"]}))
    rows = pl.DataFrame({"figure_id": ["f0", "f1", "f2", "f3"], "a": [None, None, 1, 2],
                         "b": ["x", "x", "x", "y"]})
    result = quality.validate("t_mostly", rows, key="figure_id")["t_mostly_rule"]
    assert not result.success and result.failing_keys == ["f3"]
    fixed = rows.with_columns(pl.lit("x").alias("b"))
    assert quality.validate("t_mostly", fixed, key="figure_id")["t_mostly_rule"].success


def test_a_missing_key_column_is_an_error_even_when_every_row_passes():
    rows = pl.DataFrame({"figure_id": ["f1"], "claims": [1]})
    with pytest.raises(pl.exceptions.ColumnNotFoundError):
        quality.validate("claim_mentions", rows, key="claim_id")


def test_no_copy_of_the_rows_outlives_a_validation():
    """GX's engine caches the last frame it ran on; validate drops it, so no pandas copy of the
    rows (up to ROWS_PER_VALIDATION of them) stays in memory through the steps that follow."""
    rows = pl.DataFrame({"figure_id": [f"f{i}" for i in range(5)], "claims": [1, 1, 0, 1, 1]})
    result = quality.validate("claim_mentions", rows, key="figure_id")["figure_in_one_claim"]
    assert result.failing_keys == ["f2"]  # it ran, and ran a second time for the failing rows
    assert copies_of(rows) == []


def test_great_expectations_is_left_out_of_every_collection():
    """The collection after each GX run is cheap because GX's long-lived objects (its context,
    datasource and modules) are frozen out of the collector's walk."""
    rows = pl.DataFrame({"figure_id": ["x1"], "claims": [1]})
    quality.validate("claim_mentions", rows, key="figure_id")
    walked = {id(o) for o in gc.get_objects()}
    definition = quality._batch_definition()
    assert id(definition) not in walked
    assert id(definition.data_asset.datasource) not in walked


def test_a_process_sets_great_expectations_up_before_its_first_copy_of_rows():
    """Until GX's objects are frozen out of the collector's walk, a collection set off while the
    rows are copied for GX walks them all (0.1-0.2 s): so the first validation of a process
    sets GX up before it copies anything. In a fresh process, as a step's first check is."""
    script = textwrap.dedent("""
        import gc
        import polars as pl
        from pipelines.lib import quality

        frozen_at_copy = []
        to_pandas = pl.DataFrame.to_pandas
        def copy(self, *args, **kwargs):
            frozen_at_copy.append(gc.get_freeze_count())
            return to_pandas(self, *args, **kwargs)
        pl.DataFrame.to_pandas = copy
        rows = pl.DataFrame({"figure_id": ["x1"], "claims": [1]})
        quality.validate("claim_mentions", rows, key="figure_id")
        print(min(frozen_at_copy))
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True,
                          text=True, check=True)
    assert int(done.stdout.split()[-1]) > 100_000


def test_great_expectations_can_be_imported_while_a_step_reads_its_inputs():
    """`import_ahead` returns at once and imports GX in a thread of its own; the step's first
    check waits for it and runs on the whole module. In a fresh process, with GX not yet in."""
    script = textwrap.dedent("""
        import sys, threading
        import polars as pl
        from pipelines.lib import quality

        quality.import_ahead()
        busy = [t.name for t in threading.enumerate() if t is not threading.main_thread()]
        rows = pl.DataFrame({"figure_id": ["x1", "x2"], "claims": [1, 2]})
        failing = quality.validate("claim_mentions", rows, key="figure_id")
        print(busy, failing["figure_in_one_claim"].failing_keys, quality._importing.is_alive())
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True,
                          text=True, check=True)
    assert done.stdout.split("\n")[-2] == "['import-gx'] ['x2'] False"
    assert "Traceback" not in done.stderr  # the thread's own import went through


def test_scipy_stats_is_loaded_only_when_an_expectation_uses_it():
    """GX imports scipy.stats for expectations Tally's suites do not use: a validation, with or
    without `import_ahead`, leaves it unloaded, and an expectation that reads from it (the KL
    divergence's `stats.entropy`) still gets the real module. In a fresh process."""
    script = textwrap.dedent("""
        import sys
        import polars as pl
        from pipelines.lib import quality

        if sys.argv[1] == "ahead":
            quality.import_ahead()
        rows = pl.DataFrame({"figure_id": ["x1", "x2"], "claims": [1, 2]})
        failing = quality.validate("claim_mentions", rows, key="figure_id")
        print(failing["figure_in_one_claim"].failing_keys, "scipy.stats._stats_py" in sys.modules)
        from great_expectations.expectations.core import (
            expect_column_kl_divergence_to_be_less_than as kl)
        print(kl.stats.entropy([0.5, 0.5], [0.5, 0.5]), "scipy.stats._stats_py" in sys.modules)
    """)
    for how in ("ahead", "at-first-check"):
        done = subprocess.run([sys.executable, "-c", script, how], cwd=REPO_ROOT,
                              capture_output=True, text=True, check=True)
        assert done.stdout.split("\n")[-3:] == ["['x2'] False", "0.0 True", ""], how


def test_great_expectations_does_not_hash_the_rows_it_validates():
    """GX fingerprints each frame only to label its batch; that hashing was a third of a run."""
    rows = pl.DataFrame({"figure_id": ["h1", "h2"], "claims": [1, 1]})
    quality.validate("claim_mentions", rows, key="figure_id")  # GX set up as the checks do
    result = quality._run(quality._suite("claim_mentions"), rows.to_pandas(), "BOOLEAN_ONLY")
    assert result.success
    assert "ge_load_time" in result.meta["batch_markers"]  # the markers are there, but
    assert "pandas_data_fingerprint" not in result.meta["batch_markers"]


def copies_of(rows: pl.DataFrame) -> list:
    """The pandas frames still in memory that hold `rows` (or the columns a suite read of them)."""
    gc.collect()
    return [o for o in gc.get_objects() if isinstance(o, pd.DataFrame) and len(o) == len(rows)
            and set(o.columns) <= set(rows.columns) and "claims" in o.columns]


def test_no_copy_of_the_rows_outlives_the_data_docs(tmp_path):
    from pipelines.lib import data_docs

    rows = pl.DataFrame({"figure_id": [f"d{i}" for i in range(6)], "claims": [1, 0, 1, 1, 1, 1]})
    assert data_docs.publish(tmp_path, "r1", {"claim_mentions": rows}) is not None
    assert copies_of(rows) == []


def test_a_publish_renders_its_own_run_and_leaves_earlier_pages_alone(tmp_path):
    from pipelines.lib import data_docs

    rows = pl.DataFrame({"figure_id": ["a", "b"], "claims": [1, 1]})
    index = data_docs.publish(tmp_path, "run-one", {"claim_mentions": rows})
    pages = index.parent / "validations" / "claim_mentions"
    [first] = list(pages.glob("run-one/**/*.html"))
    written = first.stat().st_mtime_ns
    data_docs.publish(tmp_path, "run-two", {"claim_mentions": rows.head(1)})
    assert first.stat().st_mtime_ns == written  # not rendered again
    assert len(list(pages.glob("run-two/**/*.html"))) == 1
    listed = index.read_text(encoding="utf-8")
    assert "run-one" in listed and "run-two" in listed


def test_a_publish_keeps_the_projects_datasource_and_its_assets(tmp_path):
    """Each publish used to replace the project's datasource with one of no assets and add
    them again, writing GX's config two or three times a publish (0.12 s of 0.75 for the
    claims' five suites); the same datasource and batch definitions now serve every run."""
    from pipelines.lib import data_docs

    rows = pl.DataFrame({"figure_id": ["a", "b"], "claims": [1, 1]})
    data_docs.publish(tmp_path, "run-one", {"claim_mentions": rows})
    config = tmp_path / "quality" / "gx" / "great_expectations.yml"
    written = config.stat().st_mtime_ns, config.read_text(encoding="utf-8")
    data_docs.publish(tmp_path, "run-two", {"claim_mentions": rows})
    assert (config.stat().st_mtime_ns, config.read_text(encoding="utf-8")) == written
    assert "claim_mentions" in written[1]  # the asset is in the config it keeps
