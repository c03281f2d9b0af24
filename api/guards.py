"""What stands between the network and the graph: size and time limits, safe errors, headers, a write gate.

* ``Guard`` (ASGI middleware) refuses a body larger than ``max_body`` bytes with 413 (by its
  Content-Length, or while it streams in), stops a request that runs longer than ``time_limit``
  seconds with 503, lets reads share the graph and gives a write sole use of it, and adds
  ``nosniff``, ``no-referrer`` and ``DENY`` framing headers to every answer (HTML answers that
  carry no Content-Security-Policy of their own, such as /docs, get one).
* ``internal_error`` answers an unexpected exception with 500 and a fixed message: no stack trace,
  no file path, no exception text (the server log has them).
* ``check_token`` admits a write only when write mode is on and the request carries the token.

>>> check_token(None, "Bearer x").status_code
403
>>> check_token("s3cret", "Bearer nope").status_code
401
>>> check_token("s3cret", "Bearer s3cret") is None
True
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY = 16 * 1024 * 1024  # a report uploaded in write mode; reads carry no body at all
TIME_LIMIT = 30.0
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
DOCS_CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
            "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com "
            "https://cdn.redoc.ly; connect-src 'self'; worker-src blob:; font-src https://fonts.gstatic.com")
BASE_HEADERS = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer", "x-frame-options": "DENY"}
_log = logging.getLogger("gmpgraph.api")


class ReadWriteGate:
    """Many readers at once, or one writer alone (asyncio; held for the whole request)."""

    def __init__(self) -> None:
        self._readers = 0
        self._writing = False
        self._changed = asyncio.Condition()

    async def acquire(self, write: bool) -> None:
        async with self._changed:
            if write:
                await self._changed.wait_for(lambda: not self._writing and self._readers == 0)
                self._writing = True
            else:
                await self._changed.wait_for(lambda: not self._writing)
                self._readers += 1

    async def release(self, write: bool) -> None:
        async with self._changed:
            if write:
                self._writing = False
            else:
                self._readers -= 1
            self._changed.notify_all()


class BodyTooLarge(Exception):
    """Raised inside ``receive`` when a streamed body passes the limit."""


class Guard:
    """ASGI middleware: body size and time limits, the read/write gate, and security headers."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY, time_limit: float = TIME_LIMIT) -> None:
        self.app = app
        self.max_body = max_body
        self.time_limit = time_limit
        self.gate = ReadWriteGate()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        declared = headers.get("content-length", "0")
        if not declared.isdigit() or int(declared) > self.max_body:
            await _problem(send, 413, f"request body larger than the {self.max_body} bytes allowed")
            return
        started = False
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_body:
                raise BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = _with_security_headers(list(message.get("headers", [])))
            await send(message)

        write = scope["method"] in WRITE_METHODS
        await self.gate.acquire(write)
        try:
            await asyncio.wait_for(self.app(scope, limited_receive, guarded_send), self.time_limit)
        except TimeoutError:
            if not started:
                await _problem(send, 503, f"the request took longer than {self.time_limit:g} s and was stopped; "
                                          "ask for less (a smaller depth, page or map)")
        except BodyTooLarge:
            if not started:
                await _problem(send, 413, f"request body larger than the {self.max_body} bytes allowed")
        finally:
            await self.gate.release(write)


def _with_security_headers(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    present = {k.lower() for k, _ in headers}
    out = headers + [(k.encode(), v.encode()) for k, v in BASE_HEADERS.items() if k.encode() not in present]
    content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
    if content_type.startswith(b"text/html") and b"content-security-policy" not in present:
        out.append((b"content-security-policy", DOCS_CSP.encode()))
    return out


async def _problem(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail, "suggestions": []}).encode()
    await send({"type": "http.response.start", "status": status, "headers": _with_security_headers(
        [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())])})
    await send({"type": "http.response.body", "body": body})


async def internal_error(request: Request, exc: Exception) -> JSONResponse:
    """500 with a fixed message; the exception and its trace go to the server log only."""
    _log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse(status_code=500, headers=BASE_HEADERS, content={
        "detail": "internal error: the request could not be answered (the server log has the details)",
        "suggestions": []})


def check_token(expected: str | None, authorization: str | None) -> JSONResponse | None:
    """None when a write may go ahead; otherwise the 403 (read-only) or 401 (no or wrong token) answer."""
    if not expected:
        return JSONResponse(status_code=403, content={
            "detail": "this server is read-only; start it with a write token (gmpgraph serve --write-token-env VAR) "
                      "to add documents", "suggestions": []})
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        return JSONResponse(status_code=401, headers={"WWW-Authenticate": "Bearer"}, content={
            "detail": "a write needs the header 'Authorization: Bearer <token>' with the server's write token",
            "suggestions": []})
    return None
