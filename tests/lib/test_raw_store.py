"""The raw layer stores each payload once and keeps a replayable manifest and fetch log."""

from datetime import date

import polars as pl
import pytest

from pipelines.lib import raw_store
from pipelines.lib.raw_store import FetchLogRow, RawStore


def test_same_content_twice_is_stored_once(lake):
    store = RawStore(lake, batch="b1")
    h1, new1 = store.put(b"<html>x</html>", source="s", kind="article", locator="u",
                         media_type="html")
    h2, new2 = store.put(b"<html>x</html>", source="s", kind="article", locator="u",
                         media_type="html")
    assert h1 == h2 and new1 and not new2
    store.flush()
    # a later batch sees the manifest and adds nothing for the same content
    again = RawStore(lake, batch="b2")
    _, new3 = again.put(b"<html>x</html>", source="s", kind="article", locator="u",
                        media_type="html")
    assert not new3
    assert again.flush() == (0, 0)
    assert again.manifest().height == 1
    assert len(list((lake / "raw" / "objects").rglob("*"))) == 2  # one folder, one file
    assert again.read(h1) == b"<html>x</html>"


def test_changed_content_is_a_new_payload_with_its_ingest_day(lake):
    store = RawStore(lake, batch="b1", ingest_day=date(2026, 1, 2))
    store.put(b"v1", source="s", kind="article", locator="u", media_type="text")
    store.put(b"v2", source="s", kind="article", locator="u", media_type="text")
    store.flush()
    manifest = store.manifest()
    assert manifest.height == 2
    assert set(manifest["ingest_day"]) == {date(2026, 1, 2)}


def test_rerunning_a_batch_overwrites_its_own_files(lake):
    for _ in range(2):
        store = RawStore(lake, batch="same-run")
        store._known.clear()  # a retried run starts from scratch for its own batch
        store.put(b"p", source="s", kind="article", locator="u", media_type="text")
        store.log(FetchLogRow(batch="same-run", source="s", locator="u", ok=True))
        store.flush()
    assert RawStore(lake, batch="x").manifest().height == 1
    assert RawStore(lake, batch="x").fetch_log().height == 1


def test_validators_come_from_the_latest_successful_fetch(lake):
    store = RawStore(lake, batch="b1")
    store.log(FetchLogRow(batch="b1", source="s", locator="http://h/a", ok=True, etag='"v1"',
                          last_modified="Mon, 01 Jan 2024 00:00:00 GMT"))
    store.log(FetchLogRow(batch="b1", source="s", locator="http://h/a", ok=False, error="HTTP 500"))
    store.flush()
    assert RawStore(lake, batch="b2").validators() == {
        "s": {"http://h/a": ('"v1"', "Mon, 01 Jan 2024 00:00:00 GMT")}
    }


def test_object_paths_only_from_hashes(lake):
    store = RawStore(lake, batch="b")
    with pytest.raises(ValueError):
        store.object_path("../../etc/passwd")


def _ingest(store: RawStore, n: int) -> None:
    for i in range(n):
        store.put(f"payload {i}".encode(), source="s", kind="article", locator=f"u{i}",
                  media_type="text")
        store.log(FetchLogRow(batch=store.batch, source="s", locator=f"u{i}", ok=True))


def test_a_large_batch_is_written_in_parts_as_it_goes(lake, monkeypatch):
    """Memory holds SPILL_ROWS rows, not the whole inbox; a run that dies half-way keeps what
    it wrote, and a retry of the same batch replaces its parts instead of adding to them."""
    monkeypatch.setattr(raw_store, "SPILL_ROWS", 4)
    store = RawStore(lake, batch="big")
    _ingest(store, 7)  # 14 rows: three parts written before any flush
    assert len(list((lake / "raw" / "manifest").glob("big-*.parquet"))) == 3
    assert RawStore(lake, batch="reader").manifest().height == 6  # the dying run's rows are kept

    retry = RawStore(lake, batch="big")
    _ingest(retry, 7)
    assert retry.flush() == (7, 7)
    assert RawStore(lake, batch="reader").manifest().height == 7
    assert RawStore(lake, batch="reader").fetch_log().height == 7

    later = RawStore(lake, batch="next")
    _ingest(later, 7)
    assert later.flush() == (0, 7)  # every payload known: only the reads are logged


def test_validators_of_the_sources_asked_for(lake):
    store = RawStore(lake, batch="b1")
    for source in ("feed", "inbox"):
        store.log(FetchLogRow(batch="b1", source=source, locator="x", ok=True, etag=source))
    store.flush()
    assert RawStore(lake, batch="b2").validators(["feed"]) == {"feed": {"x": ("feed", None)}}
    assert set(RawStore(lake, batch="b2").validators()) == {"feed", "inbox"}


def test_payload_count_is_the_manifests_rows_after_a_race(lake):
    """Two runs at once may record the same payload; it is counted once, as manifest() does."""
    stores = [RawStore(lake, batch=batch) for batch in ("run-a", "run-b", "run-c")]
    assert all(store._known == set() for store in stores)  # each looked before any wrote
    for store in stores:
        store.put(b"same", source="s", kind="article", locator="u", media_type="text")
        store.put(store.batch.encode(), source="s", kind="article", locator="u",
                  media_type="text")
        store.flush()
    reader = RawStore(lake, batch="reader")
    assert sum(pl.read_parquet(f).height for f in (lake / "raw" / "manifest").glob("*")) == 6
    assert reader.payload_count() == reader.manifest().height == 4  # of 6 rows written
