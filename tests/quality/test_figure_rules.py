"""The blocking rules (real GX suites from expectations/) catch planted violations."""

import gc
from datetime import date
from types import SimpleNamespace

import duckdb
import pandas as pd
import polars as pl
import pytest

from pipelines.lib import figure_rules, quality
from pipelines.lib.records import FIGURE_SCHEMA, frame


def fig(figure_id, **kw):
    base = {
        "figure_id": figure_id, "origin": "article", "article_id": "a1", "source": "s",
        "source_url": "https://x.example/a", "content_hash": "h" * 64, "metric": "killed",
        "value": 10.0, "qualifier": "exact", "claimant": "the ministry", "claimant_id": "gaza_moh",
        "claimant_class": "gaza_health", "published": date(2024, 2, 8), "as_of": date(2024, 2, 8),
        "status": "reported", "derived": False,
    }
    return {**base, **kw}


def outcome(rows):
    """The rules as the load applies them: judge the rows, then split them by the verdicts."""
    figures = frame(rows, FIGURE_SCHEMA)
    verdicts = figure_rules.judge(figures)
    loaded, quarantine = figure_rules.split(figures, verdicts)
    return SimpleNamespace(loaded=loaded, quarantine=quarantine, results=verdicts.results)


def test_clean_figures_all_load():
    out = outcome([
        fig("f1", metric="abducted", value=253.0),
        fig("f2", metric="hostages_remaining", value=132.0),
    ])
    assert out.loaded.height == 2 and out.quarantine == []
    assert all(r.success for r in out.results.values())


def test_remaining_above_abducted_in_one_article_is_quarantined():
    out = outcome([
        fig("f1", metric="abducted", value=253.0),
        fig("f2", metric="hostages_remaining", value=300.0),
        fig("f3", article_id="a2", metric="hostages_remaining", value=132.0),
    ])
    rule = out.results["hostages_remaining_within_abducted"]
    assert not rule.success and rule.failing_keys == ["f2"]
    assert [q["record_key"] for q in out.quarantine] == ["f2"]
    assert set(out.loaded["figure_id"]) == {"f1", "f3"}


def test_two_claimants_counting_hostages_differently_are_kept_side_by_side():
    """The army's 240 abducted and Hamas's 300 held, in one article, are a contradiction between
    claimants, not an error: compared across claimants, Hamas's 300 was quarantined."""
    out = outcome([
        fig("f1", metric="abducted", value=240.0, claimant="the army", claimant_id="idf",
            claimant_class="israel_military"),
        fig("f2", metric="hostages_remaining", value=300.0, claimant="Hamas",
            claimant_id="hamas", claimant_class="hamas"),
        fig("f3", metric="hostages_remaining", value=260.0, claimant="the army",
            claimant_id="idf", claimant_class="israel_military"),
    ])
    rule = out.results["hostages_remaining_within_abducted"]
    assert not rule.success and rule.failing_keys == ["f3"]
    assert set(out.loaded["figure_id"]) == {"f1", "f2"}


@pytest.mark.parametrize(
    ("bad", "rule"),
    [
        ({"claimant": None}, "figure_has_claimant"),
        ({"claimant": ""}, "figure_has_claimant"),
        ({"claimant_class": None}, "figure_has_claimant"),
        ({"claimant_class": "journalists"}, "claimant_class_in_vocabulary"),
        ({"value": -3.0}, "value_non_negative"),
        ({"metric": "rockets_fired"}, "metric_in_vocabulary"),
        ({"as_of": date(2024, 3, 1)}, "as_of_not_after_published"),
        ({"content_hash": None}, "figure_traceable"),
        # a null passed the vocabulary's in-set check, and a range upside down had no rule
        ({"qualifier": None}, "qualifier_in_vocabulary"),
        ({"qualifier": "range", "value_low": 300.0, "value_high": 200.0},
         "range_low_within_high"),
    ],
)
def test_each_row_rule_catches_its_violation(bad, rule):
    out = outcome([fig("good"), fig("bad", **bad)])
    assert not out.results[rule].success
    assert out.results[rule].failing_keys == ["bad"]
    assert set(out.loaded["figure_id"]) == {"good"}
    (row,) = out.quarantine
    assert rule in row["rule"] and row["reason"]


def stat(figure_id, day, value, field="killed_cum"):
    return fig(figure_id, origin="statistics", article_id=None, dataset="tfp",
               dataset_field=field, location="Gaza", cumulative=True, value=value,
               as_of=date.fromisoformat(day), published=date.fromisoformat(day))


def test_decreasing_cumulative_is_quarantined_unless_allow_listed():
    out = outcome([
        stat("s1", "2023-11-05", 9770.0),
        stat("s2", "2023-11-06", 10022.0),
        stat("s3", "2023-11-07", 10000.0),  # planted fall
        stat("w1", "2023-10-17", 1032.0, "killed_women_cum"),
        stat("w2", "2023-10-19", 1000.0, "killed_women_cum"),  # real, allow-listed revision
    ])
    rule = out.results["cumulative_never_decreases"]
    assert rule.failing_keys == ["s3"]
    assert "w2" in set(out.loaded["figure_id"])


