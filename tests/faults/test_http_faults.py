"""HTTP faults tests/lib/test_http.py does not cover, against real servers on 127.0.0.1.

Resets, cut-off and malformed compressed bodies and trickled headers come from a raw socket
server (tests/faults/servers.py); the rest from pytest-httpserver. Every fault ends as a
`FetchResult` with a readable error, never an exception and never a silently shortened body.
"""

from __future__ import annotations

import gzip
import time
import tracemalloc
import zlib
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from werkzeug import Request, Response

from pipelines.lib.http import Fetcher, HttpSettings
from tests.faults.servers import RawServer, read_request, reset, response

pytestmark = pytest.mark.faults

FAST = HttpSettings(attempts=3, backoff_initial=0.01, backoff_max=0.3, read_timeout=0.3,
                    total_timeout=1.0, max_bytes=50_000, concurrency=4)


@pytest.fixture
def fetcher():
    with Fetcher(FAST) as f:
        yield f


def test_connection_reset_is_retried_then_reported(fetcher, tally_faults):
    tally, name = tally_faults

    def handler(conn, number):
        read_request(conn)
        reset(conn)

    with RawServer(handler) as server:
        result = fetcher.fetch(server.url + "/reset")
    tally.injected(name, result.attempts)
    assert result.error.startswith("connection error after 3 attempts: ")
    assert "reset" in result.error.lower() and result.body is None
    assert server.connections == 3


def test_a_reset_then_a_good_answer_recovers(fetcher, tally_faults):
    tally, name = tally_faults

    def handler(conn, number):
        read_request(conn)
        if number == 1:
            reset(conn)
        else:
            conn.sendall(response(b"second time lucky", Content_Type="text/plain"))

    with RawServer(handler) as server:
        started = time.monotonic()
        result = fetcher.fetch(server.url + "/x")
        tally.recovered("HTTP: connection reset, retried", time.monotonic() - started)
    tally.injected(name)
    assert (result.error, result.body, result.attempts) == (None, b"second time lucky", 2)


def test_body_cut_short_of_its_content_length(fetcher, tally_faults):
    tally, name = tally_faults

    def handler(conn, number):
        read_request(conn)
        conn.sendall(response(b"x" * 50, Content_Length="100"))

    with RawServer(handler) as server:
        result = fetcher.fetch(server.url + "/short")
    tally.injected(name)
    assert "without sending complete message body" in result.error and result.body is None


GZIPPED = gzip.compress(b"hello world " * 500)


