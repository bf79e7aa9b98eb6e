"""Process faults: `make run` killed with SIGKILL mid-run, two runs at once, a reader during a
write, a burst of dropped files. Real `python -m pipelines.run` processes on temporary lakes,
Dagster homes and warehouses; afterwards every table must equal an uninterrupted build.

Kill points are steps of the run (ingestion, loading, exports), found from Dagster's own
STEP_START lines on stderr, plus a random delay (seeded; the seed is printed on failure).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl
import pytest

from pipelines.defs.automation import inbox_sensor
from pipelines.defs.resources import TallyConfig
from pipelines.lib.ingest import Ingestor
from pipelines.lib.raw_store import RawStore, read_payload
from pipelines.lib.sources import Source
from pipelines.settings import REPO_ROOT
from tests.conftest import write_sources

pytestmark = [pytest.mark.faults, pytest.mark.integration]

SEED = int(os.environ.get("TALLY_FAULT_SEED", random.randrange(1 << 30)))
# (step whose start triggers the kill, shortest and longest delay after it, in seconds)
KILL_POINTS = [("raw__sources", 0.0, 0.1), ("core__figures", 0.3, 4.0),
               ("exports__parquet", 0.0, 0.2)]
RUN_TIMEOUT = 180  # a rerun waiting forever for a dead run's pool slot fails instead of hanging
COMPARED = ("raw.payloads", "core.articles", "core.figures", "core.claimants", "core.claims",
            "core.claim_mentions", "marts.hostage_ledger", "marts.figure_disputes",
            "marts.corroboration", "marts.revisions", "quality.quarantine")
# Columns that say *when* (or in which run) rather than *what*: they differ between any two runs.
VOLATILE = {"first_seen_at", "quarantined_at", "batch", "checked_at", "run_id", "fetched_at",
            "pack", "offset"}  # where a run put things, not what they are


class Deployment:
    """One Tally installation in a temporary folder: lake, warehouse, Dagster home."""

    def __init__(self, root: Path):
        self.root = root
        self.home = root / "home"
        self.lake = root / "lake"
        self.home.mkdir(parents=True)
        shutil.copy(REPO_ROOT / "data_lake" / "dagster_home" / "dagster.yaml", self.home)
        self.env = {**os.environ, "DAGSTER_HOME": str(self.home), "TALLY_LAKE": str(self.lake),
                    "DUCKDB_PATH": str(self.lake / "warehouse.duckdb"),
                    "TALLY_EXTRACT_WORKERS": "1", "PYTHONUNBUFFERED": "1"}
        self.env.pop("TALLY_SOURCES", None)  # the bundled samples

    def start(self) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "pipelines.run"], cwd=REPO_ROOT,
                                env=self.env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)

    def run(self) -> tuple[float, str]:
        """A complete run; returns (seconds, stdout)."""
        started = time.monotonic()
        proc = self.start()
        try:
            out, err = proc.communicate(timeout=RUN_TIMEOUT)
        except subprocess.TimeoutExpired as exc:
            proc.kill()
            proc.communicate()
            raise AssertionError(f"run did not finish within {RUN_TIMEOUT} s "
                                 f"(seed {SEED})") from exc
        assert proc.returncode == 0, f"run failed (seed {SEED}):\n{out[-2000:]}\n{err[-4000:]}"
        return time.monotonic() - started, out

    def kill_during(self, step: str, delay: float) -> bool:
        """Start a run and SIGKILL it `delay` s after `step` starts; False if it ended first."""
        proc = self.start()
        killed = False
        assert proc.stderr is not None
        for line in proc.stderr:
            if "STEP_START" in line and f'"{step}"' in line:
                time.sleep(delay)
                if proc.poll() is None:
                    proc.send_signal(signal.SIGKILL)
                    killed = True
                break
        proc.stdout.close()
        proc.stderr.close()
        proc.wait(timeout=RUN_TIMEOUT)
        return killed


def snapshot(database: Path) -> dict[str, list[tuple]]:
    """Every compared table's rows (volatile columns left out), sorted."""
    out = {}
    with duckdb.connect(str(database), read_only=True) as conn:
        for table in COMPARED:
            schema, name = table.split(".")
            columns = [c for (c,) in conn.execute(
                "select column_name from information_schema.columns "
                "where table_schema = ? and table_name = ? order by ordinal_position",
                [schema, name]).fetchall() if c not in VOLATILE]
            select = ", ".join(f'"{c}"' for c in columns)
            rows = conn.execute(f"select {select} from {table}").fetchall()  # noqa: S608
            out[table] = sorted(rows, key=repr)
    return out


