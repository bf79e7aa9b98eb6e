"""The one HTTP client of the pipeline: httpx with timeouts, retries, validators and a size cap.

Why each guard exists:
- http(s) only, checked for every redirect hop too (redirects are followed by hand): a feed or
  a hostile server must not send Tally to file://, javascript: or ftp:// URLs.
- Conditional requests (If-None-Match / If-Modified-Since): an unchanged feed costs a 304.
- Retries with exponential backoff and jitter (stamina) on timeouts, connection errors, 5xx and
  429, honouring Retry-After up to `backoff_max`; other 4xx are final, retrying cannot fix them.
- The body is streamed and reading stops at `max_bytes` (decoded size; a declared
  Content-Length above it is refused before reading), so an oversized or endless response cannot
  exhaust memory.
- A wall-clock cap per attempt (`total_timeout`): httpx's read timeout is per socket read, so a
  server trickling a byte every few seconds would otherwise hold a worker forever. Every socket
  read, of the headers as much as of the body, waits at most the time left of the attempt (the
  connections come from `_DeadlineBackend`), so an attempt ends at its deadline.
- gzip and deflate are decoded here, not by httpx, from the raw stream: each step inflates at
  most one chunk's worth, so a decompression bomb is stopped at `max_bytes` without ever being
  expanded further, and a gzip stream that ends early (a truncated body whose Content-Length
  was honest about the cut) is an error instead of a silently shortened payload.
- `allowed_hosts` (per source) is enforced on every redirect hop too: a link on an allowed host
  cannot bounce Tally to a host the source was not trusted with.
- Problems come back as a `FetchResult` with `error` set, never as an exception, so one bad URL
  never stops a run; the caller logs and quarantines it.
"""

from __future__ import annotations

import threading
import time
import zlib
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import Message
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import httpcore
import httpx
import stamina

ALLOWED_SCHEMES = ("http", "https")


@dataclass(frozen=True)
class HttpSettings:
    user_agent: str = "Tally/0.1 (+https://github.com/tally-data/tally; data desk pipeline)"
    connect_timeout: float = 10.0
    read_timeout: float = 30.0  # per socket read
    total_timeout: float = 60.0  # wall-clock cap per attempt, redirects and slow bodies included
    max_bytes: int = 20_000_000  # decoded body size cap
    attempts: int = 4  # total tries, on timeouts, connection errors, 5xx and 429
    backoff_initial: float = 0.5  # first retry wait (s); doubles, plus up to this much jitter
    backoff_max: float = 10.0  # cap on one wait, Retry-After included
    concurrency: int = 4  # requests in flight in fetch_many
    max_redirects: int = 5


@dataclass(frozen=True)
class FetchResult:
    url: str  # as requested
    final_url: str | None  # after redirects
    status: int | None  # of the final response; None when there was none
    body: bytes | None  # None on error and on 304
    content_type: str | None
    etag: str | None
    last_modified: str | None
    not_modified: bool  # True on 304
    error: str | None  # human-readable; None on success (304 included)
    attempts: int
    fetched_at: datetime  # UTC, when the fetch started
    elapsed_s: float

    @property
    def charset(self) -> str | None:
        """The `charset` parameter of the Content-Type, lower-cased (None: none declared).

        Kept with the payload (`RawStore.put`), since only the response says how its bytes
        are to be read: a text file has no `<meta charset>` to say it itself."""
        if not self.content_type:
            return None
        header = Message()
        header["Content-Type"] = self.content_type
        return header.get_content_charset() or None  # `charset=` declares none


class _Failure(Exception):
    def __init__(self, message: str, detail: str | None = None, status: int | None = None,
                 wait: float | None = None):
        super().__init__(message)
        self.message, self.detail, self.status, self.wait = message, detail, status, wait


class _Retryable(_Failure):
    """Worth another attempt: timeout, connection error, 5xx, 429 (`wait` = capped Retry-After)."""


class _Final(_Failure):
    """No retry will fix it: other 4xx, refused scheme, bad URL, oversized body, redirect loop."""


