"""The one HTTP layer every source uses: cache, throttle, retry, offline mode, atomic writes.

* A :class:`Request` is what a source's ``build`` returns: the exact URL and parameters, the
  headers to send (a subscription key goes here and is never written to disk) and what kind
  of body is expected (JSON, XML or CSV).
* :class:`Cache` is content-addressed: the entry for a request lives under
  ``sha256(method, URL with parameters, Accept)`` and holds the body plus a JSON metadata file
  (URL, parameters, retrieval time, status, content type, sha256 of the body). A body is
  downloaded into a private random-named ``.<key>.body.*.part`` file and renamed to
  ``<key>.body`` only once it is complete and has passed its checks, so a download that dies
  half-way never leaves an entry; the next attempt downloads it again from the start (the API
  responses we fetch are small). Random ``.part`` files older than a day (left by a killed
  process) are deleted when their directory is next used.
* :class:`Fetcher` serves from the cache unless ``refresh``; in ``offline`` mode it never opens
  a socket and says exactly which responses are missing. Failures it retries (bounded, with
  tenacity): 429 (honouring ``Retry-After``), 5xx, timeouts, connection errors and truncated
  bodies. What it refuses with one clear :class:`SourceError` line (URL + what): other 4xx,
  an HTML page served as data (even with status 200), a JSON or SDMX error body, a body that
  does not parse, the wrong content type.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import os
import re
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from mirrortrade.errors import SourceError
from mirrortrade.model import user_path

#: characters left unescaped in query values: the APIs expect raw commas (Comtrade), '+' and
#: ':' (IMF SDMX 3.0 ``c[TIME_PERIOD]=ge:2023-01-01+le:2025-12-31``) and ';' (World Bank)
_SAFE = ",+:;*"

USER_AGENT = "mirrortrade (trade-statistics reconciliation; https://github.com/) httpx"


def cache_dir() -> Path:
    """``$MIRRORTRADE_CACHE`` if set, else ``user_cache_dir("mirrortrade")/http``."""
    return user_path("MIRRORTRADE_CACHE", "cache", "http")


@dataclass(frozen=True)
class Request:
    """One GET request: exact URL, ordered query parameters, headers, the expected body kind."""

    source_id: str
    url: str
    params: tuple[tuple[str, str], ...] = ()
    expect: str = "json"  # json | xml | csv
    accept: str = "application/json"
    #: sent, but neither part of the cache key nor written to disk (API keys live here)
    secret_headers: tuple[tuple[str, str], ...] = field(default=(), repr=False, compare=False)
    label: str = ""

    @property
    def full_url(self) -> str:
        if not self.params:
            return self.url
        qs = "&".join(f"{quote(k, safe='')}={quote(str(v), safe=_SAFE)}" for k, v in self.params)
        return f"{self.url}?{qs}"

    @property
    def cache_key(self) -> str:
        return hashlib.sha256(f"GET {self.full_url}\nAccept: {self.accept}".encode()).hexdigest()

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc


@dataclass(frozen=True)
class Raw:
    """A raw response on disk, with its metadata."""

    path: Path
    url: str
    params: tuple[tuple[str, str], ...]
    retrieved_at: str
    status: int
    content_type: str
    sha256: str
    from_cache: bool = False
    request: Request | None = None

    def read_bytes(self) -> bytes:
        return self.path.read_bytes()

    def json(self) -> Any:
        return json.loads(self.path.read_bytes())

    @property
    def retrieved_date(self) -> str:
        return self.retrieved_at[:10]


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


#: random-named temporary files (``tempfile.mkstemp`` in :meth:`Cache.tmp_file` and
#: ``_atomic_write``) are swept once they are older than this many seconds
STALE_PART_SECONDS = 86400.0


class Cache:
    """Content-addressed response cache: ``<root>/<key[:2]>/<key>.body`` + ``<key>.json``.

    Beside an entry being downloaded: a private ``.<key>.body.*.part`` file (see :meth:`tmp_file`).
    """

    def __init__(self, root: str | os.PathLike[str] | None = None, *,
                 stale_after: float = STALE_PART_SECONDS) -> None:
        self.root = Path(root) if root is not None else cache_dir()
        self.stale_after = stale_after
        self._swept: set[Path] = set()

    def sweep(self, directory: Path) -> list[Path]:
        """Delete random-named ``.*.part`` files older than ``stale_after`` in one entry directory.

        Done once per directory per :class:`Cache`; returns what was removed."""
        if directory in self._swept:
            return []
        self._swept.add(directory)
        cutoff = time.time() - self.stale_after
        removed: list[Path] = []
        try:
            entries = os.scandir(directory)
        except OSError:
            return removed
        with entries:
            for e in entries:
                if not (e.name.startswith(".") and e.name.endswith(".part")):
                    continue
                try:
                    if e.is_file(follow_symlinks=False) and e.stat(follow_symlinks=False).st_mtime < cutoff:
                        os.unlink(e.path)
                        removed.append(Path(e.path))
                except OSError:
                    continue
        return removed

    def _paths(self, request: Request) -> tuple[Path, Path]:
        k = request.cache_key
        d = self.root / k[:2]
        return d / f"{k}.body", d / f"{k}.json"

    def get(self, request: Request) -> Raw | None:
        """The cached response, or None if absent or damaged (a damaged entry is refetched)."""
        body, meta = self._paths(request)
        if body.parent.is_dir():
            self.sweep(body.parent)
        if not (body.is_file() and meta.is_file()):
            return None
        try:
            m = json.loads(meta.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if sha256_file(body) != m.get("sha256"):
            return None
        return Raw(
            path=body, url=m["url"], params=tuple(tuple(p) for p in m.get("params", [])),  # type: ignore[misc]
            retrieved_at=m["retrieved_at"], status=int(m["status"]), content_type=m.get("content_type", ""),
            sha256=m["sha256"], from_cache=True, request=request,
        )

    def has(self, request: Request) -> bool:
        return self.get(request) is not None

    def put_file(self, request: Request, tmp_body: Path, *, status: int, content_type: str, sha256: str) -> Raw:
        """Move a completely downloaded body into place (rename), then write its metadata."""
        body, meta = self._paths(request)
        body.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp_body, body)
        now = datetime.now(UTC).replace(microsecond=0).isoformat()
        m = {
            "url": request.full_url, "base_url": request.url, "params": [list(p) for p in request.params],
            "accept": request.accept, "retrieved_at": now, "status": status, "content_type": content_type,
            "sha256": sha256, "bytes": body.stat().st_size, "source_id": request.source_id,
        }
        _atomic_write(meta, json.dumps(m, indent=1).encode())
        return Raw(body, request.full_url, request.params, now, status, content_type, sha256, False, request)

    def tmp_file(self, request: Request) -> Path:
        """A new private random-named temporary file beside the entry (``.<key>.body.*.part``)."""
        body, _ = self._paths(request)
        body.parent.mkdir(parents=True, exist_ok=True)
        self.sweep(body.parent)
        fd, tmp = tempfile.mkstemp(dir=body.parent, prefix=f".{body.name}.", suffix=".part")
        os.close(fd)
        return Path(tmp)


def sha256_file(p: Path) -> str:
    """The sha256 of a file's bytes, read in 1 MiB chunks."""
    h = hashlib.sha256()
    with p.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# --------------------------------------------------------------------------------------------
