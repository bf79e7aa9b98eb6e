"""The lake root is a local path unless TALLY_LAKE is a URL; DuckDB always stays local."""

from __future__ import annotations

from pathlib import Path

from upath import UPath

from pipelines import settings


def test_local_lake_by_default(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    for name in ("TALLY_LAKE", "DUCKDB_PATH"):
        monkeypatch.delenv(name, raising=False)
    lake = settings.lake_root()
    assert type(lake) is type(Path()) and lake == tmp_path / "data_lake"
    assert settings.duckdb_path() == tmp_path / "data_lake" / "warehouse.duckdb"
    assert settings.local_root() == lake


def test_s3_lake_keeps_warehouse_and_pages_local(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TALLY_LAKE", "s3://bucket/prefix")
    monkeypatch.delenv("DUCKDB_PATH", raising=False)
    for name in ("AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                 "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")
    lake = settings.lake_root()
    assert isinstance(lake, UPath) and lake.protocol == "s3"
    assert str(lake / "raw" / "objects") == "s3://bucket/prefix/raw/objects"
    # unset variables stay unset, so botocore's own credential chain still applies
    assert lake.storage_options == {"use_listings_cache": False,
                                    "endpoint_url": "http://127.0.0.1:9"}
    assert settings.duckdb_path() == tmp_path / "data_lake" / "warehouse.duckdb"
    assert settings.local_root() == tmp_path / "data_lake"
