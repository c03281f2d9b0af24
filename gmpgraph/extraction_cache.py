"""Each document's extraction remembered on disk, so a rebuild extracts only new and changed documents (then
merges and resolves them all again, so a removed file's facts leave the graph).

A cached extraction is keyed by the SHA-256 of the file's bytes, the document's name in the graph (it is in
every provenance) and the extractor's **fingerprint**: the bytes of the extractor's code and reference data
(``loaders/``, ``schema/``), its learned models (``loaders/models``) and which models are in use (the rules
alone under ``GMPGRAPH_RULES_ONLY=1``). Any change to the extractor is a new fingerprint, so nothing stale is
ever read; old entries are only disk space. The cache lives beside the parse cache (``$GMPGRAPH_CACHE_DIR``,
else ``~/.cache/gmpgraph``) under ``extractions/``; it is safe to delete, and ``GMPGRAPH_EXTRACTION_CACHE=0``
turns it off.

>>> len(fingerprint())
64
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from schema import Extraction

ROOT = Path(__file__).resolve().parents[1]
#: what an extraction depends on, besides the document: the extractor's code, data and models
SOURCES = ("loaders", "schema")
SUFFIXES = (".py", ".json", ".cfg", ".txt")


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
    return Path(base) / "extractions" / fingerprint()[:20]


def _path(digest: str, name: str) -> Path:
    key = hashlib.sha256(f"{digest}\0{name}".encode()).hexdigest()
    return _folder() / key[:2] / f"{key}.json"


def cached_extraction(digest: str, name: str) -> Extraction | None:
    """The remembered extraction of the file with these bytes as document ``name``, if any (and the cache is
    on); an unreadable entry is a miss."""
    if not enabled():
        return None
    path = _path(digest, name)
    try:
        return Extraction.model_validate_json(path.read_bytes())
    except (OSError, ValidationError, ValueError):
        return None


def remember_extraction(digest: str, name: str, extraction: Extraction) -> None:
    """Keep an extraction for the next build (whole or not at all; a cache that cannot be written is only a
    slower next build)."""
    if not enabled():
        return
    from loaders.syntax import write_cache_file

    write_cache_file(_path(digest, name), extraction.model_dump_json(exclude_none=True).encode())
