"""What stands between the network and the graph: size and time limits, safe errors, headers, a write gate.

* ``Guard`` (ASGI middleware) refuses a body larger than ``max_body`` bytes with 413 (by its
  Content-Length, or while it streams in), stops a read that runs longer than ``time_limit``
  seconds with 503 (and tells the worker building its answer to stop, through the request's
  ``deadline``), and adds ``nosniff``, ``no-referrer`` and ``DENY`` framing headers to every answer
  (HTML answers that carry no Content-Security-Policy of their own get one). A write keeps its own
  time (api/served.py): it is committed whole or not at all, so it is never cut off half-way; reads
  never wait for it, since it is made on a copy.
* ``validation_error`` answers a bad parameter with 422, quoting at most a short prefix of the input.
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
import time
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
DOCS_CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; connect-src 'self'; worker-src blob:; font-src 'self' data:")
BASE_HEADERS = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer", "x-frame-options": "DENY"}
_log = logging.getLogger("gmpgraph.api")


class BodyTooLarge(Exception):
    """Raised inside ``receive`` when a streamed body passes the limit."""


class Guard:
    """ASGI middleware: body size and time limits, the read/write gate, and security headers."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY, time_limit: float = TIME_LIMIT) -> None:
        self.app = app
        self.max_body = max_body
        self.time_limit = time_limit

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

        now = time.monotonic()
        state = scope.setdefault("state", {})
        state["started"], state["deadline"] = now, now + self.time_limit
        try:
            if scope["method"] in WRITE_METHODS:  # committed whole or not at all, in its own time (served.py)
                await self.app(scope, limited_receive, guarded_send)
            else:
                await asyncio.wait_for(self.app(scope, limited_receive, guarded_send), self.time_limit)
        except TimeoutError:
            if not started:
                await _problem(send, 503, f"the request took longer than {self.time_limit:g} s and was stopped; "
                                          "ask for less (a smaller depth, page or map)")
        except BodyTooLarge:
            if not started:
                await _problem(send, 413, f"request body larger than the {self.max_body} bytes allowed")


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


MAX_ECHO = 80


def _short(value: Any) -> Any:
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return text if len(text) <= MAX_ECHO else text[:MAX_ECHO] + f"… ({len(text)} characters)"


# what a parameter's pattern means, in words (filled where the patterns are defined): a 422 says this
# instead of quoting the regular expression
PATTERN_WORDS: dict[str, str] = {}


def _message(error: dict[str, Any]) -> str:
    if error.get("type") == "string_pattern_mismatch":
        pattern = str((error.get("ctx") or {}).get("pattern", ""))
        return PATTERN_WORDS.get(pattern, "not in the expected form")
    if error.get("type") in ("literal_error", "enum"):  # "Input should be 'a' or 'b'": say what is allowed
        return f"not one of the allowed values; use one of {(error.get('ctx') or {}).get('expected', '')}"
    return str(error.get("msg", "invalid"))


async def validation_error(request: Request, exc: Exception) -> JSONResponse:
    """422 naming each bad parameter and what was expected; the input quoted by a short prefix only."""
    errors = getattr(exc, "errors", lambda: [])()
    problems = []
    for error in errors[:10]:
        where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("query", "path", "body"))
        given = f" (given {_short(error['input'])!r})" if "input" in error and error["input"] is not None else ""
        problems.append(f"{where or 'request'}: {_message(error)}{given}")
    return JSONResponse(status_code=422, headers=BASE_HEADERS, content={
        "detail": "; ".join(problems) or "invalid request", "suggestions": []})


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
