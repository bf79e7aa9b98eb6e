"""The lake in object storage: the real `ingest_job` over the bundled samples with
TALLY_LAKE=s3://..., against an S3-compatible server (moto) started here on 127.0.0.1.

What it proves: the raw store, the staged and quarantined Parquet and the exports all land in
the bucket, written through the one filesystem layer (fsspec via UPath); the warehouse, which
stays a local DuckDB file, gets the same row counts as a local run of the same input; the
exports read back from the bucket equal the warehouse tables, with Polars and with DuckDB
(DuckDB through the registered fsspec filesystem, extension auto-loading off, so no httpfs);
and a second run adds no rows. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import logging
import os

import dagster as dg
import duckdb
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from pipelines.defs.warehouse import EXPORTED_TABLES
from tests.conftest import SAMPLES
from tests.pipeline.conftest import TABLES
from tests.pipeline.helpers import DAY, sample_inbox_files

pytestmark = pytest.mark.integration

BUCKET = "tally-test"
LAKE = f"s3://{BUCKET}/lake"


@pytest.fixture(scope="module")
def s3_env(tmp_path_factory):
    """moto's S3 server on 127.0.0.1 (a free port) with one empty bucket, and the environment
    that points Tally's lake at it (TALLY_LAKE plus the standard AWS variables)."""
    import boto3
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one log line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    local = tmp_path_factory.mktemp("s3-local")
    env = {
        "AWS_ENDPOINT_URL": f"http://{host}:{port}",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_REGION": "us-east-1",
        "AWS_EC2_METADATA_DISABLED": "true",  # never look for an instance role
        "TALLY_LAKE": LAKE,
        "DUCKDB_PATH": str(local / "warehouse.duckdb"),
        "TALLY_SOURCES": str(SAMPLES / "sources.yaml"),
        "TALLY_EXTRACT_WORKERS": "1",
    }
    with pytest.MonkeyPatch.context() as patch:
        for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_DEFAULT_REGION"):
            patch.delenv(name, raising=False)
        for name, value in env.items():
            patch.setenv(name, value)
        client = boto3.client("s3", endpoint_url=env["AWS_ENDPOINT_URL"])
        client.create_bucket(Bucket=BUCKET)
        yield client, local
    server.stop()


def keys(client, prefix: str) -> list[str]:
    pages = client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=prefix)
    return [obj["Key"] for page in pages for obj in page.get("Contents", [])]


def run_ingest_job() -> dg.ExecuteInProcessResult:
    """`ingest_job` as `make run` builds it: resources from the environment (pipelines.settings)."""
    from pipelines.definitions import defs
    from pipelines.defs.automation import ingest_job
    from pipelines.defs.resources import default_resources

    job = dg.Definitions(assets=list(defs.assets), jobs=[ingest_job],
                         resources=default_resources()).resolve_job_def("ingest_job")
    with dg.DagsterInstance.ephemeral() as instance:
        return job.execute_in_process(partition_key=DAY, instance=instance)


def counts(warehouse) -> dict[str, int]:
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        return {t: conn.execute(f"select count(*) from {t}").fetchall()[0][0] for t in TABLES}


@pytest.fixture(scope="module")
def s3_run(s3_env):
    """Two runs of the job on the S3 lake; row counts after each, and the bucket's keys."""
    client, local = s3_env
    first = run_ingest_job()
    after_first = counts(local / "warehouse.duckdb")
    objects_first = keys(client, "lake/")
    second = run_ingest_job()
    return {"first": first, "second": second, "counts": after_first,
            "again": counts(local / "warehouse.duckdb"), "keys": objects_first,
            "keys_again": keys(client, "lake/"), "client": client, "local": local}


def test_lake_lands_in_the_bucket(s3_run):
    assert s3_run["first"].success and s3_run["second"].success
    found = s3_run["keys"]
    by_folder = {prefix: [k for k in found if k.startswith(f"lake/{prefix}/")]
                 for prefix in ("raw/packs", "raw/manifest", "raw/fetch_log",
                                "staging/articles", "staging/article_figures",
                                "staging/statistics", "quarantine", "exports")}
    assert all(by_folder.values()), {k: len(v) for k, v in by_folder.items()}
    assert any(k.startswith(f"lake/staging/articles/day={DAY}/part-") for k in found)
    assert {f"lake/exports/{t}.parquet" for t in EXPORTED_TABLES} <= set(found)
    # no temporary files: object storage is written directly, one upload per file
    assert not [k for k in found if "/.tmp-" in k]
    with duckdb.connect(str(s3_run["local"] / "warehouse.duckdb"), read_only=True) as conn:
        payloads = conn.execute("select count(*) from raw.payloads").fetchall()[0][0]
        packs = {r[0] for r in conn.execute("select pack from raw.payloads").fetchall()}
    assert payloads > 0
    assert {f"lake/raw/packs/{p}" for p in packs} <= set(found)


