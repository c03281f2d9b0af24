"""Each document's extraction remembered on disk, so a rebuild extracts only new and changed documents (then
merges and resolves them all again, so a removed file's facts leave the graph).

A cached extraction is keyed by the SHA-256 of the file's bytes, the document's name in the graph (it is in
every provenance) and the extractor's **fingerprint**: the bytes of the extractor's code and reference data
(``loaders/``, ``schema/``), its learned models (``loaders/models``) and which models are in use (the rules
alone under ``GMPGRAPH_RULES_ONLY=1``). Any change to the extractor is a new fingerprint, so nothing stale is
ever read; old entries are only disk space. The cache lives beside the parse cache (``$GMPGRAPH_CACHE_DIR``,
else ``~/.cache/gmpgraph``) under ``extractions/``; it is safe to delete, and ``GMPGRAPH_EXTRACTION_CACHE=0``
turns it off.

An entry holds the extraction as the store merges it (:func:`as_data`: each node and edge as its JSON dump), so
a rebuild reads it with ``orjson`` and merges it without validating every node again (validation is what the
extractor's models did before the entry was written; the graph is the one the models would give). A change of
this form is a new ``FORMAT``, which is part of the folder's name.

>>> len(fingerprint())
64
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

if TYPE_CHECKING:
    from schema import Extraction

ROOT = Path(__file__).resolve().parents[1]
#: what an extraction depends on, besides the document: the extractor's code, data and models
SOURCES = ("loaders", "schema")
SUFFIXES = (".py", ".json", ".cfg", ".txt")
#: the form of an entry (see :func:`as_data`); another form is another folder, never misread
FORMAT = "data1"
#: one document's extraction as the store merges it: {"document": {...}, "nodes": [{...}], "edges": [{...}]}
ExtractionData = dict[str, Any]


def enabled() -> bool:
    return os.environ.get("GMPGRAPH_EXTRACTION_CACHE", "1").lower() not in ("0", "off", "no", "false")


@cache
def _code_digest() -> str:
    digest = hashlib.sha256()
    for top in SOURCES:
        for path in sorted((ROOT / top).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and (
                    path.suffix in SUFFIXES or "models" in path.parts):
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def fingerprint() -> str:
    """The extractor's fingerprint: its code, reference data and model files, and the models in use."""
    from loaders.learned.models import current

    digest = hashlib.sha256(_code_digest().encode())
    digest.update(repr(sorted((current().description() or {}).items())).encode())
    return digest.hexdigest()


def _folder() -> Path:
    base = os.environ.get("GMPGRAPH_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "gmpgraph")
    return Path(base) / "extractions" / f"{fingerprint()[:20]}-{FORMAT}"


def _path(digest: str, name: str) -> Path:
    key = hashlib.sha256(f"{digest}\0{name}".encode()).hexdigest()
    return _folder() / key[:2] / f"{key}.json"


def as_data(extraction: Extraction) -> ExtractionData:
    """An extraction as the store merges it: the document, each node and each edge as its JSON dump
    (``model_dump(mode="json", exclude_none=True)``, what :meth:`GraphStore.merge_node` stores).

    >>> from schema import DocumentNode, Extraction
    >>> doc = DocumentNode(id="doc:a.txt", name="a.txt", file="a.txt", sha256="0" * 64, chars=0)
    >>> as_data(Extraction(document=doc))["document"]["id"], as_data(Extraction(document=doc))["nodes"]
    ('doc:a.txt', [])
    """
    return {"document": extraction.document.model_dump(mode="json", exclude_none=True),
            "nodes": [node.model_dump(mode="json", exclude_none=True) for node in extraction.nodes],
            "edges": [edge.model_dump(mode="json", exclude_none=True) for edge in extraction.edges]}


def is_cached(digest: str, name: str) -> bool:
    """Whether an entry for these bytes as document ``name`` exists (it may still be unreadable: then
    :func:`cached_extraction` says None)."""
    return enabled() and _path(digest, name).is_file()


def _well_formed(data: Any) -> bool:
    return (isinstance(data, dict) and isinstance(data.get("document"), dict) and "id" in data["document"]
            and isinstance(data.get("nodes"), list) and isinstance(data.get("edges"), list)
            and all(isinstance(n, dict) and "id" in n and "type" in n and "name" in n for n in data["nodes"])
            and all(isinstance(e, dict) and "source" in e and "target" in e and "type" in e for e in data["edges"]))


def cached_extraction(digest: str, name: str) -> ExtractionData | None:
    """The remembered extraction (:func:`as_data`) of the file with these bytes as document ``name``, if any
    (and the cache is on); an unreadable or malformed entry is a miss."""
    if not enabled():
        return None
    try:
        data = orjson.loads(_path(digest, name).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    return data if _well_formed(data) else None


def remember_extraction(digest: str, name: str, data: ExtractionData) -> None:
    """Keep an extraction (:func:`as_data`) for the next build (whole or not at all; a cache that cannot be
    written is only a slower next build)."""
    if not enabled():
        return
    from loaders.syntax import write_cache_file

    write_cache_file(_path(digest, name), orjson.dumps(data))
