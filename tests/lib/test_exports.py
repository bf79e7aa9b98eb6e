"""Parquet exports in parts, on a real DuckDB and real files: after any change to the table, the
path reads back exactly the table's rows, and only the rows that changed were written again."""

import os

import duckdb
import pandas as pd
import polars as pl
import pytest

from pipelines.lib import exports, warehouse
from pipelines.lib.exports import Parted

THINGS = Parted("id")


@pytest.fixture
def conn():
    conn = duckdb.connect(":memory:")
    conn.execute("create schema core")
    conn.execute("create table core.things as select 'k' || range as id, range as value "
                 "from range(1000)")
    return conn


def publish(conn, path) -> exports.Exported:
    return exports.export_parts(conn, "core.things", path, THINGS)


def read(path) -> list[tuple]:
    """The exported rows as a reader gets them: DuckDB on the table's path, and Polars and
    pandas agree."""
    got = duckdb.sql(f"select id, value from '{path}' order by id").fetchall()
    assert pl.read_parquet(path).sort("id").rows() == got
    frame = pd.read_parquet(path).sort_values("id")
    assert list(zip(frame["id"], frame["value"], strict=True)) == got
    return got


def table(conn) -> list[tuple]:
    return conn.execute("select id, value from core.things order by id").fetchall()


def parts(path) -> list[str]:
    return sorted(p.name for p in path.resolve().glob("*.parquet"))


def test_new_rows_go_into_a_new_part_and_the_old_part_is_kept_not_rewritten(conn, tmp_path):
    path = tmp_path / "core.things.parquet"
    first = publish(conn, path)
    assert (first.rows, first.written, first.parts) == (1000, 1000, 1)
    [old] = parts(path)
    inode = os.stat(path.resolve() / old).st_ino

    conn.execute("insert into core.things select 'n' || range, range from range(10)")
    second = publish(conn, path)
    assert (second.rows, second.written, second.parts) == (1010, 10, 2)
    assert read(path) == table(conn)
    assert old in parts(path) and os.stat(path.resolve() / old).st_ino == inode


def test_a_changed_or_deleted_row_rewrites_its_part_and_the_table_reads_back_whole(
        conn, tmp_path):
    path = tmp_path / "core.things.parquet"
    publish(conn, path)
    conn.execute("insert into core.things select 'n' || range, range from range(10)")
    publish(conn, path)
    conn.execute("update core.things set value = -1 where id = 'n3'")
    changed = publish(conn, path)
    assert changed.written == 10 and changed.parts == 2  # only the small part, rewritten
    assert read(path) == table(conn)
    conn.execute("delete from core.things where id = 'k5'")
    deleted = publish(conn, path)
    assert deleted.written == 1009 and deleted.parts == 1  # the big part, folded with the small
    assert read(path) == table(conn)
    assert ("k5", 5) not in read(path) and ("n3", -1) in read(path)


def test_rows_changing_their_last_column_alike_or_swapping_it_rewrite_their_part(
        conn, tmp_path):
    """A part's digest is the XOR of its rows' hashes: two rows' changes must not cancel out."""
    path = tmp_path / "core.things.parquet"
    conn.execute("update core.things set value = 5 where id in ('k1', 'k2')")
    publish(conn, path)
    conn.execute("update core.things set value = 7 where id in ('k1', 'k2')")
    assert publish(conn, path).written == 1000
    assert read(path) == table(conn)
    conn.execute("update core.things set value = 10 - value where id in ('k3', 'k7')")
    assert publish(conn, path).written == 1000
    assert read(path) == table(conn)


def test_nothing_changed_writes_nothing(conn, tmp_path):
    path = tmp_path / "core.things.parquet"
    publish(conn, path)
    again = publish(conn, path)
    assert (again.written, again.parts) == (0, 1)
    assert read(path) == table(conn)


def test_small_parts_fold_so_a_table_written_a_little_at_a_time_keeps_few_parts(conn, tmp_path):
    path = tmp_path / "core.things.parquet"
    publish(conn, path)
    for batch in range(40):
        conn.execute(f"insert into core.things select 'b{batch}-' || range, range from range(5)")
        publish(conn, path)
        # 1,000 rows, then 40 batches of 5: no more parts than bits in the count of batches
        assert len(parts(path)) <= 1 + (batch + 1).bit_length()
    assert read(path) == table(conn)


