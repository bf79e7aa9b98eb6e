"""The code location loads and is what a data engineer expects to find in the UI."""

from __future__ import annotations

import shutil

import dagster as dg
import pytest

from pipelines.definitions import defs
from pipelines.defs.automation import recheck_job, reextract_job
from pipelines.defs.partitions import daily, today
from tests.conftest import SAMPLES, resources_for, write_sources
from tests.pipeline.helpers import all_assets, checks, count, query
from tests.pipeline.test_inbox_sensor import ingest_inboxes, sensor_tick

WRITERS = {("core", "articles"), ("core", "figures"), ("core", "claimants"), ("exports", "parquet"),
           ("quality", "quarantine"), ("marts", "hostage_ledger"), ("raw", "fetch_log")}


def test_definitions_load_with_jobs_schedule_and_sensor():
    assert {j.name for j in defs.jobs} >= {"ingest_job", "inbox_job"}
    assert defs.resolve_schedule_def("poll_feeds")
    assert defs.resolve_sensor_def("inbox_sensor")
    dg.Definitions.validate_loadable(defs)


def test_every_asset_is_described_grouped_and_writers_share_one_pool():
    graph = defs.resolve_asset_graph()
    pools = {}
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        assert node.description, key
        assert node.group_name != "default", key
        pools[tuple(key.path)] = node.pools
    for key in WRITERS:
        assert pools[key] == {"duckdb"}, key
    # the CPU-bound article stages stay out of the writer pool so they can run in parallel
    assert not pools[("staging", "article_figures")]


def test_inbox_sensor_batches_a_burst_into_one_run_and_then_skips(tmp_path, lake):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    sources = write_sources(tmp_path / "s.yaml", [{"name": "inbox", "kind": "inbox",
                                                   "path": str(inbox)}])
    tally = resources_for(lake, sources)["tally"]
    with dg.DagsterInstance.ephemeral() as instance:
        assert isinstance(sensor_tick(instance, tally)[0], dg.SkipReason)

        for i in range(50):
            (inbox / f"a{i}.txt").write_text(f"Title: {i}\n\nbody {i}", encoding="utf-8")
        request, cursor = sensor_tick(instance, tally)
        assert isinstance(request, dg.RunRequest)
        assert request.tags["tally/inbox_files"] == "50"
        assert cursor == request.run_key
        # the same pending files: the same key (no second run), and the sensor asks no more
        assert sensor_tick(instance, tally)[0].run_key == request.run_key
        assert isinstance(sensor_tick(instance, tally, cursor)[0], dg.SkipReason)

        ingest_inboxes(tally, "first")
        skipped, cursor = sensor_tick(instance, tally, cursor)
        assert isinstance(skipped, dg.SkipReason) and cursor is None
        (inbox / "a3.txt").write_text("Title: changed\n\nnew body", encoding="utf-8")
        changed, cursor = sensor_tick(instance, tally, cursor)
        assert changed.tags["tally/inbox_files"] == "1"
        assert changed.run_key != request.run_key
        (inbox / "a51.txt").write_text("Title: 51\n\nbody", encoding="utf-8")
        more = sensor_tick(instance, tally, cursor)[0]
        assert more.tags["tally/inbox_files"] == "2" and more.run_key != changed.run_key


# --- jobs for the common runs, retries and freshness ------------------------------------------

def _selected(job_name: str) -> set[str]:
    job = defs.resolve_job_def(job_name)
    return {"/".join(k.path) for k in job.asset_layer.selected_asset_keys}


