"""The raw layer stores each payload once and keeps a replayable manifest and fetch log."""

from datetime import UTC, date, datetime, timedelta

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from pipelines.lib import raw_store
from pipelines.lib.raw_store import FetchLogRow, RawStore, object_path, read_payload, sha256


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
    packs = list((lake / "raw" / "packs").iterdir())
    assert [p.stat().st_size for p in packs] == [len(b"<html>x</html>")]  # the bytes, once
    assert again.read(h1) == b"<html>x</html>"


def test_the_same_bytes_under_another_locator_point_at_the_stored_ones(lake):
    first = RawStore(lake, batch="b1")
    first.put(b"<html>same page</html>", source="s", kind="article", locator="u1",
              media_type="html")
    first.flush()
    second = RawStore(lake, batch="b2")
    second.put(b"<html>same page</html>", source="feed", kind="article", locator="u2",
               media_type="html")
    second.put(b"<html>a new page</html>", source="feed", kind="article", locator="u3",
               media_type="html")
    second.flush()
    rows = second.manifest().sort("locator")
    assert [p.split("-")[0] for p in rows["pack"]] == ["b1", "b1", "b2"]
    assert [read_payload(lake, r) for r in rows.iter_rows(named=True)] == [
        b"<html>same page</html>", b"<html>same page</html>", b"<html>a new page</html>"]
    assert (lake / "raw" / "packs" / rows["pack"][2]).read_bytes() == b"<html>a new page</html>"


def test_packs_close_at_their_size_and_before_each_spill(lake, monkeypatch):
    monkeypatch.setattr(raw_store, "PACK_BYTES", 25)
    store = RawStore(lake, batch="b")
    payloads = [f"payload number {i}".encode() for i in range(5)]  # 16-17 bytes each
    for i, data in enumerate(payloads):
        store.put(data, source="s", kind="article", locator=f"u{i}", media_type="text")
    store.flush()
    rows = store.manifest().sort("locator")
    assert rows["pack"].n_unique() == 3  # two payloads pass 25 bytes; the fifth closes at flush
    assert [read_payload(lake, r) for r in rows.iter_rows(named=True)] == payloads


def test_a_killed_run_leaves_no_pack_and_no_row_pointing_at_one(lake):
    dying = RawStore(lake, batch="dying")
    dying.put(b"half a run", source="s", kind="article", locator="u", media_type="text")
    # killed here: never flushed
    assert [p.name for p in (lake / "raw" / "packs").iterdir() if not p.name.startswith(".")] \
        == []
    assert RawStore(lake, batch="reader").manifest().height == 0
    again = RawStore(lake, batch="next")
    assert again.put(b"half a run", source="s", kind="article", locator="u",
                     media_type="text")[1]  # stored anew, as if never seen
    again.flush()
    assert again.read(sha256(b"half a run")) == b"half a run"


def test_payloads_of_lakes_written_before_packs_are_still_read(lake):
    data = b"<html>kept as a file</html>"
    digest = sha256(data)
    old = object_path(lake, digest)
    old.parent.mkdir(parents=True)
    old.write_bytes(data)
    (lake / "raw" / "manifest").mkdir(parents=True)
    row = {"content_hash": digest, "source": "s", "kind": "article", "locator": "u",
           "media_type": "html", "outlet": None, "claimant": None, "format": None,
           "size": len(data), "first_seen_at": datetime(2024, 1, 1, tzinfo=UTC),
           "ingest_day": date(2024, 1, 1), "batch": "old"}  # no pack, offset, charset, feed day
    schema = {k: v for k, v in raw_store.MANIFEST_SCHEMA.items()
              if k not in ("pack", "offset", "charset", "feed_published")}
    pl.DataFrame([row], schema=schema).write_parquet(lake / "raw" / "manifest" / "old.parquet")
    store = RawStore(lake, batch="new")
    assert store.read(digest) == data
    assert not store.put(data, source="s", kind="article", locator="u", media_type="html")[1]
    assert store.put(data, source="s", kind="article", locator="u2", media_type="html")[1]
    store.flush()
    rows = store.manifest().filter(pl.col("locator") == "u2")
    assert rows["pack"].to_list() == [None]  # pointed at the old file, not stored again
    assert store.manifest()["feed_published"].to_list() == [None, None]
    assert not (lake / "raw" / "packs").exists()