@dataclass
class _Response:
    url: str
    status: int
    body: bytes | None
    headers: httpx.Headers


def _retry_after(value: str | None, cap: float) -> float | None:
    """Seconds the server asked us to wait (delta-seconds or HTTP-date), capped at `cap`."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds()
        except (TypeError, ValueError):
            return None
    return max(0.0, min(seconds, cap))


def _checked_url(url: str, base: httpx.URL | None = None) -> httpx.URL:
    """Parse `url` (relative to `base`, for a Location) and refuse anything but http(s)."""
    try:
        parsed = httpx.URL(urljoin(str(base), url) if base else url)
        host = parsed.host  # decodes IDNA, which can fail
    except (httpx.InvalidURL, ValueError) as exc:  # IDNA errors are ValueErrors
        raise _Final(f"invalid URL {url!r}: {exc}") from exc
    if parsed.scheme not in ALLOWED_SCHEMES:
        raise _Final(f"scheme {parsed.scheme or '(none)'!r} not allowed (http and https only)")
    if not host:
        raise _Final(f"invalid URL {url!r}: no host")
    return parsed


def _backoff(exc: Exception) -> bool | float:
    """stamina hook: retry `_Retryable` only; a Retry-After replaces the computed backoff."""
    if not isinstance(exc, _Retryable):
        return False
    return exc.wait if exc.wait is not None else True


def _check_redirect(response: httpx.Response) -> None:
    """Response hook: vet a redirect target before httpx parses it for `next_request`."""
    if response.has_redirect_location:
        _checked_url(response.headers["Location"], base=response.request.url)


def host_allowed(host: str, allowed: Iterable[str] | None) -> bool:
    """`host` is one of `allowed` or a subdomain of one (None: any host)."""
    if allowed is None:
        return True
    host = host.lower().rstrip(".")
    return any(host == h.lower() or host.endswith("." + h.lower()) for h in allowed)


# The wall-clock deadline of the attempt running on this thread (None outside an attempt).
_attempt_deadline = threading.local()


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose reads and writes never wait past the current attempt's deadline.

    httpx's timeouts are per read; a server sending its status line and headers a byte at a
    time would keep an attempt alive for hours. This clamps every wait to the time left.
    """

    def __init__(self, inner: httpcore.NetworkStream):
        self._inner = inner

    def _left(self, timeout: float | None, error: type[Exception]) -> float | None:
        deadline = getattr(_attempt_deadline, "value", None)
        if deadline is None:
            return timeout
        left = deadline - time.monotonic()
        if left <= 0:
            raise error("attempt deadline passed")
        return left if timeout is None else min(timeout, left)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None):
        inner = self._inner.start_tls(ssl_context, server_hostname,
                                      self._left(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(inner)

    def get_extra_info(self, info: str):
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.SyncBackend):
    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        return _DeadlineStream(super().connect_tcp(host, port, timeout, local_address,
                                                   socket_options))


class _Transport(httpx.HTTPTransport):
    """httpx's own transport, its connection pool built on `_DeadlineBackend`."""

    def __init__(self):
        super().__init__()
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(),
                                             network_backend=_DeadlineBackend())


def _decoder(encoding: str | None):
    """A zlib decompressor for the response's Content-Encoding; None for identity."""
    encoding = (encoding or "identity").strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(zlib.MAX_WBITS | 16)
    if encoding == "deflate":
        return zlib.decompressobj(zlib.MAX_WBITS)  # zlib-wrapped, as RFC 9110 says
    raise _Final(f"unsupported Content-Encoding {encoding!r} (gzip and deflate only)")