@pytest.mark.parametrize(("encoding", "payload", "message"), [
    ("gzip", GZIPPED[: len(GZIPPED) // 2], "truncated gzip body"),
    ("gzip", GZIPPED[:-4], "truncated gzip body"),
    ("gzip", b"this is not gzip at all", "malformed gzip body"),
    ("deflate", b"\x78\x9c not deflate either", "malformed deflate body"),
    ("br", b"\x0b\x02\x80hello", "unsupported Content-Encoding 'br'"),
    ("gzip", gzip.compress(b"one") + b"trailing junk", "malformed compressed body"),
], ids=["gzip-half", "gzip-no-trailer", "not-gzip", "not-deflate", "brotli", "gzip-junk"])
def test_broken_compressed_bodies_are_errors(fetcher, tally_faults, encoding, payload, message):
    """A truncated gzip stream whose Content-Length matches the cut used to pass as a body."""
    tally, name = tally_faults

    def handler(conn, number):
        read_request(conn)
        conn.sendall(response(payload, Content_Encoding=encoding))

    with RawServer(handler) as server:
        result = fetcher.fetch(server.url + "/z")
    tally.injected(name)
    assert result.error.startswith(message) and result.body is None
    assert result.attempts == 1  # a broken body is final: the same bytes would come again


def test_deflate_and_gzip_bodies_decode(httpserver, fetcher):
    text = b"The ministry said 10,022 people were killed. " * 50
    httpserver.expect_request("/gz").respond_with_data(
        gzip.compress(text), headers={"Content-Encoding": "gzip"})
    httpserver.expect_request("/df").respond_with_data(
        zlib.compress(text), headers={"Content-Encoding": "deflate"})
    assert fetcher.fetch(httpserver.url_for("/gz")).body == text
    assert fetcher.fetch(httpserver.url_for("/df")).body == text


def test_decompression_bomb_is_stopped_without_inflating_it(tally_faults):
    """200 MB of zeros, ~200 kB on the wire: memory stays near the cap, not near 200 MB.

    Served from the raw socket server: werkzeug allocates a 10 MB drain buffer of its own
    when a client hangs up, which tracemalloc would count against the client.
    """
    tally, name = tally_faults
    bomb = gzip.compress(b"\0" * 200_000_000, compresslevel=9)

    def handler(conn, number):
        read_request(conn)
        conn.sendall(response(bomb, Content_Encoding="gzip"))

    with RawServer(handler) as server, \
            Fetcher(HttpSettings(max_bytes=1_000_000, attempts=1)) as f:  # above the wire size
        tracemalloc.start()
        try:
            result = f.fetch(server.url + "/bomb")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    tally.injected(name)
    assert result.error == "body larger than 1000000 bytes" and result.body is None
    assert peak < 6_000_000, peak


def test_headers_trickled_past_the_deadline(tally_faults):
    """Each byte arrives inside the read timeout; the attempt still ends at total_timeout."""
    tally, name = tally_faults

    def handler(conn, number):
        read_request(conn)
        for byte in response(b"late", X_Padding="y" * 500):
            conn.send(bytes([byte]))
            time.sleep(0.05)

    settings = HttpSettings(attempts=2, backoff_initial=0.01, read_timeout=0.5,
                            total_timeout=0.6)
    with RawServer(handler) as server, Fetcher(settings) as f:
        started = time.monotonic()
        result = f.fetch(server.url + "/slow-headers")
        elapsed = time.monotonic() - started
    tally.injected(name, 2)
    assert result.error == "timeout after 2 attempts: no complete response within 0.6 s"
    assert elapsed < 2.5, elapsed  # before the fix: ~27 s per attempt


def test_burst_of_5xx_across_many_urls_recovers(httpserver, tally_faults):
    """Each URL fails twice (500, 502, 503, 504 in turn) and then answers: nothing is lost."""
    tally, name = tally_faults
    seen: dict[str, int] = {}
    statuses = (500, 502, 503, 504)

    def handler(request: Request) -> Response:
        n = seen[request.path] = seen.get(request.path, 0) + 1
        if n <= 2:
            return Response("busy", status=statuses[(n + len(request.path)) % 4])
        return Response(request.path)

    import re

    httpserver.expect_request(re.compile(r"/burst/\d+")).respond_with_handler(handler)
    urls = [httpserver.url_for(f"/burst/{i}") for i in range(12)]
    with Fetcher(HttpSettings(attempts=4, backoff_initial=0.01, backoff_max=0.05,
                              concurrency=4)) as f:
        started = time.monotonic()
        results = f.fetch_many((u, None, None) for u in urls)
        tally.recovered("HTTP: burst of 24 5xx over 12 URLs", time.monotonic() - started)
    tally.injected(name, 24)
    assert [r.error for r in results] == [None] * 12
    assert [r.body for r in results] == [f"/burst/{i}".encode() for i in range(12)]
    assert all(r.attempts == 3 for r in results)


def test_429_with_an_http_date_retry_after(httpserver, fetcher, tally_faults):
    tally, name = tally_faults
    calls = []

    def handler(request: Request) -> Response:
        calls.append(1)
        if len(calls) == 1:
            when = format_datetime(datetime.now(UTC) + timedelta(seconds=1), usegmt=True)
            return Response("later", status=429, headers={"Retry-After": when})
        return Response("now")

    httpserver.expect_request("/dated").respond_with_handler(handler)
    started = time.monotonic()
    result = fetcher.fetch(httpserver.url_for("/dated"))
    tally.injected(name)
    assert result.body == b"now" and result.attempts == 2
    assert 0.0 < time.monotonic() - started < 1.5  # waited (capped at backoff_max = 0.3 s)


def test_redirect_off_the_allowed_hosts_is_refused(httpserver, fetcher, tally_faults):
    """A link on an allowed host must not bounce the fetcher to a host nobody allowed."""
    tally, name = tally_faults
    other = httpserver.url_for("/landing").replace("127.0.0.1", "localhost")
    httpserver.expect_request("/bounce").respond_with_data("", 302, headers={"Location": other})
    httpserver.expect_request("/landing").respond_with_data("should not be fetched")
    result = fetcher.fetch(httpserver.url_for("/bounce"), allowed_hosts=["127.0.0.1"])
    tally.injected(name)
    assert result.error == ("host 'localhost' is not in the source's allowed_hosts "
                            f"(redirected from {httpserver.url_for('/bounce')})")
    assert result.body is None and len(httpserver.log) == 1
    # the same redirect is fine when both hosts are allowed
    ok = fetcher.fetch(httpserver.url_for("/bounce"), allowed_hosts=["127.0.0.1", "localhost"])
    assert ok.body == b"should not be fetched"


@pytest.mark.parametrize("target", ["data:text/html,<script>alert(1)</script>",
                                    "gopher://127.0.0.1:70/", "file:///etc/shadow"])
def test_redirect_to_a_non_http_scheme(httpserver, fetcher, tally_faults, target):
    tally, name = tally_faults
    httpserver.expect_request("/to").respond_with_data("", 301, headers={"Location": target})
    result = fetcher.fetch(httpserver.url_for("/to"))
    tally.injected(name)
    assert "not allowed (http and https only)" in result.error and result.body is None


def test_server_speaking_garbage(tally_faults, fetcher):
    tally, name = tally_faults

    def handler(conn, number):
        read_request(conn)
        conn.sendall(b"\x00\xffNOT HTTP AT ALL\r\n\r\n")

    with RawServer(handler) as server:
        result = fetcher.fetch(server.url + "/")
    tally.injected(name)
    assert result.error.startswith("connection error after 3 attempts: RemoteProtocolError")
