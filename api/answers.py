"""Answers of bounded size, encoded once: a view of a query result as JSON bytes.

A node or edge seen in many documents carries hundreds of provenance entries and statements; an answer
that lists forty of them was megabytes, and grew with every document added. The view keeps, per item,
the first ``provenance`` entries of its provenance and statements, their total (``provenance_total``,
``statements_total``) and where to fetch the rest (``provenance_more``: ``/entities/{id}/provenance`` or
``/edges/provenance?...``). Every list of the answer shows ``limit`` items from ``offset`` (the answer's own
lists; a nested list shows its first ``NESTED_LIMIT``), with its total as ``<name>_total`` when cut. ``full``
turns all of it off. Bytes come from orjson.

>>> from schema import Organization, Provenance
>>> p = [Provenance(document="r.txt", locator=f"para {i}", quote="UNIDO", start=0, end=5) for i in range(5)]
>>> body = encode(Organization(id="org:u", name="UNIDO", provenance=p), View(provenance=2))
>>> data = orjson.loads(body)
>>> len(data["provenance"]), data["provenance_total"], data["provenance_more"]
(2, 5, '/entities/org:u/provenance?offset=2&limit=100')
"""

from __future__ import annotations

import datetime as dt
import enum
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

import orjson
from pydantic import BaseModel

EVIDENCE_FIELDS = ("provenance", "statements")
PAGE_OF_EVIDENCE = 100
NESTED_LIMIT = 10  # items of a list inside an item (an area's implementers, ...); its total is given when cut


class Stopped(Exception):
    """The request's time ran out while its answer was being built (see :func:`deadline`)."""


_deadline = threading.local()


def set_deadline(at: float | None) -> None:
    """Stop the view built in this thread once ``time.monotonic()`` passes ``at`` (None: no limit)."""
    _deadline.at = at


def _check() -> None:
    at = getattr(_deadline, "at", None)
    if at is not None and time.monotonic() > at:
        raise Stopped


@dataclass(frozen=True)
class View:
    """How much of an answer to show: ``offset``/``limit`` per list, ``provenance`` entries per item."""

    offset: int = 0
    limit: int = 100
    provenance: int = 3
    full: bool = False


def _href(owner: dict[str, Any] | BaseModel, name: str, offset: int) -> str | None:
    get = owner.get if isinstance(owner, dict) else lambda k, d=None: getattr(owner, k, d)
    if get("id") is not None and name == "provenance":
        return f"/entities/{quote(str(get('id')), safe=':')}/provenance?offset={offset}&limit={PAGE_OF_EVIDENCE}"
    if get("source") is not None and get("target") is not None and get("type") is not None:
        query = urlencode({"type": get("type"), "source": get("source"), "target": get("target"),
                           "offset": offset, "limit": PAGE_OF_EVIDENCE})
        return f"/edges/{name}?{query}"
    return None


def _value(value: Any, view: View, depth: int) -> Any:
    if isinstance(value, BaseModel):
        return _model(value, view, depth)
    if isinstance(value, (list, tuple)):
        return [_value(v, view, depth + 1) for v in value]
    if isinstance(value, dict):
        return {k: _value(v, view, depth + 1) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _model(model: BaseModel, view: View, depth: int) -> dict[str, Any]:
    _check()
    out: dict[str, Any] = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        if name in EVIDENCE_FIELDS and isinstance(value, list) and not view.full:
            shown = value[:view.provenance]
            out[name] = [_value(v, view, depth + 1) for v in shown]
            out[f"{name}_total"] = len(value)
            if len(value) > len(shown):
                more = _href(model, name, len(shown))
                if more:
                    out[f"{name}_more"] = more
        elif isinstance(value, list) and not view.full and value and isinstance(value[0], BaseModel):
            out[name] = _page(value, view, depth)
            if len(value) > len(out[name]) or (depth == 0 and view.offset):
                out[f"{name}_total"] = len(value)
        else:
            out[name] = _value(value, view, depth + 1)
    return out


def _page(items: list[Any], view: View, depth: int) -> list[Any]:
    if depth == 0:
        chosen = items[view.offset:view.offset + view.limit]
    else:  # inside an item: its first few, each with one entry of evidence (the rest by link)
        chosen = items[:min(view.limit, NESTED_LIMIT)]
        view = View(offset=0, limit=view.limit, provenance=min(view.provenance, 1), full=view.full)
    return [_value(v, view, depth + 1) for v in chosen]


def as_data(answer: Any, view: View, paged: bool = False) -> Any:
    """The JSON-ready view of ``answer`` (a model, or a list of them). ``paged``: its lists are already
    one page (the route applied offset and limit itself)."""
    if paged:
        view = View(offset=0, limit=max(view.limit, 10**9), provenance=view.provenance, full=view.full)
    if isinstance(answer, list) and not view.full:
        return _page(answer, view, 0)
    return _value(answer, view, 0)


def encode(answer: Any, view: View = View(), paged: bool = False) -> bytes:
    """``answer`` as JSON bytes, bounded by ``view``."""
    return orjson.dumps(as_data(answer, view, paged))
