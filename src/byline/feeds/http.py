"""A polite, careful HTTP client for feeds and article pages, on httpx.

Polite: a User-Agent that names Byline and its version, conditional requests
(an unchanged feed costs one 304), at most `PER_HOST` requests to one host at a
time, and `Retry-After` obeyed on 429 and 503.

Careful: http and https only, on every redirect hop too; at most
`MAX_REDIRECTS` redirects; connect and read time-outs and a total time per
request; bodies read as a stream and cut off at a size cap (counted after
gzip is undone, so a small compressed bomb is cut off too).
"""

from __future__ import annotations

import email.utils
import ipaddress
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx

from byline import __version__

USER_AGENT = f"Byline/{__version__} (+https://github.com/byline-reader/byline; a terminal news reader)"
SCHEMES = ("http", "https")
MAX_REDIRECTS = 5
PER_HOST = 2
FEED_MAX_BYTES = 10 * 1024 * 1024
PAGE_MAX_BYTES = 5 * 1024 * 1024
MAX_RETRY_WAIT_S = 10.0
"""A `Retry-After` up to this long is waited out once; a longer one is left for the next refresh."""


class FetchError(Exception):
    """A request that gave nothing usable; `str()` is the reason, in words a user understands."""

    def __init__(self, reason: str, *, retry_at: datetime | None = None) -> None:
        super().__init__(reason)
        self.retry_at = retry_at


@dataclass(frozen=True)
class Timeouts:
    connect: float = 10.0
    read: float = 20.0
    total: float = 60.0
    """Checked between chunks: a request ends at most `read` seconds after this."""


@dataclass
class Response:
    url: str
    """The final URL, after redirects."""
    status: int
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    truncated: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def charset(self) -> str | None:
        content_type = self.headers.get("content-type", "")
        for part in content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                return value.strip("\"' ")
        return None


