"""A run does only what is new, and what it builds equals a build of everything from scratch.

Scale depends on it (a day of news arrives in many small runs), and so does trust: the
incremental path must never drift from a rebuild.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import dagster as dg
import polars as pl
import pytest

from pipelines.defs.news import REBUILD_TAG
from pipelines.lib import quality
from tests.conftest import SAMPLES, resources_for, write_sources
from tests.pipeline.helpers import all_assets, count, materialize, query

ARTICLES = sorted((SAMPLES / "articles").iterdir())


def _sources(tmp: Path, inbox: Path) -> Path:
    return write_sources(tmp / "sources.yaml", [
        {"name": "desk-inbox", "kind": "inbox", "path": str(inbox)},
        {"name": "tfp", "kind": "statistics", "format": "techforpalestine",
         "path": str(next((SAMPLES / "statistics").glob("tfp_*.json")))},
    ])


def _meta(result: dg.ExecuteInProcessResult, *key: str) -> dict:
    [event] = [e for e in result.get_asset_materialization_events()
               if e.asset_key == dg.AssetKey(list(key))]
    return {k: v.value for k, v in event.materialization.metadata.items()}


def _state(lake: Path) -> dict:
    """What a rebuild must reproduce: the content-keyed rows of the core tables and marts."""
    return {
        "articles": set(query(lake, "select article_id, content_hash from core.articles")),
        "figures": set(query(lake, "select figure_id, claimant_id, metric, value "
                                   "from core.figures")),
        # every column: claims are updated in place, not rebuilt, on a run with new figures
        "claims": set(query(lake, "select columns(*)::varchar from core.claims")),
        "mentions": set(query(lake, "select columns(*)::varchar from core.claim_mentions")),
        "marts": {t: count(lake, t) for t in ("marts.hostage_ledger", "marts.figure_disputes",
                                             "marts.corroboration", "marts.revisions")},
    }


@pytest.mark.integration
def test_new_article_is_the_only_work_and_the_result_equals_a_rebuild(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in ARTICLES[:-1]:
        shutil.copy(path, inbox)
    lake = tmp_path / "lake"
    resources = resources_for(lake, _sources(tmp_path, inbox))
    materialize(resources)
    figures_before = count(lake, "core.figures")

    shutil.copy(ARTICLES[-1], inbox)
    second = materialize(resources)
    staged = _meta(second, "staging", "articles")
    assert (staged["articles"], staged["already_staged"]) == (1, len(ARTICLES) - 1)
    assert _meta(second, "staging", "article_figures")["articles"] == 1
    added = _meta(second, "core", "figures")["added"]
    assert added > 0 and count(lake, "core.figures") == figures_before + added
    assert query(lake, "select count(*) - count(distinct figure_id) from core.figures") == [(0,)]
    claims = _meta(second, "core", "claims")
    assert claims["rebuilt"] == "changed claims only"
    assert 0 < claims["redone_claims"] < claims["dagster/row_count"]
    # every row passed its checks in the first run, so this update's checks judged its own rows
    assert claims["rows_checked"].startswith("the rows this update redid")
    [one_claim] = [e for e in second.get_asset_check_evaluations()
                   if e.check_name == "figure_in_one_claim"]
    assert one_claim.passed  # one row per redone figure: none left core.figures in this run
    assert (one_claim.metadata["evaluated_rows"].value == claims["redone_figures"]
            < count(lake, "core.figures"))
    # the exports of the big tables wrote the new rows only, and read back as the whole table
    published = _meta(second, "exports", "parquet")
    assert published["written core.articles"] == 1
    assert published["written core.figures"] == published["written core.claim_mentions"] == added
    assert published["parts core.figures"] == 2
    exported = pl.read_parquet(lake / "exports" / "core.figures.parquet")
    assert (sorted(exported["figure_id"])
            == [r[0] for r in query(lake, "select figure_id from core.figures order by 1")])

    # Nothing new: nothing parsed, extracted or rebuilt, no check re-run, verdicts carried.
    checks_before = count(lake, "quality.check_results")
    third = materialize(resources)
    assert _meta(third, "staging", "articles")["articles"] == 0
    for key in (("core", "figures"), ("core", "claims"), ("marts", "figure_disputes"), ("marts", "hostage_ledger"),
                ("reports", "overview")):
        assert _meta(third, *key).get("rebuilt") is False, (key, _meta(third, *key))
    exports = _meta(third, "exports", "parquet")
    # the quarantine restamps the statistics rows the statistics asset re-reads every run
    # (a small table, cheap to export)
    assert set(exports["exported"].split(", ")) <= {"raw.fetch_log", "quality.quarantine"}
    assert "core.figures" in exports["unchanged"]
    evaluations = third.get_asset_check_evaluations()
    assert evaluations and all(e.passed for e in evaluations)
    assert all(e.metadata["re_evaluated"].value is False for e in evaluations)
    assert count(lake, "quality.check_results") == checks_before

    # The same inbox built in one go, in a fresh lake, gives the same rows.
    scratch = tmp_path / "scratch"
    materialize(resources_for(scratch, _sources(tmp_path, inbox)))
    assert _state(lake) == _state(scratch)

    # A whole reload of core.figures (a re-extraction) may change figures under the same ids,
    # which an update cannot see: even when that run stops right after it, the next run
    # builds the claims whole.
    dg.materialize(all_assets(), resources=resources,
                   selection=[dg.AssetKey(["core", "figures"])],
                   tags={REBUILD_TAG: "full"}, instance=dg.DagsterInstance.ephemeral())
    after_reload = _meta(materialize(resources), "core", "claims")
    assert (after_reload["rebuilt"], after_reload["rows_checked"]) == ("whole", "every row")


@pytest.mark.integration
def test_a_series_revising_a_past_day_reaches_the_figures_and_claims_as_a_rebuild_would(
        tmp_path):
    """A revised value keeps its figure's id (the id leaves the value out): the load must
    compare the series' rows, not only their ids."""
    series = tmp_path / "tfp.json"
    days = json.loads(next((SAMPLES / "statistics").glob("tfp_*.json")).read_text())
    series.write_text(json.dumps(days))
    sources = write_sources(tmp_path / "sources.yaml", [
        {"name": "tfp", "kind": "statistics", "format": "techforpalestine", "path": str(series)}])
    lake = tmp_path / "lake"
    resources = resources_for(lake, sources)
    materialize(resources)
    day = days[-1]["report_date"]
    toll = ("select value from core.figures where origin = 'statistics' "
            "and dataset_field = 'killed_cum' and as_of = ?")
    [(before,)] = query(lake, toll, [day])

    # the ministry restates that day's toll, the day's count with it
    days[-1]["killed_cum"] += 1000
    days[-1]["killed"] += 1000
    series.write_text(json.dumps(days))
    materialize(resources)
    assert query(lake, toll, [day]) == [(before + 1000,)]
    materialize(resources_for(tmp_path / "scratch", sources))
    assert _state(lake) == _state(tmp_path / "scratch")


