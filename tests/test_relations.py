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


# -- list items with a title, and what their nested items and paragraphs say (pag12 activities report) ----------
PRODUCTS = "4) Mercury in products\n\n- b) Key activities in the Partnership area include:\n"


def test_a_nested_item_speaks_of_its_titled_parent() -> None:
    found = edges(PRODUCTS + "- **Mercury-Added Product Reduction Projects in Kenya, Ivory Coast, India, Bangladesh and "
                  "the Philippines (European Environmental Bureau/Zero Mercury Working Group (EEB)/ZMWG):** EEB/ZMWG "
                  "and partner organizations in Kenya supported efforts by their governments, including the "
                  "following:\n - Conduct of studies of alternatives to mercury-added products;\n - Outreach/workshop "
                  "to customs officials on Article 4 provisions;\n")
    project = "project:mercury-added-product-reduction-projects-in-kenya-ivory-coast-india-bangladesh-and-the-philippines"
    assert ("SUPPORTS", project, "article:4") in found


def test_plain_items_after_a_bold_label_continue_it_and_the_next_label_ends_it() -> None:
    text = (PRODUCTS + "- **Skin-Lightening Cream Campaign (ZMWG):** ZMWG collaboration with NGOs worldwide has "
            "continued.\n- **Capacity building related to Multilateral Environmental Agreements (MEA) in African, "
            "Caribbean and Pacific (ACP) Countries - Phase 3 (ACP-MEA's) project:** Under this new project which began "
            "at the end of 2020, the EEB/ZMWG is focusing its work on the formulation of specific strategies.\n"
            "- The EEB/ZMWG under the ACP MEAs III programme has established memorandum of understanding with the "
            "governments of Trinidad and Tobago (TTO), Antigua and Barbuda (ATG) and St. Kitts and Nevis (SKN), to "
            "carry out work towards phasing out mercury added products.\n- In Africa, activities have been ongoing "
            "with NGO partners from Kenya and Nigeria in supporting the implementation and enforcement of Article 4 "
            "provisions.\n")
    found = edges(text)
    acp = ("project:capacity-building-related-to-multilateral-environmental-agreements-mea-in-african-caribbean-and-"
           "pacific-acp-countries-phase-3")
    assert {("SUPPORTS", acp, "article:4"), ("LOCATED_IN", acp, "country:KEN"), ("LOCATED_IN", acp, "country:NGA")} <= found
    assert ("LOCATED_IN", "project:skin-lightening-cream-campaign", "country:KEN") not in found
    # the governments a programme works with are where it works
    for country in ("TTO", "ATG", "KNA"):
        assert ("LOCATED_IN", "project:acp-meas-iii", f"country:{country}") in found


def test_a_paragraph_after_a_bold_label_continues_it_and_sessions_are_not_its_subject() -> None:
    found = edges(PRODUCTS + "- **Report on the Harmonized Commodity Description and Coding System:** COP-3 Decision "
                  "MC-3/3 directed the Partnership area to draft a guidance document for consideration at COP 4.\n\n"
                  "A draft guidance document (UNEP/MC/COP.4/27) and an information document (UNEP/MC/COP.4/INF/5) on the "
                  "use of more mercury-specific customs codes have been developed as requested at COP3. This guidance "
                  "describes the use of customs codes for monitoring and controlling the import and export of "
                  "mercury-added products pursuant to Article 4 of the Convention.\n")
    assert ("SUPPORTS", "pub:report-on-the-harmonized-commodity-description-and-coding-system", "article:4") in found
    assert not {("SUPPORTS", "event:cop-3", "article:4"), ("SUPPORTS", "event:cop-4", "article:4")} & found


def test_a_lead_in_whose_items_lost_their_indent_still_introduces_them() -> None:
    found = edges("1) Artisanal and small-scale gold mining\n\n- Carbone Guinée (member of the European Environmental "
                  "Bureau / Zero Mercury Working Group (EEB/ZMWG)) conducted the following activities under a project "
                  "part of the Small Grants Programme funded by the GEF:\n\n- Training local craftsmen in the production "
                  "of retorts.\n- Support to the acquisition of retorts.\n- Worked to make the SDGs more understandable "
                  "in connection with the Minamata Convention (Article 7) and the Guinean mining code.\n")
    assert ("SUPPORTS", "project:small-grants-programme", "article:7") in found


def test_a_gef_numbered_item_names_a_project_and_its_countries() -> None:
    text = ("7) Mercury supply and storage\n\n- GEF 10472: Implementing Sustainable Low and Non-chemical Development in "
            "Small Island Developing States (ISLANDS) Child Project. Pending approval, tentative activities include "
            "the assessment of the storage mechanisms for mercury previously used at chlor-alkali plants in Cuba and "
            "determining whether the mechanisms are adequate to prevent environmental contamination in The Bahamas, "
            "Cuba and Dominica.\n- GEF 10153: Development of National Action Plan for Artisanal and Small-scale Gold "
            "Mining in the Co-operative Republic of Guyana (Guyana NAP). Activities included an assessment.\n")
    result = extract_text("r.txt", text)
    names = {n.name: n for n in result.nodes if n.type == "Project"}
    islands = names["Implementing Sustainable Low and Non-chemical Development in Small Island Developing States "
                    "(ISLANDS) Child Project"]
    guyana = names["Development of National Action Plan for Artisanal and Small-scale Gold Mining in the Co-operative "
                   "Republic of Guyana"]
    assert "Child Project" not in names and "GEF 10153" in guyana.aliases and "Guyana NAP" in guyana.aliases
    found = edges(text)
    assert {("LOCATED_IN", islands.id, f"country:{c}") for c in ("CUB", "BHS", "DMA")} <= found
    assert ("LOCATED_IN", guyana.id, "country:GUY") in found


