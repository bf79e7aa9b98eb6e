"""The inbox walk finds every file but ignored names, in the order of their relative paths."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import polars as pl

from pipelines.lib.ingest import Ingestor, _looked_at
from pipelines.lib.raw_store import RawStore
from pipelines.lib.sources import Source

PAGE = b"Title: A page\n\nTwelve people were killed, the ministry said.\n"


def test_files_come_in_path_order_without_ignored_names_or_linked_folders(tmp_path):
    # 'a' is a folder: its files ('a/z') sort after 'a-b' and 'a.txt' ('/' > '-', '.'),
    # though a walk by names alone would give the folder 'a' first
    for name in ("a/z.txt", "a/b/c.txt", "a-b.txt", "a.txt", "ab/x.html", ".hidden/y.txt",
                 "B.txt", "a/.draft.txt", "a/note.txt~", "a/page.part"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    os.symlink(tmp_path / "a", tmp_path / "link")  # a linked folder could loop: not followed

    (tmp_path / "a.txt").write_text("longer", encoding="utf-8")

    found = _looked_at(str(tmp_path))
    relative = found["relative"].to_list()
    assert relative == [".hidden/y.txt", "B.txt", "a-b.txt", "a.txt", "a/b/c.txt", "a/z.txt",
                        "ab/x.html"]
    stat = os.stat(tmp_path / "a.txt")
    assert found.filter(relative="a.txt")["stamp"].item() == f"{stat.st_mtime_ns}:{stat.st_size}"


def test_an_empty_inbox_is_a_frame_of_no_files(tmp_path):
    assert _looked_at(str(tmp_path)).columns == ["relative", "stamp", "problem"]
    assert _looked_at(str(tmp_path)).is_empty()


def test_a_name_that_is_not_utf8_is_quarantined_and_the_rest_is_read(tmp_path):
    """Such names come from unzip, SMB shares and old machines; the walk's frame cannot hold
    them, and one took the whole inbox down."""
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    (inbox / "good.txt").write_bytes(PAGE)
    (inbox / "sub" / "also.txt").write_bytes(PAGE.replace(b"Twelve", b"Nine"))
    root = os.fsencode(inbox)
    with open(root + b"/caf\xe9.txt", "wb") as odd:
        odd.write(PAGE)
    os.mkdir(root + b"/f\xf6lder")
    with open(root + b"/f\xf6lder/inside.txt", "wb") as hidden:
        hidden.write(PAGE)

    source = Source(name="box", kind="inbox", path=str(inbox))
    store = RawStore(tmp_path / "lake", batch="b1")
    ingestor = Ingestor(store, None, base=tmp_path, log=lambda m: None)
    assert [locator for locator, _ in ingestor.pending(source)] == ["box/good.txt",
                                                                    "box/sub/also.txt"]
    report = ingestor.ingest(source)
    store.flush()
    assert report.new == 2
    assert [(q["locator"], q["rule"], q["reason"]) for q in report.quarantine] == [
        ("box/caf\\xe9.txt", "file_unreadable", "file name is not UTF-8: rename it to be read"),
        ("box/f\\xf6lder", "file_unreadable", "folder name is not UTF-8: rename it to be read")]
    assert store.manifest().filter(pl.col("kind") == "article")["locator"].sort().to_list() == [
        "box/good.txt", "box/sub/also.txt"]


# Run as a user who cannot open the folder: root opens any.
UNREADABLE_FOLDER = textwrap.dedent("""
    import os, sys, tempfile
    from pathlib import Path
    from pipelines.lib.ingest import Ingestor
    from pipelines.lib.raw_store import RawStore
    from pipelines.lib.sources import Source
    base = Path(tempfile.mkdtemp())
    (base / "inbox" / "lost+found").mkdir(parents=True)
    (base / "inbox" / "good.txt").write_bytes(sys.argv[1].encode())
    os.chmod(base / "inbox" / "lost+found", 0)
    source = Source(name="box", kind="inbox", path=str(base / "inbox"))
    report = Ingestor(RawStore(base / "lake", batch="b1"), None, base=base,
                      log=lambda m: None).ingest(source)
    print(report.new, [(q["locator"], q["rule"], q["reason"]) for q in report.quarantine])
""")


def test_a_folder_that_cannot_be_opened_is_quarantined_and_the_rest_is_read():
    """`lost+found` of a mounted volume, say: it took the whole inbox down on every run."""
    command = [sys.executable, "-c", UNREADABLE_FOLDER, PAGE.decode()]
    if os.geteuid() == 0:
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    project = str(Path(__file__).resolve().parents[2])
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd="/tmp",
                          env={**os.environ, "PYTHONPATH": project})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == ("1 [('box/lost+found/', 'file_unreadable', 'folder cannot be "
                                   "opened (Permission denied): its files are not read')]")