@pytest.mark.integration
def test_loading_in_small_chunks_gives_the_same_tables(tmp_path, monkeypatch):
    """Loads stream the staged rows chunk by chunk (memory of a chunk, not of the day), and
    the rules judge them in runs that cut through articles; the tables are the same."""
    import pipelines.defs.warehouse as loaders

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in ARTICLES:
        shutil.copy(path, inbox)
    whole = tmp_path / "whole"
    materialize(resources_for(whole, _sources(tmp_path, inbox)))
    monkeypatch.setattr(loaders, "CHUNK_ROWS", 7)
    monkeypatch.setattr(quality, "ROWS_PER_VALIDATION", 5)
    chunked = tmp_path / "chunked"
    materialize(resources_for(chunked, _sources(tmp_path, inbox)))
    assert _state(chunked) == _state(whole)
    assert count(chunked, "core.figures") > 7 * 10


@pytest.mark.integration
def test_parts_staged_by_two_runs_load_together_as_a_build_in_one_go(tmp_path):
    """Two runs stage their articles and figures, each in a part of its own, and the loads run
    once after both: every new row of both parts is loaded (the loads read only the staged
    files that hold new rows, so this is the case where there are several)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    resources = resources_for(tmp_path / "lake", _sources(tmp_path, inbox))
    staging = [dg.AssetKey(["raw", "inbox"]), dg.AssetKey(["raw", "sources"]),
               dg.AssetKey(["staging", "articles"]), dg.AssetKey(["staging", "article_figures"])]
    for half in (ARTICLES[::2], ARTICLES[1::2]):
        for path in half:
            shutil.copy(path, inbox)
        materialize(resources, selection=staging)
    parts = sorted((tmp_path / "lake" / "staging" / "article_figures").rglob("*.parquet"))
    assert len(parts) == 2
    materialize(resources)
    scratch = tmp_path / "scratch"
    materialize(resources_for(scratch, _sources(tmp_path, inbox)))
    assert _state(tmp_path / "lake") == _state(scratch)
    assert count(scratch, "core.articles") == len(ARTICLES)


@pytest.mark.integration
def test_one_article_dropped_under_two_names_and_again_a_day_later_is_loaded_once(tmp_path):
    """Its figures were inserted once per name, and a reload of core.figures read them from
    every day's part that staged them."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("a.txt", "a-copy.txt"):
        shutil.copy(ARTICLES[0], inbox / name)
    resources = resources_for(tmp_path / "lake", _sources(tmp_path, inbox))
    materialize(resources, partition="2025-03-01")
    shutil.copy(ARTICLES[0], inbox / "a-again.txt")
    materialize(resources, partition="2025-03-02")
    lake = tmp_path / "lake"

    def figures() -> tuple[int, int]:
        return query(lake, "select count(*), count(distinct figure_id) from core.figures "
                           "where origin = 'article'")[0]

    total, distinct = figures()
    assert total == distinct > 0
    dg.materialize(all_assets(), resources=resources, selection=[dg.AssetKey(["core", "figures"])],
                   tags={REBUILD_TAG: "full"}, instance=dg.DagsterInstance.ephemeral())
    assert figures() == (total, distinct)
