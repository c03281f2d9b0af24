"""Relation rules on real sentences from the corpus (verbatim), amounts, and lead hand-over dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gmpgraph.build import build_graph
from loaders.extract import extract_text
from loaders.relations import parse_amount


def edges(text: str) -> set[tuple[str, str, str]]:
    return {(e.type, e.source, e.target) for e in extract_text("r.txt", text).edges if e.type != "MENTIONED_IN"}


def test_funds_and_implements_from_one_sentence() -> None:
    found = edges("- In Guyana, with funding from the US Department of State (USDoS), the AGC began work on the "
                  "project: \u201cRoadmap to Responsible Gold\u201d.")
    assert ("FUNDS", "org:united-states-department-of-state", "project:roadmap-to-responsible-gold") in found
    assert ("LOCATED_IN", "project:roadmap-to-responsible-gold", "country:GUY") in found


def test_a_list_of_implementers_before_the_verb() -> None:
    found = edges("- In early 2019 UNEP, UNIDO and NRDC launched the GEF GOLD programme, funded by the Global "
                  "Environment Facility (GEF) and led by UNEP.")
    for org in ("org:united-nations-environment-programme", "org:united-nations-industrial-development-organization",
                "org:natural-resources-defense-council"):
        assert ("IMPLEMENTS", org, "project:gef-gold") in found
    assert ("FUNDS", "org:global-environment-facility", "project:gef-gold") in found


def test_amounts_and_currencies_are_normalised() -> None:
    assert parse_amount("The Government of Norway granted 850,000 US$ of new funding") == (850000.0, "USD")
    assert parse_amount("approved a medium size proposal of $1 million in July 2012") == (1_000_000.0, "USD")
    assert parse_amount("contributed EUR 2.5 million") == (2_500_000.0, "EUR")
    result = extract_text("r.txt", "i) Kyrgyz Republic Mercury Mining Phase Out Project: The Government of Norway "
                                   "granted 850,000 US$ of new funding in November 2011 to the project.")
    funds = [e for e in result.edges if e.type == "FUNDS"]
    assert funds and funds[0].amount == 850000 and funds[0].currency == "USD"


def test_leads_list_bullet() -> None:
    text = ("II. Overview\n\nLeads of individual Partnership areas are:\n\n- **Mercury releases from the cement "
            "industry:** The Global Cement and Concrete Association (GCCA) and the Ministry of Climate Change of "
            "Pakistan\n")
    found = edges(text)
    assert ("LEADS", "org:global-cement-and-concrete-association", "area:cement") in found
    assert ("LEADS", "org:ministry-of-climate-change-of-pakistan", "area:cement") in found


def test_supports_ties_an_article_to_the_area_of_the_sentence() -> None:
    found = edges("26. Ms. Keane and Mr. Bernaudat presented the ASGM Partnership area and recalled article 7 of "
                  "the Minamata Convention on artisanal and small-scale gold mining (ASGM).")
    assert ("SUPPORTS", "area:asgm", "article:7") in found


def test_collaboration_between_two_areas() -> None:
    found = edges("- The Partnership and its areas of work on mercury in products and on mercury waste management "
                  "jointly organized an online session.")
    assert ("COLLABORATES_WITH", "area:products", "area:waste") in found


def test_lead_hand_over_dates_from_the_annex_table(corpus: Path) -> None:
    store, _ = build_graph([corpus])
    leads = {e.source: e for e in store.edges("LEADS", target="area:supply-storage")}
    # 'Governments of Spain and Uruguay took over in November 2011 from the Mercury Policy Project.'
    spain = next(e for s, e in leads.items() if s.startswith("org:government-of-spain") and e.start)
    assert spain.start == dt.date(2011, 11, 1)


def test_area_mandate_supports_are_kept_apart_from_stated_ones(corpus: Path) -> None:
    store, _ = build_graph([corpus])
    bases = {(e.source, e.target): e.basis for e in store.edges("SUPPORTS")}
    assert bases[("area:asgm", "article:7")] == "stated"  # pag6 para 26 says so
    assert bases[("area:waste", "article:11")] in ("stated", "area-mandate")
    assert "area-mandate" in set(bases.values())


def test_a_lead_in_names_the_implementer_of_the_projects_it_introduces() -> None:
    found = edges("- Di\u00e1logos has several ongoing projects involving mercury-free ASGM, including:\n"
                  " - Uganda (with Appelglobal) \u201cFree Your Mine, 2018-2021\u201d. UNACOH, NAPE.\n"
                  " - Bolivia \u201cMercury Free Gold Mining (2020-2022)\u201d. Plagbol.\n")
    implemented = {t for (kind, s, t) in found if kind == "IMPLEMENTS" and s == "org:dialogos"}
    assert {"project:free-your-mine", "project:mercury-free-gold-mining"} <= implemented


def test_the_programme_and_it_stand_for_the_project_named_before() -> None:
    text = ("- GEF planetGOLD programme:\n"
            " - In June 2020, the GEF Council approved an expansion of the planetGOLD programme, adding eight "
            "countries: Bolivia, Ghana. In June 2021, it was extended to an additional seven countries: Sierra Leone, "
            "Zambia.\n"
            " - Conservation International is executing planetGOLD Guyana.\n"
            " - UNDP is carrying out the projects in Colombia, Indonesia, Kenya, and Peru.\n")
    found = edges(text)
    assert ("LOCATED_IN", "project:planetgold", "country:ZMB") in found
    assert any(kind == "IMPLEMENTS" and source == "org:united-nations-development-programme" and "planetgold" in target
               for kind, source, target in found)
    assert ("IMPLEMENTS", "org:conservation-international", "project:planetgold-guyana") in found
    assert ("IMPLEMENTS", "org:conservation-international", "project:planetgold") not in found


def test_funders_listed_as_governments_support_the_one_who_carried_out_the_work() -> None:
    found = edges("The above-described activities carried out by the interim secretariat would not have been possible "
                  "without the generous voluntary financial support provided by the Governments of Austria, Belgium "
                  "and the United States of America.")
    for gov in ("org:government-of-austria", "org:government-of-belgium"):
        assert ("FUNDS", gov, "org:interim-secretariat-of-the-minamata-convention") in found


def test_a_comma_after_the_funder_is_not_a_list() -> None:
    found = edges("- In Peru, with funding from the USDoS, the AGC continued work on the project: \u201cIncreased "
                  "Transparency and Control of Mercury\u201d.")
    assert ("FUNDS", "org:artisanal-gold-council", "project:increased-transparency-and-control-of-mercury") not in found


def test_an_event_is_located_where_it_was_held() -> None:
    found = edges("The third meeting of the Conference of the Parties to the Minamata Convention (Geneva, November "
                  "2019) called for cooperation with the Partnership.")
    assert ("LOCATED_IN", "event:cop-3", "country:CHE") in found
