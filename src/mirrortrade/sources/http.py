"""The one HTTP layer every source uses: cache, throttle, retry, offline mode, atomic writes.

* A :class:`Request` is what a source's ``build`` returns: the exact URL and parameters, the
  headers to send (a subscription key goes here and is never written to disk) and what kind
  of body is expected (JSON, XML or CSV).
* :class:`Cache` is content-addressed: the entry for a request lives under
  ``sha256(method, URL with parameters, Accept)`` and holds the body plus a JSON metadata file
  (URL, parameters, retrieval time, status, content type, sha256 of the body). A body is
  downloaded into ``<key>.body.part`` and renamed to ``<key>.body`` only once it is complete
  and has passed its checks, so a download that dies half-way never leaves an entry.
* A download that dies half-way (a cut connection, a timeout, SIGKILL) resumes: the next
  attempt or run finds ``<key>.body.part`` and asks for the rest with ``Range: bytes=N-`` (and
  ``If-Range`` with the ETag or Last-Modified recorded beside it in ``<key>.body.part.meta``).
  It appends only on a ``206`` whose ``Content-Range`` starts at N and has the recorded total;
  on ``200`` (ranges ignored), ``416`` or any mismatch it starts again from byte 0. The process
  writing the part holds an exclusive ``flock`` on it; a second process fetching the same
  request at the same time downloads into its own random ``.<key>.body.*.part`` file instead.
  Random ``.part`` files older than a day (left by a killed process) are deleted when their
  directory is next used.
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
from typing import IO, Any
from urllib.parse import quote, urlsplit

try:  # POSIX; without it (Windows) downloads go to private temporary files and do not resume
    import fcntl
except ImportError:  # pragma: no cover - not on the supported platforms
    fcntl = None  # type: ignore[assignment]

from mirrortrade.errors import SourceError

#: characters left unescaped in query values: the APIs expect raw commas (Comtrade), '+' and
#: ':' (IMF SDMX 3.0 ``c[TIME_PERIOD]=ge:2023-01-01+le:2025-12-31``) and ';' (World Bank)
_SAFE = ",+:;*"

USER_AGENT = "mirrortrade (trade-statistics reconciliation; https://github.com/) httpx"


def cache_dir() -> Path:
    """``$MIRRORTRADE_CACHE`` if set, else ``user_cache_dir("mirrortrade")/http``."""
    from mirrortrade.model import user_path

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


class Partial:
    """The body of one request being downloaded, open for writing.

    ``resumable`` parts are ``<key>.body.part``, held under an exclusive ``flock`` for as long as
    this object is open; the others are private random-named temporary files (another process
    holds the resumable part, or the platform has no ``flock``) and are deleted on close.
    """

    def __init__(self, path: Path, f: IO[bytes], meta_path: Path | None, meta: dict[str, Any] | None) -> None:
        self.path = path
        self._f = f
        self._meta_path = meta_path
        self.meta: dict[str, Any] | None = meta
        self.resumed_from = 0  # the byte a 206 answer appended from, 0 if the body came whole
        self._moved = False

    @property
    def resumable(self) -> bool:
        return self._meta_path is not None

    @property
    def size(self) -> int:
        self._f.flush()  # what has arrived is the resume point, not just what the buffer let through
        return os.fstat(self._f.fileno()).st_size

    @property
    def total(self) -> int | None:
        t = (self.meta or {}).get("total")
        return int(t) if isinstance(t, int) else None

    def resume_headers(self) -> dict[str, str]:
        """``Range`` (+ ``If-Range``) asking for the rest of the part; empty if there is nothing to resume."""
        n = self.size
        if not self.resumable or n == 0 or self.meta is None:
            return {}
        headers = {"Range": f"bytes={n}-"}
        etag = self.meta.get("etag") or ""
        if etag and not etag.startswith("W/"):  # If-Range takes a strong validator only
            headers["If-Range"] = etag
        elif self.meta.get("last_modified"):
            headers["If-Range"] = self.meta["last_modified"]
        return headers

    def restart(self, meta: dict[str, Any] | None) -> None:
        """Empty the part for a whole body from byte 0; record ``meta`` (validators, total) if resumable."""
        if self._meta_path is not None:
            self._meta_path.unlink(missing_ok=True)  # first: part bytes never sit beside stale validators
        self._f.seek(0)
        self._f.truncate()
        self.meta = meta
        self.resumed_from = 0
        if self._meta_path is not None and meta is not None:
            _atomic_write(self._meta_path, json.dumps(meta).encode())

    def resume(self) -> None:
        """Append from the current end (a ``206`` answer was accepted)."""
        self.resumed_from = self.size
        self._f.seek(0, os.SEEK_END)

    def write(self, chunk: bytes) -> None:
        self._f.write(chunk)

    def sync(self) -> None:
        self._f.flush()
        os.fsync(self._f.fileno())

    def commit(self, cache: Cache, request: Request, *, status: int, content_type: str) -> Raw:
        """Move the complete body into the cache; its sha256 is of the whole file on disk."""
        self.sync()
        if self._meta_path is not None:
            self._meta_path.unlink(missing_ok=True)
        raw = cache.put_file(request, self.path, status=status, content_type=content_type,
                             sha256=_sha256_file(self.path), resumed_from=self.resumed_from)
        self._moved = True
        return raw

    def close(self) -> None:
        """Release the part: a private temporary file, or an empty part, is deleted; a partial one is kept."""
        try:
            if not self._moved and (not self.resumable or self.size == 0):
                self.path.unlink(missing_ok=True)
                if self._meta_path is not None:
                    self._meta_path.unlink(missing_ok=True)
        finally:
            self._f.close()  # releases the flock


class Cache:
    """Content-addressed response cache: ``<root>/<key[:2]>/<key>.body`` + ``<key>.json``.

    Beside an entry being downloaded: ``<key>.body.part`` (the body so far, the resume point) and
    ``<key>.body.part.meta`` (URL, ETag, Last-Modified, total length).
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
        if _sha256_file(body) != m.get("sha256"):
            return None
        return Raw(
            path=body, url=m["url"], params=tuple(tuple(p) for p in m.get("params", [])),  # type: ignore[misc]
            retrieved_at=m["retrieved_at"], status=int(m["status"]), content_type=m.get("content_type", ""),
            sha256=m["sha256"], from_cache=True, request=request,
        )

    def has(self, request: Request) -> bool:
        return self.get(request) is not None

    def put_file(self, request: Request, tmp_body: Path, *, status: int, content_type: str, sha256: str,
                 resumed_from: int = 0) -> Raw:
        """Move a completely downloaded body into place (rename), then write its metadata.

        ``resumed_from``: the byte at which an interrupted download was resumed (recorded if > 0)."""
        body, meta = self._paths(request)
        body.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp_body, body)
        now = datetime.now(UTC).replace(microsecond=0).isoformat()
        m = {
            "url": request.full_url, "base_url": request.url, "params": [list(p) for p in request.params],
            "accept": request.accept, "retrieved_at": now, "status": status, "content_type": content_type,
            "sha256": sha256, "bytes": body.stat().st_size, "source_id": request.source_id,
        }
        if resumed_from:
            m["resumed_from_byte"] = resumed_from
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

    def part_paths(self, request: Request) -> tuple[Path, Path]:
        """``<key>.body.part`` (the resume point) and ``<key>.body.part.meta`` (its validators)."""
        body, _ = self._paths(request)
        return body.with_name(body.name + ".part"), body.with_name(body.name + ".part.meta")

    def open_part(self, request: Request) -> Partial:
        """The part to download ``request`` into, locked; see :class:`Partial`. Close it when done."""
        part, meta_path = self.part_paths(request)
        part.parent.mkdir(parents=True, exist_ok=True)
        self.sweep(part.parent)
        for _ in range(3) if fcntl is not None else ():
            fd = os.open(part, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                st, mine = os.stat(part), os.fstat(fd)
            except OSError:  # held by another process (or gone, or no locking here)
                os.close(fd)
                if not part.exists():
                    continue  # the holder finished (renamed it) between our open and lock: try again
                break
            if (st.st_dev, st.st_ino) != (mine.st_dev, mine.st_ino):
                os.close(fd)  # the file we locked was renamed into place meanwhile: open the new one
                continue
            f = os.fdopen(fd, "r+b")
            meta = _read_part_meta(meta_path, request) if os.fstat(fd).st_size else None
            if meta is None:
                f.truncate()  # bytes without their validators are not trusted: start over
            f.seek(0, os.SEEK_END)
            return Partial(part, f, meta_path, meta)
        tmp = self.tmp_file(request)
        return Partial(tmp, tmp.open("r+b"), None, None)


def _read_part_meta(path: Path, request: Request) -> dict[str, Any] | None:
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) and meta.get("url") == request.full_url else None


