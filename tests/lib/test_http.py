"""The HTTP client against a real server on 127.0.0.1 (pytest-httpserver, threaded: conftest)."""

from __future__ import annotations

import gzip
import re
import socket
import threading
import time
import tracemalloc
import zlib
from datetime import UTC

import pytest
from werkzeug import Request, Response

from pipelines.lib.http import Fetcher, HttpSettings

FAST = HttpSettings(attempts=3, backoff_initial=0.01, backoff_max=0.2, read_timeout=0.3,
                    total_timeout=2.0, max_bytes=50_000, concurrency=3)


@pytest.fixture
def fetcher():
    with Fetcher(FAST) as f:
        yield f


def in_order(*responses):
    """A handler serving `responses` in order (the last one repeats); `calls` counts requests."""
    calls: list[Request] = []

    def handler(request: Request) -> Response:
        calls.append(request)
        return responses[min(len(calls), len(responses)) - 1]()

    return handler, calls


def test_ok_with_body_validators_and_user_agent(httpserver, fetcher):
    httpserver.expect_request("/a").respond_with_data(
        "hello", content_type="text/html; charset=utf-8",
        headers={"ETag": '"x1"', "Last-Modified": "Mon, 01 Jan 2024 00:00:00 GMT"})
    result = fetcher.fetch(httpserver.url_for("/a"))
    assert (result.status, result.body, result.error, result.attempts) == (200, b"hello", None, 1)
    assert result.etag == '"x1"' and result.last_modified == "Mon, 01 Jan 2024 00:00:00 GMT"
    assert result.content_type == "text/html; charset=utf-8" and not result.not_modified
    assert result.final_url == result.url == httpserver.url_for("/a")
    assert result.fetched_at.tzinfo == UTC and result.elapsed_s >= 0
    (request, _), = httpserver.log
    assert request.headers["User-Agent"] == FAST.user_agent
    assert "If-None-Match" not in request.headers


def test_user_agent_comes_from_settings(httpserver):
    httpserver.expect_request("/ua", headers={"User-Agent": "Probe/9"}).respond_with_data("ok")
    with Fetcher(HttpSettings(user_agent="Probe/9")) as f:
        assert f.fetch(httpserver.url_for("/ua")).body == b"ok"


def test_conditional_request_gives_304(httpserver, fetcher):
    def handler(request: Request) -> Response:
        if (request.headers.get("If-None-Match") == '"v1"'
                and request.headers.get("If-Modified-Since") == "Mon, 01 Jan 2024 00:00:00 GMT"):
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response("body", headers={"ETag": '"v1"',
                                         "Last-Modified": "Mon, 01 Jan 2024 00:00:00 GMT"})

    httpserver.expect_request("/feed").respond_with_handler(handler)
    first = fetcher.fetch(httpserver.url_for("/feed"))
    assert first.body == b"body" and not first.not_modified
    second = fetcher.fetch(httpserver.url_for("/feed"), first.etag, first.last_modified)
    assert second.not_modified and second.status == 304 and second.body is None
    assert second.error is None and second.etag == '"v1"'


def test_a_validator_that_is_not_ascii_is_not_sent_back(httpserver, fetcher):
    """httpx cannot encode it into a request: every later fetch of the URL raised, and the
    step with it, until the server changed the validator."""
    seen = []

    def handler(request: Request) -> Response:
        seen.append(request.headers.get("If-None-Match"))
        return Response("body", headers={"ETag": '"r\u00e9v-2"', "Last-Modified": "l\u00e9"})

    httpserver.expect_request("/stats.json").respond_with_handler(handler)
    first = fetcher.fetch(httpserver.url_for("/stats.json"))
    again = fetcher.fetch(httpserver.url_for("/stats.json"), first.etag, first.last_modified)
    assert first.etag and not first.etag.isascii()
    assert again.error is None and again.body == b"body" and seen == [None, None]


def test_a_server_that_would_send_raw_deflate_is_not_asked_for_it(httpserver, fetcher):
    """Raw deflate under "Content-Encoding: deflate" was refused as malformed, though Tally
    had said it accepts deflate."""
    page = b"<html><body><p>Twelve people were killed.</p></body></html>" * 20

    def server(request: Request) -> Response:
        if "deflate" in request.headers.get("Accept-Encoding", ""):
            raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
            return Response(raw.compress(page) + raw.flush(),
                            headers={"Content-Encoding": "deflate"})
        return Response(gzip.compress(page), headers={"Content-Encoding": "gzip"})

    httpserver.expect_request("/p").respond_with_handler(server)
    result = fetcher.fetch(httpserver.url_for("/p"))
    assert result.error is None and result.body == page


