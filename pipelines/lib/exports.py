"""Parquet exports of the warehouse tables: what analysts read while a load holds its lock.

Each table is published at `<lake>/exports/<schema>.<table>.parquet`. Most are one file,
rewritten whole on every change and swapped in atomically (`export_whole`).

The three big append-mostly tables (PARTED) are rewritten in parts instead (`export_parts`).
Why: rewriting them whole took 6.6 s of a 38 s run that added 1% new articles to a 300,000-article
day (the articles with their 2 GB of text 3.1 s, the figures 2.5 s, the claim mentions 1.0 s),
to write the same rows again. On a local lake such a table's path is a link to a folder of
Parquet parts, one version of the table:
- the parts whose rows are unchanged are kept (hard links, not copies), and every other row goes
  into one new part;
- a part is unchanged when its rows, read again from the warehouse by their key, give the count
  and digest recorded in its own Parquet metadata when it was written;
- small parts are folded into the new one (see `_fold`), so a table keeps a few parts, not one
  per run;
- the link is repointed in one atomic rename, so a reader sees the old version or the new one,
  whole. The previous version stays until the table's next export, for a reader still on it.

A part is kept only when all its rows are: a changed or deleted old row (a revised article)
rewrites its whole part, so such a run costs what a whole rewrite did before.

DuckDB 2, Polars and pandas read the link as one table, by the same path as a file. An older
DuckDB reads it as `'<path>/*.parquet'`. In object storage there are no links, so those
tables are one object, rewritten whole, like the others.
"""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipelines.lib.raw_store import is_local
from pipelines.lib.warehouse import fingerprint, reloaded_mark, run, table_name, use_filesystem
from pipelines.settings import LakePath

PARQUET_OPTIONS = "format parquet, row_group_size_bytes '64MB'"


@dataclass(frozen=True)
class Parted:
    """How to export a table in parts: its row key, and columns left out of the row digest
    because another column already digests them (an article's text: its `text_hash`)."""

    key: str
    undigested: tuple[str, ...] = ()

    def digest(self) -> str:
        """A SQL expression hashing one row (of the table's own columns).

        Hashed twice: DuckDB's hash of several values folds the last one in by XOR, so in the
        XOR of a part's row hashes two rows changing their last column alike (or swapping its
        values) cancelled out, and the part was kept with the old rows.
        """
        columns = "*" if not self.undigested else f"* exclude ({', '.join(self.undigested)})"
        return f"hash(hash(*columns({columns})))"


PARTED = {
    "core.articles": Parted("article_id", ("text",)),
    "core.figures": Parted("figure_id"),
    "core.claim_mentions": Parted("figure_id"),
}


@dataclass
class Exported:
    rows: int  # rows in the table, all of them readable at its path
    written: int  # rows written this time (the rest are in kept parts)
    parts: int  # parts of the version now published (1 for a whole file)


def export_all(conn: duckdb.DuckDBPyConnection,
               targets: dict[str, LakePath]) -> dict[str, Exported]:
    """Publish each table of `targets` at its path (`export`); what each export wrote, by table.

    The tables rewritten whole are copied on a second connection in a thread of their own,
    while the parted ones are exported on `conn`. Why: DuckDB writes a small table's Parquet on
    one thread (the claims, with every figure id, are one row group), and the parted tables'
    queries keep both cores busy only part of the time. After 1% new articles at 300,000, the
    exports took 2.27-2.36 s this way against 2.49-2.80 s one after another (three runs each).
    """
    side = conn.cursor()  # a connection of its own: one is not to be used by two threads
    try:
        with ThreadPoolExecutor(1, thread_name_prefix="export") as pool:
            whole = {name: pool.submit(export, side, name, path)
                     for name, path in targets.items() if not _parted(name, path)}
            done = {name: export(conn, name, path)
                    for name, path in targets.items() if _parted(name, path)}
            done.update({name: future.result() for name, future in whole.items()})
    finally:
        side.close()
    return {name: done[name] for name in targets}


def _parted(name: str, path: LakePath) -> bool:
    return name in PARTED and is_local(path)


def export(conn: duckdb.DuckDBPyConnection, name: str, path: LakePath) -> Exported:
    """Publish table `name` at `path`: in parts when it is PARTED and the lake is local, else
    as one file rewritten whole."""
    if _parted(name, path):
        return export_parts(conn, name, path, PARTED[name])
    rows = export_whole(conn, name, path)
    return Exported(rows=rows, written=rows, parts=1)


