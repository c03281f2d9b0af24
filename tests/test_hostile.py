"""Hostile input: a corpus of broken, malicious and odd files mixed with the five real reports.

The real reports must build exactly as they do alone (the same evaluator scores), every bad file
must be reported with its reason, and the exit code is 0 unless ``--strict`` asks for 3.
"""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import EVALUATOR, GOLD, gmpgraph_command

HUGE_MB = 100


def _pdf(text: str, encrypt: str | None = None) -> bytes:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption(encrypt, canPrint=0) if encrypt else None)
    pdf.drawString(72, 720, text)
    pdf.save()
    return buffer.getvalue()


def _zip_bomb() -> bytes:
    """A 'DOCX' whose document.xml inflates to 300 MB of zeros from a few hundred KB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(300):
                member.write(chunk)
    return buffer.getvalue()


def make_hostile_corpus(corpus: Path, folder: Path) -> dict[str, str]:
    """Write the real reports and the hostile files into ``folder``; returns {bad file: expected reason}."""
    folder.mkdir()
    for path in corpus.iterdir():
        shutil.copy(path, folder / path.name)
    rng = random.Random(11)
    bad: dict[str, str] = {}

    def write(name: str, data: bytes, reason: str | None) -> None:
        (folder / name).write_bytes(data)
        if reason:
            bad[name] = reason

    write("empty.txt", b"", "empty file")
    write("blank.txt", b" \n\t\n  \n", "empty file")
    write("random.bin", rng.randbytes(64 * 1024), "binary file")
    write("nul-in-text.txt", b"Report on Kenya\x00\x00\x00 and Peru" * 50, "binary file")
    write("bad-utf8.txt", "Rapport sur la Côte d'Ivoire".encode("cp1252"), "not UTF-8")
    write("bad-utf16.txt", "\ufeffReport on Kenya".encode("utf-16-le")[:-1] + b"\x00\xd8", "invalid utf-16")
    with open(folder / "huge.txt", "wb") as handle:  # 100 MB, refused by its size before it is read
        line = b"Article 7 of the Minamata Convention concerns artisanal gold mining in many countries.\n"
        handle.write(line * (HUGE_MB * 1024 * 1024 // len(line) + 1))
    bad["huge.txt"] = "larger than the 32 MB limit"
    # a list nested 10,000 levels deep (HTML), and 1,000 levels of indented bullets: read, nothing found
    write("nested-html.txt", b"<ul><li>item " * 10_000 + b"</li></ul>" * 10_000, None)
    write("nested-bullets.txt", "".join(" " * i + "- item\n" for i in range(1_000)).encode(), None)
    write("ragged-table.txt", b"<table><tr><td>alpha</td><td>beta</td></tr><tr><td>gamma</td></tr>"
                              b"<tr><td>a</td><td>b</td><td>c</td><td>d</td><td>e</td></tr><tr></tr>"
                              b"<tr><td>unclosed<td>cells</table>\nalpha\tbeta\n\tgamma\tdelta\tepsilon\n", None)
    write("truncated.pdf", _pdf("Kenya and Peru reported on Article 7.")[:600], "PDF")
    write("encrypted.pdf", _pdf("Kenya and Peru reported on Article 7.", encrypt="secret"), "encrypted PDF")
    write("bomb.docx", _zip_bomb(), "ZIP bomb")
    write("not-a-docx.docx", b"PK\x03\x04" + rng.randbytes(2048), "ZIP")
    # names with spaces and other scripts; a duplicate of a real report under such a name
    write("notes de réunion – copie ü 日本.txt", "des notes sans noms propres, rien de plus.\n".encode(), None)
    real = sorted(corpus.iterdir())[0]
    write("rapport copie (2) – ß.txt", real.read_bytes(), "skipped as a duplicate")
    # symbolic links: a loop back to the folder, a link to a real report (a duplicate), a dangling link
    (folder / "loop").mkdir()
    os.symlink("..", folder / "loop" / "back")
    os.symlink(folder / real.name, folder / "link-to-report.txt")
    bad["link-to-report.txt"] = "skipped as a duplicate"
    os.symlink(folder / "no-such-file.txt", folder / "dangling.txt")
    bad["dangling.txt"] = "cannot read file"
    return bad


def evaluate(graph: Path) -> dict:
    proc = subprocess.run([sys.executable, str(EVALUATOR), str(graph), str(GOLD), "--json"],
                          capture_output=True, text=True, timeout=300, check=True)
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def hostile(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("hostile") / "corpus"
    return folder, make_hostile_corpus(corpus, folder)


def test_hostile_files_cost_the_real_reports_nothing(hostile: tuple[Path, dict[str, str]],
                                                      corpus_graph: Path, tmp_path: Path) -> None:
    folder, bad = hostile
    out = tmp_path / "mixed.json"
    proc = subprocess.run([*gmpgraph_command(), "build", str(folder), "-o", str(out), "--json"],
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    summary = json.loads(proc.stdout)
    errors = {Path(f["path"]).name: f["error"] for f in summary["files"] if not f["ok"]}
    for name, reason in bad.items():
        assert name in errors, (name, sorted(errors))
        assert reason in errors[name], (name, errors[name])
        assert errors[name].startswith(name), errors[name]  # every reason names its file
    assert set(errors) == set(bad), set(errors) ^ set(bad)
    built = {Path(f["path"]).name for f in summary["files"] if f["ok"]}
    assert built >= {"nested-html.txt", "nested-bullets.txt", "ragged-table.txt",
                     "notes de réunion – copie ü 日本.txt"}
    assert not any("loop" in Path(f["path"]).parts[-2:] for f in summary["files"])  # the link loop was not walked

    mixed, alone = evaluate(out), evaluate(corpus_graph)
    for part in ("entities", "relations"):
        for kind, scores in alone[part].items():
            assert mixed[part][kind] == scores, (part, kind, mixed[part][kind], scores)
    assert mixed["provenance_coverage"] == alone["provenance_coverage"] == 1.0


def test_strict_mode_exits_3_and_still_writes_the_graph(hostile: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    folder, _ = hostile
    out = tmp_path / "strict.json"
    proc = subprocess.run([*gmpgraph_command(), "build", str(folder), "-o", str(out), "--strict", "--quiet"],
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 3, proc.stderr
    assert "bomb.docx" in proc.stderr and "ZIP bomb" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert out.exists()


def test_one_process_and_a_pool_build_the_same_graph(hostile: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    folder, _ = hostile
    graphs = []
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}.json"
        proc = subprocess.run([*gmpgraph_command(), "build", str(folder), "-o", str(out), "-q", "-j", workers],
                              capture_output=True, text=True, timeout=900)
        assert proc.returncode == 0, proc.stderr
        data = json.loads(out.read_text(encoding="utf-8"))
        graphs.append((data["nodes"], data["edges"], data["graph"]["failed"]))
    assert graphs[0] == graphs[1]
