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
  server trickling a byte every few seconds would otherwise hold a worker forever. Every read
  waits at most the time left and the body loop checks the deadline after each chunk, so an
  attempt ends within `total_timeout` plus at most one `read_timeout`. (Response *headers*
  trickled byte by byte are only bounded by h11's 16 KiB header limit times `read_timeout`.)
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
from urllib.parse import urljoin

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


class Fetcher:
    """Owns one httpx.Client shared by all threads; use as a context manager."""

    def __init__(self, settings: HttpSettings = HttpSettings()):
        self.settings = settings
        self.client = httpx.Client(
            # Only encodings whose decoders httpx always has; no br/zstd surprises.
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
            follow_redirects=False,  # followed by hand, so every hop is checked and timed
            event_hooks={"response": [_check_redirect]},
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
        """Stream the body; stop at `max_bytes` or at the deadline, whichever comes first."""
        cap = self.settings.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > cap:
            raise _Final(f"body larger than {cap} bytes", f"Content-Length {declared}")
        chunks, size = [], 0
        # Decoded chunks, so the cap is on the real size. httpx decodes one network read (at most
        # 64 KiB) at a time: a gzip bomb costs at most ~1000x that before this check stops it.
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise _Final(f"body larger than {cap} bytes")
            if time.monotonic() > deadline:
                raise _Retryable("timeout", f"body not complete within "
                                            f"{self.settings.total_timeout:g} s")
            chunks.append(chunk)
        return b"".join(chunks)

    def _attempt(self, url: str, headers: dict[str, str]) -> _Response:
        """One try: follow up to `max_redirects` hops, checking each target first."""
        deadline = time.monotonic() + self.settings.total_timeout
        seen: set[str] = set()
        current = _checked_url(url)
        for _ in range(self.settings.max_redirects + 1):
            if str(current) in seen:
                raise _Final(f"redirect loop at {current}")
            seen.add(str(current))
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
                raise _Retryable("timeout", type(exc).__name__) from exc
            except (httpx.DecodingError, httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
                raise _Final(f"{type(exc).__name__}: {exc}") from exc
            except httpx.TransportError as exc:  # refused, reset, DNS, protocol garbage
                raise _Retryable("connection error", f"{type(exc).__name__}: {exc}") from exc
        raise _Final(f"more than {self.settings.max_redirects} redirects")

    # -- public --------------------------------------------------------------------------------
    def fetch(self, url: str, etag: str | None = None,
              last_modified: str | None = None) -> FetchResult:
        """GET `url`, conditional on the given validators; never raises for network/HTTP trouble."""
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
                on=_backoff,
                attempts=max(1, self.settings.attempts),
                wait_initial=self.settings.backoff_initial,
                wait_max=self.settings.backoff_max,
                wait_jitter=self.settings.backoff_initial,
                timeout=None,  # bounded by attempts x (total_timeout + backoff_max) instead
            ):
                with attempt:
                    attempts += 1
                    response = self._attempt(url, headers)
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
        self, requests: Iterable[tuple[str, str | None, str | None]]
    ) -> list[FetchResult]:
        """(url, etag, last_modified) triples, at most `concurrency` in flight; input order kept."""
        items = list(requests)
        with ThreadPoolExecutor(max_workers=max(1, self.settings.concurrency)) as pool:
            return list(pool.map(lambda item: self.fetch(*item), items))
