"""PDF and DOCX files written here with real libraries (reportlab, python-docx) read back to
the same block structure as the text they were made from; broken files fail clearly."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from loaders.readers import read_document, read_document_bytes
from loaders.text import ReadError
from schema import Document
from tests.conftest import CORPUS
from tests.writers import flow, to_docx, to_pdf


def structure(doc: Document, kinds: tuple[str, ...] = ("heading", "paragraph", "bullet", "footnote")) -> list:
    return [(b.kind, b.locator) for b in doc.walk() if b.kind in kinds]


@pytest.mark.parametrize("name", ["pag6-meeting-report-2014.txt", "inc7-interim-secretariat-progress-2015.txt",
                                  "pag12-activities-report-2022.txt"])
def test_docx_reads_back_to_the_same_blocks(corpus: Path, name: str) -> None:
    text_doc = read_document(CORPUS / name)[0]
    docx_doc = read_document_bytes(to_docx(text_doc), name)
    assert docx_doc.meta.format == "docx"
    assert structure(docx_doc) == structure(text_doc)


def test_docx_tables_keep_rows_cells_and_items(corpus: Path) -> None:
    text_doc = read_document(CORPUS / "overall-progress-2010-2012.txt")[0]
    docx_doc = read_document_bytes(to_docx(text_doc), "progress.docx")
    assert structure(docx_doc, ("table", "row", "caption", "heading")) == structure(text_doc, ("table", "row",
                                                                                              "caption", "heading"))
    def items(doc: Document) -> list[str]:
        row = next(b for b in doc.walk() if b.locator == 'table 2 row "Mercury in products"')
        return [" ".join(doc.block_text(b).split()) for b in row.walk() if b.kind == "item"]

    assert items(docx_doc) == items(text_doc)
    assert items(docx_doc)[0].startswith("i) \u201cEconomics of Conversion\u201d")


@pytest.mark.parametrize("name", ["pag6-meeting-report-2014.txt", "inc7-interim-secretariat-progress-2015.txt"])
def test_pdf_reads_back_to_the_same_blocks(corpus: Path, name: str) -> None:
    text_doc = read_document(CORPUS / name)[0]
    pdf_doc = read_document_bytes(to_pdf(text_doc), name)
    assert pdf_doc.meta.format == "pdf"
    assert structure(pdf_doc) == structure(text_doc)
    assert any(d.reason == "page number" for d in pdf_doc.dropped)  # the footer numbers are furniture
    # the text of each numbered paragraph survives, whatever the line wrapping
    want = {b.locator: " ".join(text_doc.block_text(b).split()) for b in flow(text_doc) if b.kind == "paragraph"}
    got = {b.locator: " ".join(pdf_doc.block_text(b).split()) for b in flow(pdf_doc) if b.kind == "paragraph"}
    assert got["para 26"] == want["para 26"].replace("**", "")


def test_pdf_extraction_finds_the_same_entities(corpus: Path, tmp_path: Path) -> None:
    from loaders.extract import extract_document

    text_doc = read_document(CORPUS / "pag6-meeting-report-2014.txt")[0]
    path = tmp_path / "pag6.pdf"
    path.write_bytes(to_pdf(text_doc))
    from_pdf = extract_document(read_document(path)[0])
    from_text = extract_document(text_doc)
    assert {n.id for n in from_pdf.nodes} == {n.id for n in from_text.nodes}
    article16 = next(n for n in from_pdf.nodes if n.id == "article:16")
    assert article16.provenance[0].locator == "para 31"


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    pdf.drawString(100, 700, "Article 7")
    pdf.save()
    with pytest.raises(ReadError, match="encrypted PDF"):
        read_document_bytes(buffer.getvalue(), "locked.pdf")


def test_truncated_pdf_is_refused(corpus: Path) -> None:
    data = to_pdf(read_document(CORPUS / "pag6-meeting-report-2014.txt")[0])
    with pytest.raises(ReadError, match="locked.pdf|damaged or truncated PDF|no text layer"):
        read_document_bytes(data[: len(data) // 3], "cut.pdf")


def test_zip_bomb_docx_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (300 * 1024 * 1024) + b"</w:document>")
    with pytest.raises(ReadError, match="ZIP bomb"):
        read_document_bytes(buffer.getvalue(), "bomb.docx")


def test_a_zip_that_is_not_a_docx_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data.csv", "a,b\n")
    with pytest.raises(ReadError, match="not a Word document"):
        read_document_bytes(buffer.getvalue(), "data.xlsx")


def test_a_50_mb_file_is_refused_clearly_and_the_corpus_still_builds(corpus: Path, tmp_path: Path) -> None:
    from gmpgraph.build import build_graph

    folder = tmp_path / "mixed"
    folder.mkdir()
    for path in CORPUS.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    with open(folder / "huge.txt", "wb") as handle:
        handle.write(b"Article 7 of the Convention. " * (50 * 1024 * 1024 // 29 + 1))
    (folder / "wrong-encoding.txt").write_bytes("Rapport sur la Côte d'Ivoire".encode("cp1252"))
    (folder / "truncated.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")
    store, report = build_graph([folder])
    errors = {Path(f.path).name: f.error for f in report.failed}
    assert "larger than the 32 MB limit" in errors["huge.txt"]
    assert "not UTF-8" in errors["wrong-encoding.txt"]
    assert "PDF" in errors["truncated.pdf"]
    assert len(report.built) == 5
