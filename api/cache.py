"""Answers computed once per graph version: an in-process cache of encoded GET responses.

:class:`AnswerCache` (ASGI middleware) keys each successful GET answer by path, query string and the
served graph's version; a hit is sent from memory without touching the app. The app answers uncompressed;
a client that takes gzip gets the same bytes gzipped, compressed once and kept beside them. Every answer carries an ``ETag`` (a hash of its bytes) and ``Cache-Control: no-cache`` (a client may
keep it, and asks again with ``If-None-Match``, which gets ``304``). A write that changes the graph bumps
the version and empties the cache. The cache is bounded by entries and bytes (least recently used first).

>>> cache = Answers(max_entries=2, max_bytes=100)
>>> cache.put(("a", 1), Stored(200, [], b"x" * 10, '"e1"'))
>>> cache.get(("a", 1)).body
b'xxxxxxxxxx'
>>> cache.get(("a", 2)) is None
True
"""

from __future__ import annotations

import gzip
import hashlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from api.guards import ASGIApp, Message, Receive, Scope, Send

CACHEABLE_STATUS = frozenset({200})
NOT_CACHED_PREFIXES = ("/docs", "/redoc", "/openapi.json", "/static-docs")


GZIP_MIN_SIZE = 4096


@dataclass
class Stored:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: str
    gzipped: bytes | None = None

    def compressed(self) -> bytes:
        """The body gzipped, computed on first use and kept (one compression per answer and version)."""
        if self.gzipped is None:
            self.gzipped = gzip.compress(self.body, compresslevel=6, mtime=0)
        return self.gzipped


class Answers:
    """A bounded least-recently-used map of encoded answers."""

    def __init__(self, max_entries: int = 2048, max_bytes: int = 512 * 1024 * 1024) -> None:
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self._items: OrderedDict[Any, Stored] = OrderedDict()
        self._bytes = 0
        self.hits = self.misses = 0

    def get(self, key: Any) -> Stored | None:
        found = self._items.get(key)
        if found is None:
            self.misses += 1
            return None
        self._items.move_to_end(key)
        self.hits += 1
        return found

    def put(self, key: Any, stored: Stored) -> None:
        if len(stored.body) > self.max_bytes:
            return
        old = self._items.pop(key, None)
        if old is not None:
            self._bytes -= len(old.body)
        self._items[key] = stored
        self._bytes += len(stored.body)
        while len(self._items) > self.max_entries or self._bytes > self.max_bytes:
            _, dropped = self._items.popitem(last=False)
            self._bytes -= len(dropped.body)

    def clear(self) -> None:
        self._items.clear()
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._items)


def etag_of(body: bytes) -> str:
    """A strong validator: the first 16 bytes of the body's BLAKE2b hash, quoted."""
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def _header(scope: Scope, name: bytes) -> bytes:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value)
    return b""


def _carries_body(scope: Scope) -> bool:
    length = _header(scope, b"content-length")
    return bool(length and length.strip() != b"0" or _header(scope, b"transfer-encoding"))


class AnswerCache:
    """ASGI middleware: serve repeated GETs of the same graph version from memory, with ETags."""

    def __init__(self, app: ASGIApp, version: Callable[[], int], answers: Answers | None = None) -> None:
        self.app = app
        self.version = version
        self.answers = answers if answers is not None else Answers()
        self._seen_version = version()

    def key(self, scope: Scope) -> tuple[Any, ...]:
        return scope["path"], scope.get("query_string", b""), self.version()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or scope["path"].startswith(
                NOT_CACHED_PREFIXES) or _carries_body(scope):  # a GET with a body meets the guard's limits
            await self.app(scope, receive, send)
            return
        version = self.version()
        if version != self._seen_version:  # the graph changed: every stored answer is stale
            self.answers.clear()
            self._seen_version = version
        key = self.key(scope)
        stored = self.answers.get(key)
        if stored is None:
            stored = await self._capture(scope, receive, send, key)
            if stored is None:
                return
        await self._send(scope, send, stored)

    async def _capture(self, scope: Scope, receive: Receive, send: Send, key: tuple[Any, ...]) -> Stored | None:
        """Run the app; keep a successful answer (and send it from the store), pass anything else through."""
        start: Message | None = None
        chunks: list[bytes] = []
        passed_through = False

        async def capture(message: Message) -> None:
            nonlocal start, passed_through
            if passed_through:
                await send(message)
                return
            if message["type"] == "http.response.start":
                start = message
                if message["status"] not in CACHEABLE_STATUS:
                    passed_through = True
                    await send(message)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                start_message = start or {}
                headers = [(k, v) for k, v in start_message.get("headers", []) if k.lower() != b"content-length"]
                body = b"".join(chunks)
                captured.append(Stored(start_message.get("status", 200), headers, body, etag_of(body)))

        captured: list[Stored] = []
        # the app answers uncompressed; the cache keeps those bytes and gzips them once for clients that ask
        plain = dict(scope, headers=[(k, v) for k, v in scope.get("headers", []) if k.lower() != b"accept-encoding"])
        await self.app(plain, receive, capture)
        if passed_through or not captured:
            return None
        if key[-1] == self.version():  # not when a write landed meanwhile
            self.answers.put(key, captured[0])
        return captured[0]

    @staticmethod
    async def _send(scope: Scope, send: Send, stored: Stored) -> None:
        zipped = len(stored.body) >= GZIP_MIN_SIZE and b"gzip" in _header(scope, b"accept-encoding")
        body = stored.compressed() if zipped else stored.body
        # each representation its own strong validator
        etag = (stored.etag[:-1] + '-gzip"' if zipped else stored.etag).encode()
        headers = [h for h in stored.headers if h[0].lower() not in (b"etag", b"cache-control", b"vary")]
        cache_control = next((v for k, v in stored.headers if k.lower() == b"cache-control"), b"no-cache")
        headers += [(b"etag", etag), (b"cache-control", cache_control), (b"vary", b"Accept-Encoding")]
        if zipped:
            headers.append((b"content-encoding", b"gzip"))
        wanted = _header(scope, b"if-none-match")
        if wanted and (wanted.strip() == b"*" or etag in [t.strip() for t in wanted.split(b",")]):
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": stored.status,
                    "headers": headers + [(b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