def compare(got: dict, want: dict) -> tuple[int, int]:
    """(rows of `want` missing from `got`, rows of `got` beyond `want`), multiset-wise."""
    from collections import Counter

    lost = dupes = 0
    for table in want:
        have = Counter(map(repr, got.get(table, [])))
        need = Counter(map(repr, want[table]))
        lost += sum((need - have).values())
        dupes += sum((have - need).values())
    return lost, dupes


@pytest.fixture(scope="module")
def baseline(built):
    """The uninterrupted build of the samples (tests/conftest.py `built`), as a snapshot."""
    lake = built[0]
    return snapshot(lake / "warehouse.duckdb")


@pytest.fixture(scope="module")
def survivor(tmp_path_factory, baseline):
    """A deployment whose runs were killed at each kill point in turn, then recovered by two
    runs started together while a reader kept reading the Parquet exports."""
    rng = random.Random(SEED)
    deployment = Deployment(tmp_path_factory.mktemp("killed"))
    kills = []
    for step, low, high in KILL_POINTS:
        delay = round(rng.uniform(low, high), 3)
        kills.append((step, delay, deployment.kill_during(step, delay)))
    reader = ExportReader(deployment.lake / "exports")
    reader.start()
    started = time.monotonic()
    procs = [deployment.start(), deployment.start()]
    outputs = [p.communicate(timeout=RUN_TIMEOUT) for p in procs]
    seconds = time.monotonic() - started
    reader.stop()
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, f"seed {SEED}:\n{out[-1500:]}\n{err[-3000:]}"
    return deployment, kills, seconds, [out for out, _ in outputs], reader


class ExportReader(threading.Thread):
    """Reads every Parquet export over and over; a failed read of a file that stayed in place
    throughout (a partial or broken file) is recorded.

    A read that overlapped a swap is left for the next pass to read again: Polars,
    like DuckDB and pandas, opens a file by its path twice (its footer, then its pages), so a
    rename between the two mixes the old footer with the new pages and fails. No swap can
    prevent that; a file written in place or renamed into place half-written stays put and
    still fails."""

    def __init__(self, folder: Path):
        super().__init__(daemon=True)
        self.folder, self.reads, self.problems = folder, 0, []
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            for path in sorted(self.folder.glob("*.parquet")) if self.folder.exists() else []:
                try:
                    before = _identity(path)
                    pl.read_parquet(path)
                    self.reads += 1
                except FileNotFoundError:
                    continue  # replaced between glob and open: the next pass reads the new one
                except (Exception, pl.exceptions.PanicException) as exc:  # noqa: BLE001
                    if _identity(path) == before:  # not a swap: any such failure is the finding
                        self.problems.append(f"{path.name}: {exc}")
            time.sleep(0.01)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def _identity(path: Path) -> tuple[int, int, int] | None:
    """The file (or folder of parts) a path leads to now; None once it is gone. With its change
    time, because the next file can be given the inode number a replaced one freed."""
    try:
        found = path.stat()
    except FileNotFoundError:
        return None
    return found.st_dev, found.st_ino, found.st_ctime_ns


def test_runs_killed_at_random_points_then_rerun_equal_an_uninterrupted_build(
        survivor, baseline, tally_faults):
    tally, name = tally_faults
    deployment, kills, seconds, outs, _ = survivor
    for *_, killed in kills:
        if killed:
            tally.killed(name)
    tally.injected(name)  # the two runs started together
    tally.recovered("two runs at once after SIGKILLs in ingestion, loading, exports", seconds)
    assert sum(k for *_, k in kills) >= 2, f"too few kills landed: {kills} (seed {SEED})"
    got = snapshot(deployment.lake / "warehouse.duckdb")
    lost, dupes = compare(got, baseline)
    tally.outcome(lost, dupes)
    assert (lost, dupes) == (0, 0), f"kills {kills} (seed {SEED})"
    assert all("success" in out for out in outs)
    # every payload in the manifest, once, and its bytes whole where its row says (a pack the
    # kills left without rows, closed just before its rows were written, is only unused bytes)
    manifest = RawStore(deployment.lake, batch="read-only").manifest()
    assert manifest.height == manifest.unique(["source", "locator", "content_hash"]).height
    for row in manifest.iter_rows(named=True):
        read_payload(deployment.lake, row)  # raises unless the bytes match the hash


