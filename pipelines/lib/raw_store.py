"""The raw layer: every payload Tally fetched or was given, stored once, keyed by its content hash.

Layout under `<lake>/raw/` (a local folder or an object-storage prefix, see `open_atomic`):
- `packs/<batch>-<attempt>-<n>.pack`: the bytes of a batch's new payloads, one after another,
  each stored once (a payload already in the lake is not stored again). A pack is written whole
  before any manifest row points into it (tmp file + rename on disk, one upload in object
  storage), so a killed run never leaves a row pointing at missing bytes. Packs are never
  rewritten or deleted: another batch's rows may point into them.
- `objects/<2 hex>/<sha256>`: one file per payload, as lakes written before packs keep them
  (their manifest rows have no pack); still read, no longer written. Creating 300,000 files was
  most of the time to read a 300,000-file inbox, and nearly all of it kernel work.
- `manifest/<batch>.parquet`: one row per new (source, locator, content hash): what the payload
  is, where it came from, the UTC day it was first seen (the article partition key) and where
  its bytes are (pack, offset and size).
- `fetch_log/<batch>.parquet`: one row per attempt, successful or not.

A batch file is named by the run that wrote it, so a retried run overwrites its own files
instead of adding rows. Everything downstream can be rebuilt from this folder without a network.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import shutil
import tempfile
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import BinaryIO

import polars as pl

from pipelines.settings import LakePath

MANIFEST_SCHEMA = {
    "content_hash": pl.String,
    "source": pl.String,
    "kind": pl.String,  # article | feed | statistics
    "locator": pl.String,  # URL or local path the payload came from
    "media_type": pl.String,  # html | text | json | csv | xml
    "outlet": pl.String,
    "claimant": pl.String,
    "format": pl.String,  # statistics format (techforpalestine, hxl, ...) or null
    "size": pl.Int64,
    "first_seen_at": pl.Datetime("us", "UTC"),
    "ingest_day": pl.Date,
    "batch": pl.String,
    "pack": pl.String,  # the pack file holding the bytes; null: `objects/<2 hex>/<hash>`
    "offset": pl.Int64,  # where in the pack they start
    "charset": pl.String,  # declared in the response's Content-Type; null: none, local files
    "feed_published": pl.Date,  # the day of the feed item that listed it; null: none, no feed
}

FETCH_LOG_SCHEMA = {
    "batch": pl.String,
    "source": pl.String,
    "locator": pl.String,
    "final_url": pl.String,
    "status": pl.Int64,
    "ok": pl.Boolean,
    "not_modified": pl.Boolean,
    "error": pl.String,
    "content_hash": pl.String,
    "size": pl.Int64,
    "etag": pl.String,
    "last_modified": pl.String,
    "attempts": pl.Int64,
    "fetched_at": pl.Datetime("us", "UTC"),
    "elapsed_s": pl.Float64,
}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_KEY_SEPARATOR = "\0"  # in no source name, path, URL or hash


def _key(source: str, locator: str, content_hash: str) -> str:
    """A manifest row's identity as one string (as `_known` builds it from the manifest)."""
    return _KEY_SEPARATOR.join((source, locator, content_hash))


@dataclass
class ManifestRow:
    content_hash: str
    source: str
    kind: str
    locator: str
    media_type: str
    outlet: str | None
    claimant: str | None
    format: str | None
    size: int
    first_seen_at: datetime
    ingest_day: date
    batch: str
    pack: str | None
    offset: int | None
    charset: str | None = None
    feed_published: date | None = None


@dataclass
class FetchLogRow:
    batch: str
    source: str
    locator: str
    ok: bool
    status: int | None = None
    final_url: str | None = None
    not_modified: bool = False
    error: str | None = None
    content_hash: str | None = None
    size: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    attempts: int = 1
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    elapsed_s: float = 0.0


def is_local(path: LakePath) -> bool:
    """True for a folder on this machine's disk, False for object storage (a URL `UPath`)."""
    return isinstance(path, Path)


