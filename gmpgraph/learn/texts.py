"""The annotated texts: each document, read as the extractor reads it, with its gold annotations.

Three sets live beside the repository in ``../shared`` (the five reports, sixteen pages, the training
texts); texts annotated here live in ``data/annotated`` with a ``MANIFEST.json`` giving their addresses.

>>> [s.name for s in default_sets(Path("/nowhere"))]
[]
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from loaders.readers import read_document
from schema import Document

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("GMPGRAPH_SHARED", REPO.parent / "shared"))


@dataclass(frozen=True)
class TextSet:
    """A folder of texts and the folder of their gold files."""

    name: str
    texts: Path
    gold: Path


def default_sets(shared: Path = SHARED) -> list[TextSet]:
    """Every set of annotated texts there is: the reports, the pages, the training texts, ours."""
    sets = [TextSet("reports", shared / "corpus", shared / "gold" / "dev"),
            TextSet("pages", shared / "pages" / "texts", shared / "gold" / "pages"),
            TextSet("train", shared / "train" / "texts", shared / "train" / "gold"),
            TextSet("ours", REPO / "data" / "annotated" / "texts", REPO / "data" / "annotated" / "gold")]
    return [s for s in sets if s.texts.is_dir() and s.gold.is_dir()]


@dataclass
class AnnotatedText:
    """One document and its gold (several gold files of one document are joined)."""

    set: str
    file: str
    path: Path
    doc: Document
    sha256: str
    entities: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    gold_files: list[Path] = field(default_factory=list)


def read_set(text_set: TextSet) -> list[AnnotatedText]:
    """The annotated texts of one set, in file order; a gold file whose text is missing is skipped."""
    by_doc: dict[str, list[Path]] = {}
    for gold_file in sorted(text_set.gold.glob("*.json")):
        document = json.loads(gold_file.read_text(encoding="utf-8")).get("document") or gold_file.stem + ".txt"
        by_doc.setdefault(document, []).append(gold_file)
    out = []
    for document, gold_files in sorted(by_doc.items()):
        path = text_set.texts / document
        if not path.is_file():
            continue
        doc, digest = read_document(path)
        text = AnnotatedText(text_set.name, document, path, doc, digest, gold_files=gold_files)
        for gold_file in gold_files:
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            text.entities += gold.get("entities", [])
            text.relations += gold.get("relations", [])
        out.append(text)
    return out


def annotated_texts(sets: list[TextSet] | None = None) -> list[AnnotatedText]:
    """Every annotated text of ``sets`` (default: all there are)."""
    return [t for s in (sets if sets is not None else default_sets()) for t in read_set(s)]


def training_data_hash(texts: list[AnnotatedText]) -> str:
    """A hash of what a model is trained on: every text's bytes and every gold file's bytes."""
    digest = hashlib.sha256()
    for t in sorted(texts, key=lambda t: (t.set, t.file)):
        digest.update(f"{t.set}/{t.file}:{t.sha256}".encode())
        for g in t.gold_files:
            digest.update(hashlib.sha256(g.read_bytes()).digest())
    return digest.hexdigest()
