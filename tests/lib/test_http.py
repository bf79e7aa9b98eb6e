"""The HTTP client against a real server on 127.0.0.1 (pytest-httpserver)."""

from __future__ import annotations

import gzip
import threading
import time

import pytest
from werkzeug import Request, Response

from pipelines.lib.http import Fetcher, HttpSettings

FAST = HttpSettings(attempts=3, backoff_initial=0.01, backoff_max=0.2, read_timeout=0.5,
                    total_timeout=2.0, max_bytes=50_000, concurrency=3)


@pytest.fixture
def fetcher():
    with Fetcher(FAST) as f:
        yield f


def counter_handler(responses):
    """Serve the given responses in order (the last one repeats); count calls."""
    calls = []

    def handler(request: Request) -> Response:
        calls.append(dict(request.headers))
        return responses[min(len(calls), len(responses)) - 1]()

    return handler, calls


def test_ok_with_validators_and_user_agent(httpserver, fetcher):
    httpserver.expect_request("/a").respond_with_data(
        "hello", content_type="text/html", headers={"ETag": '"x1"',
                                                    "Last-Modified": "Mon, 01 Jan 2024 00:00:00 GMT"})
    result = fetcher.fetch(httpserver.url_for("/a"))
    assert (result.status, result.body, result.error) == (200, b"hello", None)
    assert result.etag == '"x1"' and result.last_modified.startswith("Mon")
    assert httpserver.log[0][0].headers["User-Agent"].startswith("Tally/")


def test_500_then_recovery(httpserver, fetcher):
    handler, calls = counter_handler([lambda: Response("no", status=500),
                                      lambda: Response("yes")])
    httpserver.expect_request("/flaky").respond_with_handler(handler)
    result = fetcher.fetch(httpserver.url_for("/flaky"))
    assert result.error is None and result.body == b"yes" and result.attempts == 2
    assert len(calls) == 2


def test_500_forever_gives_up_with_status(httpserver, fetcher):
    httpserver.expect_request("/down").respond_with_data("no", status=503)
    result = fetcher.fetch(httpserver.url_for("/down"))
    assert result.error == "HTTP 503 after 3 attempts" and result.status == 503
    assert result.body is None


def test_429_honours_retry_after(httpserver, fetcher):
    handler, calls = counter_handler([lambda: Response("slow down", status=429,
                                                       headers={"Retry-After": "0.2"}),
                                      lambda: Response("ok")])
    httpserver.expect_request("/limited").respond_with_handler(handler)
    started = time.monotonic()
    result = fetcher.fetch(httpserver.url_for("/limited"))
    assert result.body == b"ok" and time.monotonic() - started >= 0.2


def test_404_is_not_retried(httpserver, fetcher):
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    result = fetcher.fetch(httpserver.url_for("/gone"))
    assert result.error == "HTTP 404" and result.attempts == 1


def test_timeout(httpserver, fetcher):
    def sleepy(request):
        time.sleep(1.0)
        return Response("late")

    httpserver.expect_request("/slow").respond_with_handler(sleepy)
    result = fetcher.fetch(httpserver.url_for("/slow"))
    assert "timeout" in result.error and result.attempts == 3


def test_trickling_body_hits_the_wall_clock_cap(httpserver):
    def trickle(request):
        def chunks():
            for _ in range(40):
                time.sleep(0.1)
                yield b"x" * 10
        return Response(chunks(), content_type="text/plain")

    httpserver.expect_request("/trickle").respond_with_handler(trickle)
    settings = HttpSettings(attempts=1, read_timeout=0.5, total_timeout=1.0)
    with Fetcher(settings) as f:
        started = time.monotonic()
        result = f.fetch(httpserver.url_for("/trickle"))
    assert "timeout" in result.error and time.monotonic() - started < 3


def test_conditional_request_gives_304(httpserver, fetcher):
    def handler(request):
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304)
        return Response("body", headers={"ETag": '"v1"'})

    httpserver.expect_request("/feed").respond_with_handler(handler)
    first = fetcher.fetch(httpserver.url_for("/feed"))
    second = fetcher.fetch(httpserver.url_for("/feed"), etag=first.etag)
    assert second.not_modified and second.status == 304 and second.body is None
    assert second.error is None


@pytest.mark.parametrize("chunked", [False, True])
def test_oversized_body_is_refused(httpserver, fetcher, chunked):
    big = b"x" * 200_000
    if chunked:
        httpserver.expect_request("/big").respond_with_handler(
            lambda r: Response(big[i:i + 10_000] for i in range(0, len(big), 10_000)))
    else:
        httpserver.expect_request("/big").respond_with_data(big)
    result = fetcher.fetch(httpserver.url_for("/big"))
    assert "larger than 50000 bytes" in result.error and result.body is None


def test_gzip_bomb_is_capped_after_decompression(httpserver, fetcher):
    bomb = gzip.compress(b"\0" * 5_000_000)
    httpserver.expect_request("/bomb").respond_with_data(
        bomb, headers={"Content-Encoding": "gzip"})
    result = fetcher.fetch(httpserver.url_for("/bomb"))
    assert "larger than" in result.error


@pytest.mark.parametrize("url", ["ftp://example.org/x", "file:///etc/passwd", "javascript:x"])
def test_only_http_schemes(fetcher, url):
    result = fetcher.fetch(url)
    assert "not allowed" in result.error and result.attempts == 1


def test_redirects_followed_but_not_to_other_schemes_or_in_loops(httpserver, fetcher):
    httpserver.expect_request("/r1").respond_with_data("", status=302,
                                                      headers={"Location": "/final"})
    httpserver.expect_request("/final").respond_with_data("done")
    httpserver.expect_request("/evil").respond_with_data("", status=302,
                                                        headers={"Location": "file:///etc/passwd"})
    httpserver.expect_request("/loop").respond_with_data("", status=302,
                                                        headers={"Location": "/loop"})
    ok = fetcher.fetch(httpserver.url_for("/r1"))
    assert ok.body == b"done" and ok.final_url.endswith("/final")
    assert "not allowed" in fetcher.fetch(httpserver.url_for("/evil")).error
    assert "redirect loop" in fetcher.fetch(httpserver.url_for("/loop")).error


def test_fetch_many_keeps_order_and_bounds_concurrency(httpserver, fetcher):
    lock, state = threading.Lock(), {"now": 0, "max": 0}

    def handler(request):
        with lock:
            state["now"] += 1
            state["max"] = max(state["max"], state["now"])
        time.sleep(0.05)
        with lock:
            state["now"] -= 1
        return Response(request.path)

    httpserver.expect_request("/item", method="GET").respond_with_handler(handler)
    for i in range(8):
        httpserver.expect_request(f"/item{i}").respond_with_handler(handler)
    results = fetcher.fetch_many((httpserver.url_for(f"/item{i}"), None, None) for i in range(8))
    assert [r.body for r in results] == [f"/item{i}".encode() for i in range(8)]
    assert 1 < state["max"] <= FAST.concurrency