@contextmanager
def open_atomic(path: LakePath) -> Iterator[BinaryIO]:
    """A binary file to write `path` through; readers see the old content or the new, whole.

    The one place that knows how each kind of lake makes a write atomic:
    - local disk: a temporary file beside `path` (named `.tmp-*`, so no `*.parquet` glob picks
      it up), renamed over it when the block ends, removed if the block fails;
    - object storage: `path` itself. An upload (one PUT, or a multipart upload completed at
      close) appears whole or not at all, and a rename there would be a copy; if the block
      fails the upload is discarded, so no partial object appears.
    """
    if is_local(path):
        try:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        except FileNotFoundError:  # the folder's first file (most writes need no mkdir call)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                yield handle
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return
    handle = path.open("wb")
    try:
        yield handle
    except BaseException:
        handle.discard()  # abandons the upload: nothing is written under `path`
        handle.closed = True  # so closing it later does not try to upload what is left
        raise
    handle.close()


def write_parquet_atomic(frame: pl.DataFrame, path: LakePath) -> None:
    """Write a Parquet file so readers see the old file or the new one, never a partial one."""
    with open_atomic(path) as handle:
        frame.write_parquet(handle)


def write_parquet_batches_atomic(frames: Iterable[pl.DataFrame], path: LakePath,
                                 schema: dict) -> int:
    """Write frames one after another into one Parquet file, swapped in atomically.

    Only one frame is held at a time, so a large day is written with memory of one batch.
    Returns the number of rows written.
    """
    import pyarrow.parquet as pq

    target = pl.DataFrame(schema=schema).to_arrow().schema
    rows = 0
    # The writer closes (footer written) before open_atomic swaps the file in or discards it.
    with open_atomic(path) as handle, pq.ParquetWriter(handle, target,
                                                       compression="zstd") as writer:
        for frame in frames:
            if frame.height:
                writer.write_table(frame.select(list(schema)).to_arrow().cast(target))
                rows += frame.height
    return rows


def read_parquet(path: LakePath) -> pl.DataFrame:
    """A Parquet file of the lake as a frame.

    Polars reads local files itself; object storage is read through the lake's own
    filesystem (fsspec) rather than Polars' built-in cloud client, so one set of settings and
    credentials serves the raw store, Polars and DuckDB alike.
    """
    if is_local(path):
        return pl.read_parquet(path)
    with path.open("rb") as handle:
        return pl.read_parquet(handle)


def scan_parquet(files: list[LakePath], schema: dict | None = None) -> pl.LazyFrame:
    """Parquet files of the lake as one lazy frame; a file lacking a newer column gives nulls
    (given `schema`, even when no file has it yet).

    Local files are scanned lazily (only the columns and rows asked for are read); object
    storage goes through the lake's filesystem like every other read.
    """
    if all(is_local(f) for f in files):
        return pl.scan_parquet(files, schema=schema, missing_columns="insert",
                               extra_columns="ignore")
    frame = pl.concat([read_parquet(f) for f in files], how="diagonal_relaxed")
    return _with_columns_of(frame, schema or {}).lazy()


def _with_columns_of(frame: pl.DataFrame, schema: dict) -> pl.DataFrame:
    """`frame` with a column of nulls for each column of `schema` it lacks."""
    return frame.with_columns(pl.lit(None, dtype).alias(name)
                              for name, dtype in schema.items() if name not in frame.columns)


def read_columns(folder: LakePath, columns: list[str], schema: dict) -> pl.DataFrame:
    """Some columns of every Parquet file under `folder` (only those columns are read)."""
    files = parquet_files(folder)
    if not files:
        return pl.DataFrame(schema={c: schema[c] for c in columns})
    return scan_parquet(files).select(columns).collect()