def test_common_run_jobs_resolve_with_their_selection_partitions_and_tags():
    assert {j.name for j in defs.jobs} >= {"ingest_job", "inbox_job", "reextract_job",
                                           "recheck_job"}
    reextract = defs.resolve_job_def("reextract_job")
    assert reextract.partitions_def == daily  # a date range is a backfill over these days
    assert reextract.tags["tally/trigger"] == "re-extract"
    assert {"staging/articles", "staging/article_figures", "core/figures",
            "marts/hostage_ledger", "reports/overview"} <= _selected("reextract_job")
    assert not {"raw/sources", "raw/inbox", "staging/statistics_figures"} & _selected(
        "reextract_job")

    recheck = defs.resolve_job_def("recheck_job")
    assert recheck.partitions_def is None
    assert recheck.tags["tally/trigger"] == "re-check"
    assert {"core/articles", "core/figures", "core/claimants", "quality/quarantine",
            "marts/hostage_ledger", "exports/parquet", "reports/overview"} <= _selected(
        "recheck_job")
    assert not any(k.startswith(("raw/", "staging/")) for k in _selected("recheck_job"))
    assert "reports/overview" in _selected("ingest_job")


def test_network_asset_retries_with_jitter_and_feeds_expect_freshness():
    sources = defs.resolve_assets_def(["raw", "sources"])
    policy = sources.op.retry_policy
    assert policy and policy.max_retries >= 1 and policy.jitter is not None
    graph = defs.resolve_asset_graph()
    freshness = graph.get(dg.AssetKey(["raw", "sources"])).freshness_policy
    assert isinstance(freshness, dg.FreshnessPolicy)
    assert freshness.warn_window < freshness.fail_window
    assert graph.get(dg.AssetKey(["raw", "inbox"])).freshness_policy is None


@pytest.mark.integration
def test_recheck_job_reruns_checks_and_report_on_the_sample_warehouse(built, tmp_path):
    """On a copy of the sample lake: nothing fetched or extracted, every check run again."""
    lake = tmp_path / "lake"
    shutil.copytree(built[0], lake)
    fetched_before = count(lake, "raw.fetch_log")
    figures_before = count(lake, "core.figures")
    job_defs = dg.Definitions(assets=all_assets(), jobs=[recheck_job],
                              resources=resources_for(lake, SAMPLES / "sources.yaml"))
    with dg.DagsterInstance.ephemeral() as instance:
        result = job_defs.resolve_job_def("recheck_job").execute_in_process(instance=instance)
    assert result.success
    assert result.dagster_run.tags["tally/trigger"] == "re-check"
    done = {"/".join(e.asset_key.path) for e in result.get_asset_materialization_events()}
    assert done == _selected("recheck_job")
    outcome = checks(result)
    assert {"figure_has_claimant", "ledger_remaining_within_abducted"} <= set(outcome)
    assert all(outcome.values())
    assert count(lake, "raw.fetch_log") == fetched_before
    assert count(lake, "core.figures") == figures_before
    rechecked = query(lake, "select count(*) from quality.check_results where run_id = ?",
                      [result.run_id])[0][0]
    assert rechecked == len(outcome)
    report = (lake / "reports" / "index.html").read_text(encoding="utf-8")
    assert "Gaza Ministry of Health" in report and "figure_has_claimant" in report


@pytest.mark.integration
def test_reextract_job_rebuilds_a_day_from_the_raw_store_without_fetching(built, tmp_path):
    """On a copy of the sample lake: the day's articles re-parsed and re-extracted, same rows."""
    lake = tmp_path / "lake"
    shutil.copytree(built[0], lake)
    before = {t: count(lake, t) for t in ("raw.fetch_log", "core.articles", "core.figures")}
    job_defs = dg.Definitions(assets=all_assets(), jobs=[reextract_job],
                              resources=resources_for(lake, SAMPLES / "sources.yaml"))
    with dg.DagsterInstance.ephemeral() as instance:
        result = job_defs.resolve_job_def("reextract_job").execute_in_process(
            instance=instance, partition_key=today())
    assert result.success
    assert result.dagster_run.tags["tally/trigger"] == "re-extract"
    done = {"/".join(e.asset_key.path) for e in result.get_asset_materialization_events()}
    assert {"staging/articles", "staging/article_figures", "core/figures"} <= done
    assert not any(k.startswith("raw/") for k in done)
    assert {t: count(lake, t) for t in before} == before
