"""The inbox sensor asks for a run only for what the lake does not hold yet, and remembers no
more than one run key, however many files the inbox holds."""

from __future__ import annotations

import dagster as dg

from pipelines.defs.automation import inbox_sensor
from pipelines.defs.resources import TallyConfig
from pipelines.lib.ingest import Ingestor
from pipelines.lib.raw_store import RawStore
from pipelines.settings import REPO_ROOT
from tests.conftest import resources_for, write_sources


def sensor_tick(instance: dg.DagsterInstance, tally: TallyConfig, cursor: str | None = None):
    """One evaluation of the real sensor: (its result, the cursor it leaves)."""
    context = dg.build_sensor_context(instance=instance, cursor=cursor, resources={"tally": tally})
    return inbox_sensor(context), context.cursor


def ingest_inboxes(tally: TallyConfig, batch: str):
    """What `raw/inbox` does: a real read of every inbox of the sources file into the lake."""
    inboxes = [s for s in tally.sources().sources if s.kind == "inbox"]
    store = RawStore(tally.lake, batch=batch)
    ingestor = Ingestor(store, None, base=REPO_ROOT, log=lambda m: None, sources=inboxes)
    reports = [ingestor.ingest(source) for source in inboxes]
    store.flush()
    return reports


def _inbox(tmp_path, lake):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    sources = write_sources(tmp_path / "s.yaml", [{"name": "inbox", "kind": "inbox",
                                                   "path": str(inbox)}])
    return inbox, resources_for(lake, sources)["tally"]


def test_the_cursor_is_one_run_key_whatever_the_inbox_holds(tmp_path, lake):
    inbox, tally = _inbox(tmp_path, lake)
    with dg.DagsterInstance.ephemeral() as instance:
        (inbox / "first.txt").write_text("Title: first\n\nbody", encoding="utf-8")
        request, small = sensor_tick(instance, tally)
        assert request.tags["tally/inbox_files"] == "1"
        for day in range(20):
            folder = inbox / f"day-{day:02d}"
            folder.mkdir()
            for i in range(100):
                (folder / f"a{i}.txt").write_text(f"Title: {day} {i}\n\nbody", encoding="utf-8")
        request, large = sensor_tick(instance, tally, small)
        assert request.tags["tally/inbox_files"] == "2001"
        assert len(large) == len(small) == 32

        ingest_inboxes(tally, "first")
        skipped, cursor = sensor_tick(instance, tally, large)
        assert isinstance(skipped, dg.SkipReason) and cursor is None


def test_files_the_run_rejects_do_not_ask_for_runs_again_and_again(tmp_path, lake):
    """A type the inbox does not take, or a name it ignores, is never pending (a run would only
    quarantine it again); a file it cannot read stays pending under one key, which the sensor
    asks for once."""
    inbox, tally = _inbox(tmp_path, lake)
    (inbox / "good.txt").write_text("Title: good\n\nbody", encoding="utf-8")
    (inbox / "scan.pdf").write_bytes(b"%PDF-1.7")
    (inbox / "next.txt.part").write_text("still downloading", encoding="utf-8")
    (inbox / "empty.txt").write_text("", encoding="utf-8")
    with dg.DagsterInstance.ephemeral() as instance:
        request, cursor = sensor_tick(instance, tally)
        assert request.tags["tally/inbox_files"] == "2"  # good.txt and empty.txt

        [report] = ingest_inboxes(tally, "first")
        assert (report.new, report.failed) == (1, 2)  # scan.pdf and empty.txt quarantined
        request, cursor = sensor_tick(instance, tally, cursor)
        assert request.tags["tally/inbox_files"] == "1"  # empty.txt, on its own
        for batch in ("second", "third"):
            ingest_inboxes(tally, batch)
            skipped, cursor = sensor_tick(instance, tally, cursor)
            assert isinstance(skipped, dg.SkipReason) and cursor == request.run_key

        (inbox / "empty.txt").write_text("Title: filled in\n\nbody", encoding="utf-8")
        filled, cursor = sensor_tick(instance, tally, cursor)
        assert filled.tags["tally/inbox_files"] == "1" and filled.run_key != request.run_key
        ingest_inboxes(tally, "fourth")
        assert isinstance(sensor_tick(instance, tally, cursor)[0], dg.SkipReason)


@dg.op
def _nothing():
    pass


@dg.job(name="inbox_job")
def _stand_in():
    _nothing()


def _run_of(instance: dg.DagsterInstance, run_key: str):
    """A run Dagster started for the sensor's request, as its storage records it."""
    return instance.create_run_for_job(_stand_in, tags={"dagster/run_key": run_key})


def _run_asked(instance: dg.DagsterInstance, run_key: str):
    return instance.get_runs(dg.RunsFilter(tags={"dagster/run_key": run_key}))[0]


def test_files_whose_run_failed_are_asked_for_again_a_few_times(tmp_path, lake):
    """A run killed before it read the inbox (a deploy's restart) left its files pending under
    the same key, so the sensor skipped them until something else in the inbox changed."""
    inbox, tally = _inbox(tmp_path, lake)
    (inbox / "a.txt").write_text("Title: a\n\nbody", encoding="utf-8")
    with dg.DagsterInstance.ephemeral() as instance:
        first, cursor = sensor_tick(instance, tally)
        _run_of(instance, first.run_key)  # still running, or done
        skipped, cursor = sensor_tick(instance, tally, cursor)
        assert isinstance(skipped, dg.SkipReason) and cursor == first.run_key

        keys = [first.run_key]
        for _ in range(2):
            instance.report_run_failed(_run_asked(instance, keys[-1]))
            again, cursor = sensor_tick(instance, tally, cursor)
            assert again.tags["tally/inbox_files"] == "1"
            keys.append(again.run_key)
            _run_of(instance, again.run_key)
        assert keys == [first.run_key, f"{first.run_key}-2", f"{first.run_key}-3"]

        last = _run_asked(instance, keys[-1])
        instance.report_run_failed(last)
        given_up, cursor = sensor_tick(instance, tally, cursor)
        assert isinstance(given_up, dg.SkipReason) and last.run_id in given_up.skip_message
        (inbox / "b.txt").write_text("Title: b\n\nbody", encoding="utf-8")
        fresh, _ = sensor_tick(instance, tally, cursor)
        assert fresh.tags["tally/inbox_files"] == "2" and "-" not in fresh.run_key
