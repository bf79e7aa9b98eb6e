"""The raw layer stores each payload once and keeps a replayable manifest and fetch log."""

from datetime import date

import pytest

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
        "http://h/a": ('"v1"', "Mon, 01 Jan 2024 00:00:00 GMT")
    }


def test_object_paths_only_from_hashes(lake):
    store = RawStore(lake, batch="b")
    with pytest.raises(ValueError):
        store.object_path("../../etc/passwd")
