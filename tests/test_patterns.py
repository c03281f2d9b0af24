"""The extractor's hand-written patterns do not grow back (issue 28: fewer than the 211 compiled regular
expressions ``loaders/`` held when it was filed)."""

from __future__ import annotations

from pathlib import Path

LOADERS = Path(__file__).resolve().parents[1] / "loaders"


def test_loaders_hold_fewer_compiled_patterns_than_when_issue_28_was_filed() -> None:
    count = sum(path.read_text(encoding="utf-8").count("re.compile(") for path in LOADERS.rglob("*.py"))
    assert 100 < count < 211, f"{count} compiled regular expressions in loaders/: fold one before adding one"
