"""The inbox walk finds every file but ignored names, in the order of their relative paths."""

from __future__ import annotations

import os

from pipelines.lib.ingest import _looked_at


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
    assert _looked_at(str(tmp_path)).columns == ["relative", "stamp"]
    assert _looked_at(str(tmp_path)).is_empty()