def test_what_stays_local(s3_run):
    """The warehouse and the pages rendered from it stay beside the DuckDB file; nothing of
    the lake is written to local disk."""
    local = s3_run["local"]
    assert (local / "warehouse.duckdb").is_file()
    assert (local / "reports" / "index.html").is_file()
    assert (local / "quality" / "data_docs" / "index.html").is_file()
    assert not [k for k in s3_run["keys"] if k.startswith(("lake/reports", "lake/quality"))]
    assert not any((local / name).exists() for name in ("raw", "staging", "exports"))
    assert not os.path.exists("s3:")  # no URL mistaken for a relative local path


def test_same_rows_as_a_local_run(s3_run, built):
    _, _, _, local_counts = built
    assert s3_run["counts"] == local_counts


def test_second_run_adds_no_rows(s3_run):
    again, first = dict(s3_run["again"]), dict(s3_run["counts"])
    assert again.pop("raw.fetch_log") == (  # a history; unchanged inbox files are skipped
        2 * first.pop("raw.fetch_log") - sample_inbox_files())
    assert again == first
    new = set(s3_run["keys_again"]) - set(s3_run["keys"])
    assert new and all(k.startswith("lake/raw/fetch_log/") for k in new), sorted(new)


def test_exports_read_back_from_the_bucket_equal_the_warehouse(s3_run):
    from pipelines import settings

    lake = settings.lake_root()
    reader = duckdb.connect(config={"autoinstall_known_extensions": False,
                                    "autoload_known_extensions": False})
    reader.register_filesystem(lake.fs)
    with duckdb.connect(str(s3_run["local"] / "warehouse.duckdb"), read_only=True) as conn:
        for db in (conn, reader):  # timestamps come out as Parquet stores them: UTC
            db.execute("set TimeZone = 'UTC'")
        for table in EXPORTED_TABLES:
            expected = conn.sql(f"select * from {table}").pl()
            path = lake / "exports" / f"{table}.parquet"
            with path.open("rb") as handle:
                assert_frame_equal(pl.read_parquet(handle), expected)
            assert_frame_equal(reader.sql(f"select * from read_parquet('{path}')").pl(),
                               expected)
    loaded = reader.sql("select extension_name from duckdb_extensions() where loaded").fetchall()
    assert ("httpfs",) not in loaded
    reader.close()


def test_worker_processes_read_payloads_by_url(s3_run):
    """Large days parse articles in spawned workers, handed the lake as text: `parse_batch`
    rebuilds the filesystem from the environment and reads the payloads from the bucket."""
    from pipelines import settings
    from pipelines.lib.raw_store import RawStore
    from pipelines.lib.staging import parse_batch

    manifest = RawStore(settings.lake_root(), batch="read-only").manifest()
    items = manifest.filter(pl.col("kind") == "article").head(3).to_dicts()
    articles, rejected, _ = parse_batch(LAKE, items)
    assert articles.height + len(rejected) == len(items) == 3


def test_a_failed_write_leaves_the_old_object(s3_env):
    """open_atomic on object storage: a write that fails midway uploads nothing, so readers
    keep the previous file."""
    from pipelines import settings
    from pipelines.lib.raw_store import read_parquet, write_parquet_batches_atomic

    schema = {"n": pl.Int64}
    path = settings.lake_root() / "scratch" / "atomic.parquet"
    write_parquet_batches_atomic([pl.DataFrame({"n": [1, 2]})], path, schema)

    def failing():
        yield pl.DataFrame({"n": [3]})
        raise RuntimeError("killed midway")

    with pytest.raises(RuntimeError):
        write_parquet_batches_atomic(failing(), path, schema)
    assert read_parquet(path)["n"].to_list() == [1, 2]


def test_settings_for_an_s3_lake(s3_env):
    from upath import UPath

    from pipelines import settings

    _, local = s3_env
    lake = settings.lake_root()
    assert isinstance(lake, UPath) and str(lake) == LAKE
    assert lake.storage_options["endpoint_url"] == os.environ["AWS_ENDPOINT_URL"]
    assert lake.storage_options["client_kwargs"] == {"region_name": "us-east-1"}
    assert settings.duckdb_path() == local / "warehouse.duckdb"
    assert settings.local_root() == local