def test_one_claimants_value_under_anothers_is_a_contradiction_not_a_fall():
    out = outcome([
        stat("m1", "2024-01-10", 23000.0),
        {**stat("o1", "2024-01-11", 22000.0), "claimant": "UN OCHA", "claimant_id": "un_ocha",
         "claimant_class": "un"},
        stat("m2", "2024-01-12", 22900.0),  # under the ministry's own 23,000: a fall
    ])
    assert out.results["cumulative_never_decreases"].failing_keys == ["m2"]
    assert set(out.loaded["figure_id"]) == {"m1", "o1"}


def test_a_file_restating_anothers_days_is_a_series_of_its_own():
    """Each day's snapshot dropped in the inbox under a new name restates the days before: a
    restated day below the old file's was a 'fall' between two files, and was quarantined."""
    out = outcome([
        {**stat("a1", "2024-01-10", 23000.0), "source_url": "inbox/tfp-0111.json"},
        {**stat("a2", "2024-01-11", 23200.0), "source_url": "inbox/tfp-0111.json"},
        {**stat("b1", "2024-01-10", 22950.0), "source_url": "inbox/tfp-0112.json"},
        {**stat("b2", "2024-01-11", 23200.0), "source_url": "inbox/tfp-0112.json"},
        {**stat("b3", "2024-01-12", 23150.0), "source_url": "inbox/tfp-0112.json"},  # a fall
    ])
    assert out.results["cumulative_never_decreases"].failing_keys == ["b3"]


def test_rules_come_from_the_reviewed_suites():
    names = {rule for suite in figure_rules.SUITES for rule in quality.rules_of(suite)}
    assert {"figure_has_claimant", "value_non_negative", "metric_in_vocabulary",
            "as_of_not_after_published", "hostages_remaining_within_abducted",
            "cumulative_never_decreases"} <= names


def test_empty_input_passes():
    out = outcome([])
    assert out.loaded.height == 0 and all(r.success for r in out.results.values())


def test_bad_rows_in_later_slices_are_quarantined_with_their_keys(monkeypatch):
    """Row-wise suites run slice by slice: a slice after the first still names its bad rows."""
    monkeypatch.setattr(quality, "ROWS_PER_VALIDATION", 2)
    out = outcome([fig("f1"), fig("f2"), fig("f3"), fig("f4", value=-1.0), fig("f5"),
                   fig("f6", metric="rockets_fired"), fig("f7", claimant=None)])
    assert {q["record_key"]: q["rule"] for q in out.quarantine} == {
        "f4": "value_non_negative", "f6": "metric_in_vocabulary", "f7": "figure_has_claimant"}
    assert set(out.loaded["figure_id"]) == {"f1", "f2", "f3", "f5"}
    value = out.results["value_non_negative"]
    assert value.evaluated == 7 and value.failing_keys == ["f4"]
    (row,) = value.failing_rows
    assert row["figure_id"] == "f4" and row["value"] == -1.0
    assert row["source_url"] == "https://x.example/a"  # the whole row, not just what GX read


def test_judged_on_the_rule_columns_then_split_on_whole_rows():
    """The load judges figures on the columns the rules read, then splits the whole rows:
    the verdicts, the quarantine records and the samples are those of whole-row checking."""
    rows = frame([fig("f1", sentence="Ten were killed."),
                  fig("f2", value=-4.0, sentence="Minus four, a typo."),
                  fig("f3", metric="abducted", value=5.0),
                  fig("f4", metric="hostages_remaining", value=9.0, sentence="Nine held.")],
                 FIGURE_SCHEMA)
    narrow = rows.select(figure_rules.RULE_COLUMNS)
    assert "sentence" not in narrow.columns
    verdicts = figure_rules.judge(narrow)
    assert verdicts.reasons == {"f2": ["value_non_negative"],
                                "f4": ["hostages_remaining_within_abducted"]}
    loaded, quarantine = figure_rules.split(rows, verdicts)
    assert loaded["figure_id"].to_list() == ["f1", "f3"]
    assert {q["record_key"] for q in quarantine} == {"f2", "f4"}
    assert all("sentence" in q["record"] for q in quarantine)
    (sample,) = verdicts.results["value_non_negative"].failing_rows
    assert sample["figure_id"] == "f2" and sample["sentence"] == "Minus four, a typo."


