"""HTTP ingestion through the real assets against a real server on 127.0.0.1."""

from __future__ import annotations

import json
import time

import pytest
from werkzeug import Request, Response

from tests.conftest import resources_for, write_sources
from tests.pipeline.helpers import count, materialize, query

pytestmark = pytest.mark.integration

ARTICLE = """<html><head><title>Toll passes 10,000</title>
<meta property="article:published_time" content="2023-11-06T12:00:00Z">
<link rel="canonical" href="{url}"></head><body><article><h1>Toll passes 10,000</h1>
<p>The Hamas-run health ministry in Gaza said on Monday that 10,022 people have been killed in
the territory since October 7, including 4,104 children.</p>
<p>Israel says about 240 people are being held hostage in Gaza after they were abducted in the
October 7 attack.</p></article></body></html>"""

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>
<link>{base}</link><description>t</description>
<item><title>Flaky</title><link>{base}/flaky.html</link><guid>1</guid></item>
<item><title>Slow</title><link>{base}/slow.html</link><guid>2</guid></item>
<item><title>Huge</title><link>{base}/huge.html</link><guid>3</guid></item>
<item><title>Elsewhere</title><link>https://not-allowed.example/x</link><guid>4</guid></item>
</channel></rss>"""

SERIES = [{"report_date": "2023-11-06", "report_source": "mohtel", "report_period": 24,
           "killed_cum": 10022, "ext_killed_cum": 10022}]


@pytest.fixture
def server(httpserver):
    base = httpserver.url_for("").rstrip("/")
    calls = {"flaky": 0}

    def flaky(request: Request) -> Response:
        calls["flaky"] += 1
        if calls["flaky"] == 1:
            return Response("upstream hiccup", status=500)
        return Response(ARTICLE.format(url=f"{base}/flaky.html"), content_type="text/html")

    def slow(request: Request) -> Response:
        time.sleep(1.5)
        return Response("too late", content_type="text/html")

    def series(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(json.dumps(SERIES), content_type="application/json",
                        headers={"ETag": '"v1"'})

    httpserver.expect_request("/feed.xml").respond_with_data(
        FEED.format(base=base), content_type="application/rss+xml")
    httpserver.expect_request("/flaky.html").respond_with_handler(flaky)
    httpserver.expect_request("/slow.html").respond_with_handler(slow)
    httpserver.expect_request("/huge.html").respond_with_data(
        "<html>" + "x" * 300_000 + "</html>", content_type="text/html")
    httpserver.expect_request("/series.json").respond_with_handler(series)
    return base, calls


@pytest.fixture
def resources(server, tmp_path, lake):
    base, _ = server
    sources = write_sources(tmp_path / "sources.yaml", [
        {"name": "test-wire", "kind": "feed", "url": f"{base}/feed.xml", "outlet": "Test Wire",
         "allowed_hosts": ["127.0.0.1", "localhost"]},
        {"name": "tfp", "kind": "statistics", "format": "techforpalestine",
         "url": f"{base}/series.json"},
    ])
    return resources_for(lake, sources, read_timeout=0.5, total_timeout=1.0, attempts=2,
                         max_bytes=100_000)


def test_feed_articles_and_statistics_over_http(server, resources, lake):
    base, calls = server
    materialize(resources)

    assert calls["flaky"] == 2  # the 500 was retried and recovered
    assert query(lake, "select count(*) from core.articles where url like ?",
                 [f"{base}/flaky.html%"]) == [(1,)]
    killed = query(lake, "select origin, value, claimant_class from core.figures "
                   "where metric = 'killed' order by origin")
    assert ("article", 10022.0, "gaza_health") in killed
    assert ("statistics", 10022.0, "gaza_health") in killed

    failures = dict(query(lake, "select locator, reason from quality.quarantine "
                          "where stage = 'fetch'"))
    assert "timeout" in failures[f"{base}/slow.html"].lower()
    assert "larger than" in failures[f"{base}/huge.html"]
    assert "allowed_hosts" in failures["https://not-allowed.example/x"]
    logged = query(lake, "select locator, ok, status, error from raw.fetch_log")
    assert any(loc == f"{base}/slow.html" and not ok for loc, ok, _, _ in logged)


def test_second_run_uses_conditional_requests_and_adds_nothing(server, resources, lake):
    materialize(resources)
    before = {t: count(lake, t) for t in ("raw.payloads", "core.figures", "core.articles")}
    materialize(resources)
    assert {t: count(lake, t) for t in before} == before
    statuses = query(lake, "select status, not_modified from raw.fetch_log "
                     "where locator like '%series.json' order by fetched_at")
    assert statuses == [(200, False), (304, True)]
