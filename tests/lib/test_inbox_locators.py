"""A local file's locator names it within its source, not where it is on this machine.

Before, locators were paths from the repository root (absolute outside it), so another checkout
or an inbox moved or mounted elsewhere saw every file as new: 300,000 files read again (108 s)
and a manifest row added per file. Lakes written that way must keep working unchanged.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from pipelines.lib.ingest import Ingestor, IngestReport
from pipelines.lib.raw_store import FetchLogRow, RawStore
from pipelines.lib.sources import Source

FILES = {
    "a.txt": "Title: A\n\nOfficials said 12 people were killed.\n",
    "sub/b.html": "<html><body><p>The ministry said 40 people were injured.</p></body></html>",
    "series.json": '[{"report_date": "2024-01-01"}]',
}


def make_inbox(folder: Path) -> Path:
    for name, text in FILES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def read(lake: Path, batch: str, source: Source, base: Path) -> tuple[IngestReport, tuple]:
    """One run's read of `source`: its report and (manifest rows, fetch-log rows) written."""
    store = RawStore(lake, batch=batch)
    report = Ingestor(store, None, base=base, log=lambda m: None).ingest(source)
    return report, store.flush()


def write_old_lake(lake: Path, source: Source, files: dict[str, Path]) -> None:
    """A lake as versions before source-relative locators wrote it: each file's manifest and
    fetch-log rows under `files`' keys, its path from the repository root (absolute outside it),
    with its modification time and size as the fetch log's Last-Modified."""
    store = RawStore(lake, batch=f"old-{source.name}")
    kinds = {".json": ("statistics", "json"), ".html": ("article", "html")}
    for locator, path in files.items():
        data, stat = path.read_bytes(), path.stat()
        kind, media_type = kinds.get(path.suffix, ("article", "text"))
        digest, _ = store.put(data, source=source.name, kind=kind, locator=locator,
                              media_type=media_type)
        store.log(FetchLogRow(batch=store.batch, source=source.name, locator=locator, ok=True,
                              content_hash=digest, size=len(data),
                              last_modified=f"{stat.st_mtime_ns}:{stat.st_size}"))
    store.flush()


def locators(lake: Path) -> list[str]:
    return sorted(RawStore(lake, batch="reader").manifest()["locator"])


def test_a_moved_inbox_is_not_read_again(tmp_path, lake):
    inbox = make_inbox(tmp_path / "mount-a" / "inbox")
    report, _ = read(lake, "b1", Source(name="desk", kind="inbox", path=str(inbox)), tmp_path)
    assert report.new == 3
    assert locators(lake) == ["desk/a.txt", "desk/series.json", "desk/sub/b.html"]

    moved = tmp_path / "mount-b" / "dropped"
    moved.parent.mkdir()
    inbox.rename(moved)  # a move keeps modification times, as a remount does
    report, written = read(lake, "b2", Source(name="desk", kind="inbox", path=str(moved)),
                           tmp_path)
    assert (report.new, report.unchanged, report.failed) == (0, 3, 0)
    assert written == (0, 0)  # no manifest row, and no file read (a read is logged)


def test_another_checkout_reads_nothing_again(tmp_path, lake):
    """The same inbox seen from two repositories: from inside one and outside the other."""
    checkout = tmp_path / "checkout-a"
    inbox = make_inbox(checkout / "data_lake" / "inbox")
    source = Source(name="desk", kind="inbox", path=str(inbox))
    assert read(lake, "b1", source, checkout)[0].new == 3
    report, written = read(lake, "b2", source, tmp_path / "checkout-b")
    assert (report.new, report.unchanged, written) == (0, 3, (0, 0))


