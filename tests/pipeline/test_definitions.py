"""The code location loads and is what a data engineer expects to find in the UI."""

from __future__ import annotations

import json

import dagster as dg

from pipelines.definitions import defs
from pipelines.defs.automation import inbox_sensor
from tests.conftest import resources_for, write_sources

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
        context = dg.build_sensor_context(instance=instance, resources={"tally": tally})
        assert isinstance(inbox_sensor(context), dg.SkipReason)

        for i in range(50):
            (inbox / f"a{i}.txt").write_text(f"Title: {i}\n\nbody {i}", encoding="utf-8")
        context = dg.build_sensor_context(instance=instance, resources={"tally": tally})
        request = inbox_sensor(context)
        assert isinstance(request, dg.RunRequest)
        assert request.tags["tally/inbox_files"] == "50"
        cursor = context.cursor
        assert len(json.loads(cursor)) == 50

        again = dg.build_sensor_context(instance=instance, cursor=cursor,
                                        resources={"tally": tally})
        assert isinstance(inbox_sensor(again), dg.SkipReason)
        (inbox / "a3.txt").write_text("Title: changed\n\nnew body", encoding="utf-8")
        changed = dg.build_sensor_context(instance=instance, cursor=cursor,
                                          resources={"tally": tally})
        assert inbox_sensor(changed).tags["tally/inbox_files"] == "1"
