"""Decoding files as text (with clear refusals), and provenance: locator, section, area, sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract import extract_file, extract_text
from loaders.text import ReadError, decode_text, read_text
from tests.conftest import CORPUS


@pytest.mark.parametrize("data, message", [
    (b"", "empty file"),
    (b"  \n\t\n", "empty file"),
    (b"\x00\x01\x02binary\x00\xff", "binary file"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "a PDF file"),
    (b"PK\x03\x04\x14\x00", "ZIP container"),
    ("Côte d'Ivoire".encode("latin-1"), r"not UTF-8 text \(invalid byte 0xf4 at offset 1\)"),
])
def test_unreadable_bytes_are_refused_with_a_reason(data: bytes, message: str) -> None:
    with pytest.raises(ReadError, match=message):
        decode_text(data, "bad.txt")


def test_bom_and_utf16_and_line_endings_are_handled() -> None:
    assert decode_text("\ufeffViet Nam\r\n".encode("utf-8"), "a") == "Viet Nam\n"
    assert decode_text("Viet Nam".encode("utf-16"), "a") == "Viet Nam"


def test_oversized_files_are_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2048)
    with pytest.raises(ReadError, match="larger than"):
        read_text(big, max_bytes=1024)


def test_provenance_quotes_the_sentence_of_the_mention(corpus: Path) -> None:
    result = extract_file(CORPUS / "pag6-meeting-report-2014.txt")
    (article16,) = [n for n in result.nodes if n.id == "article:16"]
    prov = article16.provenance[0]
    assert prov.locator == "para 31"
    assert prov.section == "4. Review of the overall progress and activities of the Partnership"
    assert prov.quote == ("The work undertaken under these different activities was relevant to "
                          "Articles 14, 16, 17, 18, 19 and 22 of the Convention.")


def test_provenance_carries_the_area_a_mention_sits_under(corpus: Path) -> None:
    result = extract_file(CORPUS / "pag12-activities-report-2022.txt")
    (burkina,) = [n for n in result.nodes if n.id == "country:BFA"]
    assert {p.area for p in burkina.provenance} == {"asgm"}
    assert any(p.locator.startswith("§IV.1 b) bullet") for p in burkina.provenance)


def test_mentions_in_page_furniture_are_dropped() -> None:
    text = "1. Kenya reported progress.\n\n12\n\n2. Ghana did too.\n\n预览已结束，完整报告链接如下：\n\nhttps://example.cn/Peru"
    ids = sorted(n.id for n in extract_text("r.txt", text).nodes)
    assert ids == ["country:GHA", "country:KEN", "org:government-of-ghana", "org:government-of-kenya"]  # they report


def test_sentences_do_not_split_at_honorifics() -> None:
    text = "6. Mr. Atle Fretheim (Norway), chair of the meeting, welcomed the participants. Then he left."
    result = extract_text("r.txt", text)
    (norway,) = [n for n in result.nodes if n.id == "country:NOR"]
    assert norway.provenance[0].quote == ("Mr. Atle Fretheim (Norway), chair of the meeting, welcomed the "
                                          "participants.")


def test_long_sentences_are_clipped_around_the_mention() -> None:
    text = "1. " + "word " * 200 + "in Indonesia " + "word " * 200
    (node,) = extract_text("r.txt", text).nodes
    quote = node.provenance[0].quote
    assert "Indonesia" in quote and len(quote) <= 320


def test_every_provenance_span_of_the_corpus_quotes_its_document(corpus: Path) -> None:
    for path in sorted(CORPUS.iterdir()):
        text = read_text(path)
        result = extract_file(path)
        assert result.nodes, path.name
        for node in [result.document, *result.nodes]:
            for prov in node.provenance:
                assert prov.document == path.name
                assert text[prov.start:prov.end] == prov.quote
                assert len(prov.quote) <= 320
