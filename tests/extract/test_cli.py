"""The command line (CONTRACT §2): JSON lines on stdout, exit 0; exit 2 with one line on stderr
for unusable input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
TEXT = ("The Hamas-run health ministry in Gaza said on Monday that 10,022 people have been "
        "killed, including 4,104 children.\n\nIsrael says 240 people are held hostage in Gaza.\n")


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipelines.extract", *args], input=stdin,
                          capture_output=True, cwd=ROOT, timeout=60)


def test_stdin_to_json_lines():
    out = run("--published", "2023-11-06", "--outlet", "Test Wire", stdin=TEXT.encode())
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert [(r["surface"], r["metric"], r["claimant_class"]) for r in records] == [
        ("10,022", "killed", "gaza_health"), ("4,104", "killed_children", "gaza_health"),
        ("240", "hostages_remaining", "israel_gov")]
    for r in records:
        assert TEXT[r["span_start"]:r["span_end"]] == r["surface"]
        assert r["as_of"] == "2023-11-06"
        assert "claimant_id" in r


def test_file_argument_and_dash(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("Medics said 14 people were killed in Rafah.", encoding="utf-8")
    from_file = run(str(path))
    from_stdin = run("-", stdin=path.read_bytes())
    assert from_file.returncode == from_stdin.returncode == 0
    assert from_file.stdout == from_stdin.stdout
    assert json.loads(from_file.stdout)["value"] == 14


def test_non_ascii_is_kept_readable():
    out = run(stdin="“At least 30 people were killed,” Gaza’s health ministry said.".encode())
    assert out.returncode == 0
    assert "’" in out.stdout.decode()  # ensure_ascii=False


def test_empty_input_prints_nothing():
    out = run(stdin=b"")
    assert (out.returncode, out.stdout) == (0, b"")


def test_text_without_figures_exits_zero():
    out = run(stdin=b"The cabinet met on Thursday night.")
    assert (out.returncode, out.stdout) == (0, b"")


def test_invalid_utf8_exits_2():
    out = run(stdin=b"Officials said 12 people were killed \xff\xfe.")
    assert out.returncode == 2
    assert out.stdout == b""
    assert len(out.stderr.decode().strip().splitlines()) == 1


def test_missing_file_and_directory_exit_2(tmp_path):
    for target in (tmp_path / "missing.txt", tmp_path):
        out = run(str(target))
        assert out.returncode == 2
        assert len(out.stderr.decode().strip().splitlines()) == 1


def test_bad_published_date_exits_2():
    out = run("--published", "08/02/2024", stdin=b"Officials said 12 people were killed.")
    assert out.returncode == 2
    assert len(out.stderr.decode().strip().splitlines()) == 1