def test_bytes_that_do_not_match_their_hash_are_an_error(lake):
    store = RawStore(lake, batch="b")
    digest, _ = store.put(b"the true text", source="s", kind="article", locator="u",
                          media_type="text")
    store.flush()
    (pack,) = (lake / "raw" / "packs").iterdir()
    pack.write_bytes(b"the lost text")
    with pytest.raises(ValueError, match=f"{digest} does not match its bytes in {pack.name} at 0"):
        store.read(digest)


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


def test_a_retried_batch_keeps_the_bytes_another_batch_points_at(lake):
    """A run that failed and is retried (same batch) replaces its manifest and log, but never
    its packs: a run in between may have pointed at the bytes they hold."""
    first = RawStore(lake, batch="retried")
    first.put(b"shared page", source="inbox", kind="article", locator="a", media_type="text")
    first.flush()
    between = RawStore(lake, batch="between")
    between.put(b"shared page", source="feed", kind="article", locator="b", media_type="text")
    between.flush()
    retry = RawStore(lake, batch="retried")
    retry.put(b"another page", source="inbox", kind="article", locator="c", media_type="text")
    retry.flush()
    rows = RawStore(lake, batch="reader").manifest().sort("locator")
    assert rows["locator"].to_list() == ["b", "c"]  # the failed attempt's row is replaced
    assert [read_payload(lake, r) for r in rows.iter_rows(named=True)] == [
        b"shared page", b"another page"]


def test_validators_come_from_the_latest_successful_fetch(lake):
    store = RawStore(lake, batch="b1")
    store.log(FetchLogRow(batch="b1", source="s", locator="http://h/a", ok=True, etag='"v1"',
                          last_modified="Mon, 01 Jan 2024 00:00:00 GMT"))
    store.log(FetchLogRow(batch="b1", source="s", locator="http://h/a", ok=False, error="HTTP 500"))
    store.flush()
    assert RawStore(lake, batch="b2").validators() == {
        "s": {"http://h/a": ('"v1"', "Mon, 01 Jan 2024 00:00:00 GMT")}
    }


def test_payload_paths_only_from_hashes_and_pack_names(lake):
    with pytest.raises(ValueError, match="not a sha256"):
        object_path(lake, "../../etc/passwd")
    with pytest.raises(ValueError, match="not a pack name"):
        read_payload(lake, {"content_hash": sha256(b"x"), "pack": "../../etc/passwd",
                            "offset": 0, "size": 1})


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


def test_last_stamps_are_each_locators_latest_good_read_by_one_source(lake):
    """What the inbox walk matches files with: failed and not-modified reads, and other
    sources' reads of the same locator, say nothing about the file as last read."""
    first, second = RawStore(lake, batch="b1"), RawStore(lake, batch="b2")
    at = datetime(2026, 12, 1, tzinfo=UTC)
    first.log(FetchLogRow(batch="b1", source="inbox", locator="inbox/a.html", ok=True,
                          last_modified="1:10", fetched_at=at))
    first.log(FetchLogRow(batch="b1", source="inbox", locator="inbox/b.html", ok=True,
                          last_modified="1:20", fetched_at=at))
    first.flush()
    for row in (
        FetchLogRow(batch="b2", source="inbox", locator="inbox/a.html", ok=True,
                    last_modified="2:11", fetched_at=at + timedelta(hours=1)),
        FetchLogRow(batch="b2", source="inbox", locator="inbox/b.html", ok=False,
                    error="empty file", last_modified="2:0", fetched_at=at + timedelta(hours=1)),
        FetchLogRow(batch="b2", source="other", locator="inbox/b.html", ok=True,
                    last_modified="9:9", fetched_at=at + timedelta(hours=2)),
        FetchLogRow(batch="b2", source="inbox", locator="inbox/a.html", ok=True,
                    not_modified=True, last_modified="3:3", fetched_at=at + timedelta(hours=2)),
    ):
        second.log(row)
    second.flush()
    got = RawStore(lake, batch="b3").last_stamps("inbox").sort("locator")
    assert got.rows() == [("inbox/a.html", "2:11"), ("inbox/b.html", "1:20")]
    assert RawStore(lake, batch="b3").last_stamps("nobody").is_empty()


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


