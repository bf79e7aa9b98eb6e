"""sql/README.md documents every warehouse table with exactly its real columns, types and units.

The README has one section per table, headed `### `schema.table``, holding a markdown table whose
header starts with `column` (`| column | type | meaning |`). These tests parse those sections and
compare them with the sample warehouse built by the real assets (the session `built` fixture).
"""

from __future__ import annotations

import re

import duckdb
import pytest

from pipelines.lib.warehouse import SQL_DIR
from tests.pipeline.helpers import query

pytestmark = pytest.mark.integration

README = SQL_DIR / "README.md"
SCHEMAS = ("raw", "core", "marts", "quality", "meta")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
TABLE_HEADING = re.compile(r"^`?([a-z_][a-z0-9_]*)\.([a-z_][a-z0-9_]*)`?(?:\s|$)")
# what each type's meaning cell must say about its unit
UNITS = {
    "double": ("people", "seconds", "ratio"),
    "date": ("ISO date",),
    "timestamptz": ("UTC",),
}


def split_row(line: str) -> list[str]:
    """Cells of a markdown table row; `\\|` inside a cell is a literal bar, not a separator."""
    body = line.strip()
    body = body.removeprefix("|")
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells = re.split(r"(?<!\\)\|", body)
    return [c.strip().replace("\\|", "|") for c in cells]


def parse_readme(text: str) -> dict[str, list[tuple[str, str, str]]]:
    """{"schema.table": [(column, type, meaning), ...]} for every table section of the README.

    A section starts at a heading naming a table (`schema.table`, backticks optional, anything
    after it ignored) and ends at the next heading of the same or a higher level. Its column list
    is the markdown table whose header's first cell is `column`; exactly one per section.
    """
    sections: dict[str, list[list[str]]] = {}
    current: str | None = None
    level = 0
    in_fence = False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        heading = HEADING.match(line)
        if heading:
            depth, title = len(heading.group(1)), heading.group(2)
            named = TABLE_HEADING.match(title)
            if named:
                current = f"{named.group(1)}.{named.group(2)}"
                level = depth
                assert current not in sections, f"{current} is documented twice"
                sections[current] = []
            elif current is not None and depth <= level:
                current = None
            continue
        if current is not None:
            sections[current].append(line)

    documented = {}
    for table, lines in sections.items():
        blocks: list[list[list[str]]] = []
        block: list[list[str]] = []
        for line in [*lines, ""]:
            if line.lstrip().startswith("|"):
                block.append(split_row(line))
            elif block:
                blocks.append(block)
                block = []
        column_tables = [b for b in blocks if b[0] and b[0][0].strip("`").lower() == "column"]
        assert len(column_tables) == 1, (
            f"{table}: expected one `| column | type | meaning |` table, found {len(column_tables)}")
        header, separator, *rows = column_tables[0]
        assert [h.lower() for h in header[:2]] == ["column", "type"], f"{table}: header {header}"
        assert all(set(c) <= set(":- ") for c in separator), f"{table}: no separator row"
        documented[table] = []
        for row in rows:
            assert len(row) >= 3, f"{table}: row {row} needs column, type and meaning"
            documented[table].append((row[0].strip("` "), row[1].strip("` ").lower(), row[2]))
    return documented


DOCUMENTED = parse_readme(README.read_text(encoding="utf-8"))


def normalise_type(duckdb_type: str) -> str:
    return duckdb_type.lower().replace("timestamp with time zone", "timestamptz")


def warehouse_tables(lake) -> dict[str, list[tuple[str, str]]]:
    rows = query(lake, """
        select table_schema || '.' || table_name, column_name, data_type
        from information_schema.columns
        where table_catalog = current_database() and table_schema in (select unnest(?))
        order by table_schema, table_name, ordinal_position
    """, [list(SCHEMAS)])
    tables: dict[str, list[tuple[str, str]]] = {}
    for table, column, data_type in rows:
        tables.setdefault(table, []).append((column, normalise_type(data_type)))
    return tables


def test_parser_reads_sections_tables_and_escaped_bars():
    text = "\n".join([
        "## core", "", "### `core.t` (`core/t.sql`)", "one row per thing", "",
        "| column | type | meaning |", "|---|---|---|",
        "| `a` | double | people: \\|x - y\\| |", "| `b` | date | ISO date |", "",
        "```", "### `core.not_a_section`", "```",
        "| table | grain |", "|---|---|", "| `core.other` | not a column list |",
        "## quality", "| `c` | bigint | not in any section |",
    ])
    assert parse_readme(text) == {
        "core.t": [("a", "double", "people: |x - y|"), ("b", "date", "ISO date")]}


def test_readme_documents_tables_with_columns():
    assert len(DOCUMENTED) >= 12
    for table, columns in DOCUMENTED.items():
        names = [c for c, _, _ in columns]
        assert names, f"{table} lists no columns"
        assert len(names) == len(set(names)), f"{table} lists a column twice"
        assert all(t for _, t, _ in columns), f"{table}: a column without a type"


def test_every_warehouse_table_is_documented(built):
    lake, *_ = built
    real = warehouse_tables(lake)
    assert {"raw.payloads", "core.figures", "marts.figure_disputes", "quality.quarantine"} <= set(real)
    assert sorted(set(real) - set(DOCUMENTED)) == [], "tables missing from sql/README.md"
    assert sorted(set(DOCUMENTED) - set(real)) == [], "sql/README.md documents tables that do not exist"


@pytest.mark.parametrize("table", sorted(DOCUMENTED))
def test_documented_columns_and_types_match_the_warehouse(built, table):
    lake, *_ = built
    real = warehouse_tables(lake).get(table)
    assert real is not None, f"{table} is documented but not in the warehouse"
    documented = [(column, type_) for column, type_, _ in DOCUMENTED[table]]
    assert [c for c, _ in documented] == [c for c, _ in real], f"{table}: columns differ"
    assert documented == real, f"{table}: types differ"


@pytest.mark.parametrize("table", sorted(DOCUMENTED))
def test_documented_columns_state_their_units(table):
    missing = [column for column, type_, meaning in DOCUMENTED[table]
               if type_ in UNITS and not any(unit in meaning for unit in UNITS[type_])]
    assert missing == [], f"{table}: say the unit ({UNITS}) of {missing}"


def test_parquet_exports_have_the_documented_columns(built):
    lake, *_ = built
    exports = sorted((lake / "exports").glob("*.parquet"))
    assert len(exports) >= 10
    for path in exports:
        table = path.name.removesuffix(".parquet")
        assert table in DOCUMENTED, f"{path.name} is exported but not documented"
        columns = duckdb.sql(f"select * from read_parquet('{path}') limit 0").columns  # noqa: S608
        assert columns == [c for c, _, _ in DOCUMENTED[table]], f"{path.name}: columns differ"