def test_a_reader_of_the_previous_version_can_still_read_it_and_older_ones_are_gone(
        conn, tmp_path):
    path = tmp_path / "core.things.parquet"
    publish(conn, path)
    first = path.resolve()
    conn.execute("insert into core.things values ('x', 1)")
    publish(conn, path)
    second = path.resolve()
    assert duckdb.sql(f"select count(*) from '{first}/*.parquet'").fetchall() == [(1000,)]
    conn.execute("insert into core.things values ('y', 2)")
    publish(conn, path)
    assert not first.exists() and second.exists()
    assert read(path) == table(conn)


def test_a_killed_export_leaves_nothing_a_reader_sees_and_the_next_one_clears_it(
        conn, tmp_path):
    path = tmp_path / "core.things.parquet"
    publish(conn, path)
    versions = tmp_path / ".parts" / "core.things"
    # what an export killed before publishing leaves: a version nobody links to, half written
    stray = versions / "v000009"
    stray.mkdir()
    (stray / ".tmp-part-000009.parquet.partial").write_bytes(b"PAR1 half")
    (stray / "part-000001.parquet").write_bytes(b"not parquet")
    assert read(path) == table(conn)
    conn.execute("insert into core.things values ('x', 1)")
    publish(conn, path)
    assert not stray.exists() and path.resolve().name == "v000010"
    assert read(path) == table(conn)


def test_a_part_without_tallys_metadata_or_of_other_columns_is_rewritten(conn, tmp_path):
    path = tmp_path / "core.things.parquet"
    publish(conn, path)
    conn.execute("alter table core.things add column note varchar default 'n'")
    widened = publish(conn, path)
    assert widened.written == 1000
    assert duckdb.sql(f"select count(*) from '{path}' where note = 'n'").fetchall() == [(1000,)]
    # a part another tool wrote in the folder, with no counts of its own, is never trusted
    [part] = parts(path)
    duckdb.sql(f"copy (select * from '{path}') to '{path.resolve() / part}.x' (format parquet)")
    os.replace(path.resolve() / f"{part}.x", path.resolve() / part)
    assert publish(conn, path).written == 1000


def test_a_failed_copy_leaves_no_version_behind_and_the_published_one_stands(conn, tmp_path):
    """A view whose one column fails when read: the digest leaves that column out, so only
    the copy of the new part reads it, and fails as DuckDB out of memory would."""
    conn.execute("create view core.flaky as select id, case when id = 'bad' "
                 "then error('cannot read this row') else value::varchar end as value "
                 "from core.things")
    path = tmp_path / "core.flaky.parquet"
    flaky = Parted("id", ("value",))
    exports.export_parts(conn, "core.flaky", path, flaky)
    published = path.resolve()
    conn.execute("insert into core.things values ('bad', 1)")
    for _ in range(3):  # a retried run
        with pytest.raises(duckdb.Error, match="cannot read this row"):
            exports.export_parts(conn, "core.flaky", path, flaky)
    assert [v.name for v in (tmp_path / ".parts" / "core.flaky").iterdir()] == [published.name]
    assert path.resolve() == published
    assert duckdb.sql(f"select count(*) from '{path}'").fetchall() == [(1000,)]


def test_an_old_whole_file_becomes_a_link_and_the_table_moves_with_the_lake(conn, tmp_path):
    path = tmp_path / "core.things.parquet"
    exports.export_whole(conn, "core.things", path)
    assert path.is_file()
    publish(conn, path)
    assert path.is_symlink() and read(path) == table(conn)
    moved = tmp_path.parent / (tmp_path.name + "-moved")
    tmp_path.rename(moved)
    assert read(moved / "core.things.parquet") == table(conn)


def test_an_empty_table_is_one_empty_part_with_its_columns(conn, tmp_path):
    conn.execute("delete from core.things")
    path = tmp_path / "core.things.parquet"
    assert publish(conn, path).parts == 1
    assert duckdb.sql(f"select * from '{path}'").columns == ["id", "value"]
    assert read(path) == []


def test_a_row_without_a_key_is_exported_too(conn, tmp_path):
    """Tally's keys are never missing, but such a row must not vanish from the export when old
    parts are kept: it belongs to no part, so it goes into the new one."""
    path = tmp_path / "core.things.parquet"
    publish(conn, path)
    conn.execute("insert into core.things values (null, -1), ('n1', 5)")
    assert publish(conn, path).written == 2
    totals = "select count(*), count(id), sum(value) from "
    assert duckdb.sql(f"{totals} '{path}'").fetchall() == conn.execute(
        f"{totals} core.things").fetchall()


