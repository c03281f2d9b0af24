"""Organisation, person, project, publication and event rules on real sentences from the corpus,
and resolution of the many ways one thing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from gmpgraph import GraphStore
from gmpgraph.build import build_graph
from gmpgraph.resolve import _UNIT_HEAD, _unit_keys, qualified_key, resolve_entities
from loaders.entities.acronyms import find_definitions
from loaders.entities.naming import organization_kind
from loaders.entities.orgs import find_organizations
from loaders.entities.people import find_people
from loaders.entities.titles import find_titled
from loaders.extract import extract_text
from schema import Organization


def org_names(sentence: str) -> list[str]:
    return list(dict.fromkeys(f.name for f in find_organizations(sentence)))


# -- organisations --------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Leads of individual Partnership areas are: The Natural Resources Defence Council (NRDC), the United Nations "
     "Environment Programme (UNEP) and the United Nations Industrial Development Organization (UNIDO)",
     ["Natural Resources Defense Council", "United Nations Environment Programme",
      "United Nations Industrial Development Organization"]),
    ("The National Research Council (CNR)² - Institute of Atmospheric Pollution Research, Italy, the Biodiversity "
     "Research Institute (BRI) and the Dartmouth College",
     # the country after an institute's comma says where it is (the gold's alias is the name without it)
     ["National Research Council", "Institute of Atmospheric Pollution Research",
      "Biodiversity Research Institute", "Dartmouth College"]),
    ("The Ministry for the Ecological Transition³ of Spain and the Ministry of Housing, Territorial Planning and "
     "Environment⁴ of Uruguay",
     ["Ministry for the Ecological Transition of Spain",
      "Ministry of Housing, Territorial Planning and Environment of Uruguay"]),
    ("the generous voluntary financial support provided by the Governments of Austria, Belgium, Canada and Sweden",
     ["Government of Austria", "Government of Belgium", "Government of Canada", "Government of Sweden"]),
    ("Appelglobal together with two other Danish companies (Elplatek and FLSchmidt) obtained a grant from the "
     "Danish Government", ["Elplatek", "FLSchmidt", "Government of Denmark"]),
    ("STAG is a partnership with RESOLVE and RMI and has Ford, CISCO, and ABB as industrial partners.",
     ["RESOLVE", "Responsible Minerals Initiative", "Ford", "CISCO", "ABB"]),
    ("UNEP worked with GRID-Arendal to develop a publication on mercury", ["United Nations Environment Programme",
                                                                          "GRID-Arendal"]),
    ("Conservation International is executing planetGOLD Guyana, and UNDP is carrying out",
     ["Conservation International", "United Nations Development Programme"]),
])
def test_organisations_in_real_sentences(sentence: str, expected: list[str]) -> None:
    found = org_names(sentence)
    for name in expected:
        assert name in found, (name, found)


def test_governments_of_spain_and_uruguay_are_two() -> None:
    names = org_names("Governments of Spain and Uruguay took over in November 2011 from the Mercury Policy Project.")
    assert names[:2] == ["Government of Spain", "Government of Uruguay"]


def test_a_partnership_area_is_not_an_organisation() -> None:
    assert org_names("Mr. Pirrone presented the Partnership on Fate and Transport and the ASGM Partnership.") == []


def test_document_symbols_are_not_organisations() -> None:
    assert org_names("A draft guidance document (UNEP/MC/COP.4/27) and an information document (UNEP/MC/COP.4/INF/5)") \
        == []


def test_acronym_definitions_follow_schwartz_hearst() -> None:
    text = ("the Global Atmospheric Passive Sampling (GAPS) network and the Scalable Trade in Artisanal Gold (STAG) "
            "project funded by the European Partnership for Responsible Minerals (EPRM)")
    assert [(d.long, d.short) for d in find_definitions(text)] == [
        ("Global Atmospheric Passive Sampling", "GAPS"), ("Scalable Trade in Artisanal Gold", "STAG"),
        ("European Partnership for Responsible Minerals", "EPRM")]


@pytest.mark.parametrize("name, kind", [
    ("Ministry of Climate Change of Pakistan", "government"), ("Global Environment Facility", "intergovernmental"),
    ("Macquarie University", "academia"), ("Coodmilla cooperative", "private_sector"),
    ("Biodiversity Research Institute", "academia"), ("Artisanal Gold Council", "ngo"),
])
def test_kind_comes_with_the_rule_that_decided_it(name: str, kind: str) -> None:
    decided, rule = organization_kind(name)
    assert decided == kind and rule.startswith("name has")


# -- people ----------------------------------------------------------------------------------------
def test_people_with_honorifics_affiliations_and_surnames() -> None:
    text = ("25. Presentations were made by the following participants: Ms. Susan Keane (Natural Resource Defense "
            "Council) and Mr. Ludovic Bernaudat (UNIDO) on Artisanal and Small-scale Gold Mining; Ms. Ana Garcia "
            "(Spain) and Ms. Lesley Sloss (International Energy Agency, Clean Coal Centre) on coal.\n\n"
            "26. Ms. Keane and Mr. Bernaudat presented the ASGM Partnership area. Ms. Ana Garcia Gonzalez spoke.")
    orgs = find_organizations(text)
    people = find_people(text, orgs)
    assert {p.name for p in people} == {"Susan Keane", "Ludovic Bernaudat", "Ana Garcia Gonzalez", "Lesley Sloss"}
    by_name = {}
    for p in people:
        by_name.setdefault(p.name, []).append(p)
    assert by_name["Ana Garcia Gonzalez"][0].props["country"] == "ESP"
    assert by_name["Ludovic Bernaudat"][0].props["affiliation"] == "United Nations Industrial Development Organization"
    assert len(by_name["Susan Keane"]) == 2  # 'Ms. Keane' is the same person


def test_office_holders_and_cited_authors() -> None:
    text = ("under the leadership of the PAG co-chairs, Rodges Ankrah, Environmental Protection Agency of the "
            "United States, and Teeraporn Wiriwutikorn, Ministry of Natural Resources and Environment of Thailand. "
            "See (de Haan, Jorden; Dales, Kirsten; and McQuilken, James. 2020. Mapping Artisanal Mining).")
    people = find_people(text, find_organizations(text))
    assert list(dict.fromkeys(p.name for p in people)) == ["Rodges Ankrah", "Teeraporn Wiriwutikorn", "Jorden de Haan", "Kirsten Dales",
                                        "James McQuilken"]
    # the co-chairs' body (the role before the names) and each one's own organisation
    assert people[0].props["affiliations"].split("\x1f") == ["Partnership Advisory Group",
                                                            "United States Environmental Protection Agency"]


def test_an_acronym_in_brackets_is_not_a_persons_affiliation() -> None:
    text = "In collaboration with Yayasan Tambuhak Sinta (YTS), the team completed capacity building"
    assert find_people(text, find_organizations(text)) == []


# -- projects, publications, events --------------------------------------------------------------
@pytest.mark.parametrize("sentence, node_type, name", [
    ("In Guyana, with funding from the US Department of State (USDoS), the AGC began work on the project: "
     "\u201cRoadmap to Responsible Gold\u201d.", "Project", "Roadmap to Responsible Gold"),
    ("Launching of the \u201cQuick Start Guide for managing mercury trade in artisanal and small-scale gold "
     "mining\u201d;", "Publication", "Quick Start Guide for managing mercury trade in artisanal and small-scale gold mining"),
    ("as noted in the UNEP \u201cActing Now\u201d publication.", "Publication", "Acting Now"),
    ("Continued implementation of the Just Gold project in north-eastern Democratic Republic of the Congo",
     "Project", "Just Gold"),
    ("the Global Mercury Observation System (GMOS) is a project", "Project", "Global Mercury Observation System"),
    ("the PAG held its eleventh meeting (PAG-11) on 15 and 16 December 2020", "Event", "PAG-11"),
    ("ahead of the seventh session of the intergovernmental negotiating committee (INC7)", "Event", "INC-7"),
    ("22. Mesoamerica workshop: 26\u201328 November 2014, Mexico City;", "Event", "Mesoamerica workshop, Mexico City"),
    ("Conservation International is executing planetGOLD Guyana", "Project", "planetGOLD Guyana"),
])
def test_titled_things_in_real_sentences(sentence: str, node_type: str, name: str) -> None:
    found = {(f.node_type, f.name) for f in find_titled(sentence)}
    assert (node_type, name) in found, found


def test_ordinal_phrase_and_code_name_one_meeting() -> None:
    found = find_titled("The sixth meeting of the Partnership Advisory Group (PAG-6) was held in Bangkok.")
    assert {f.name for f in found} == {"PAG-6"}


# -- resolution -----------------------------------------------------------------------------------
def test_country_qualified_bodies_are_one() -> None:
    assert qualified_key("Environmental Protection Agency of the United States") == \
        qualified_key("US Environmental Protection Agency") == ("USA", "environmental protection agency")
    assert qualified_key("Ministry of Climate Change, Pakistan") == qualified_key(
        "Ministry of Climate Change of Pakistan")


def test_one_node_for_us_epa_written_four_ways() -> None:
    result = extract_text("r.txt", "1. The Environmental Protection Agency of the United States leads. "
                                   "2. US EPA, USEPA and the U.S. EPA agree.")
    orgs = [n for n in result.nodes if n.type == "Organization"]
    assert [n.name for n in orgs] == ["United States Environmental Protection Agency"]


def test_spelling_variants_merge_but_different_countries_do_not() -> None:
    store = GraphStore()
    for ident, name in (("org:a", "Natural Resource Defense Council"), ("org:b", "Natural Resources Defence Council"),
                        ("org:c", "Government of Ghana"), ("org:d", "Government of Uganda")):
        store.add_node(Organization(id=ident, name=name))
    assert resolve_entities(store) == 1
    assert sorted(n.name for n in store.nodes("Organization")) == [
        "Government of Ghana", "Government of Uganda", "Natural Resources Defence Council"]


def test_renames_stated_in_the_text_are_kept_as_aliases(corpus: Path) -> None:
    store, _ = build_graph([corpus])
    icsc = next(n for n in store.nodes("Organization") if n.name == "International Centre for Sustainable Carbon")
    assert {"ICSC", "IEACCC"} <= set(icsc.aliases)
    assert icsc.former_names == ["IEACCC"]


def test_the_corpus_resolves_acronyms_and_long_forms_across_documents(corpus: Path) -> None:
    store, _ = build_graph([corpus])
    nrdc = [n for n in store.nodes("Organization") if "NRDC" in n.aliases or n.name == "NRDC"]
    assert len(nrdc) == 1
    documents = {p.document for p in nrdc[0].provenance}
    assert {"pag12-activities-report-2022.txt", "overall-progress-2010-2012.txt",
            "pag6-meeting-report-2014.txt"} <= documents


def test_a_units_parent_is_found_as_the_scan_over_every_body_found_it() -> None:
    # resolution looks the parent body up by the name's own beginnings; it must cut what the scan of every
    # parent, longest first, cut (the scan grew with the square of the bodies on 1,000 documents)
    from loaders.entities.found import name_key
    from schema.reference import organizations

    def by_scan(name: str, parents: list[str]) -> str | None:
        key = name_key(name)
        for parent in sorted(parents, key=len, reverse=True):
            if key.startswith(parent + " ") and _UNIT_HEAD.match(key[len(parent) + 1:]):
                return key[len(parent) + 1:]
        return None

    bodies = [o.name for o in organizations()] + ["National Research Council", "National Research Council of Italy",
                                                  "International Energy Agency", "Ministry of Health"]
    names = [f"{body} {unit}" for body in bodies[:60] + bodies[-4:]
             for unit in ("Institute for Atmospheric Pollution Research", "Division of Chemicals and Health",
                          "Clean Coal Centre", "Programme Office Nairobi")]
    parents = [name_key(b) for b in bodies if len(b.split()) >= 2]
    for name in names:
        cut = by_scan(name, parents)
        keys = _unit_keys(name, set(parents))
        if cut is not None and len(cut.split()) >= 3:
            assert cut.replace(" for ", " of ") in keys, name
        assert keys == _unit_keys(name, parents)
        assert keys - _unit_keys(name, []) <= {(cut or "").replace(" for ", " of ")}, name
