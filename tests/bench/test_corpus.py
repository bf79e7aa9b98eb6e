"""The bench corpus is deterministic and really contains the figures its truth table claims."""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

import polars as pl

from pipelines.bench import corpus
from pipelines.lib.articles import parse_article
from pipelines.lib.feeds import parse_feed


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(folder)).encode())
        h.update(path.read_bytes() if path.suffix != ".parquet"
                 else pl.read_parquet(path).write_csv().encode())
    return h.hexdigest()


def test_same_seed_same_corpus_whatever_the_chunking(tmp_path, monkeypatch):
    corpus.generate(tmp_path / "a", 30, seed=3, workers=1)
    monkeypatch.setattr(corpus, "CHUNK", 7)
    corpus.generate(tmp_path / "b", 30, seed=3, workers=1)
    pages_a = _digest(tmp_path / "a" / "inbox")
    assert pages_a == _digest(tmp_path / "b" / "inbox")
    truth_a = pl.read_parquet(tmp_path / "a" / "truth" / "*.parquet")
    truth_b = pl.read_parquet(tmp_path / "b" / "truth" / "*.parquet").sort("article_index")
    assert truth_a.equals(truth_b)
    corpus.generate(tmp_path / "c", 30, seed=4, workers=1)
    assert _digest(tmp_path / "c" / "inbox") != pages_a


def test_pages_hold_the_planted_figures_in_their_body(tmp_path):
    corpus.generate(tmp_path, 20, seed=5, workers=1)
    truth = pl.read_parquet(tmp_path / "truth" / "*.parquet")
    assert truth.height >= 20
    assert set(truth["qualifier"]) <= set(corpus.QUALIFIERS.values())
    pages = {int(p.stem): p for p in (tmp_path / "inbox").rglob("*.html")}
    assert sorted(pages) == list(range(20))
    for index, rows in truth.group_by("article_index"):
        page = pages[index[0]].read_text()
        body = " ".join(html.unescape(p) for p in re.findall(r"<p>(.*?)</p>", page))
        for surface, url in rows.select("surface", "url").iter_rows():
            assert surface in body, (index, surface)
            assert f'href="{url}"' in page
        size = len(body.encode())
        assert 3_000 <= size <= 11_000
    # The page's own text (what the pipeline keeps) holds each figure; furniture does not.
    article = parse_article(pages[0].read_bytes(), "html", url=None, outlet=None)
    for surface in truth.filter(pl.col("article_index") == 0)["surface"]:
        assert surface in article.text
    assert "shares" not in article.text and "Comments" not in article.text


def test_feeds_list_every_page(tmp_path):
    corpus.generate(tmp_path, 25, seed=5, workers=1)
    linked = set()
    for feed in (tmp_path / "feeds").glob("*.xml"):
        for entry in parse_feed(feed.read_bytes(), feed.as_uri()):
            linked.add(Path(entry.link.removeprefix("file://")).resolve())
    assert linked == {p.resolve() for p in (tmp_path / "inbox").rglob("*.html")}


def test_statistics_series_never_falls():
    import json

    rows = json.loads(corpus.statistics(seed=1, days=50))
    cumulative = [r["killed_cum"] for r in rows]
    assert cumulative == sorted(cumulative) and len(rows) == 50