def check_url(url: str) -> str:
    """`url` if it is an absolute http or https URL; FetchError otherwise."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in SCHEMES:
        what = f"{parts.scheme}:" if parts.scheme else "a URL without http:// or https://"
        raise FetchError(f"refused {what} (only http and https are fetched)")
    if not parts.hostname:
        raise FetchError("a URL without a host")
    return url.strip()


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{(parts.hostname or '').lower()}:{parts.port or ''}"


def is_local(url: str) -> bool:
    """Whether `url` names this machine or a private network: localhost, or a loopback,
    private, link-local or reserved IP address written out. (A name is not resolved.)"""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_private or address.is_loopback or address.is_link_local or address.is_reserved


def may_follow(feed_url: str, link: str) -> bool:
    """A feed on the public web may not send Byline to a local or private address (a page behind
    the user's router, say); a feed the user runs locally may."""
    return is_local(feed_url) or not is_local(link)


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header (seconds or an HTTP date); None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class Client:
    """One httpx client shared by the threads of a refresh; thread-safe."""

    def __init__(
        self,
        timeouts: Timeouts | None = None,
        *,
        per_host: int = PER_HOST,
        max_retry_wait: float = MAX_RETRY_WAIT_S,
        trust_env: bool = True,
    ) -> None:
        self.timeouts = timeouts or Timeouts()
        self.per_host = per_host
        self.max_retry_wait = max_retry_wait
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()
        self.requests = 0
        self.bytes_read = 0
        """Body bytes as they came over the wire (compressed)."""
        self.bytes_decoded = 0
        """Body bytes once gzip was undone."""
        t = self.timeouts
        self._http = httpx.Client(
            http2=False,
            follow_redirects=False,  # followed by hand, so each hop's scheme is checked
            timeout=httpx.Timeout(connect=t.connect, read=t.read, write=t.read, pool=t.total),
            limits=httpx.Limits(max_connections=16, max_keepalive_connections=8),
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            trust_env=trust_env,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _slot(self, url: str) -> threading.BoundedSemaphore:
        host = host_of(url)
        with self._lock:
            if host not in self._hosts:
                self._hosts[host] = threading.BoundedSemaphore(self.per_host)
            return self._hosts[host]

    def get(
        self,
        url: str,
        *,
        max_bytes: int = FEED_MAX_BYTES,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
    ) -> Response:
        """GET `url`, following up to `MAX_REDIRECTS` http(s) redirects.

        Returns a Response (status 200-299, or 304 for a conditional request
        that found nothing new); raises FetchError with the reason otherwise.
        """
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen = [check_url(url)]
        current = seen[0]
        waited = False
        while True:
            response = self._one(current, headers, max_bytes)
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("location")
                if not location:
                    raise FetchError(f"HTTP {response.status} redirect without a Location")
                target = check_url(urljoin(current, location))
                if target in seen:
                    raise FetchError(f"redirect loop ({target} again)")
                if len(seen) > MAX_REDIRECTS:
                    raise FetchError(f"more than {MAX_REDIRECTS} redirects")
                seen.append(target)
                current = target
                continue
            if response.status in (429, 503):
                wait = retry_after(response.headers.get("retry-after"))
                if wait is not None and wait <= self.max_retry_wait and not waited:
                    waited = True
                    time.sleep(wait)
                    continue
                reason = "too many requests" if response.status == 429 else "service unavailable"
                retry_at = datetime.now(UTC).timestamp() + wait if wait is not None else None
                raise FetchError(
                    f"HTTP {response.status} ({reason})" + (f"; retry after {wait:.0f} s" if wait is not None else ""),
                    retry_at=datetime.fromtimestamp(retry_at, UTC) if retry_at is not None else None,
                )
            if response.status == 304 or 200 <= response.status < 300:
                return response
            raise FetchError(
                f"HTTP {response.status}" + (f" ({_REASONS[response.status]})" if response.status in _REASONS else "")
            )

    def _one(self, url: str, headers: dict[str, str], max_bytes: int) -> Response:
        started = time.monotonic()
        with self._slot(url):
            try:
                with self._http.stream("GET", url, headers=headers) as reply:
                    with self._lock:
                        self.requests += 1
                    result = Response(url=url, status=reply.status_code, headers=dict(reply.headers))
                    if not 200 <= reply.status_code < 300:
                        return result  # redirects, 304 and errors: the body is not read
                    chunks: list[bytes] = []
                    size = 0
                    for chunk in reply.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            chunks.append(chunk[: len(chunk) - (size - max_bytes)])
                            result.truncated = True
                            result.notes.append(f"cut off at {max_bytes // 2**20} MB")
                            break
                        chunks.append(chunk)
                        if time.monotonic() - started > self.timeouts.total:
                            raise FetchError(f"took longer than {self.timeouts.total:g} s")
                    with self._lock:
                        self.bytes_read += reply.num_bytes_downloaded
                        self.bytes_decoded += min(size, max_bytes)
                    result.body = b"".join(chunks)
                    return result
            except httpx.TimeoutException as error:
                raise FetchError(f"timed out ({_timeout_kind(error)})") from None
            except httpx.DecodingError:
                raise FetchError("badly encoded response (its compression could not be undone)") from None
            except httpx.TooManyRedirects:  # pragma: no cover - redirects are followed by hand
                raise FetchError("too many redirects") from None
            except httpx.HTTPError as error:
                raise FetchError(f"network error: {_network_reason(error)}") from None


_REASONS = {
    400: "bad request",
    401: "login required",
    403: "forbidden",
    404: "not found",
    410: "gone",
    500: "server error",
    502: "bad gateway",
    504: "gateway time-out",
}


def _timeout_kind(error: httpx.TimeoutException) -> str:
    if isinstance(error, httpx.ConnectTimeout):
        return "no connection"
    if isinstance(error, httpx.ReadTimeout):
        return "no answer"
    return "waiting"


def _network_reason(error: httpx.HTTPError) -> str:
    text = str(error) or type(error).__name__
    return text.splitlines()[0][:200]