def test_bracketed_alternatives_are_two_projects_each_in_its_own_country() -> None:
    found = edges("- In Mali and Ghana, Pact commenced two new projects with the US Department of State on \"Reducing "
                  "Mercury Use and Strengthening Responsible Supply Chains in [Mali's/Ghana's] Artisanal and Small-scale "
                  "Gold Mining (ASGM) Sector\".")
    mali = "project:reducing-mercury-use-and-strengthening-responsible-supply-chains-in-malis-artisanal-and-small-scale-gold-mining-asgm-sector"
    ghana = mali.replace("malis", "ghanas")
    assert {("LOCATED_IN", mali, "country:MLI"), ("LOCATED_IN", ghana, "country:GHA")} <= found
    assert not {("LOCATED_IN", mali, "country:GHA"), ("LOCATED_IN", ghana, "country:MLI")} & found


def test_projects_named_after_called_pilot_and_a_project_of() -> None:
    found = edges("1) Artisanal and small-scale gold mining\n\n - Pact's Mines to Market programme has continued. In a "
                  "separate project with\n\n- USAID called SCIOA, Pact is strengthening the capacity of indigenous "
                  "peoples' organizations in the Amazon (Brazil, Colombia, Ecuador, Peru, and Suriname).\n"
                  " - Esa'ala ASGM pilot project in Papua New Guinea initiated by a local government authority.\n"
                  " - Participation in a project of assessment of Coexistence of Artisanal Miners with Conventional "
                  "Mining Companies in Brazil, implemented by EGPS – World Bank.\n")
    assert {("LOCATED_IN", "project:scioa", f"country:{c}") for c in ("BRA", "COL", "ECU", "PER", "SUR")} <= found
    assert ("LOCATED_IN", "project:esaala-asgm", "country:PNG") in found
    assert ("LOCATED_IN", "project:coexistence-of-artisanal-miners-with-conventional-mining-companies-in-brazil",
            "country:BRA") in found


# -- meetings: where they were held, and which meeting 'its sixth session' is (inc7 progress note) ---------------
def test_meetings_named_by_its_and_by_their_number_alone_are_located() -> None:
    text = ("15. The third meeting of the expert group, hosted by the Government of South Africa, was held in "
            "Pretoria from 2 to 6 March 2015.\n\n16. The fourth meeting was held in Stockholm from 7 to 11 "
                  "September 2015 with support from the Government of Sweden as well as from the European Union.\n\n"
                  "18. At its sixth session, held from 3 to 7 November 2014 in Bangkok, the intergovernmental "
                  "negotiating committee established an ad hoc working group of experts on financing. The mandate of "
                  "the group was to provide input to the committee at its seventh session.\n")
    found = edges(text)
    assert ("LOCATED_IN", "event:fourth-meeting-of-the-expert-group", "country:SWE") in found
    assert ("LOCATED_IN", "event:inc-6", "country:THA") in found
    events = {n.id for n in extract_text("r.txt", text).nodes if n.type == "Event"}
    assert "event:inc-7" in events and "event:cop-7" not in events  # 'the committee' is the negotiating committee


def test_a_meeting_named_as_a_time_is_not_where_later_meetings_were() -> None:
    found = edges("9. Since the sixth session of the intergovernmental negotiating committee, two meetings of the "
                  "bureau have been held, one through teleconference on 20 April 2015 and one face-to-face in Moscow "
                  "on 1 and 2 July 2015.")
    assert ("LOCATED_IN", "event:inc-6", "country:RUS") not in found


def test_workshops_listed_with_date_and_place() -> None:
    found = edges("22. Caribbean workshop: 19\u201321 January 2015, Port of Spain;\n22. Central and Eastern Europe "
                  "and Central Asia workshop: 18\u201320 February 2015, Minsk.\n\n24. Central and Eastern Europe and "
                  "Central Asia workshop: 7\u201310 April 2015, Bratislava;\n")
    assert ("LOCATED_IN", "event:caribbean-workshop-port-of-spain", "country:TTO") in found
    assert ("LOCATED_IN", "event:caribbean-workshop-port-of-spain", "country:ESP") not in found
    minsk = "event:central-and-eastern-europe-and-central-asia-workshop-minsk"
    bratislava = "event:central-and-eastern-europe-and-central-asia-workshop-bratislava"
    assert {("LOCATED_IN", minsk, "country:BLR"), ("LOCATED_IN", bratislava, "country:SVK")} <= found
    assert ("LOCATED_IN", minsk, "country:SVK") not in found