def _sha256_file(p: Path) -> str:
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
        if self.refresh:  # fresh from byte 0: an older run's part is not continued (retries below still resume)
            stale = self.cache.open_part(request)
            stale.restart(None)
            stale.close()
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
        part = self.cache.open_part(request)
        try:
            try:
                # None: the server would not continue the part (416, another range): from byte 0 once
                # more; a request without Range never answers None, so this runs at most twice
                while (got := self._stream(client, request.full_url, headers, part)) is None:
                    part.restart(None)
            except httpx.TimeoutException as e:
                raise _Retryable(f"timeout ({type(e).__name__})") from None
            except httpx.RemoteProtocolError as e:
                raise _Retryable(f"truncated body or broken connection: {e}") from None
            except httpx.TransportError as e:
                raise _Retryable(f"connection failed: {type(e).__name__}: {e}") from None
            status, content_type = got
            try:
                check_body(request, part.path, status=status, content_type=content_type)
            except SourceError:
                part.restart(None)  # a complete but refused body is no resume point
                raise
            return part.commit(self.cache, request, status=status, content_type=content_type)
        finally:
            part.close()

    def _stream(self, client: Any, url: str, headers: dict[str, str], part: Partial) -> tuple[int, str] | None:
        """One GET into ``part`` (resuming it if it has bytes); ``(status, content type)`` once complete."""
        resume = part.resume_headers()
        offset = part.size if resume else 0
        with client.stream("GET", url, headers={**headers, **resume}) as resp:
            status = resp.status_code
            if status == 429:
                ra = parse_retry_after(resp.headers.get("Retry-After"))
                raise _Retryable(f"HTTP 429 Too Many Requests (Retry-After {ra if ra is not None else '-'})", ra)
            if status >= 500:
                ra = parse_retry_after(resp.headers.get("Retry-After"))
                raise _Retryable(f"HTTP {status}", ra)
            if status == 416 and resume:
                self.on_event(f"{url}: range {resume['Range']} not satisfiable; downloading from the start")
                return None
            if status >= 400:
                data = resp.read()
                msg = _error_text(data)
                raise SourceError(f"{url}: HTTP {status}{': ' + msg if msg else ''}")
            encoded = resp.headers.get("Content-Encoding", "identity").strip().lower() not in ("", "identity")
            length = resp.headers.get("Content-Length")
            if status == 206:
                if not resume:
                    raise SourceError(f"{url}: 206 Partial Content to a request without Range")
                rng = _content_range(resp.headers.get("Content-Range"))
                if encoded or rng is None or rng[0] != offset or rng[1] != rng[2] - 1 or rng[2] != (part.total or rng[2]):
                    self.on_event(f"{url}: the server answered {resume['Range']} with Content-Range "
                                  f"{resp.headers.get('Content-Range')!r}; downloading from the start")
                    return None
                total: int | None = rng[2]
                part.resume()
                self.on_event(f"{url}: resuming at byte {offset} of {total}")
                status = 200  # the cached body is the whole representation
            else:
                total = int(length) if length is not None and length.isdigit() else None
                # a decoded (gzip ...) body's bytes are not the server's byte offsets: no resume point
                part.restart(None if encoded else {
                    "url": url, "etag": resp.headers.get("ETag", ""), "last_modified": resp.headers.get("Last-Modified", ""),
                    "total": total, "content_type": resp.headers.get("Content-Type", ""),
                })
            for chunk in resp.iter_bytes():
                part.write(chunk)
            part.sync()
            if encoded:
                if length is not None and length.isdigit() and resp.num_bytes_downloaded < int(length):
                    raise _Retryable(f"truncated body: got {resp.num_bytes_downloaded} of {length} bytes")
            elif total is not None and part.size != total:
                if part.size > total:
                    part.restart(None)
                raise _Retryable(f"truncated body: got {part.size} of {total} bytes")
            content_type = resp.headers.get("Content-Type", "") or (part.meta or {}).get("content_type", "")
        return status, content_type


def _content_range(value: str | None) -> tuple[int, int, int] | None:
    """``bytes FIRST-LAST/TOTAL`` as three ints, or None (absent, ``*`` total, not bytes)."""
    m = re.fullmatch(r"\s*bytes\s+(\d+)-(\d+)/(\d+)\s*", value or "")
    return (int(m[1]), int(m[2]), int(m[3])) if m else None


def _error_text(data: bytes) -> str:
    try:
        msg = json_error_message(json.loads(data))
        if msg:
            return msg[:200]
    except ValueError:
        pass
    return _snippet(data)


def local_raw(path: str | os.PathLike[str], *, source_id: str) -> Raw:
    """A local file (a national statistics download) as a :class:`Raw`, with its sha256."""
    p = Path(path)
    if not p.is_file():
        raise SourceError(f"{p}: no such file")
    mtime = datetime.fromtimestamp(p.stat().st_mtime, UTC).replace(microsecond=0).isoformat()
    return Raw(p, p.resolve().as_uri(), (), mtime, 200, "", _sha256_file(p), True,
               Request(source_id, p.resolve().as_uri(), expect="file"))