def test_a_changed_file_is_read_again_after_a_move(tmp_path, lake):
    inbox = make_inbox(tmp_path / "a")
    read(lake, "b1", Source(name="desk", kind="inbox", path=str(inbox)), tmp_path)
    moved = tmp_path / "b"
    inbox.rename(moved)
    (moved / "a.txt").write_text("Title: A\n\nOfficials said 13 people were killed.\n",
                                 encoding="utf-8")
    os.utime(moved / "sub" / "b.html", ns=(0, 10**18))  # touched: read, but nothing new
    report, written = read(lake, "b2", Source(name="desk", kind="inbox", path=str(moved)),
                           tmp_path)
    assert (report.new, report.unchanged) == (1, 2)
    assert written == (1, 2)  # one new payload; two files read
    assert locators(lake) == ["desk/a.txt", "desk/a.txt", "desk/series.json", "desk/sub/b.html"]


def test_a_lake_with_repository_relative_locators_is_honoured(tmp_path, lake):
    """A lake of an earlier version: nothing is read again or recorded twice, a changed file
    keeps its old locator (its versions stay one series), a new file gets the new form."""
    repo = tmp_path / "repo"
    inbox = make_inbox(repo / "data_lake" / "inbox")
    shutil.copy(inbox / "series.json", repo / "tfp.json")
    desk = Source(name="desk", kind="inbox", path="data_lake/inbox")
    tfp = Source(name="tfp", kind="statistics", format="techforpalestine", path="tfp.json")
    write_old_lake(lake, desk, {f"data_lake/inbox/{name}": inbox / name for name in FILES})
    write_old_lake(lake, tfp, {"tfp.json": repo / "tfp.json"})
    before = locators(lake)

    for source in (desk, tfp):
        report, written = read(lake, f"new-{source.name}", source, repo)
        assert (report.new, report.failed, written) == (0, 0, (0, 0)), source.name
        assert report.unchanged == (3 if source is desk else 1)
    assert locators(lake) == before

    (inbox / "a.txt").write_text("Title: A\n\nChanged: 13 people were killed.\n",
                                 encoding="utf-8")
    (inbox / "c.txt").write_text("Title: C\n\nA new file.\n", encoding="utf-8")
    (repo / "tfp.json").write_text('[{"report_date": "2024-01-02"}]', encoding="utf-8")
    for source in (desk, tfp):
        report, written = read(lake, f"changed-{source.name}", source, repo)
        assert report.new == (2 if source is desk else 1), source.name
    assert sorted(set(locators(lake)) - set(before)) == ["desk/c.txt"]
    assert len(locators(lake)) == len(before) + 3


def test_a_lake_with_absolute_locators_is_honoured(tmp_path, lake):
    """Outside the repository earlier versions recorded absolute paths."""
    inbox = make_inbox(tmp_path / "mnt" / "inbox")
    desk = Source(name="desk", kind="inbox", path=str(inbox))
    write_old_lake(lake, desk, {str(inbox / name): inbox / name for name in FILES})
    report, written = read(lake, "new", desk, tmp_path / "repo")
    assert (report.new, report.unchanged, written) == (0, 3, (0, 0))


def test_a_local_feed_and_its_pages_are_named_within_the_feeds_folder(tmp_path, lake):
    """A local feed moved with its pages (or read from another checkout) adds nothing."""
    site = tmp_path / "site-a"
    (site / "feeds" / "pages").mkdir(parents=True)
    (site / "feeds" / "pages" / "one.txt").write_text(
        "Title: One\n\nOfficials said 12 people were killed.\n", encoding="utf-8")
    (site / "feeds" / "wire.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>One</title><link>pages/one.txt</link></item></channel></rss>",
        encoding="utf-8")

    def feed(folder: Path) -> Source:
        return Source(name="wire", kind="feed", outlet="Wire",
                      path=str(folder / "feeds" / "wire.xml"))

    assert read(lake, "b1", feed(site), tmp_path)[0].new == 2
    assert locators(lake) == ["wire/feeds/pages/one.txt", "wire/feeds/wire.xml"]
    site.rename(tmp_path / "site-b")
    report, (new_rows, _) = read(lake, "b2", feed(tmp_path / "site-b"), tmp_path)
    assert (report.new, report.failed, new_rows) == (0, 0, 0)