def test_article_text_is_digested_through_its_hash(tmp_path):
    """An article whose text changes changes its text_hash too; the digest leaves the text out
    (hashing 2 GB of it took 0.9 s at 300,000 articles) and still sees the change."""
    conn = duckdb.connect(":memory:")
    conn.execute("create schema core")
    conn.execute("create table core.articles as select 'a' || range as article_id, "
                 "'text ' || range as text, sha256('text ' || range) as text_hash from range(50)")
    path = tmp_path / "core.articles.parquet"
    exports.export(conn, "core.articles", path)
    conn.execute("insert into core.articles values ('new', 'more', sha256('more'))")
    assert exports.export(conn, "core.articles", path).written == 1
    conn.execute("update core.articles set text = 'revised', text_hash = sha256('revised') "
                 "where article_id = 'new'")
    assert exports.export(conn, "core.articles", path).written == 1
    assert duckdb.sql(f"select text from '{path}' where article_id = 'new'").fetchall() == [
        ("revised",)]


def test_a_table_not_parted_is_one_file_and_leaves_no_parts_behind(conn, tmp_path):
    path = tmp_path / "core.things.parquet"
    publish(conn, path)  # once parted
    got = exports.export(conn, "core.things", path)  # not in PARTED
    assert path.is_file() and (got.rows, got.written, got.parts) == (1000, 1000, 1)
    assert read(path) == table(conn)
    assert not (tmp_path / ".parts" / "core.things").exists()


def test_a_part_that_cannot_be_read_is_written_again_not_a_failure(conn, tmp_path):
    path = tmp_path / "core.things.parquet"
    publish(conn, path)
    [part] = path.resolve().glob("*.parquet")
    part.write_bytes(part.read_bytes()[:100])  # cut short, as a lost write would leave it
    again = publish(conn, path)
    assert again.written == 1000 and read(path) == table(conn)


def test_a_whole_reload_rewrites_every_part_even_where_the_digest_cannot_see(tmp_path):
    """`text_hash` folds case and spaces: a reload whose new parser changes only those keeps
    every digested column, but not the text."""
    conn = duckdb.connect(":memory:")
    articles = pl.DataFrame({"article_id": ["a1", "a2"], "text": ["Killed 1,200.", "Took 253."],
                             "text_hash": ["h1", "h2"]})
    schema = dict(articles.schema)
    no_rows = pl.DataFrame(schema={"article_id": pl.String})
    warehouse.apply_changes(conn, "core.articles", [articles], no_rows, schema, replace=True)
    path = tmp_path / "core.articles.parquet"
    exports.export(conn, "core.articles", path)
    respaced = articles.with_columns(pl.col("text").str.replace(" ", "  "))
    warehouse.apply_changes(conn, "core.articles", [respaced], no_rows, schema, replace=True)
    assert exports.export(conn, "core.articles", path).written == 2
    assert duckdb.sql(f"select text from '{path}' order by 1").fetchall() == [
        ("Killed  1,200.",), ("Took  253.",)]


def test_export_all_copies_whole_tables_beside_the_parted_ones_and_raises_their_errors(
        tmp_path):
    """The tables written whole go through a second connection in a thread: each path still
    reads back its table, and an export that fails there fails the call."""
    conn = duckdb.connect(":memory:")
    conn.execute("create schema core")
    conn.execute("create table core.articles as select 'a' || range as article_id, "
                 "'text ' || range as text, sha256('text ' || range) as text_hash from range(50)")
    conn.execute("create table core.things as select 'k' || range as id, range as value "
                 "from range(1000)")
    targets = {"core.articles": tmp_path / "core.articles.parquet",
               "core.things": tmp_path / "core.things.parquet"}
    got = exports.export_all(conn, targets)
    assert list(got) == list(targets)
    assert targets["core.articles"].is_symlink() and targets["core.things"].is_file()
    assert (got["core.articles"].rows, got["core.things"].rows) == (50, 1000)
    assert read(targets["core.things"]) == table(conn)
    assert duckdb.sql(f"select count(*) from '{targets['core.articles']}'").fetchall() == [(50,)]

    with pytest.raises(duckdb.CatalogException, match="missing"):
        exports.export_all(conn, {**targets, "core.missing": tmp_path / "core.missing.parquet"})