class Fetcher:
    """Owns one httpx.Client shared by all threads; use as a context manager."""

    def __init__(self, settings: HttpSettings = HttpSettings()):
        self.settings = settings
        self.client = httpx.Client(
            # gzip only: "deflate" is zlib-wrapped by the standard and raw from many servers
            # (IIS, some PHP), which the decoder cannot tell apart; no br/zstd surprises.
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip"},
            follow_redirects=False,  # followed by hand, so every hop is checked and timed
            event_hooks={"response": [_check_redirect]},
            transport=_Transport(),
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    # -- one attempt ---------------------------------------------------------------------------
    def _timeout(self, deadline: float) -> httpx.Timeout:
        """Per-read timeouts, never longer than what is left of the attempt's wall-clock cap."""
        left = deadline - time.monotonic()
        if left <= 0:
            raise _Retryable("timeout", f"no response within {self.settings.total_timeout:g} s")
        read = min(self.settings.read_timeout, left)
        return httpx.Timeout(read, connect=min(self.settings.connect_timeout, left), pool=left)

    def _read_body(self, response: httpx.Response, deadline: float) -> bytes:
        """Stream and decode the body; stop at `max_bytes` or at the deadline, whichever first."""
        cap = self.settings.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > cap:
            raise _Final(f"body larger than {cap} bytes", f"Content-Length {declared}")
        decoder = _decoder(response.headers.get("Content-Encoding"))
        chunks, size = [], 0
        try:
            for raw in response.iter_raw():
                size = self._decode_chunk(raw, decoder, chunks, size, response)
                if time.monotonic() > deadline:
                    raise httpx.ReadTimeout("attempt deadline passed")
        except httpx.TimeoutException as exc:
            if time.monotonic() < deadline:
                raise  # an ordinary per-read timeout
            raise _Retryable("timeout", f"body not complete within "
                                        f"{self.settings.total_timeout:g} s") from exc
        if decoder is not None and not decoder.eof:
            raise _Final(f"truncated {response.headers['Content-Encoding']} body",
                         "the compressed stream ends before its end marker")
        return b"".join(chunks)

    def _decode_chunk(self, raw: bytes, decoder, chunks: list[bytes], size: int,
                      response: httpx.Response) -> int:
        """Decode one network chunk into `chunks`; returns the new decoded size (capped)."""
        cap = self.settings.max_bytes
        pending = raw
        while pending:
            if decoder is None:
                chunk, pending = pending, b""
            else:
                try:
                    # At most cap+1 bytes out of one step: a bomb never expands further.
                    chunk = decoder.decompress(pending, cap + 1 - size)
                except zlib.error as exc:
                    raise _Final(f"malformed {response.headers['Content-Encoding']} body",
                                 str(exc)) from exc
                pending = decoder.unconsumed_tail
                if decoder.eof and decoder.unused_data.strip(b"\0"):
                    raise _Final("malformed compressed body", "data after the end of "
                                 "the compressed stream")
            size += len(chunk)
            if size > cap:
                raise _Final(f"body larger than {cap} bytes")
            chunks.append(chunk)
            if not chunk and pending:
                break  # nothing came out; wait for more input
        return size

    def _attempt(self, url: str, headers: dict[str, str],
                 allowed_hosts: tuple[str, ...] | None = None) -> _Response:
        """One try: follow up to `max_redirects` hops, checking each target first."""
        deadline = time.monotonic() + self.settings.total_timeout
        _attempt_deadline.value = deadline
        try:
            return self._hops(url, headers, allowed_hosts, deadline)
        finally:
            _attempt_deadline.value = None

    def _hops(self, url: str, headers: dict[str, str], allowed_hosts: tuple[str, ...] | None,
              deadline: float) -> _Response:
        seen: set[str] = set()
        current = _checked_url(url)
        for _ in range(self.settings.max_redirects + 1):
            if str(current) in seen:
                raise _Final(f"redirect loop at {current}")
            seen.add(str(current))
            if not host_allowed(current.host, allowed_hosts):
                raise _Final(f"host {current.host!r} is not in the source's allowed_hosts"
                             + (f" (redirected from {url})" if str(current) != url else ""))
            try:
                with self.client.stream("GET", current, headers=headers,
                                        timeout=self._timeout(deadline)) as response:
                    status = response.status_code
                    if response.has_redirect_location:  # 301/302/303/307/308 with a Location
                        current = _checked_url(response.headers["Location"], base=current)
                        continue
                    if status == 304:
                        return _Response(str(current), status, None, response.headers)
                    if status == 429 or status >= 500:
                        wait = _retry_after(response.headers.get("Retry-After"),
                                            self.settings.backoff_max)
                        raise _Retryable(f"HTTP {status}", status=status, wait=wait)
                    if not 200 <= status < 300:
                        raise _Final(f"HTTP {status}", status=status)
                    try:
                        body = self._read_body(response, deadline)
                    except _Failure as exc:
                        exc.status = status
                        raise
                    return _Response(str(current), status, body, response.headers)
            except httpx.TimeoutException as exc:
                if time.monotonic() >= deadline:  # headers trickled past the wall-clock cap
                    raise _Retryable("timeout", f"no complete response within "
                                                f"{self.settings.total_timeout:g} s") from exc
                raise _Retryable("timeout", type(exc).__name__) from exc
            except (httpx.DecodingError, httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
                raise _Final(f"{type(exc).__name__}: {exc}") from exc
            except httpx.TransportError as exc:  # refused, reset, DNS, protocol garbage
                raise _Retryable("connection error", f"{type(exc).__name__}: {exc}") from exc
        raise _Final(f"more than {self.settings.max_redirects} redirects")

    # -- public --------------------------------------------------------------------------------
    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None,
              allowed_hosts: Iterable[str] | None = None) -> FetchResult:
        """GET `url`, conditional on the given validators; never raises for network/HTTP trouble.

        With `allowed_hosts`, the URL and every redirect target must be on one of those hosts.
        """
        hosts = tuple(allowed_hosts) if allowed_hosts is not None else None
        headers = {}
        # A validator is sent back only when it is ASCII: one a server sent with other bytes
        # cannot be encoded into a request, and failed every later fetch of the URL for good.
        if etag and etag.isascii():
            headers["If-None-Match"] = etag
        if last_modified and last_modified.isascii():
            headers["If-Modified-Since"] = last_modified
        fetched_at = datetime.now(UTC)
        started = time.monotonic()
        attempts = 0
        response, error, status = None, None, None
        try:
            for attempt in stamina.retry_context(
                on=_backoff,
                attempts=max(1, self.settings.attempts),
                wait_initial=self.settings.backoff_initial,
                wait_max=self.settings.backoff_max,
                wait_jitter=self.settings.backoff_initial,
                timeout=None,  # bounded by attempts x (total_timeout + backoff_max) instead
            ):
                with attempt:
                    attempts += 1
                    response = self._attempt(url, headers, hosts)
        except _Failure as exc:
            status = exc.status
            error = exc.message
            if isinstance(exc, _Retryable):
                error += f" after {attempts} attempt{'s' if attempts > 1 else ''}"
            if exc.detail:
                error += f": {exc.detail}"
        out = response.headers if response else httpx.Headers()
        return FetchResult(
            url=url,
            final_url=response.url if response else None,
            status=response.status if response else status,
            body=response.body if response else None,
            content_type=out.get("Content-Type"),
            etag=out.get("ETag"),
            last_modified=out.get("Last-Modified"),
            not_modified=bool(response and response.status == 304),
            error=error,
            attempts=attempts,
            fetched_at=fetched_at,
            elapsed_s=round(time.monotonic() - started, 3),
        )

    def fetch_many(
        self, requests: Iterable[tuple[str, str | None, str | None]],
        allowed_hosts: Iterable[str] | None = None,
    ) -> list[FetchResult]:
        """(url, etag, last_modified) triples, at most `concurrency` in flight; input order kept."""
        items = list(requests)
        hosts = tuple(allowed_hosts) if allowed_hosts is not None else None
        with ThreadPoolExecutor(max_workers=max(1, self.settings.concurrency)) as pool:
            return list(pool.map(lambda item: self.fetch(*item, allowed_hosts=hosts), items))
