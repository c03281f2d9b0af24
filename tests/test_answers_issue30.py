"""Answers that read well (issue 30): the API's landing page, gaps of one kind, an area's funders over HTTP,
plain errors for an unknown kind of finding and an unknown ``./dev`` job, a ``.pdf`` that is no PDF, and an
article no report names. Real documents, the real CLI in a process, the app in-process as in test_api.py."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import get_args

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from gmpgraph import load_graph
from gmpgraph.analysis import FindingKind
from loaders.readers.dispatch import read_document_bytes
from loaders.text import ReadError
from tests.conftest import CORPUS, REPO, gmpgraph_command

KINDS = list(get_args(FindingKind))
TOKEN = "issue30-token"


def run(*args: str, graph: Path | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([*gmpgraph_command(), *args, *(("--graph", str(graph)) if graph else ())],
                          capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": "80"})
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture(scope="module")
def client(corpus_graph: Path) -> TestClient:
    return TestClient(create_app(load_graph(corpus_graph), write_token=TOKEN, warm=False),
                      raise_server_exceptions=False)


# -- 1. the API ---------------------------------------------------------------------------------------------
def test_the_root_points_to_the_docs(client: TestClient) -> None:
    root = client.get("/")
    assert root.status_code == 200
    assert root.json()["docs"] == "/docs" and "/docs" in root.json()["message"]
    assert client.get(root.json()["docs"]).status_code == 200
    assert "/" not in client.get("/openapi.json").json()["paths"]


def test_gaps_of_one_kind_only(client: TestClient) -> None:
    everything = client.get("/gaps", params={"full": "true"}).json()["findings"]
    assert {f["kind"] for f in everything} == set(KINDS)
    for kind in KINDS:
        body = client.get("/gaps", params={"kind": kind, "full": "true"}).json()
        assert body["findings"] and {f["kind"] for f in body["findings"]} == {kind}
        assert len(body["findings"]) == sum(f["kind"] == kind for f in everything)
        assert body["matrix"]["cells"]


def test_an_unknown_kind_of_gap_is_a_plain_422(client: TestClient) -> None:
    answer = client.get("/gaps", params={"kind": "no-funder"})
    assert answer.status_code == 422
    detail = answer.json()["detail"]
    assert detail.startswith("kind: ") and "'no-funder'" in detail
    assert all(kind in detail for kind in KINDS) and "Input should be" not in detail


def test_an_areas_funders_are_the_cli_answer(corpus_graph: Path, client: TestClient) -> None:
    cli = json.loads(run("query", "funders", "asgm", "--json", graph=corpus_graph).stdout)
    http = client.get("/areas/asgm/funders", params={"full": "true"})
    assert http.status_code == 200
    assert cli and [(f["node"]["id"], f["edge"]["target"]) for f in http.json()] == [
        (f["node"]["id"], f["edge"]["target"]) for f in cli]
    assert "Global Environment Facility" in {f["node"]["name"] for f in http.json()}
    assert len(client.get("/areas/asgm/funders", params={"limit": 2}).json()) == min(2, len(cli))
    assert "/areas/{key}/funders" in client.get("/openapi.json").json()["paths"]


def test_an_unknown_area_has_no_funders_page(client: TestClient) -> None:
    answer = client.get("/areas/gold/funders")
    assert answer.status_code == 404
    assert "no area named 'gold'" in answer.json()["detail"]


# -- 2. the CLI's --kind -------------------------------------------------------------------------------------
def test_an_unknown_kind_on_the_command_line_names_the_kinds(corpus_graph: Path) -> None:
    proc = run("gaps", "--kind", "no-funder", graph=corpus_graph)
    assert proc.returncode == 2 and proc.stdout == ""
    assert "no kind of finding called 'no-funder'" in proc.stderr
    assert all(kind in proc.stderr for kind in KINDS)
    assert "Value error" not in proc.stderr and "is not one of" not in proc.stderr
    good = run("gaps", "--kind", "area-without-funder", "--json", graph=corpus_graph)
    assert good.returncode == 0
    assert {f["kind"] for f in json.loads(good.stdout)["findings"]} == {"area-without-funder"}


# -- 3. ./dev ------------------------------------------------------------------------------------------------
def test_an_unknown_dev_job_is_named_before_the_help() -> None:
    proc = subprocess.run([str(REPO / "dev"), "foo"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.startswith("unknown job: foo\n") and "./dev build" in proc.stderr
    for args in ([], ["help"]):
        usage = subprocess.run([str(REPO / "dev"), *args], capture_output=True, text=True, timeout=60)
        assert usage.returncode == 0 and usage.stderr == ""
        assert usage.stdout.startswith("gmpgraph developer entry point") and "./dev test" in usage.stdout


# -- 4. a .pdf that is no PDF ----------------------------------------------------------------------------------
REPORT_TEXT = (CORPUS / "pag6-meeting-report-2014.txt").read_bytes() if CORPUS.is_dir() else b""
RANDOM_BYTES = bytes((i * 7919 + 13) % 256 for i in range(4096))


@pytest.mark.parametrize("data", [REPORT_TEXT, RANDOM_BYTES], ids=["text", "random"])
def test_a_pdf_name_on_other_bytes_is_not_a_pdf(corpus: Path, data: bytes) -> None:
    with pytest.raises(ReadError, match=r"^report\.pdf: not a PDF \(the file has no PDF header"):
        read_document_bytes(data, "report.pdf")
    assert read_document_bytes(REPORT_TEXT, "report.txt").meta.format != "pdf"  # the same bytes as .txt read


def test_build_reports_a_fake_pdf_and_builds_the_rest(copy_corpus: Path, tmp_path: Path) -> None:
    (copy_corpus / "report.pdf").write_bytes(b"Draft, saved as text\n" + REPORT_TEXT)  # not a duplicate's bytes
    (copy_corpus / "noise.pdf").write_bytes(RANDOM_BYTES)
    out = tmp_path / "g.json"
    proc = run("build", str(copy_corpus), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "report.pdf: not a PDF" in proc.stderr and "noise.pdf: not a PDF" in proc.stderr
    assert "Built 5 of 7 files" in proc.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len([n for n in data["nodes"] if n["type"] == "Document"]) == 5
    failed = {f["file"].rsplit("/", 1)[-1]: f for f in data["graph"]["failed"]}
    assert set(failed) == {"report.pdf", "noise.pdf"}
    assert all("not a PDF" in json.dumps(f) for f in failed.values())


@pytest.mark.parametrize("data", [REPORT_TEXT, RANDOM_BYTES], ids=["text", "random"])
def test_the_api_refuses_a_fake_pdf_with_422(client: TestClient, data: bytes) -> None:
    before = client.get("/stats").json()
    answer = client.post("/documents", params={"name": "report.pdf"}, content=data,
                         headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 422, answer.text
    assert answer.json()["detail"].startswith("report.pdf: not a PDF")
    assert client.get("/stats").json() == before


# -- 5. an article no report names ---------------------------------------------------------------------------
def test_every_article_of_the_convention_has_an_answer(corpus_graph: Path) -> None:
    named = {n["key"] for n in json.loads(corpus_graph.read_text(encoding="utf-8"))["nodes"] if n["type"] == "Article"}
    assert "9" not in named and "7" in named
    for number in range(1, 36):
        proc = run("query", "supports", str(number), "--json", graph=corpus_graph)
        assert proc.returncode == 0, (number, proc.stderr)
        body = json.loads(proc.stdout)
        assert body["article"]["id"] == f"article:{number}"
        if str(number) not in named:
            assert body["stated"] == [] and body["area_mandate"] == []
            assert f"no report ties a project, area, publication or event to Article {number}," in body["note"]
            assert "5 reports searched" in body["note"]


def test_an_unnamed_article_in_a_table_and_outside_the_convention(corpus_graph: Path) -> None:
    table = run("query", "supports", "Article 9", graph=corpus_graph)
    assert table.returncode == 0 and "Article 9" in table.stdout
    assert "no report ties a project, area, publication or event to Article 9" in table.stderr
    for outside in ("36", "0"):
        proc = run("query", "supports", outside, "--json", graph=corpus_graph)
        assert proc.returncode == 4 and f"no article named '{outside}'" in proc.stderr and proc.stdout == ""


def test_the_api_answers_an_unnamed_article(client: TestClient) -> None:
    answer = client.get("/articles/9/supporters")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["article"]["id"] == "article:9" and body["stated"] == [] and body["area_mandate"] == []
    assert "no report ties a project, area, publication or event to Article 9" in body["note"]
    assert client.get("/articles/7/supporters").json()["note"] is None
    assert client.get("/articles/36/supporters").status_code == 422
    assert client.get("/maps/article/9").status_code == 404  # nothing to draw


# -- 4. change over time -------------------------------------------------------------------------------------
def test_changes_between_2012_and_2022_name_arrivals_renames_and_silences(corpus_graph: Path) -> None:
    proc = run("query", "changes", "--from", "2012-06-30", "--to", "2022-02-28", "--json", graph=corpus_graph)
    assert proc.returncode == 0, proc.stderr
    leads = {(c["area"], c["change"], c["node"]["name"]): c for c in json.loads(proc.stdout)["changes"]
             if c["kind"] == "lead"}
    arrived = leads[("chlor-alkali", "arrived", "United Nations Industrial Development Organization")]
    assert arrived["now"][0]["as_of"] == "2022-02-28" and "UNIDO" in arrived["now"][0]["quote"]
    renamed = leads[("coal", "renamed", "International Centre for Sustainable Carbon")]
    assert renamed["renamed_from"]["name"] == "IEA Clean Coal Centre" and "formerly" in renamed["now"][0]["quote"]
    assert not any(c[2] in ("IEA Clean Coal Centre", "International Centre for Sustainable Carbon")
                   for c in leads if c[1] != "renamed")  # a rename, not one leaving and one arriving
    for body in ("Global Cement and Concrete Association", "Ministry of Climate Change of Pakistan"):
        assert leads[("cement", "arrived", body)]["now"]
    silent = leads[("cement", "no longer stated", "Cement Sustainability Initiative")]
    assert silent["then"][0]["as_of"] == "2012-06-30" and silent["then"][0]["quote"]


def test_a_hand_over_is_a_departure_and_dates_must_be_in_order(corpus_graph: Path) -> None:
    proc = run("query", "changes", "--from", "2011-06-30", "--to", "2012-06-30", "--area", "supply-storage",
               "--json", graph=corpus_graph)
    changes = {(c["change"], c["node"]["name"]) for c in json.loads(proc.stdout)["changes"] if c["kind"] == "lead"}
    assert {("arrived", "Government of Spain"), ("arrived", "Government of Uruguay")} <= changes
    backwards = run("query", "changes", "--from", "2022-02-28", "--to", "2012-06-30", graph=corpus_graph)
    assert backwards.returncode == 2 and "must come before" in backwards.stderr


def test_the_api_gives_the_same_changes_and_groups_its_operations(corpus_graph: Path, client: TestClient) -> None:
    cli = json.loads(run("query", "changes", "--from", "2012-06-30", "--to", "2022-02-28", "--area", "coal",
                         "--json", graph=corpus_graph).stdout)
    api = client.get("/changes", params={"from": "2012-06-30", "to": "2022-02-28", "area": "coal"})
    assert api.status_code == 200
    assert [(c["kind"], c["change"], c["node"]["id"]) for c in api.json()["changes"]] == [
        (c["kind"], c["change"], c["node"]["id"]) for c in cli["changes"]]
    reversed_dates = client.get("/changes", params={"from": "2022-02-28", "to": "2012-06-30", "area": "coal"})
    assert reversed_dates.status_code == 200 and "wrong way round" in reversed_dates.json()["note"]
    assert reversed_dates.json()["changes"] == api.json()["changes"]
    schema = client.get("/openapi.json").json()
    assert [t["name"] for t in schema["tags"]] == ["graph", "questions", "gaps", "maps", "review", "writes"]
    tags = {path: {op["tags"][0] for op in ops.values()} for path, ops in schema["paths"].items()}
    assert tags["/documents"] == {"writes"} and tags["/stats"] == {"graph"} and tags["/changes"] == {"questions"}
    assert tags["/gaps"] == {"gaps"} and tags["/maps/network"] == {"maps"}


# -- 3. one answer everywhere --------------------------------------------------------------------------------
def test_support_through_a_mandate_is_labelled_so(client: TestClient) -> None:
    answer = client.get("/articles/7/supporters").json()
    assert answer["area_mandate"] and all(s["basis"] == "area-mandate" for s in answer["area_mandate"])
    assert all(s["basis"] == "stated" for s in answer["stated"])


def test_an_organisation_works_in_the_areas_it_leads(corpus_graph: Path) -> None:
    roles = json.loads(run("query", "org", "UNIDO", "--json", graph=corpus_graph).stdout)
    led = {link["node"]["id"] for link in roles["leads"]}
    assert "area:chlor-alkali" in led and led <= {a["id"] for a in roles["works_in"]}


def test_an_area_with_no_funder_says_why_gaps_does_or_does_not_list_it(corpus_graph: Path) -> None:
    gaps = json.loads(run("gaps", "--kind", "area-without-funder", "--json", graph=corpus_graph).stdout)
    flagged = {f["subject"].removeprefix("area:") for f in gaps["findings"]}
    for area in ("waste", "cement"):
        proc = run("query", "funders", area, "--json", graph=corpus_graph)
        if json.loads(proc.stdout):
            continue
        said = " ".join(run("query", "funders", area, graph=corpus_graph).stderr.split())
        assert ("does not list it" in said) == (area not in flagged), (area, said)


# -- 6. bad input, told plainly --------------------------------------------------------------------------------
def test_serve_on_a_busy_port_says_so_and_nothing_else(corpus_graph: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = run("serve", "--port", str(port), graph=corpus_graph)
    said = " ".join(proc.stderr.split())
    assert proc.returncode == 1 and f"port {port} on 127.0.0.1 is already in use" in said
    assert "serving" not in said and f"--port {port + 1}" in said


def test_the_served_socket_turns_nagle_off() -> None:
    """The socket 'serve' binds itself says it is TCP and has TCP_NODELAY: with proto 0 asyncio left Nagle's
    algorithm on, and every answer on a kept-alive connection waited 40 ms for the client's delayed ACK
    (measured with benchmarks/api.py: 364 req/s at p50 44 ms, against 1 ms with the option)."""
    import socket

    from gmpgraph.cli.serve import _listen

    sock = _listen("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        sock.listen()
        with socket.create_connection(sock.getsockname()) as client:
            accepted, _ = sock.accept()
            with accepted:
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0  # what asyncio serves on
    finally:
        sock.close()


def test_an_unreachable_neo4j_gives_its_reason(corpus_graph: Path) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = run("push", "--neo4j", f"bolt://127.0.0.1:{port}", graph=corpus_graph)
    said = " ".join(proc.stderr.split())
    assert proc.returncode == 1 and "Connection refused" in said and not said.rstrip().endswith(":")
    assert "Check that the server is running" in said