def test_only_the_row_groups_holding_the_keys_are_named(tmp_path):
    """A run's new rows are found without reading the row groups of earlier runs' rows."""
    path = tmp_path / "part.parquet"
    rows = pl.DataFrame({"article_id": [f"a{i}" for i in range(10)],
                         "content_hash": [None if i == 7 else f"h{i}" for i in range(10)],
                         "text": [f"text {i}" for i in range(10)]})
    rows.write_parquet(path, row_group_size=3)  # groups: 0-2, 3-5, 6-8, 9
    keys = pl.DataFrame({"article_id": ["a4", "a7", "zz"], "content_hash": ["h4", None, "h0"]})

    groups = raw_store.row_groups_holding(path, keys)

    assert groups == [1, 2]  # a4 and a7 (its null hash equal to the key's); no group for zz
    read = pl.concat(raw_store.parquet_batches(path, 100, ["article_id"], groups))
    assert read["article_id"].to_list() == ["a3", "a4", "a5", "a6", "a7", "a8"]
    assert raw_store.row_groups_holding(path, keys.head(0).vstack(
        pl.DataFrame({"article_id": ["zz"], "content_hash": ["h9"]}))) == []
    # as many keys as half the rows or more: the whole file is read, no scan first
    many = rows.select("article_id", "content_hash").head(5)
    assert raw_store.row_groups_holding(path, many) is None
    assert raw_store.row_groups_holding(path, pl.DataFrame({"url": ["a1"]})) is None


def test_a_listing_names_files_from_their_folder_down_so_a_moved_lake_keeps_it(tmp_path):
    """A load skips when the files it read are listed as before; the lake's own path is not in
    the listing, so a lake moved with its files' times still skips. Two folders' files of the
    same name are still told apart."""
    lake = tmp_path / "lake"
    for folder in ("fetch_log", "manifest/day=2026-12-06"):
        (lake / "raw" / folder).mkdir(parents=True)
        pl.DataFrame({"x": [1]}).write_parquet(lake / "raw" / folder / "inbox-a-0000.parquet")
    before = [raw_store.parquet_listing(lake / "raw" / f) for f in ("fetch_log", "manifest")]
    assert before[0][0].startswith("fetch_log/inbox-a-0000.parquet:")
    assert before[1][0].startswith("manifest/day=2026-12-06/inbox-a-0000.parquet:")
    moved = tmp_path / "elsewhere" / "lake"
    moved.parent.mkdir()
    lake.rename(moved)
    after = [raw_store.parquet_listing(moved / "raw" / f) for f in ("fetch_log", "manifest")]
    assert after == before
    (moved / "raw" / "fetch_log" / "inbox-a-0000.parquet").write_bytes(b"PAR1 rewritten")
    assert raw_store.parquet_listing(moved / "raw" / "fetch_log") != before[0]


def test_a_retried_batch_reads_again_what_its_first_attempt_read(tmp_path):
    """A step retried in its run writes the same batch, whose first attempt's manifest and log
    it replaces: files that attempt had read were skipped as unchanged, then their records were
    deleted, and the payloads were gone from the lake."""
    from pipelines.lib.ingest import Ingestor
    from pipelines.lib.sources import Source

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(3):
        (inbox / f"a{i}.txt").write_text(f"Title: {i}\n\n{i + 2} people were killed.\n")
    source = Source(name="box", kind="inbox", path=str(inbox))
    for _attempt in range(2):  # the step fails after its flush, and is retried
        store = RawStore(tmp_path / "lake", batch="run-1")
        report = Ingestor(store, None, base=tmp_path, log=lambda m: None).ingest(source)
        store.flush()
        assert report.new == 3
    assert sorted(RawStore(tmp_path / "lake", "ro").manifest()["locator"]) == [
        "box/a0.txt", "box/a1.txt", "box/a2.txt"]


def test_the_manifest_of_one_kind_is_the_manifests_rows_of_that_kind(lake):
    for batch, items in (("b1", [("a1", "article"), ("s1", "statistics")]),
                         ("b2", [("a2", "article"), ("s1", "statistics"), ("s2", "statistics")])):
        store = RawStore(lake, batch=batch)
        for locator, kind in items:
            store.put(f"{batch} {locator}".encode(), source="s", kind=kind, locator=locator,
                      media_type="json")
        store.flush()
    whole = RawStore(lake, batch="read-only").manifest()
    for kind in ("article", "statistics"):
        assert_frame_equal(RawStore(lake, batch="read-only").manifest(kind=kind),
                                      whole.filter(pl.col("kind") == kind))
    assert RawStore(lake, batch="read-only").manifest(kind="statistics").height == 3