# Retry policy
# --------------------------------------------------------------------------------------------


class _Retryable(Exception):
    """A failure worth another attempt; carries the final message and an optional wait hint."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded retries. ``sleep`` is injectable so tests neither wait nor lose the waits."""

    max_attempts: int = 5
    base_wait: float = 1.0  # exponential backoff: base, 2*base, 4*base ... capped at max_wait
    max_wait: float = 60.0  # also caps a server's Retry-After
    timeout: float = 60.0  # seconds per attempt (connect/read)
    min_interval: float = 1.0  # politeness: at least this long between requests to one host
    sleep: Callable[[float], None] = time.sleep


def parse_retry_after(value: str | None) -> float | None:
    """``Retry-After`` as seconds: a number, or an HTTP date."""
    if not value:
        return None
    v = value.strip()
    if re.fullmatch(r"\d+(\.\d+)?", v):
        return float(v)
    try:
        when = email.utils.parsedate_to_datetime(v)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


# --------------------------------------------------------------------------------------------
# Body checks
# --------------------------------------------------------------------------------------------

_JSON_TYPES = ("json",)
_XML_TYPES = ("xml",)
_CSV_TYPES = ("csv", "tsv", "text/plain", "octet-stream", "zip", "gzip")


def _looks_html(head: bytes) -> bool:
    h = head.lstrip()[:512].lower()
    return h.startswith((b"<!doctype html", b"<html")) or b"<html" in h[:256] or b"<body" in h[:256]