def test_500_then_recovery(httpserver, fetcher):
    handler, calls = in_order(lambda: Response("no", status=500), lambda: Response("yes"))
    httpserver.expect_request("/flaky").respond_with_handler(handler)
    result = fetcher.fetch(httpserver.url_for("/flaky"))
    assert (result.error, result.body, result.status, result.attempts) == (None, b"yes", 200, 2)
    assert len(calls) == 2


def test_5xx_forever_gives_up_after_all_attempts(httpserver, fetcher):
    httpserver.expect_request("/down").respond_with_data("no", status=503)
    result = fetcher.fetch(httpserver.url_for("/down"))
    assert result.error == "HTTP 503 after 3 attempts"
    assert (result.status, result.body, result.attempts) == (503, None, 3)
    assert len(httpserver.log) == 3


def test_429_honours_retry_after(httpserver, fetcher):
    handler, calls = in_order(
        lambda: Response("slow down", status=429, headers={"Retry-After": "0.15"}),
        lambda: Response("ok"))
    httpserver.expect_request("/limited").respond_with_handler(handler)
    started = time.monotonic()
    result = fetcher.fetch(httpserver.url_for("/limited"))
    assert result.body == b"ok" and result.attempts == 2 and len(calls) == 2
    assert time.monotonic() - started >= 0.15  # the backoff alone would be ~0.01-0.02 s


def test_retry_after_is_capped_at_backoff_max(httpserver, fetcher):
    handler, _ = in_order(lambda: Response("", status=503, headers={"Retry-After": "3600"}),
                          lambda: Response("ok"))
    httpserver.expect_request("/maintenance").respond_with_handler(handler)
    started = time.monotonic()
    assert fetcher.fetch(httpserver.url_for("/maintenance")).body == b"ok"
    assert time.monotonic() - started < 2


def test_404_is_not_retried(httpserver, fetcher):
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    result = fetcher.fetch(httpserver.url_for("/gone"))
    assert (result.error, result.status, result.attempts) == ("HTTP 404", 404, 1)
    assert len(httpserver.log) == 1


def test_read_timeout_is_retried_then_reported(httpserver, fetcher):
    def sleepy(request: Request) -> Response:
        time.sleep(0.8)
        return Response("late")

    httpserver.expect_request("/slow").respond_with_handler(sleepy)
    started = time.monotonic()
    result = fetcher.fetch(httpserver.url_for("/slow"))
    assert result.error == "timeout after 3 attempts: ReadTimeout"
    assert result.status is None and result.body is None and result.attempts == 3
    assert time.monotonic() - started < 2.5


def test_trickling_body_hits_the_wall_clock_cap(httpserver):
    def trickle(request: Request) -> Response:
        def chunks():
            for _ in range(40):  # 4 s in all, each byte well inside the read timeout
                time.sleep(0.1)
                yield b"x" * 10
        return Response(chunks(), content_type="text/plain")

    httpserver.expect_request("/trickle").respond_with_handler(trickle)
    with Fetcher(HttpSettings(attempts=1, read_timeout=0.5, total_timeout=0.8)) as f:
        started = time.monotonic()
        result = f.fetch(httpserver.url_for("/trickle"))
    assert result.error.startswith("timeout after 1 attempt: body not complete within 0.8 s")
    assert result.body is None and time.monotonic() - started < 2


def test_connection_refused_is_an_error_not_an_exception(fetcher):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = fetcher.fetch(f"http://127.0.0.1:{port}/")
    assert result.error.startswith("connection error after 3 attempts: ConnectError")
    assert result.status is None and result.attempts == 3


def test_declared_content_length_over_the_cap_is_refused_before_reading(httpserver, fetcher):
    def huge(request: Request) -> Response:
        def body():
            yield b"x" * 1000
            time.sleep(1)  # reading on would end in a read timeout, not a size error
        return Response(body(), headers={"Content-Length": str(10**9)})

    httpserver.expect_request("/declared").respond_with_handler(huge)
    result = fetcher.fetch(httpserver.url_for("/declared"))
    assert result.error == "body larger than 50000 bytes: Content-Length 1000000000"
    assert result.body is None and result.attempts == 1 and result.status == 200


