"""The review file: decisions as plain text, one JSON object per line, appended and never rewritten (a diff
shows who decided what); by default ``reviews.jsonl`` beside the graph file.

>>> import tempfile
>>> from schema.review import Decision
>>> path = Path(tempfile.mkdtemp()) / "reviews.jsonl"
>>> append_decision(path, Decision(action="accept", node="org:unido", by="A. Researcher"))
>>> [d.action for d in read_decisions(path)]
['accept']
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from schema.review import Decision

DEFAULT_NAME = "reviews.jsonl"


class ReviewFileError(ValueError):
    """A line of a review file is not a decision; the message names the file and line."""


def default_reviews(graph: Path) -> Path:
    """The review file that goes with a graph file: ``reviews.jsonl`` in its folder."""
    return Path(graph).resolve().parent / DEFAULT_NAME


def read_decisions(path: Path) -> list[Decision]:
    """Every decision of a review file, in order; none if it does not exist."""
    path = Path(path)
    if not path.is_file():
        return []
    decisions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            decisions.append(Decision.model_validate_json(line))
        except (ValidationError, json.JSONDecodeError) as exc:
            reason = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
            raise ReviewFileError(f"{path}, line {number}: not a decision ({reason})") from None
    return decisions


def append_decision(path: Path, decision: Decision) -> None:
    """Add one decision at the end of the review file (created if missing)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as sink:
        sink.write(decision.model_dump_json(exclude_none=True) + "\n")
