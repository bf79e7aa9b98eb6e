"""The inbox walk yields files one folder at a time, in the order of their relative paths."""

from __future__ import annotations

import os

from pipelines.lib.ingest import _files_under


def test_files_come_in_path_order_without_ignored_names_or_linked_folders(tmp_path):
    # 'a' is a folder: its files ('a/z') sort after 'a-b' and 'a.txt' ('/' > '-', '.'),
    # though a walk by names alone would give the folder 'a' first
    for name in ("a/z.txt", "a/b/c.txt", "a-b.txt", "a.txt", "ab/x.html", ".hidden/y.txt",
                 "B.txt", "a/.draft.txt", "a/note.txt~", "a/page.part"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    os.symlink(tmp_path / "a", tmp_path / "link")  # a linked folder could loop: not followed

    relative = [r for r, _ in _files_under(str(tmp_path))]
    assert relative == [".hidden/y.txt", "B.txt", "a-b.txt", "a.txt", "a/b/c.txt", "a/z.txt",
                        "ab/x.html"]
    assert relative == sorted(relative)
    assert all(path == str(tmp_path / r) for r, path in _files_under(str(tmp_path)))
