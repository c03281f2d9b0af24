"""The real structure of each corpus document, as the text reader sees it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from loaders.readers import read_document
from schema import Block, Document
from schema.reference import areas
from tests.conftest import CORPUS


def read(name: str) -> Document:
    return read_document(CORPUS / name)[0]


def heading(doc: Document, locator: str) -> Block:
    return next(b for b in doc.walk() if b.kind == "heading" and b.locator == locator)


@pytest.mark.usefixtures("corpus")
@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")) or ["none"])
def test_every_block_has_a_unique_locator_and_a_span_inside_the_text(name: str) -> None:
    doc = read(name)
    locators = Counter(b.locator for b in doc.walk())
    assert not [loc for loc, n in locators.items() if n > 1]
    for block in doc.walk():
        assert 0 <= block.start < block.end <= len(doc.text), block.locator
        assert doc.text[block.start:block.end].strip(), block.locator


def test_pag6_numbered_paragraphs_in_order_under_agenda_headings(corpus: Path) -> None:
    doc = read("pag6-meeting-report-2014.txt")
    assert doc.meta.format == "markdown"
    paras = [b for b in doc.walk() if b.kind == "paragraph" and b.locator.startswith("para ")]
    assert [b.locator for b in paras] == [f"para {n}" for n in range(1, 50)]
    agenda = [b for b in doc.walk() if b.kind == "heading" and b.level == 2]
    assert [(b.number, b.title) for b in agenda] == [
        ("1.", "Opening of the meeting"), ("2.", "Organizational matters"),
        ("3.", "Discussion on the findings of the survey of the Partnership"),
        ("4.", "Review of the overall progress and activities of the Partnership")]
    # paragraphs are children of their agenda item (or of its unnumbered sub-heading)
    item4 = heading(doc, "§4")
    assert [b.locator for b in item4.children][:3] == ["para 24", "para 25", "para 26"]
    assert [b.locator for b in heading(doc, "§2 Adoption of the agenda").children] == ["para 11"]
    # paragraph 5 runs across a page break and stays one block
    para5 = next(b for b in paras if b.locator == "para 5")
    assert doc.block_text(para5).endswith("looked forward to a clear recommendation from the meeting to take forward.")
    # the web-site trailer and the rule are dropped; metadata from the text
    assert {d.reason for d in doc.dropped} == {"web-site trailer", "field code or rule"}
    assert "yunbaogao" not in " ".join(doc.block_text(b) for b in doc.walk())
    assert doc.meta.date == dt.date(2015, 1, 12)
    assert doc.meta.meeting == "Bangkok, Thailand, 31 October – 1 November 2014"
    assert doc.meta.title == "Report of the Sixth Meeting of the UNEP Global Mercury Partnership Advisory Group"


def test_progress_report_table_2_has_one_row_per_area(corpus: Path) -> None:
    doc = read("overall-progress-2010-2012.txt")
    assert doc.meta.format == "html-table"
    table2 = next(b for b in doc.walk() if b.kind == "table" and b.locator == "table 2")
    rows = table2.children
    assert rows[0].locator == "table 2 header"
    assert [r.title for r in rows[1:]] == [a.name for a in areas()]
    assert [r.area for r in rows[1:]] == [a.key for a in areas()]
    products = next(r for r in rows if r.locator == 'table 2 row "Mercury in products"')
    items = [b for b in products.walk() if b.kind == "item"]
    assert doc.block_text(items[0]).startswith("i) \u201cEconomics of Conversion\u201d case studies")
    assert items[0].locator == 'table 2 row "Mercury in products" cell 2 item 1'
    # a row continued on a later line (empty first cell) stays in its row
    asgm = rows[1]
    assert any("Mercury Watch Database" in doc.block_text(b) for b in asgm.walk() if b.kind == "item")


def test_progress_report_annex_table_of_leads(corpus: Path) -> None:
    doc = read("overall-progress-2010-2012.txt")
    annex = next(b for b in doc.walk() if b.kind == "table" and b.locator == "annex table")
    assert annex.section.startswith("Annex")
    assert [r.title for r in annex.children[1:]] == [a.name for a in areas()]
    # "Mercury supply and" / "storage" over two lines is one row whose cells continue
    supply = next(r for r in annex.children if r.area == "supply-storage")
    text = " ".join(doc.block_text(c) for c in supply.children if c.kind == "cell")
    assert "Governments of Spain and Uruguay took over in November" in text
    assert "2011 from the Mercury Policy Project." in text
    assert doc.meta.date == dt.date(2013, 2, 15)
    assert (doc.meta.period_start, doc.meta.period_end) == (dt.date(2010, 7, 1), dt.date(2012, 6, 30))
    assert [h.locator for h in doc.walk() if h.kind == "heading" and h.level == 1] == ["§I", "§II", "§Annex"]


def test_pag12_eight_area_sections_each_with_objectives_activities_plans(corpus: Path) -> None:
    doc = read("pag12-activities-report-2022.txt")
    part_iv = heading(doc, "§IV")
    sections = [b for b in part_iv.children if b.kind == "heading"]
    assert [s.locator for s in sections] == [f"§IV.{n}" for n in range(1, 9)]
    assert [s.area for s in sections] == [a.key for a in areas()]
    for section in sections:
        parts = [b.number for b in section.children if b.kind == "heading"]
        assert parts == ["a)", "b)", "c)"], section.title
    # the locator the issue names: section IV, area 3, part b), bullet 4
    bullet = next(b for b in doc.walk() if b.locator == "§IV.3 b) bullet 4")
    assert bullet.area == "fate-transport" and bullet.kind == "bullet"
    nested = next(b for b in doc.walk() if b.locator == "§IV.1 b) bullet 1.2")
    assert nested.level == 1 and "GEF Council approved an expansion" in doc.block_text(nested)
    assert doc.meta.date == dt.date(2022, 3, 10)
    assert (doc.meta.period_start, doc.meta.period_end) == (dt.date(2020, 12, 1), dt.date(2022, 2, 28))


def test_pag12_footnotes_are_resolved(corpus: Path) -> None:
    doc = read("pag12-activities-report-2022.txt")
    marks = {m for b in doc.walk() for m in b.footnote_marks}
    assert len(marks) >= 25
    # every mark finds its footnote, but 17, whose text the PDF export lost
    assert marks - set(doc.footnotes) == {"17"}
    assert set(doc.footnotes) <= marks  # and every footnote is cited
    assert doc.block_text(doc.footnotes["1"]) == "¹ UNEP Governing Council Decision 23/9"
    assert doc.footnotes["2"].locator == "footnote 2"
    intro = next(b for b in doc.walk() if "1" in b.footnote_marks)
    assert "Governing Council¹" in doc.block_text(intro)


def test_secretariat_note_lettered_sections_and_repeated_numbers(corpus: Path) -> None:
    doc = read("inc7-interim-secretariat-progress-2015.txt")
    romans = [(b.number, b.title) for b in doc.walk() if b.kind == "heading" and b.level == 1]
    assert [n for n, _ in romans] == ["I.", "II.", "III.", "IV.", "V.", "VI."]
    assert romans[0][1] == "Introduction"
    letters = [b.locator for b in heading(doc, "§II").walk() if b.kind == "heading" and b.level == 2]
    assert letters == ["§II.A", "§II.B", "§II.C", "§II.D", "§II.E"]
    para11 = next(b for b in doc.walk() if b.locator == "para 11")
    assert [c.locator for c in para11.children] == [f"para 11 item {k}" for k in range(1, 5)]
    assert "Lusaka" in doc.block_text(para11.children[1])
    numbered = [b.locator for b in doc.walk() if b.kind == "paragraph" and "item" not in b.locator
                and b.locator.startswith("para ")]
    assert numbered == [f"para {n}" for n in range(1, 35)]
    assert "*" in doc.footnotes  # the symbol footnote of the first page
    assert any(d.reason == "field code or rule" for d in doc.dropped)  # the HYPERLINK field code


def test_slide_text_bullets_survive_as_indentation(corpus: Path) -> None:
    doc = read("waste-area-meeting-slides.txt")
    assert doc.meta.format == "slides"
    bullets = [b for b in doc.walk() if b.kind == "bullet"]
    assert len(bullets) >= 40
    first = heading(doc, "§1")
    assert first.title == "Face-to-face meeting"
    assert [doc.block_text(b)[:24] for b in first.children[:2]] == ["Three meetings were held", "The 1st and 2nd Meeting:"]
    # a bullet broken over two slide lines is one block
    three = first.children[0]
    assert doc.block_text(three).endswith("understand good practice on the ground")
    discussions = [b.locator for b in doc.walk() if b.kind == "heading" and b.title == "Discussion"]
    assert len(discussions) == len(set(discussions)) >= 3