def parquet_batches(path: LakePath, rows: int, columns: list[str] | None = None,
                    row_groups: list[int] | None = None) -> Iterator[pl.DataFrame]:
    """A Parquet file of the lake (or some of its row groups), `rows` at a time, so a large file
    is never held whole.

    Read through the lake's filesystem (a local file or an object-storage one), which serves
    the row groups as the reader asks for them. Of `columns`, those the file lacks (it was
    written before they existed) are left out rather than an error.
    """
    import pyarrow.parquet as pq

    if not path.exists():
        return
    with path.open("rb") as handle:
        parquet = pq.ParquetFile(handle)
        if columns is not None:
            columns = [c for c in columns if c in parquet.schema_arrow.names]
        for batch in parquet.iter_batches(batch_size=rows, columns=columns,
                                          row_groups=row_groups):
            yield pl.from_arrow(batch)


def row_groups_holding(path: LakePath, keys: pl.DataFrame) -> list[int] | None:
    """The row groups of a Parquet file with a row whose `keys.columns` equal a row of `keys`
    (nulls equal), in order; None when the whole file is to be read.

    Why: each run stages its articles and their figures as a part file of its own, so a run
    after 1% new articles wants a few thousand rows, all in its own small part, beside the
    day's large one. Reading every row group to find them read 2.1 GB of article text and 2.4
    million figures at 300,000 articles. Only the key columns are scanned here, in Polars'
    streaming engine (0.1 s for 2.4 million figure ids), and only when fewer keys are asked
    for than half the file's rows: else nearly every row is wanted anyway, and a hash table of
    that many keys costs memory. Object storage, or a file without the key columns: None.
    """
    import pyarrow.parquet as pq

    if not is_local(path) or not path.exists():
        return None
    meta = pq.read_metadata(path)
    columns = meta.schema.to_arrow_schema().names
    if 2 * keys.height >= meta.num_rows or not set(keys.columns) <= set(columns):
        return None
    rows = (scan_parquet([path]).select(keys.columns).with_row_index("row")
            .join(keys.lazy(), on=keys.columns, how="semi", nulls_equal=True)
            .select("row").collect(engine="streaming")["row"])
    ends = pl.Series([meta.row_group(i).num_rows for i in range(meta.num_row_groups)]).cum_sum()
    return ends.search_sorted(rows, side="right").unique().sort().to_list()


def remove_tree(folder: LakePath) -> None:
    """Delete a folder of the lake and everything under it (nothing when it is not there)."""
    if is_local(folder):
        shutil.rmtree(folder, ignore_errors=True)
    elif folder.exists():
        folder.fs.rm(folder.path, recursive=True)


_SHA256 = re.compile(r"[0-9a-f]{64}")


_PACK = re.compile(r"[\w.-]+\.pack")


def object_path(lake: LakePath, content_hash: str) -> LakePath:
    """Where a payload of a lake written before packs keeps its bytes."""
    if not _SHA256.fullmatch(content_hash):
        raise ValueError(f"not a sha256 content hash: {content_hash!r}")
    return lake / f"raw/objects/{content_hash[:2]}/{content_hash}"


def read_payload(lake: LakePath, row: Mapping) -> bytes:
    """The bytes of a manifest row's payload (worker processes read with this, no manifest).

    They are checked against the row's content hash: a wrong offset or a damaged pack is an
    error here, never another article's text under this one's name.
    """
    content_hash, pack = row["content_hash"], row.get("pack")
    if pack is None:
        data = object_path(lake, content_hash).read_bytes()
    else:
        if not _PACK.fullmatch(pack):
            raise ValueError(f"not a pack name: {pack!r}")
        path = lake / "raw" / "packs" / pack
        start, end = row["offset"], row["offset"] + row["size"]
        if is_local(path):
            with open(path, "rb") as handle:
                handle.seek(start)
                data = handle.read(end - start)
        else:  # one ranged GET; a file object would read ahead a whole block per payload
            data = path.fs.cat_file(path.path, start=start, end=end)
    if sha256(data) != content_hash:
        raise ValueError(f"payload {content_hash} does not match its bytes"
                         + (f" in {pack} at {row['offset']}" if pack else ""))
    return data


