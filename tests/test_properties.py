"""Property-based tests (Hypothesis): any input to the readers and extractors, no crash, and every
provenance span points inside its document and quotes it exactly.

Text is drawn from a mix of report-like fragments (country and organisation names, article
references, bullets, numbered paragraphs, table rows, HTML cells, amounts) and arbitrary Unicode,
so the rules meet both what they were written for and what they were not.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from loaders.extract import extract_text
from loaders.readers import parse_text
from loaders.text import ReadError, decode_text

FRAGMENTS = [
    "Article 7", "Articles 8 and 11", "the Government of Norway", "UNEP", "UNIDO", "Global Environment Facility (GEF)",
    "Kenya", "Burkina Faso", "Viet Nam", "Côte d'Ivoire", "the Philippines", "ASGM partnership area",
    "chlor-alkali", "mercury waste management", "led by", "funded by", "with funding from", "implemented by",
    "in collaboration with", "took over from", "US$ 850,000", "$1 million", "held in Jakarta", "(Minsk)",
    "planetGOLD project", "Biodiversity Research Institute (BRI)", "Mr. Jordan Smith", "Dr. Chad",
    "\n- ", "\n  - ", "\n\n12. ", "\n\nIV. ", "\n## ", "\t", "<p>", "</p>", "<td>", "|", "**", "\u201c", "\u201d",
    "\u00b9", "\n", "\n\n", ", ", ". ", " and ", " of the ", "(", ")", "\u2013", "\r\n",
]
report_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=60).map("".join)
PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)


@PROPERTY
@given(st.binary(max_size=2048))
@example(b"\xc2\xa0")  # a no-break space alone, once found by this test: empty, refused
def test_any_bytes_decode_or_are_refused_with_a_reason(data: bytes) -> None:
    try:
        text = decode_text(data, "x.txt")
    except ReadError as exc:
        assert str(exc).startswith("x.txt: ")
    else:
        assert isinstance(text, str) and text.strip()


@PROPERTY
@given(report_text)
def test_any_text_parses_into_blocks_inside_the_text(text: str) -> None:
    doc = parse_text(text, "r.txt")
    for block in doc.walk():
        assert 0 <= block.start <= block.end <= len(doc.text), block
        assert block.locator


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(report_text)
def test_every_provenance_span_quotes_its_document_exactly(text: str) -> None:
    document_text = parse_text(text, "r.txt").text
    result = extract_text("r.txt", text)
    items = [*result.nodes, *result.edges]
    for item in items:
        for prov in item.provenance:
            assert prov.document == "r.txt"
            assert 0 <= prov.start < prov.end <= len(document_text), (prov, len(document_text))
            assert document_text[prov.start:prov.end] == prov.quote, (item, prov)
    node_ids = {n.id for n in result.nodes} | {result.document.id}
    for edge in result.edges:
        assert edge.source in node_ids and edge.target in node_ids, edge