def export_whole(conn: duckdb.DuckDBPyConnection, name: str, path: LakePath) -> int:
    """Copy a table to one Parquet file, swapped in atomically; returns the row count.

    Row groups are cut by size (64 MB), not by row count: 122,880 articles with their text
    are about half a gigabyte, and two writer threads of those outgrow the memory budget.

    In object storage DuckDB writes the object itself: the upload appears whole when it
    completes, so there is no temporary copy to rename (a rename there would be a copy).
    """
    table, _ = table_name(name)
    if not is_local(path):
        use_filesystem(conn, path.fs)
        _copy(conn, f"select * from {table}", str(path))
        return run(conn, f"select count(*) from {table}")[0][0]
    path.parent.mkdir(parents=True, exist_ok=True)
    # Not named *.parquet: a reader globbing the folder must never pick up a half-written copy.
    tmp = path.with_name(f".tmp-{path.name}.partial")
    _copy(conn, f"select * from {table}", str(tmp))
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    tmp.replace(path)  # also replaces a link to parts, when the table stops being parted
    shutil.rmtree(path.parent / ".parts" / name, ignore_errors=True)
    return run(conn, f"select count(*) from {table}")[0][0]


def export_parts(conn: duckdb.DuckDBPyConnection, name: str, path: Path,
                 parted: Parted) -> Exported:
    """Publish a new version of table `name` at `path`: its unchanged parts kept, every other
    row in one new part (see the module's docstring)."""
    table, _ = table_name(name)
    versions = path.parent / ".parts" / name
    current = _current_version(path)
    # the columns, and the last whole reload: rows reloaded under the same ids may differ
    # where the digest cannot see (an article's text is digested through its folded hash)
    schema = fingerprint(conn, [], repr(run(conn, f"describe {table}")),
                         reloaded_mark(conn, name))
    files = [str(p) for p in sorted(current.glob("part-*.parquet"))] if current else []
    try:
        recorded = _recorded(conn, files)
        if files:
            _members(conn, parted.key, files)
    except duckdb.Error:  # a part that cannot be read (cut short, or not Parquet): start over
        files, recorded = [], {}
    # Each row's key and digest, with the part it is in (None: in no part)
    keyed = (f"select {parted.key} as key, null::integer as part, {parted.digest()} as digest "
             f"from {table}")
    if files:
        # kept to pick the new part's rows below: one join of the keys, not two (2.45 million
        # figures at 300,000 articles: 0.51-0.55 s against 0.70-0.78 s)
        run(conn, f"""
            create or replace temp table export_rows as
            select rows.key, members.part, rows.digest
            from ({keyed}) as rows left join export_members as members on rows.key = members.key
        """)
        keyed = "select * from export_rows"
    # Each part's rows as the warehouse has them now
    now = {files[index] if index is not None else None: (rows, str(digest))
           for index, rows, digest in run(conn, f"select part, count(*), bit_xor(digest) "
                                                 f"from ({keyed}) group by part")}
    kept = {p: recorded[p][0] for p in files if recorded.get(p) == (*now.get(p, (0, "0")), schema)}
    fresh = sum(rows for part, (rows, _) in now.items() if part not in kept)
    kept = _fold(kept, fresh)
    written = sum(rows for part, (rows, _) in now.items() if part not in kept)
    digest = 0
    for part, (_, part_digest) in now.items():
        if part not in kept:
            digest ^= int(part_digest)

    number = 1 + max((int(v.name[1:]) for v in versions.glob("v*") if v.name[1:].isdigit()),
                     default=0)
    version = versions / f"v{number:06d}"
    version.mkdir(parents=True)
    try:
        for part in kept:
            os.link(part, version / Path(part).name)
        if written or not kept:  # a table of no rows is still one (empty) part, with its columns
            select = f"select * from {table}"
            if kept:
                run(conn, "delete from export_rows where list_contains(?, part)",
                    [[files.index(p) for p in kept]])
                # the keys first, then their rows: an anti join of the whole table read every
                # column of every row (at 300,000 articles, 2 GB of text for 3,000 new articles:
                # 0.4-0.9 s against 0.08 s). A row without a key is in no part, so it is picked.
                select = (f"select * from {table} as rows semi join export_rows "
                          f"on rows.{parted.key} is not distinct from export_rows.key")
            new = version / f"part-{number:06d}.parquet"
            tmp = version / f".tmp-{new.name}.partial"
            metadata = {"tally_rows": str(written), "tally_digest": str(digest),
                        "tally_schema": schema}
            _copy(conn, select, str(tmp), metadata)
            tmp.replace(new)
    except BaseException:
        # A failed copy (DuckDB out of memory, a full disk) leaves no half-written version:
        # each retry would add one, gigabytes for the articles, until an export succeeded.
        shutil.rmtree(version, ignore_errors=True)
        raise
    run(conn, "drop table if exists export_members")
    run(conn, "drop table if exists export_rows")
    _publish(path, version)
    _forget_versions(versions, keep={version, current})
    return Exported(rows=sum(rows for rows, _ in now.values()), written=written,
                    parts=len(kept) + bool(written or not kept))