def parquet_files(folder: LakePath) -> list[LakePath]:
    """The Parquet files under a folder (any depth, e.g. `day=` folders), in name order.

    Dot-files are left out: they are writes in progress (`.tmp-*`), possibly of a killed run.
    """
    if not folder.exists():
        return []
    return sorted(p for p in folder.rglob("*.parquet")
                  if not any(part.startswith(".") for part in p.relative_to(folder).parts))


def parquet_listing(folder: LakePath) -> list[str]:
    """Each Parquet file under `folder` as `folder/path:size:mtime`, the path from the folder's
    name down: what a load read, cheaply.

    A load that finds the same listing as last time would read the same rows, so it can skip
    (rewriting a file in place, as a re-extraction does, changes its stamp). The lake's own
    path is left out, so a lake moved or mounted elsewhere with its files' times (`mv`,
    `cp -a`, `rsync -a`) still skips: with it, a copy of the 303,000-article bench's lake
    rebuilt the raw tables whole in a run that added 3,000 articles.
    """
    return [entry for _, entry in parquet_stamped(folder)]


def parquet_stamped(folder: LakePath) -> list[tuple[LakePath, str]]:
    """Each Parquet file under `folder` with its `parquet_listing` entry."""
    out = []
    for path in parquet_files(folder):
        info = path.stat()
        name = f"{folder.name}/{path.relative_to(folder).as_posix()}"
        out.append((path, f"{name}:{info.st_size}:{getattr(info, 'st_mtime_ns', info.st_mtime)}"))
    return out


def read_parquet_dir(folder: LakePath, schema: dict) -> pl.DataFrame:
    """All Parquet files under a folder as one frame (an empty frame of `schema` when none)."""
    return read_parquet_files(parquet_files(folder), schema)


PAYLOAD_KEY = ("source", "locator", "content_hash")


def first_sightings(rows: pl.DataFrame) -> pl.DataFrame:
    """Manifest rows, one per payload (PAYLOAD_KEY): the earliest record of each."""
    return rows.sort("first_seen_at", "batch").unique(list(PAYLOAD_KEY), keep="first",
                                                      maintain_order=True)


def read_parquet_files(files: list[LakePath], schema: dict) -> pl.DataFrame:
    """Parquet files as one frame, with `schema`'s columns (nulls where a file lacks one)."""
    if not files:
        return pl.DataFrame(schema=schema)
    return _with_columns_of(pl.concat([read_parquet(f) for f in files], how="diagonal_relaxed"),
                            schema)


SPILL_ROWS = 20_000  # manifest and fetch-log rows a batch holds before writing them
PACK_BYTES = 256 * 1024**2  # a pack is closed past this size, and before each spill


class _PackWriter:
    """A pack being written: payloads appended through `open_atomic`, so it appears whole."""

    def __init__(self, path: LakePath):
        self.name = path.name
        self.size = 0
        self._files = ExitStack()
        self._handle = self._files.enter_context(open_atomic(path))

    def add(self, data: bytes) -> int:
        """Append a payload; returns its offset."""
        offset = self.size
        self._handle.write(data)
        self.size += len(data)
        return offset

    def close(self) -> None:
        self._files.close()