def test_runs_judged_apart_give_the_verdicts_of_the_whole():
    """The load judges figures run by run, and an article's figures may fall in two runs; the
    per-article and per-series rules, judged once on what every run gives them, still name the
    figures that judging all at once would."""
    rows = [fig("a1-abd", metric="abducted", value=253.0),
            fig("a1-rem", metric="hostages_remaining", value=132.0),
            fig("a2-abd", article_id="a2", metric="abducted", value=10.0),
            fig("a2-rem", article_id="a2", metric="hostages_remaining", value=12.0),
            fig("a3-bad", article_id="a3", value=-1.0),
            stat("s1", "2023-11-05", 9770.0), stat("s2", "2023-11-06", 9000.0)]
    whole = figure_rules.judge(frame(rows, FIGURE_SCHEMA))
    # a2's abducted and remaining figures fall in two runs
    runs = [frame(rows[:3], FIGURE_SCHEMA), frame(rows[3:5], FIGURE_SCHEMA),
            frame(rows[5:], FIGURE_SCHEMA)]
    apart = figure_rules.judge_runs(runs)
    assert apart.reasons == whole.reasons == {
        "a2-rem": ["hostages_remaining_within_abducted"], "a3-bad": ["value_non_negative"],
        "s2": ["cumulative_never_decreases"]}
    assert ({r: (x.success, x.evaluated, x.failing_keys) for r, x in apart.results.items()}
            == {r: (x.success, x.evaluated, x.failing_keys) for r, x in whole.results.items()})
    assert apart.results["hostages_remaining_within_abducted"].evaluated == 2  # one per article


def test_runs_are_filled_across_files_and_the_series_reading_ahead_a_quarter_run_at_most():
    """The load judges figures in runs of GX's slice, whichever staged file (or the statistics
    series) the rows come from: each Great Expectations run costs a few hundredths of a second
    before it reads a row. A run is handed on as soon as more than a quarter of a run is known
    to follow it, so no more than the chunks that showed it are held besides it while it is
    judged."""
    pulled = []

    def chunks(*sizes):
        for i, size in enumerate(sizes):
            pulled.append(i)
            yield pl.DataFrame({"figure_id": [f"c{i}-{j}" for j in range(size)]})

    runs = quality.runs_of(chunks(3, 4, 1, 2), 4)
    assert next(runs)["figure_id"].to_list() == ["c0-0", "c0-1", "c0-2", "c1-0"]
    assert pulled == [0, 1]
    assert [run["figure_id"].to_list() for run in runs] == [
        ["c1-1", "c1-2", "c1-3", "c2-0"], ["c3-0", "c3-1"]]
    assert [run.height for run in quality.runs_of(chunks(9, 0, 3), 4)] == [4, 4, 4]
    assert list(quality.runs_of(iter([]), 4)) == []


def test_a_last_run_of_a_quarter_run_or_less_is_judged_with_the_one_before(monkeypatch):
    """A run's fixed cost in GX is that of tens of thousands of rows, so a short last run is not
    cut off: the 30,000 bench's 242,576 figures took two runs, the second of 42,576 rows."""
    def heights(*sizes, rows=8):
        chunks = (pl.DataFrame({"figure_id": [f"c{i}-{j}" for j in range(size)]})
                  for i, size in enumerate(sizes))
        return [run.height for run in quality.runs_of(chunks, rows)]

    assert heights(8, 2) == [10]  # 2 <= 8 // 4: one run
    assert heights(8, 3) == [8, 3]
    assert heights(3, 3, 3, 1) == [10]
    assert heights(5, 5, 5, 5) == [8, 8, 4]
    assert heights(30) == [8, 8, 8, 6]
    # and a suite's rows handed to `quality.validate` whole, as a frame or as a DuckDB
    # relation, are sliced by the same rule
    monkeypatch.setattr(quality, "ROWS_PER_VALIDATION", 8)
    conn = duckdb.connect()
    for n, slices in ((10, [10]), (11, [8, 3]), (30, [8, 8, 8, 6])):
        rows = pl.DataFrame({"figure_id": [f"f{i}" for i in range(n)]})
        relation = conn.sql(f"select 'f' || i as figure_id from range({n}) as t(i) order by i")
        assert [s.height for s in quality._slices("figures", rows)] == slices
        assert [s.height for s in quality._slices("figures", relation)] == slices


def test_no_runs_pass_every_rule():
    verdicts = figure_rules.judge_runs([])
    assert verdicts.reasons == {}
    assert set(verdicts.results) == {r for s in figure_rules.SUITES for r in quality.rules_of(s)}
    assert all(r.success and r.evaluated == 0 for r in verdicts.results.values())


def test_no_run_of_figures_lingers_after_judging():
    """GX leaves each run's pandas copy in reference cycles; each validation frees its own, so
    memory does not grow with the number of runs. With the collector off, only the collection
    after each GX run (`quality.forget_batches`) can free them."""
    runs = [frame([fig(f"r{i}-{j}", article_id=f"a{i}") for j in range(3)], FIGURE_SCHEMA)
            for i in range(4)]
    gc.disable()
    try:
        figure_rules.judge_runs(runs)
        lingering = [o for o in gc.get_objects()
                     if isinstance(o, pd.DataFrame) and "claimant" in o.columns and len(o) == 3]
    finally:
        gc.enable()
    assert lingering == []
