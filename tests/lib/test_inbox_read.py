"""An inbox is read by a thread ahead of the one that stores the files, in the walk's order."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import polars as pl

from pipelines.lib import ingest
from pipelines.lib.in_order import map_in_order
from pipelines.lib.ingest import Ingestor
from pipelines.lib.raw_store import RawStore, read_payload
from pipelines.lib.sources import Source


def test_every_file_is_stored_whole_and_quarantined_in_path_order_whatever_its_size(
        tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "READ_AHEAD_BYTES", 600)  # the long pages wait for their turn
    monkeypatch.setattr(ingest, "FILES_PER_READ", 3)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    pages = {f"p{i:02d}.txt": f"Title: Page {i}\n\n" + "The ministry said 12 died. " * (i * 5)
             for i in range(1, 15)}
    for name, text in pages.items():
        (inbox / name).write_text(text, encoding="utf-8")
    # in the walk, the empty file comes before the unsupported one, a chunk of reads apart
    (inbox / "p03b.txt").write_bytes(b"")
    (inbox / "p05b.pdf").write_bytes(b"%PDF-1.4")

    store = RawStore(tmp_path / "lake", batch="b1")
    source = Source(name="box", kind="inbox", path=str(inbox))
    report = Ingestor(store, None, base=tmp_path, log=lambda m: None).ingest(source)
    store.flush()

    assert report.new == 14 and report.failed == 2
    assert [(q["locator"], q["rule"]) for q in report.quarantine] == [
        ("box/p03b.txt", "file_empty"), ("box/p05b.pdf", "file_type_unsupported")]
    rows = store.manifest().filter(pl.col("kind") == "article")
    assert rows["locator"].to_list() == [f"box/{name}" for name in pages]
    assert any(len(text) > 600 for text in pages.values())
    for row in rows.iter_rows(named=True):
        assert read_payload(tmp_path / "lake", row).decode() == pages[row["locator"][4:]]
    stamps = dict(store.fetch_log().filter(pl.col("ok")).select("locator", "last_modified")
                  .iter_rows())
    for name in pages:
        stat = (inbox / name).stat()
        assert stamps[f"box/{name}"] == f"{stat.st_mtime_ns}:{stat.st_size}"


def test_results_come_in_order_with_a_bounded_number_of_items_taken_ahead():
    taken = []
    release = threading.Event()

    def items():
        for i in range(20):
            taken.append(i)
            yield i

    def square(i):
        release.wait()
        time.sleep((20 - i) * 0.001)  # the later items finish first
        return i * i

    with ThreadPoolExecutor(4) as pool:
        results = map_in_order(pool, square, items(), window=3)
        threading.Timer(0.2, release.set).start()
        got = []
        for result in results:
            # never more than the window taken ahead of what has been handed back
            assert len(taken) == min(len(got) + 3, 20)
            got.append(result)
        assert got == [i * i for i in range(20)]