def _snippet(data: bytes, n: int = 120) -> str:
    text = data.decode("utf-8", errors="replace")
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(text.split())[:n]


def json_error_message(doc: Any) -> str | None:
    """An error message carried inside a JSON body, or None.

    Recognised: ``{"error": "..."}`` (Comtrade; an empty string means no error),
    ``{"statusCode": 401, "message": "..."}`` (Azure API management in front of Comtrade),
    ``[{"message": [{"id": "120", "value": "..."}]}]`` (World Bank), ``{"errors": [...]}``.
    """
    if isinstance(doc, list) and doc and isinstance(doc[0], dict) and "message" in doc[0]:
        msgs = doc[0]["message"]
        if isinstance(msgs, list):
            return "; ".join(
                f"{m.get('key', '')} {m.get('value', '')}".strip() for m in msgs if isinstance(m, dict)
            ) or "error"
        return str(msgs)
    if not isinstance(doc, dict):
        return None
    err = doc.get("error")
    if isinstance(err, str) and err.strip():
        return err.strip()
    if isinstance(err, dict):
        return str(err.get("message") or err)
    status = doc.get("statusCode") or doc.get("status")
    if isinstance(status, int) and status >= 400:
        return f"status {status}: {doc.get('message', '')}".strip()
    if doc.get("errors") and not doc.get("data"):
        return str(doc["errors"])[:200]
    return None


def check_body(request: Request, body: Path, *, status: int, content_type: str) -> None:
    """Refuse a body that is not the data asked for. Raises :class:`SourceError` (one line)."""
    url = request.full_url
    size = body.stat().st_size
    with body.open("rb") as f:
        head = f.read(4096)
    ct = (content_type or "").split(";")[0].strip().lower()
    if status == 204 or size == 0:
        raise SourceError(f"{url}: empty response (status {status}); nothing to parse")
    if _looks_html(head) or ct in ("text/html", "application/xhtml+xml"):
        raise SourceError(f"{url}: an HTML page was served instead of data (status {status}): {_snippet(head)!r}")
    if request.expect == "json":
        if ct and not any(t in ct for t in _JSON_TYPES) and not ct.startswith("text/plain"):
            raise SourceError(f"{url}: wrong content type {ct!r}, expected JSON")
        try:
            doc = json.loads(body.read_bytes())
        except ValueError as e:
            raise SourceError(f"{url}: body is not valid JSON ({e.msg} at byte {e.pos}; truncated?)") from None
        msg = json_error_message(doc)
        if msg:
            raise SourceError(f"{url}: the API returned an error: {msg[:200]}")
    elif request.expect == "xml":
        if ct and not any(t in ct for t in _XML_TYPES):
            raise SourceError(f"{url}: wrong content type {ct!r}, expected XML")
        _check_xml(url, body)
    elif request.expect == "csv":
        if ct and not any(t in ct for t in _CSV_TYPES):
            raise SourceError(f"{url}: wrong content type {ct!r}, expected CSV")
        if head.lstrip()[:1] in (b"{", b"["):
            try:
                msg = json_error_message(json.loads(body.read_bytes()))
            except ValueError:
                msg = None
            raise SourceError(f"{url}: a JSON body was served instead of CSV: {msg or _snippet(head)}")


