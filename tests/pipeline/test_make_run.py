"""`python -m pipelines.run` (what `make run` calls), twice, with its own DAGSTER_HOME and lake."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from pipelines.settings import REPO_ROOT
from tests.pipeline.helpers import sample_inbox_files

pytestmark = pytest.mark.integration


def run(env: dict) -> str:
    done = subprocess.run([sys.executable, "-m", "pipelines.run"], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    return done.stdout


def table_counts(output: str) -> dict[str, int]:
    return {m[1]: int(m[2].replace(",", ""))
            for m in re.finditer(r"^\s+(\w+\.\w+)\s+([\d,]+) rows$", output, re.M)}


def test_make_run_twice_builds_and_adds_nothing(tmp_path):
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(REPO_ROOT / "data_lake" / "dagster_home" / "dagster.yaml", home)
    env = {**os.environ, "DAGSTER_HOME": str(home), "TALLY_LAKE": str(tmp_path / "lake"),
           "DUCKDB_PATH": str(tmp_path / "lake" / "warehouse.duckdb")}
    env.pop("TALLY_SOURCES", None)
    first = run(env)
    counts = table_counts(first)
    assert counts["core.articles"] >= 12 and counts["core.figures"] > 0, first
    assert "FAILED" not in first and "passed" in first
    second = run(env)
    again = table_counts(second)
    assert {k: v for k, v in again.items() if k != "raw.fetch_log"} == {
        k: v for k, v in counts.items() if k != "raw.fetch_log"}
    # a row per read; the unchanged inbox files are looked at, not read again
    assert again["raw.fetch_log"] == 2 * counts["raw.fetch_log"] - sample_inbox_files()
    # Nothing changed, so no table was rebuilt and no check re-run: every check line shows the
    # first run's verdict, marked as carried over.
    carried = [line for line in second.splitlines() if line.startswith(" *passed ")]
    assert len(carried) == counts["quality.check_results"], second
    assert not any(line.startswith("  passed ") for line in second.splitlines())
    assert any(home.iterdir())


def test_the_module_spawned_workers_import_again_leaves_dagster_out():
    """The article steps' workers are spawned, and import `make run`'s main module again."""
    script = "import sys, pipelines.run; print('dagster' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.stdout.strip() == "False", done.stderr[-2000:]