def test_exports_whole_and_readable_throughout(survivor):
    """A reader of the Parquet exports never waited, or failed on a file that stayed in place
    (a partial one), and no temporary file of a killed export is left behind."""
    deployment, *_, reader = survivor
    assert reader.problems == [] and reader.reads > 0
    exports = deployment.lake / "exports"
    assert not list(exports.rglob(".tmp-*"))
    for path in exports.glob("*.parquet"):
        pl.read_parquet(path)


def test_a_burst_of_1000_dropped_files(tmp_path, tally_faults):
    """The sensor asks for one run for the whole burst, then stays quiet; the inbox ingests
    each file once, touching files without changing them adds nothing, and the sensor asks
    again only for what the lake does not hold yet."""
    tally, name = tally_faults
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(1000):
        (inbox / f"drop-{i:04d}.txt").write_text(
            f"Title: Drop {i}\nPublished: 2024-02-08\n\nOfficials said {i} people were killed "
            "in the strike on the camp, according to the ministry statement.\n",
            encoding="utf-8")
    (inbox / "drop-0999.part").write_text("still downloading", encoding="utf-8")
    sources = write_sources(tmp_path / "sources.yaml",
                            [{"name": "inbox", "kind": "inbox", "path": str(inbox)}])
    tally_config = TallyConfig(lake_root=str(tmp_path / "lake"), sources_file=str(sources))
    tally.injected(name, 1000)

    def tick(cursor=None):
        context = dg.build_sensor_context(instance=instance, cursor=cursor,
                                          resources={"tally": tally_config})
        return inbox_sensor(context), context.cursor

    with dg.DagsterInstance.ephemeral() as instance:
        started = time.monotonic()
        request, cursor = tick()
        assert isinstance(request, dg.RunRequest)
        assert request.tags["tally/inbox_files"] == "1000"  # .part files are read once renamed
        assert tick()[0].run_key == request.run_key  # still pending: no second run
        assert isinstance(tick(cursor)[0], dg.SkipReason)

        source = Source(name="inbox", kind="inbox", path=str(inbox))
        store = RawStore(tmp_path / "lake", batch="burst-1")
        report = Ingestor(store, None, base=tmp_path, log=lambda m: None).ingest(source)
        store.flush()
        tally.recovered("sensor burst of 1,000 dropped files", time.monotonic() - started)
        assert (report.new, report.failed) == (1000, 0)
        assert isinstance(tick(cursor)[0], dg.SkipReason)

        for path in sorted(inbox.glob("*.txt"))[:10]:
            os.utime(path)  # touched, not changed
        touched, cursor = tick()
        assert touched.tags["tally/inbox_files"] == "10"  # the run looks at them again
        store = RawStore(tmp_path / "lake", batch="burst-2")
        report = Ingestor(store, None, base=tmp_path, log=lambda m: None).ingest(source)
        store.flush()
        assert (report.new, report.unchanged) == (0, 1000)
        assert isinstance(tick(cursor)[0], dg.SkipReason)
    manifest = store.manifest()
    dupes = manifest.height - manifest.unique(["source", "locator", "content_hash"]).height
    tally.outcome(lost=1000 - manifest.height, duplicates=dupes)
    assert manifest.height == 1000 and dupes == 0


def test_two_stores_racing_on_the_same_payload_record_it_once(tmp_path, tally_faults):
    """Two runs that both see a payload as new write it in two batch files; read back once."""
    tally, name = tally_faults
    first, second = RawStore(tmp_path, batch="run-a"), RawStore(tmp_path, batch="run-b")
    for store in (first, second):
        store.put(b"same bytes", source="s", kind="article", locator="x.txt", media_type="text")
        store.flush()
    tally.injected(name)
    manifest = RawStore(tmp_path, batch="reader").manifest()
    assert manifest.height == 1 and manifest["batch"][0] == "run-a"