def _check_xml(url: str, body: Path) -> None:
    import xml.etree.ElementTree as ET

    try:
        it = ET.iterparse(str(body), events=("start",))
        for _, elem in it:
            local = elem.tag.rsplit("}", 1)[-1]
            if local == "Error":
                text = " ".join("".join(elem.itertext()).split())
                raise SourceError(f"{url}: the API returned an SDMX error message: {text[:200] or 'Error'}")
        # consume to the end: a cut-off document fails here
    except ET.ParseError as e:
        raise SourceError(f"{url}: body is not well-formed XML ({e}; truncated?)") from None


# --------------------------------------------------------------------------------------------
# Fetcher
# --------------------------------------------------------------------------------------------


class Fetcher:
    """Fetch :class:`Request` objects into the cache (see module docstring)."""

    def __init__(
        self,
        *,
        cache: Cache | None = None,
        offline: bool = False,
        refresh: bool = False,
        policy: RetryPolicy | None = None,
        client: Any = None,
        on_event: Callable[[str], None] | None = None,
    ) -> None:
        self.cache = cache or Cache()
        self.offline = offline
        self.refresh = refresh
        self.policy = policy or RetryPolicy()
        self._client = client
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()
        self.on_event = on_event or (lambda _msg: None)
        self.stats = {"cached": 0, "fetched": 0, "retries": 0}

    # ---- offline helpers ----------------------------------------------------------------
    def missing(self, requests: Iterable[Request]) -> list[Request]:
        return [r for r in requests if not self.cache.has(r)]

    def require_cached(self, requests: Sequence[Request]) -> None:
        """In offline mode: raise one line naming every response not in the cache."""
        miss = self.missing(requests)
        if miss:
            urls = "; ".join(r.full_url for r in miss)
            raise SourceError(
                f"offline: {len(miss)} of {len(requests)} responses are not in the cache {self.cache.root}: {urls} "
                "(run once without --offline to fetch them)"
            )

    # ---- fetching -----------------------------------------------------------------------
    def fetch(self, request: Request) -> Raw:
        if not self.refresh or self.offline:
            hit = self.cache.get(request)
            if hit is not None:
                self.stats["cached"] += 1
                return hit
        if self.offline:
            self.require_cached([request])
        from tenacity import RetryError, Retrying, retry_if_exception_type, stop_after_attempt

        pol = self.policy

        def wait(state: Any) -> float:
            exc = state.outcome.exception() if state.outcome is not None else None
            hint = getattr(exc, "retry_after", None)
            if hint is not None:
                return min(float(hint), pol.max_wait)
            return min(pol.base_wait * 2 ** (state.attempt_number - 1), pol.max_wait)

        def before_sleep(state: Any) -> None:
            self.stats["retries"] += 1
            exc = state.outcome.exception()
            self.on_event(f"retry {state.attempt_number}/{pol.max_attempts - 1}: {exc}")

        retrying = Retrying(
            stop=stop_after_attempt(pol.max_attempts),
            wait=wait,
            retry=retry_if_exception_type(_Retryable),
            sleep=pol.sleep,
            before_sleep=before_sleep,
            reraise=False,
        )
        try:
            raw = retrying(self._attempt, request)
        except RetryError as e:
            last = e.last_attempt.exception()
            raise SourceError(f"{request.full_url}: gave up after {pol.max_attempts} attempts: {last}") from None
        self.stats["fetched"] += 1
        return raw

    def _throttle(self, host: str) -> None:
        with self._lock:
            last = self._last.get(host)
            now = time.monotonic()
            if last is not None:
                gap = now - last
                if gap < self.policy.min_interval:
                    self.policy.sleep(self.policy.min_interval - gap)
            self._last[host] = time.monotonic()

    def _get_client(self) -> Any:
        if self._client is None:
            import httpx

            t = self.policy.timeout
            self._client = httpx.Client(
                timeout=httpx.Timeout(t, connect=min(t, 30.0)), follow_redirects=True,
                headers={"User-Agent": USER_AGENT},
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _attempt(self, request: Request) -> Raw:
        import httpx

        self._throttle(request.host)
        client = self._get_client()
        headers = {"Accept": request.accept, **dict(request.secret_headers)}
        tmp = self.cache.tmp_file(request)
        try:
            try:
                status, content_type = self._stream(client, request.full_url, headers, tmp)
            except httpx.TimeoutException as e:
                raise _Retryable(f"timeout ({type(e).__name__})") from None
            except httpx.RemoteProtocolError as e:
                raise _Retryable(f"truncated body or broken connection: {e}") from None
            except httpx.TransportError as e:
                raise _Retryable(f"connection failed: {type(e).__name__}: {e}") from None
            check_body(request, tmp, status=status, content_type=content_type)
            return self.cache.put_file(request, tmp, status=status, content_type=content_type,
                                       sha256=sha256_file(tmp))
        finally:
            tmp.unlink(missing_ok=True)  # gone already if it was moved into the cache

    def _stream(self, client: Any, url: str, headers: dict[str, str], tmp: Path) -> tuple[int, str]:
        """One GET streamed into ``tmp``; ``(status, content type)`` once the whole body is there."""
        with client.stream("GET", url, headers=headers) as resp:
            status = resp.status_code
            if status == 429:
                ra = parse_retry_after(resp.headers.get("Retry-After"))
                raise _Retryable(f"HTTP 429 Too Many Requests (Retry-After {ra if ra is not None else '-'})", ra)
            if status >= 500:
                ra = parse_retry_after(resp.headers.get("Retry-After"))
                raise _Retryable(f"HTTP {status}", ra)
            if status >= 400:
                msg = _error_text(resp.read())
                raise SourceError(f"{url}: HTTP {status}{': ' + msg if msg else ''}")
            encoded = resp.headers.get("Content-Encoding", "identity").strip().lower() not in ("", "identity")
            length = resp.headers.get("Content-Length")
            expected = int(length) if length is not None and length.isdigit() else None
            with tmp.open("wb") as f:
                for chunk in resp.iter_bytes():
                    f.write(chunk)
                f.flush()
                os.fsync(f.fileno())
            # a decoded (gzip ...) body is compared by the bytes that came over the wire
            got = resp.num_bytes_downloaded if encoded else tmp.stat().st_size
            if expected is not None and got < expected:
                raise _Retryable(f"truncated body: got {got} of {expected} bytes")
            return status, resp.headers.get("Content-Type", "")


def _error_text(data: bytes) -> str:
    try:
        msg = json_error_message(json.loads(data))
        if msg:
            return msg[:200]
    except ValueError:
        pass
    return _snippet(data)


def fetch(request: Request, fetcher: Fetcher | None = None) -> Raw:
    """The raw response on disk (cached); a :class:`Fetcher` with default settings unless one is given.

    Every source's ``fetch`` step is this function (re-exported by each source module)."""
    if fetcher is not None:
        return fetcher.fetch(request)
    with Fetcher() as f:
        return f.fetch(request)


def local_raw(path: str | os.PathLike[str], *, source_id: str) -> Raw:
    """A local file (a national statistics download) as a :class:`Raw`, with its sha256."""
    p = Path(path)
    if not p.is_file():
        raise SourceError(f"{p}: no such file")
    mtime = datetime.fromtimestamp(p.stat().st_mtime, UTC).replace(microsecond=0).isoformat()
    return Raw(p, p.resolve().as_uri(), (), mtime, 200, "", sha256_file(p), True,
               Request(source_id, p.resolve().as_uri(), expect="file"))