def test_endless_chunked_body_stops_at_the_cap_without_buffering(httpserver, fetcher):
    chunk, sent = b"x" * 65_536, []

    def endless(request: Request) -> Response:
        def body():
            for _ in range(640):  # 40 MiB if nobody stops reading
                sent.append(len(chunk))
                yield chunk
        return Response(body())  # no Content-Length: chunked

    httpserver.expect_request("/endless").respond_with_handler(endless)
    httpserver.expect_request("/warm-up").respond_with_data("ok")
    assert fetcher.fetch(httpserver.url_for("/warm-up")).body == b"ok"  # one-off lazy imports
    tracemalloc.start()
    try:
        result = fetcher.fetch(httpserver.url_for("/endless"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.error == "body larger than 50000 bytes" and result.body is None
    # tracemalloc sees the in-process server too, which allocates a 10 MB drain buffer when the
    # client hangs up (werkzeug.serving); a client buffering the body would peak above 40 MB.
    assert peak < 16_000_000, peak
    assert sum(sent) < 20_000_000  # the client hung up early


def test_small_chunked_body_under_the_cap_is_fine(httpserver, fetcher):
    httpserver.expect_request("/chunks").respond_with_handler(
        lambda r: Response(b"y" * 1000 for _ in range(40)))
    assert fetcher.fetch(httpserver.url_for("/chunks")).body == b"y" * 40_000


def test_gzip_bomb_is_capped_after_decompression(httpserver, fetcher):
    bomb = gzip.compress(b"\0" * 2_000_000)  # ~2 kB on the wire, far under the cap
    httpserver.expect_request("/bomb").respond_with_data(
        bomb, headers={"Content-Encoding": "gzip"})
    result = fetcher.fetch(httpserver.url_for("/bomb"))
    assert result.error == "body larger than 50000 bytes"


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/x", "file:///etc/passwd", "javascript:alert(1)",
                                 "mailto:desk@example.org", "//127.0.0.1/x"])
def test_only_http_and_https(fetcher, url):
    result = fetcher.fetch(url)
    assert re.fullmatch(r"scheme '.*' not allowed \(http and https only\)", result.error)
    assert result.attempts == 1 and result.status is None


@pytest.mark.parametrize("url", ["http://", "http://[::1", "http://xn--/", "http://a\x00b/"])
def test_malformed_urls_are_errors_not_exceptions(fetcher, url):
    result = fetcher.fetch(url)
    assert result.error.startswith("invalid URL") and result.attempts == 1


def test_relative_redirect_is_followed(httpserver, fetcher):
    httpserver.expect_request("/r1").respond_with_data("", 301, headers={"Location": "r2"})
    httpserver.expect_request("/r2").respond_with_data("", 302, headers={"Location": "/final"})
    httpserver.expect_request("/final").respond_with_data("done")
    result = fetcher.fetch(httpserver.url_for("/r1"))
    assert result.body == b"done" and result.error is None
    assert result.url == httpserver.url_for("/r1")
    assert result.final_url == httpserver.url_for("/final")


@pytest.mark.parametrize("target", ["file:///etc/passwd", "javascript:alert(1)",
                                    "ftp://127.0.0.1/x"])
def test_redirect_to_another_scheme_is_refused(httpserver, fetcher, target):
    httpserver.expect_request("/evil").respond_with_data("", 302, headers={"Location": target})
    result = fetcher.fetch(httpserver.url_for("/evil"))
    assert "not allowed" in result.error and result.body is None and result.attempts == 1


def test_redirect_loop_and_endless_redirects(httpserver, fetcher):
    httpserver.expect_request("/ping").respond_with_data("", 302, headers={"Location": "/pong"})
    httpserver.expect_request("/pong").respond_with_data("", 302, headers={"Location": "/ping"})
    hop = re.compile(r"/hop/(\d+)")
    httpserver.expect_request(hop).respond_with_handler(
        lambda r: Response("", 302, {"Location": f"/hop/{int(hop.match(r.path)[1]) + 1}"}))
    loop = fetcher.fetch(httpserver.url_for("/ping"))
    assert loop.error == f"redirect loop at {httpserver.url_for('/ping')}"
    endless = fetcher.fetch(httpserver.url_for("/hop/0"))
    assert endless.error == "more than 5 redirects" and endless.attempts == 1


def test_fetch_many_keeps_order_and_bounds_concurrency(httpserver, fetcher):
    lock, state = threading.Lock(), {"now": 0, "max": 0}

    def handler(request: Request) -> Response:
        with lock:
            state["now"] += 1
            state["max"] = max(state["max"], state["now"])
        n = int(request.path.rsplit("/", 1)[1])
        time.sleep(0.12 - n * 0.01)  # later items finish first
        with lock:
            state["now"] -= 1
        return Response(request.path)

    httpserver.expect_request(re.compile(r"/item/\d+")).respond_with_handler(handler)
    urls = [httpserver.url_for(f"/item/{i}") for i in range(9)]
    results = fetcher.fetch_many((url, None, None) for url in urls)
    assert [r.url for r in results] == urls
    assert [r.body for r in results] == [f"/item/{i}".encode() for i in range(9)]
    assert 1 < state["max"] <= FAST.concurrency
