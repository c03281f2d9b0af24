"""The review page (issue 31) end to end: a real ``gmpgraph serve`` in write mode on a graph built from a real
report and a hostile one, opened in headless Chromium; a decision without the token is refused, then accept,
reject and add are recorded in the review file and the served graph; document text stays text."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from gmpgraph import load_graph
from tests.conftest import CORPUS, gmpgraph_command, running_server
from tests.test_maps import HOSTILE_REPORT, SCRIPT_PAYLOAD, Opened, browser  # noqa: F401 - the fixture

TOKEN = "review-page-token"


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    folder = tmp_path_factory.mktemp("review-page")
    reports = folder / "reports"
    reports.mkdir()
    (reports / "hostile-report.txt").write_text(HOSTILE_REPORT, encoding="utf-8")
    (reports / "pag6-meeting-report-2014.txt").write_bytes((CORPUS / "pag6-meeting-report-2014.txt").read_bytes())
    graph = folder / "graph.json"
    subprocess.run([*gmpgraph_command(), "build", str(reports), "-o", str(graph), "--quiet"], check=True,
                   capture_output=True, timeout=300)
    with running_server(graph, "--write-token-env", "REVIEW_TOKEN", env={"REVIEW_TOKEN": TOKEN}) as url:
        yield url, folder


def _status(opened: Any, selector: str) -> str:
    for _ in range(300):  # until the answer is shown (a wait, not a timing assertion)
        text = opened.page.inner_text(selector)
        if text and text != "saving…":
            return text
        opened.page.wait_for_timeout(100)
    return opened.page.inner_text(selector)


def test_review_page_records_decisions_with_the_token_only(browser: Any, served: tuple[str, Path]) -> None:
    base, folder = served
    opened = Opened(browser)
    try:
        opened.page.goto(base + "/review?limit=200")
        opened.page.wait_for_function("() => window.gmpReview && window.gmpReview.ready")
        claims = opened.page.evaluate("() => window.gmpReview.claims")
        assert claims >= 2
        body = opened.page.inner_text("body")
        assert SCRIPT_PAYLOAD in body  # the hostile text is shown, as text
        assert opened.page.evaluate("() => window.__pwned === undefined") and opened.dialogs == []
        assert opened.page.locator("#claim-0 mark").count() == 1  # the quote marked in its paragraph

        first = opened.page.locator("#claim-0")
        first.locator("button.accept").click()
        assert "not recorded" in _status(opened, "#claim-0 span") and not (folder / "reviews.jsonl").exists()

        opened.page.fill("#token", TOKEN)
        opened.page.fill("#by", "A. Researcher")
        first.locator("button.accept").click()
        assert _status(opened, "#claim-0 span") == "accepted: recorded"
        opened.page.locator("#claim-1 button.reject").click()
        assert _status(opened, "#claim-1 span") == "rejected: recorded"

        opened.page.select_option("#add-type", "FUNDS")
        opened.page.fill("#add-source", "Global Environment Facility")
        opened.page.fill("#add-target", "org:united-nations-industrial-development-organization")
        opened.page.select_option("#add-document", "hostile-report.txt")
        opened.page.fill("#add-quote", "with funding from the Global Environment Facility")
        opened.page.click("#add-button")
        assert _status(opened, "#add-status") == "added: recorded"
        opened.page.fill("#add-quote", "a quote the report does not hold")
        opened.page.click("#add-button")
        assert "quote is not in hostile-report.txt" in _status(opened, "#add-status")
    finally:
        opened.close()
    decisions = [json.loads(line) for line in (folder / "reviews.jsonl").read_text().splitlines()]
    assert [d["action"] for d in decisions] == ["accept", "reject", "add"] and decisions[0]["by"] == "A. Researcher"
    refusals = [e for e in opened.errors if "Failed to load resource" in e]  # the browser logs the 401 and 409
    assert len(refusals) == 2 and len(opened.errors) == 2  # and nothing else went wrong on the page
    store = load_graph(folder / "graph.json")
    accepted, rejected = decisions[0]["edge"], decisions[1]["edge"]
    assert store.edge(accepted["source"], accepted["target"], accepted["type"]).reviewed == "accepted"
    assert not store.nx.has_edge(rejected["source"], rejected["target"], rejected["type"])
    stats = httpx.get(base + "/stats").json()
    assert sum(c["reviewed"] for c in stats["reviewed"].values()) == 2  # the accepted and the added edge
