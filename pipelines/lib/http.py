"""The one HTTP client of the pipeline: httpx with timeouts, retries, validators and a size cap.

Why each guard exists:
- http(s) only, checked for every redirect hop too: a feed must not send Tally to file:// or
  javascript: URLs.
- Conditional requests (If-None-Match / If-Modified-Since): unchanged feeds cost a 304.
- Retries with exponential backoff and jitter (stamina) on timeouts, connection errors, 5xx and
  429 (honouring Retry-After up to a cap); other 4xx are final.
- The body is streamed and reading stops at `max_bytes`, so an oversized or endless response
  cannot exhaust memory; a wall-clock cap per attempt stops servers that trickle bytes.
- Problems come back as a `FetchResult` with `error` set, never as an exception, so one bad URL
  never stops a run; the caller logs and quarantines it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlparse

import httpx
import stamina

ALLOWED_SCHEMES = ("http", "https")
RETRY_STATUSES = {429, 500, 502, 503, 504}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}


@dataclass(frozen=True)
class HttpSettings:
    user_agent: str = "Tally/0.1 (+https://github.com/tally-data/tally; data desk pipeline)"
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 60.0
    max_bytes: int = 20_000_000
    attempts: int = 4
    backoff_initial: float = 0.5
    backoff_max: float = 10.0
    concurrency: int = 4
    max_redirects: int = 5


@dataclass(frozen=True)
class FetchResult:
    url: str
    final_url: str | None
    status: int | None
    body: bytes | None
    content_type: str | None
    etag: str | None
    last_modified: str | None
    not_modified: bool
    error: str | None
    attempts: int
    fetched_at: datetime
    elapsed_s: float


class _Failure(Exception):
    def __init__(self, message: str, status: int | None = None, wait: float | None = None):
        super().__init__(message)
        self.status = status
        self.wait = wait


class _Retryable(_Failure):
    """A failure worth another attempt (timeout, connection error, 5xx, 429)."""


class _Final(_Failure):
    """A failure no retry will fix (4xx, refused scheme, oversized body, redirect loop)."""


@dataclass
class _Response:
    url: str
    status: int
    body: bytes | None
    headers: httpx.Headers


def _retry_after(value: str | None, cap: float) -> float | None:
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


def _check_scheme(url: str) -> None:
    scheme = urlparse(url).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise _Final(f"scheme {scheme or '(none)'!r} not allowed (http and https only)")


class Fetcher:
    """Owns one httpx.Client; use as a context manager."""

    def __init__(self, settings: HttpSettings = HttpSettings()):
        self.settings = settings
        self.client = httpx.Client(
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout),
            follow_redirects=False,  # followed by hand so every hop's scheme is checked
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    # -- one attempt ---------------------------------------------------------------------------
    def _read_body(self, response: httpx.Response, started: float) -> bytes:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.settings.max_bytes:
            raise _Final(f"body larger than {self.settings.max_bytes} bytes "
                         f"(Content-Length {declared})")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.settings.max_bytes:
                raise _Final(f"body larger than {self.settings.max_bytes} bytes")
            if time.monotonic() - started > self.settings.total_timeout:
                raise _Retryable(f"timeout: body not complete after "
                                 f"{self.settings.total_timeout:g} s")
            chunks.append(chunk)
        return b"".join(chunks)

    def _attempt(self, url: str, headers: dict[str, str]) -> _Response:
        started = time.monotonic()
        seen = set()
        current = url
        for _ in range(self.settings.max_redirects + 1):
            _check_scheme(current)
            if current in seen:
                raise _Final(f"redirect loop at {current}")
            seen.add(current)
            try:
                with self.client.stream("GET", current, headers=headers) as response:
                    if response.status_code == 304:
                        return _Response(current, 304, None, response.headers)
                    if response.status_code in REDIRECT_STATUSES:
                        location = response.headers.get("Location")
                        if not location:
                            raise _Final(f"HTTP {response.status_code} without a Location",
                                         response.status_code)
                        current = urljoin(current, location)
                        continue
                    if response.status_code in RETRY_STATUSES:
                        wait = _retry_after(response.headers.get("Retry-After"),
                                            self.settings.backoff_max)
                        raise _Retryable(f"HTTP {response.status_code}",
                                         response.status_code, wait)
                    if response.status_code >= 400:
                        raise _Final(f"HTTP {response.status_code}", response.status_code)
                    try:
                        body = self._read_body(response, started)
                    except _Failure as exc:
                        exc.status = response.status_code
                        raise
                    return _Response(current, response.status_code, body, response.headers)
            except httpx.TimeoutException as exc:
                raise _Retryable(f"timeout ({type(exc).__name__})") from exc
            except httpx.DecodingError as exc:
                raise _Final(f"undecodable response body: {exc}") from exc
            except httpx.TransportError as exc:
                raise _Retryable(f"connection error ({type(exc).__name__}: {exc})") from exc
        raise _Final(f"more than {self.settings.max_redirects} redirects")

    # -- public --------------------------------------------------------------------------------
    def fetch(self, url: str, etag: str | None = None,
              last_modified: str | None = None) -> FetchResult:
        """GET `url` with validators; never raises for network or HTTP problems."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        fetched_at = datetime.now(UTC)
        started = time.monotonic()
        attempts = 0
        response, error, status = None, None, None
        try:
            for attempt in stamina.retry_context(
                on=_Retryable,
                attempts=self.settings.attempts,
                wait_initial=self.settings.backoff_initial,
                wait_max=self.settings.backoff_max,
                wait_jitter=self.settings.backoff_initial,
                timeout=None,  # bounded by attempts x total_timeout instead
            ):
                with attempt:
                    attempts += 1
                    try:
                        response = self._attempt(url, headers)
                    except _Retryable as exc:
                        if exc.wait:
                            time.sleep(exc.wait)  # the server's Retry-After, capped
                        raise
        except _Retryable as exc:
            error, status = f"{exc} after {attempts} attempts", exc.status
        except _Final as exc:
            error, status = str(exc), exc.status
        headers_out = response.headers if response else httpx.Headers()
        return FetchResult(
            url=url,
            final_url=response.url if response else None,
            status=response.status if response else status,
            body=response.body if response else None,
            content_type=headers_out.get("Content-Type"),
            etag=headers_out.get("ETag"),
            last_modified=headers_out.get("Last-Modified"),
            not_modified=bool(response and response.status == 304),
            error=error,
            attempts=attempts,
            fetched_at=fetched_at,
            elapsed_s=round(time.monotonic() - started, 3),
        )

    def fetch_many(
        self, requests: Iterable[tuple[str, str | None, str | None]]
    ) -> list[FetchResult]:
        """Fetch many URLs with at most `concurrency` in flight; results in input order."""
        items = list(requests)
        with ThreadPoolExecutor(max_workers=max(1, self.settings.concurrency)) as pool:
            return list(pool.map(lambda r: self.fetch(*r), items))
