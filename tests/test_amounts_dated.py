"""Money as the reports state it (issue 29): each sum on its own funder's FUNDS edge, with the month the sentence
gives the act, on the reports' own sentences."""

from __future__ import annotations

import datetime as dt

from tests.test_constructions import rules_only

PROGRESS = "overall-progress-2010-2012.txt"
KYRGYZ = "project:kyrgyz-republic-mercury-mining-phase-out-project"


def funds(text: str, name: str = PROGRESS) -> dict[tuple[str, str], object]:
    return {(e.source, e.target): e for e in rules_only(name, text).edges if e.type == "FUNDS"}


def test_a_grant_and_an_approval_keep_their_months() -> None:
    # overall-progress §II ¶28, verbatim (the PDF text escapes the dollar sign)
    text = ("Kyrgyz Republic Mercury Mining Phase Out Project\n\n"
            "The Kyrgyz Republic has renewed momentum. The next phase of the project focuses on reduction of most "
            "immediate threats posed by the mine site to the environment and people, promotion of investment in "
            "other economic development activities and local alternative employment in the region. The Government "
            "of Norway granted 850,000 US\\$ of new funding in November 2011 to the project. With these funds as the "
            "major source of co-finance, the Global Environment Facility (GEF) approved a medium size proposal of "
            "\\$1 million in July 2012.\n")
    found = funds(text)
    norway, gef = found[("org:government-of-norway", KYRGYZ)], found[("org:global-environment-facility", KYRGYZ)]
    assert (norway.amount, norway.currency, norway.start) == (850_000, "USD", dt.date(2011, 11, 1))
    assert (gef.amount, gef.currency, gef.start) == (1_000_000, "USD", dt.date(2012, 7, 1))
    assert [s.start for s in norway.statements] == [dt.date(2011, 11, 1)]  # the statement carries it too


def test_each_funder_of_a_sentence_gets_its_own_sum_and_the_partnership_is_what_they_fund() -> None:
    # overall-progress §I ¶3, verbatim: one sentence, four sums, their givers named after or before them
    text = ("UNEP Global Mercury Partnership\n\n"
            "Total financial support for the Partnership had amounted to about \\$ 10.5 million provided through "
            "UNEP of which the Environment Fund provided about \\$ 1.5 million; almost \\$ 1 million from "
            "unearmarked contributions; almost \\$ 6 million from extra budgetary contributions from a number of "
            "donors; and about \\$2 million had been received from the GEF.\n")
    found = funds(text)
    partnership = "org:unep-global-mercury-partnership"
    sums = {source: (e.amount, e.currency) for (source, target), e in found.items() if target == partnership}
    assert sums == {"org:environment-fund": (1_500_000, "USD"), "org:global-environment-facility": (2_000_000, "USD"),
                    "org:united-nations-environment-programme": (10_500_000, "USD")}
    assert all(e.start is None for e in found.values())  # the sentence gives no month


def test_a_month_that_dates_something_else_is_not_the_funding_s() -> None:
    # pag12 §IV.1 b) 41.1, verbatim: March 2021 is when the report came out, not when Canada funded Just Gold
    text = (" - IMPACT documented its learnings from the Just Gold project in north-eastern Democratic Republic of "
            "the Congo (DRC), funded by Global Affairs Canada, in the report “The Just Gold Project: Lessons for "
            "the Future of Artisanal Gold in Democratic Republic of Congo” in March 2021.\n")
    found = funds(text, "pag12-activities-report-2022.txt")
    canada = [e for (source, _), e in found.items() if source == "org:global-affairs-canada"]
    assert canada and all(e.start is None for e in canada)


def test_the_corpus_graph_answers_who_gave_how_much_and_when(corpus_graph) -> None:
    import json
    import subprocess

    from tests.conftest import gmpgraph_command

    proc = subprocess.run([*gmpgraph_command(), "query", "org", "Government of Norway", "--graph", str(corpus_graph)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "850,000 USD (Nov 2011)" in proc.stdout
    graph = json.loads(corpus_graph.read_text())
    dated = {(e["source"], e["target"]): (e.get("amount"), e.get("start")) for e in graph["edges"]
             if e["type"] == "FUNDS" and e.get("amount")}
    assert dated[("org:government-of-norway", KYRGYZ)] == (850_000, "2011-11-01")
    assert dated[("org:global-environment-facility", KYRGYZ)] == (1_000_000, "2012-07-01")
    assert dated[("org:environment-fund", "org:unep-global-mercury-partnership")] == (1_500_000, None)
    assert dated[("org:global-environment-facility", "org:unep-global-mercury-partnership")] == (2_000_000, None)