def _members(conn: duckdb.DuckDBPyConnection, key: str, files: list[str]) -> None:
    """The temporary table `export_members`: each exported row's key and the index of its part
    in `files` (a small number, not the path: 2.45 million paths held some 200 MB)."""
    run(conn, f"create or replace temp table export_members as select {key} as key, "
              f"list_position(?, filename)::integer - 1 as part "
              f"from read_parquet(?, filename = true)", [files, files])


def _fold(kept: dict[str, int], fresh: int) -> dict[str, int]:
    """The kept parts (path -> rows) once the smallest are folded into the new part of `fresh`
    rows: while the smallest kept part is no larger than the new part, it joins it.

    Why: one new part per run would leave a table of thousands of small files after a year
    of hourly runs. Folded like this, parts double in size as they merge (as a binary counter
    carries), so a table of N rows written R rows at a time keeps about log2(N / R) parts, and
    each row is rewritten about that many times over its life.
    """
    if not fresh:
        return kept
    kept = dict(kept)
    for part, rows in sorted(kept.items(), key=lambda item: (item[1], item[0])):
        if rows > fresh:
            break
        fresh += rows
        del kept[part]
    return kept


def _recorded(conn: duckdb.DuckDBPyConnection, parts: list[str]) -> dict[str, tuple]:
    """part -> (rows, digest, schema), as its metadata says it was written; parts written
    without them (by another tool, or half of them) are missing, so never kept."""
    if not parts:
        return {}
    found: dict[str, dict[str, str]] = {}
    for file, key, value in run(conn, "select file_name, decode(key), decode(value) "
                                      "from parquet_kv_metadata(?)", [parts]):
        found.setdefault(file, {})[key] = value
    return {file: (int(meta["tally_rows"]), meta["tally_digest"], meta["tally_schema"])
            for file, meta in found.items()
            if {"tally_rows", "tally_digest", "tally_schema"} <= meta.keys()}


def _current_version(path: Path) -> Path | None:
    """The folder of parts `path` links to; None when it is a file, missing, or links nowhere."""
    if not path.is_symlink():
        return None
    target = path.parent / os.readlink(path)
    return target if target.is_dir() else None


def _publish(path: Path, version: Path) -> None:
    """Point `path` at `version` in one rename: a link made beside it, then moved over it (over
    an older whole file too). Relative, so the lake can be moved or mounted elsewhere."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)  # a folder not of Tally's making cannot be renamed over
    link = path.with_name(f".tmp-{path.name}.link")
    link.unlink(missing_ok=True)
    link.symlink_to(os.path.relpath(version, path.parent))
    link.replace(path)


def _forget_versions(versions: Path, keep: set[Path | None]) -> None:
    """Delete every version but `keep`: older ones no reader can still be on, and the leftovers
    of an export killed before it published."""
    for version in versions.iterdir():
        if version not in keep:
            shutil.rmtree(version, ignore_errors=True)


def _copy(conn: duckdb.DuckDBPyConnection, select: str, target: str,
          metadata: dict[str, str] | None = None) -> None:
    literal = target.replace("'", "''")  # our own path, quoted as a SQL string literal
    options = PARQUET_OPTIONS
    if metadata:
        # Tally's own counts and digests: digits and hex, never data
        options += ", kv_metadata {" + ", ".join(f"{k}: '{v}'" for k, v in metadata.items()) + "}"
    run(conn, f"copy ({select}) to '{literal}' ({options})")