class RawStore:
    """Content-addressed payload store plus the manifest and fetch log of one batch (run)."""

    def __init__(self, lake: LakePath, batch: str, ingest_day: date | None = None):
        self.root = lake / "raw"
        self.batch = batch
        self.ingest_day = ingest_day or datetime.now(UTC).date()
        self._manifest: list[ManifestRow] = []
        self._log: list[FetchLogRow] = []
        self._parts = 0
        self._written = [0, 0]  # manifest rows, log rows already in this batch's files
        self._pack: _PackWriter | None = None
        self._packs = 0
        # a retried batch writes packs of new names: the failed attempt's may be pointed at
        self._attempt = secrets.token_hex(4)

    @cached_property
    def _seen(self) -> tuple[set[str], dict[str, tuple[str | None, int | None]]]:
        """What other batches recorded, from one scan of the manifest: the `_key` of every
        payload (`_known`) and where the bytes of each content hash are (`_stored`).

        Built at the first `put`, not in the constructor: most stores only read, and turning a
        300,000-row manifest into these takes about a second, paid by every step that read the
        manifest, and by the inbox walk of a run with nothing new. A retried run (same batch)
        starts again: its earlier manifest is replaced at its first write, so what it holds is
        not "known" to it. Only the columns needed are read, and not sorted: a set needs no
        first sighting (`manifest()` held every column of 300,000 rows for it). A key is one
        string, not a tuple of three: the set of 300,000 takes 67 MB instead of 115 MB.
        """
        files = parquet_files(self.root / "manifest")
        if not files:
            return set(), {}
        rows = (scan_parquet(files, MANIFEST_SCHEMA).filter(pl.col("batch") != self.batch)
                .select(pl.concat_str("source", "locator", "content_hash",
                                      separator=_KEY_SEPARATOR).alias("key"),
                        "content_hash", "pack", "offset")
                .collect())
        return set(rows["key"]), {h: (pack, offset) for h, pack, offset
                                  in rows.select("content_hash", "pack", "offset").iter_rows()}

    @property
    def _known(self) -> set[str]:
        """`_key` of every payload recorded: a payload already recorded adds no row."""
        return self._seen[0]

    @property
    def _stored(self) -> dict[str, tuple[str | None, int | None]]:
        """(pack, offset) of the bytes of each content hash stored: bytes already in the lake
        are pointed at, not stored again."""
        return self._seen[1]

    # -- payloads -----------------------------------------------------------------------------
    def read(self, content_hash: str) -> bytes:
        """A stored payload's bytes, found through the manifest (a flushed batch's or older).

        Any row of the hash will do (the bytes are the same), so only the rows of that hash are
        read: the whole manifest, sorted for its first sightings, is 0.3 GB at 300,000 rows."""
        files = parquet_files(self.root / "manifest")
        rows = (scan_parquet(files, MANIFEST_SCHEMA).filter(pl.col("content_hash") == content_hash)
                .head(1).collect() if files else pl.DataFrame())
        if rows.is_empty():
            raise KeyError(f"no payload {content_hash} in the manifest")
        return read_payload(self.root.parent, rows.row(0, named=True))

    def put(
        self,
        data: bytes,
        *,
        source: str,
        kind: str,
        locator: str,
        media_type: str,
        outlet: str | None = None,
        claimant: str | None = None,
        format: str | None = None,
        charset: str | None = None,
        feed_published: date | None = None,
    ) -> tuple[str, bool]:
        """Store a payload; returns (content hash, whether this source/locator/content is new).

        Bytes already in the lake, under this locator or another, are not stored again. They
        are kept as they came; `charset`, the one the server declared, says how to read them
        (`pipelines.lib.decoding.decoded`). `feed_published`: the day the feed item that listed
        it gives, kept because only the feed says it: an article that gives no date of its own
        is dated by it (`pipelines.lib.staging.parse_batch`). A payload already recorded keeps
        the day of its first sighting."""
        digest = sha256(data)
        key = _key(source, locator, digest)
        if key in self._known:
            return digest, False
        self._known.add(key)
        pack, offset = self._stored.get(digest) or self._add_to_pack(digest, data)
        now = datetime.now(UTC)
        self._manifest.append(
            ManifestRow(
                content_hash=digest,
                source=source,
                kind=kind,
                locator=locator,
                media_type=media_type,
                outlet=outlet,
                claimant=claimant,
                format=format,
                size=len(data),
                first_seen_at=now,
                ingest_day=self.ingest_day,
                batch=self.batch,
                pack=pack,
                offset=offset,
                charset=charset,
                feed_published=feed_published,
            )
        )
        self._spill_when_full()
        return digest, True

    def _add_to_pack(self, digest: str, data: bytes) -> tuple[str, int]:
        """Append a payload to the batch's open pack (opening one if needed)."""
        if self._pack is None:
            self._pack = _PackWriter(
                self.root / "packs" / f"{self.batch}-{self._attempt}-{self._packs:04d}.pack")
            self._packs += 1
        where = self._pack.name, self._pack.add(data)
        self._stored[digest] = where
        if self._pack.size >= PACK_BYTES:
            self._close_pack()
        return where

    def _close_pack(self) -> None:
        """Write the open pack out whole: only then may manifest rows point into it."""
        if self._pack is not None:
            self._pack.close()
            self._pack = None

    def log(self, row: FetchLogRow) -> None:
        self._log.append(row)
        self._spill_when_full()

    # -- batch files --------------------------------------------------------------------------
    def flush(self) -> tuple[int, int]:
        """Write what this batch still holds; returns (new payloads, log rows) of the batch."""
        self._spill()
        return self._written[0], self._written[1]

    def _spill_when_full(self) -> None:
        """Rows are written SPILL_ROWS at a time, so a run's memory does not grow with its
        inbox: holding the rows of 300,000 files until the end took 0.9 GB. A run that fails
        half-way keeps the parts it wrote; the next one sees those payloads as known."""
        if len(self._manifest) + len(self._log) >= SPILL_ROWS:
            self._spill()

    def _spill(self) -> None:
        """The rows held so far, as the next part of this batch's manifest and fetch log."""
        if self._parts == 0:
            self._remove_own_files()
        self._close_pack()
        name = f"{self.batch}-{self._parts:04d}.parquet"
        for folder, rows, schema in (("manifest", self._manifest, MANIFEST_SCHEMA),
                                     ("fetch_log", self._log, FETCH_LOG_SCHEMA)):
            if rows:
                # vars, not asdict: asdict deep-copies every field of every row
                frame = pl.DataFrame([vars(r) for r in rows], schema=schema)
                write_parquet_atomic(frame, self.root / folder / name)
        self._written[0] += len(self._manifest)
        self._written[1] += len(self._log)
        self._manifest, self._log = [], []
        self._parts += 1

    def _remove_own_files(self) -> None:
        """Delete the manifest and log that an earlier attempt of this batch wrote (a retried run
        writes them again). Its packs stay (`_attempt`): other batches may point into them."""
        for folder in ("manifest", "fetch_log"):
            for path in parquet_files(self.root / folder):
                if path.name == f"{self.batch}.parquet" or (
                        path.name.startswith(f"{self.batch}-")
                        and path.name[len(self.batch) + 1:-len(".parquet")].isdigit()):
                    path.unlink()

    def manifest(self, kind: str | None = None) -> pl.DataFrame:
        """One row per (source, locator, content hash): its first sighting; of one `kind` only
        when given (a payload has one kind), read from the files through a filter: the few
        statistics payloads among 300,000 articles took 0.3-0.4 s to find otherwise.

        Two runs started together can both record the same new payload in their own batch
        files; the earlier record wins, so the payload is never counted twice.
        """
        if kind is None:
            return first_sightings(read_parquet_dir(self.root / "manifest", MANIFEST_SCHEMA))
        files = parquet_files(self.root / "manifest")
        if not files:
            return pl.DataFrame(schema=MANIFEST_SCHEMA)
        return first_sightings(scan_parquet(files, MANIFEST_SCHEMA)
                               .filter(pl.col("kind") == kind).collect())

    def payload_count(self) -> int:
        """The number of rows of `manifest()`, reading only the three key columns: a run's
        summary needs the count, and the whole manifest sorted took 0.3 GB at 300,000 rows."""
        files = parquet_files(self.root / "manifest")
        if not files:
            return 0
        keys = scan_parquet(files).select("source", "locator", "content_hash").unique()
        return keys.select(pl.len()).collect().item()

    def fetch_log(self) -> pl.DataFrame:
        return read_parquet_dir(self.root / "fetch_log", FETCH_LOG_SCHEMA)

    def validators(self, sources: Collection[str] | None = None
                   ) -> dict[str, dict[str, tuple[str | None, str | None]]]:
        """Latest ETag / Last-Modified of each source's locators (URLs and local files), for
        conditional requests and to tell unchanged local files; of `sources` only when given
        (a run fetching feeds has no use for the inbox's 300,000).

        By source, then locator: a local file's locator is only unique within its source. The
        log's rows are sorted by time and a later one replaces an earlier one as they fill the
        dict: a group-by of 300,000 rows for the last one took 0.13 GB more at its peak.
        """
        latest: dict[str, dict[str, tuple[str | None, str | None]]] = {}
        files = parquet_files(self.root / "fetch_log")
        if not files or (sources is not None and not sources):
            return latest
        rows = self._good_reads(files)
        if sources is not None:
            rows = rows.filter(pl.col("source").is_in(list(sources)))
        rows = rows.sort("fetched_at").select("source", "locator", "etag", "last_modified")
        for source, locator, etag, modified in rows.collect().iter_rows():
            latest.setdefault(source, {})[locator] = (etag, modified)
        return latest

    def _good_reads(self, files: list) -> pl.LazyFrame:
        """The fetch log's reads that gave a payload, but this batch's own: an earlier attempt
        of a retried batch wrote them, and its files are replaced at the retry's first write,
        so what it read must be read again, not skipped as unchanged."""
        return scan_parquet(files).filter(pl.col("ok") & ~pl.col("not_modified")
                                          & (pl.col("batch") != self.batch))

    def last_read(self, keys: pl.DataFrame) -> pl.DataFrame:
        """`source`, `locator` and `content_hash` of the latest good read of each locator of
        `keys` (`source`, `locator`): the payload a locator holds now.

        Not the manifest's newest payload: bytes seen before are not stored again, so a file
        put back to an earlier version (A, then B, then A again) has B as its newest."""
        files = parquet_files(self.root / "fetch_log")
        if not files:
            return pl.DataFrame(schema={c: pl.String for c in PAYLOAD_KEY})
        return (self._good_reads(files).filter(pl.col("content_hash").is_not_null())
                .join(keys.lazy().select("source", "locator"), on=["source", "locator"],
                      how="semi")
                .group_by("source", "locator")
                .agg(pl.col("content_hash").sort_by("fetched_at", maintain_order=True).last())
                .collect())

    def held_now(self, content_hashes: pl.Series) -> pl.Series:
        """Those of `content_hashes` that a locator holds now (`last_read`), whatever the
        locators: for payloads known by content alone, as staged articles are. A payload a
        locator gave once and then changed from is not held, though it may come back."""
        files = parquet_files(self.root / "fetch_log")
        if not files or content_hashes.is_empty():
            return pl.Series("content_hash", [], pl.String)
        wanted = content_hashes.unique().implode()
        readers = (self._good_reads(files).filter(pl.col("content_hash").is_in(wanted))
                   .select("source", "locator").unique().collect())
        held = self.last_read(readers)["content_hash"]
        return held.filter(held.is_in(wanted)).unique()

    def last_stamps(self, source: str) -> pl.DataFrame:
        """`locator` and `stamp` (Last-Modified: `<mtime_ns>:<size>` for a local file) of the
        latest good read of each of a source's locators: what the inbox walk joins every file
        it finds with (`Ingestor._inbox_files`).

        A frame, not `validators`' dict: built for the 300,000 files of the bench's inbox,
        that dict took 0.25 s of each run's walk.
        """
        files = parquet_files(self.root / "fetch_log")
        if not files:
            return pl.DataFrame(schema={"locator": pl.String, "stamp": pl.String})
        return (self._good_reads(files).filter(pl.col("source") == source)
                .group_by("locator")
                .agg(pl.col("last_modified").sort_by("fetched_at", maintain_order=True).last()
                     .alias("stamp"))
                .collect(engine="streaming"))
