"""One node per body, work and meeting across the reports (issue 29): each resolution rule on the reports' own
names and sentences, the things it must leave apart, and the duplicate check that measures what is left."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gmpgraph.build import build_graph, merge_extraction
from gmpgraph.duplicates import groups_of, likely_duplicates, redundant_nodes
from gmpgraph.resolve import resolve_entities
from gmpgraph.store import GraphStore
from schema import Event, Organization, Project, Provenance, Publication
from tests.test_constructions import rules_only

PAG12 = "pag12-activities-report-2022.txt"
PAG6 = "pag6-meeting-report-2014.txt"
PROGRESS = "overall-progress-2010-2012.txt"
SLIDES = "waste-area-meeting-slides.txt"


@pytest.fixture(scope="module")
def corpus_store(corpus: Path) -> GraphStore:
    store, _ = build_graph([corpus])
    return store


def resolved(*texts: tuple[str, str]) -> GraphStore:
    """The rules' reading of each (document, verbatim passage), merged and resolved as a build does."""
    store = GraphStore()
    for name, text in texts:
        merge_extraction(store, rules_only(name, text))
    resolve_entities(store)
    return store


def resolved_nodes(*nodes: object) -> GraphStore:
    """A store holding ``nodes``, resolved as a build resolves."""
    store = GraphStore()
    for node in nodes:
        store.add_node(node)
    resolve_entities(store)
    return store


def one_node(store: GraphStore, *names: str) -> object:
    """The one node that carries every name in ``names`` (as its name or an alias); fails if they are apart."""
    holders = {n.id: n for n in store.nodes() for name in names if name in (n.name, *n.aliases)}
    assert len(holders) == 1, sorted(holders)
    node = next(iter(holders.values()))
    assert set(names) <= {node.name, *node.aliases}, (node.name, node.aliases)
    return node


def place(document: str, quote: str, start: int = 0) -> Provenance:
    return Provenance(document=document, locator="para 1", quote=quote, start=start, end=start + len(quote))


# -- a unit named with and without its parent -----------------------------------------------------------------
def test_a_body_written_before_its_unit_is_the_unit() -> None:
    store = resolved(
        (PAG12, "- **Mercury air transport and fate research:** The National Research Council (CNR)² - Institute of "
                "Atmospheric Pollution Research, Italy, the Biodiversity Research Institute (BRI) and the Dartmouth "
                "College\n"),
        (PAG6, "25. Presentations were made by Mr. Nicola Pirrone (National Research Council of Italy – Institute of "
               "Atmospheric Pollution Research) on Fate and Transport.\n"))
    node = one_node(store, "National Research Council of Italy – Institute of Atmospheric Pollution Research",
                    "National Research Council", "CNR")
    assert node.name == "National Research Council of Italy – Institute of Atmospheric Pollution Research"
    assert {"Biodiversity Research Institute", "Dartmouth College"} <= {n.name for n in store.nodes("Organization")}


def test_a_parent_named_alone_elsewhere_stays_the_parent() -> None:
    store = resolved_nodes(
        Organization(id="org:unep", name="United Nations Environment Programme", provenance=[
            place(PAG12, "United Nations Environment Programme - Chemicals and Waste Branch"),
            place(PAG12, "the United Nations Environment Programme leads the area", 100)]),
        Organization(id="org:branch", name="Chemicals and Waste Branch", provenance=[
            place(PAG12, "United Nations Environment Programme - Chemicals and Waste Branch")]))
    assert len(list(store.nodes("Organization"))) == 2


# -- a rename across documents; an acronym spelled out in another document -------------------------------------
def test_formerly_ieaccc_is_the_iea_clean_coal_centre_of_the_older_reports() -> None:
    store = resolved(
        (PAG12, "The International Centre for Sustainable Carbon (ICSC, formerly IEACCC; Co-lead of the Partnership "
                "area) won a US State Department NOFO project to evaluate and reduce mercury emissions from the coal "
                "combustion sector in India and Indonesia.\n"),
        (PAG6, "25. Presentations were made by Ms. Lesley Sloss (International Energy Agency, Clean Coal Centre ) on "
               "Coal Combustion.\n"))
    node = one_node(store, "International Centre for Sustainable Carbon", "IEACCC",
                    "International Energy Agency, Clean Coal Centre")
    assert node.name == "International Centre for Sustainable Carbon"  # the name now, the old one an alias
    assert node.former_names == ["IEACCC"]


def test_the_corpus_has_one_coal_co_lead_and_says_it_was_renamed(corpus_store: GraphStore) -> None:
    from gmpgraph.changes import changes
    from gmpgraph.queries import leads

    icsc = one_node(corpus_store, "International Centre for Sustainable Carbon", "IEA Clean Coal Centre")
    in_office = [lead.organization.id for lead in leads(corpus_store, "coal").leads if lead.status == "in office"]
    assert in_office.count(icsc.id) == 1 and len(in_office) == 2  # ICSC and Macquarie University
    coal = [c for c in changes(corpus_store, dt.date(2012, 6, 30), dt.date(2022, 2, 28), "coal").changes
            if c.kind == "lead"]
    renamed = [c for c in coal if c.change == "renamed"]
    assert len(renamed) == 1 and renamed[0].renamed_from.name == "IEA Clean Coal Centre"
    assert "formerly IEACCC" in renamed[0].now[0].quote


def test_moej_of_the_slides_is_the_ministry_of_the_environment_of_japan(corpus_store: GraphStore) -> None:
    node = one_node(corpus_store, "Ministry of the Environment of Japan", "MOEJ")
    assert {PAG12, SLIDES} <= {p.document for p in node.provenance}


def test_an_acronym_that_spells_two_bodies_joins_neither() -> None:
    store = resolved_nodes(*(Organization(id=ident, name=name, provenance=[place(doc, name)]) for ident, name, doc in (
        ("org:abc", "ABC", "a.txt"), ("org:x", "Agency for Biodiversity Conservation", "b.txt"),
        ("org:y", "Alliance of Brazilian Cooperatives", "c.txt"))))
    assert len(list(store.nodes("Organization"))) == 3


# -- word order, singular and plural -------------------------------------------------------------------------
def test_the_partnership_secretariat_is_the_secretariat_of_the_partnership(corpus_store: GraphStore) -> None:
    one_node(corpus_store, "Secretariat of the Partnership", "Partnership Secretariat")


def test_a_facility_for_x_is_not_the_x_facility() -> None:
    # a body's name is turned round only from 'Head of X': the French Facility for Global Environment (FFEM)
    store = resolved_nodes(*(Organization(id=ident, name=name, provenance=[place("e-05.txt", name)])
                             for ident, name in (("org:ffem", "Facility for Global Environment"),
                                                 ("org:gef", "Global Environment Facility"))))
    assert len(list(store.nodes("Organization"))) == 2


def test_good_practice_and_resource_person_titles_in_singular_and_plural(corpus_store: GraphStore) -> None:
    store = resolved(
        (PROGRESS, "iii) Preparation of Good Practices for Management of Mercury Releases from Waste (Good Practices "
                   "Document).\n\nResources available will be utilized in particular for a) the Resource Person List "
                   "to obtain specific advice for mercury waste management b) the draft Good Practice Document to "
                   "provide information about feasible solutions to deal with collected waste.\n"))
    one_node(store, "Good Practices Document", "Good Practice Document")
    node = one_node(corpus_store, "Resource Person List", "Resource Persons List")
    assert {PROGRESS, SLIDES} <= {p.document for p in node.provenance}


def test_the_global_mercury_observation_system_is_not_gos4m() -> None:
    store = resolved_nodes(
        Project(id="project:gmos", name="Global Mercury Observation System",
                provenance=[place(PAG12, "Global Mercury Observation System")]),
        Project(id="project:gos4m", name="Global Observation System for Mercury",
                provenance=[place(PAG12, "Global Observation System for Mercury", 50)]))
    assert len(list(store.nodes("Project"))) == 2


# -- a title with and without its label ------------------------------------------------------------------------
def test_a_label_before_a_quoted_title_and_a_guidance_document_on_an_italic_title() -> None:
    store = resolved(
        (PAG12, "To facilitate the dialogue between the Partnership area and on-going programmes such as GEO "
                "Flagship on “Global Observation System for Mercury - GOS4M” (activities led by CNR):\n\n"
                "- With funding from PlanetGOLD, Pact has collaborated with NRDC and the International Cyanide "
                "Management Institute, and others - to produce a Guidance document on *Best Management Practices for "
                "Cyanide Use in the Small-Scale Gold Mining Sector*.\n"))
    gos4m = one_node(store, "Global Observation System for Mercury", "GEO Flagship")
    assert gos4m.name == "Global Observation System for Mercury"
    cyanide = one_node(store, "Best Management Practices for Cyanide Use in the Small-Scale Gold Mining Sector",
                       "Guidance document on *Best Management Practices for Cyanide Use in the Small-Scale Gold "
                       "Mining Sector*")
    assert cyanide.name == "Best Management Practices for Cyanide Use in the Small-Scale Gold Mining Sector"


def test_the_monitoring_guidance_under_its_title_and_as_a_compound() -> None:
    store = resolved(
        (PAG12, "The Partnership area on mercury air transport and fate research together with the Biodiversity "
                "Research Institute (BRI) organized a side event on the Guidance on monitoring of mercury and mercury "
                "compounds to support the effectiveness evaluation of the Convention.\n\nTo support the preparation "
                "of the Mercury Monitoring Guidance Document for COP4 (activities led by BRI):\n"))
    node = one_node(store, "Guidance on monitoring of mercury and mercury compounds to support the effectiveness "
                           "evaluation of the Convention", "Mercury Monitoring Guidance Document for COP4")
    assert node.type == "Publication"


# -- one of a numbered series -----------------------------------------------------------------------------------
def test_acp_meas_iii_is_the_phase_3_project() -> None:
    store = resolved(
        (PAG12, "- **Capacity building related to Multilateral Environmental Agreements (MEA) in African, Caribbean "
                "and Pacific (ACP) Countries - Phase 3 (ACP-MEA's) project:** Under this new project which began at "
                "the end of 2020, the EEB/ZMWG is focusing its work on the formulation of specific strategies.\n- The "
                "EEB/ZMWG under the ACP MEAs III programme has established memorandum of understanding with the "
                "governments of Trinidad and Tobago (TTO), Antigua and Barbuda (ATG) and St. Kitts and Nevis (SKN), "
                "to carry out work towards phasing out mercury added products.\n"))
    node = one_node(store, "ACP MEAs III", "ACP-MEA's")
    located = {e.target for e in store.edges("LOCATED_IN", source=node.id)}
    assert {"country:TTO", "country:ATG", "country:KNA"} <= located


def test_the_icmgp_online_event_in_july_is_icmgp_15(corpus_store: GraphStore) -> None:
    """"the ICMGP online event in July" is ICMGP-15 where anything reads it as an event: never a node of its own.
    (Only the learned NER proposes the bare "ICMGP"; whether the entity decision keeps it moved with the fold
    NERs retrained on another machine, so its being an alias is not asserted.)"""
    node = one_node(corpus_store, "15th International Conference on Mercury as a Global Pollutant", "ICMGP-15")
    assert {p.document for p in node.provenance} == {PAG12}
    bare = [n for n in corpus_store.nodes("Event") if n.name == "ICMGP" or "ICMGP" in n.aliases]
    assert bare in ([], [node]), [(n.name, n.aliases) for n in bare]
    # the conference named in the 2015 report (held in Jeju) and the 10th and 11th stay apart
    others = [n for n in corpus_store.nodes("Event") if "Global Pollutant" in n.name and n.id != node.id]
    assert len(others) == 3


def test_a_series_named_without_number_elsewhere_or_in_another_month_stays_apart() -> None:
    store = resolved_nodes(
        Event(id="event:icmgp-15", name="ICMGP-15", provenance=[
            place(PAG12, "ICMGP-15 to be held online in July 2022.")]),
        Event(id="event:icmgp", name="ICMGP", provenance=[
            place(PAG12, "co-organized with the ICMGP a Webinar in November 2021", 100)]),
        Event(id="event:icmgp-10", name="10th ICMGP", provenance=[place(PROGRESS, "the 10th ICMGP")]),
        Event(id="event:icmgp-11", name="11th ICMGP", provenance=[place(PROGRESS, "the 11th ICMGP", 50)]))
    assert len(list(store.nodes("Event"))) == 4


# -- one thing read as two types -------------------------------------------------------------------------------
def test_ipog_defined_by_its_long_form_is_one_publication() -> None:
    store = resolved(
        (PAG12, "The meeting also offered a deep dive into the Interactive Process Optimization Guidance "
                "(iPOG)²⁰.\n"),
        (PROGRESS, "Furthermore, an interactive calculation tool (iPOG) based on the POG has been developed, that "
                   "allows users to provide coal and plant specific data to study mercury behavior on a "
                   "plant-by-plant basis. The iPOG is available as a free download via the Coal Partnership and IEA "
                   "CCC webpages.\n"))
    node = one_node(store, "Interactive Process Optimization Guidance", "iPOG")
    assert node.type == "Publication" and {PAG12, PROGRESS} <= {p.document for p in node.provenance}
    assert not list(store.nodes("Project"))


def test_a_network_a_text_calls_a_body_stays_a_body() -> None:
    # e-14 (BRI and IPEN): "conducted by the International Pollutants Elimination Network (IPEN)", "IPEN and BRI"
    quote = "The study was conducted by the International Pollutants Elimination Network (IPEN) and BRI."
    store = resolved_nodes(
        Project(id="project:international-pollutants-elimination-network",
                name="International Pollutants Elimination Network", aliases=["IPEN"],
                provenance=[place("e-14.txt", quote)]),
        Organization(id="org:ipen", name="IPEN", provenance=[place("e-14.txt", "IPEN and BRI", 200)]))
    assert [n.type for n in store.nodes() if n.name in ("IPEN", "International Pollutants Elimination Network")] \
        == ["Organization"]


def test_a_bodys_meetings_are_the_body() -> None:
    store = resolved(
        (PAG12, "In the framework of the third Round of applications to the Specific International Programme of the "
                "Minamata Convention, the Secretariat of the Partnership also contributed to the review process of "
                "project proposals submitted by Parties through the provision of technical input and the "
                "participation in Cross-Secretariat Task Team meetings, together with the secretariats of the "
                "Minamata Convention, Global Environment Facility (GEF) and the Special Programme.\n"))
    node = one_node(store, "Cross-Secretariat Task Team", "Cross-Secretariat Task Team meetings")
    assert node.type == "Organization" and not list(store.nodes("Event"))


# -- the duplicate check ----------------------------------------------------------------------------------------
def test_the_check_lists_each_sign_of_a_likely_pair() -> None:
    store = GraphStore()
    nodes = [
        Organization(id="org:moej", name="MOEJ", provenance=[place(SLIDES, "The MOEJ dispatched three experts")]),
        Organization(id="org:moe-japan", name="Ministry of the Environment of Japan",
                     provenance=[place(PAG12, "The Ministry of the Environment of Japan")]),
        Organization(id="org:secretariat-of-the-partnership", name="Secretariat of the Partnership",
                     provenance=[place(PAG12, "through the Secretariat of the Partnership in January")]),
        Organization(id="org:partnership-secretariat", name="Partnership Secretariat",
                     provenance=[place(PAG12, "an update by the Partnership Secretariat", 300)]),
        Publication(id="pub:resource-person-list", name="Resource Person List",
                    provenance=[place(PROGRESS, "Preparation of a Resource Person List")]),
        Publication(id="pub:resource-persons-list", name="Resource Persons List",
                    provenance=[place(SLIDES, "Resource Persons List (RPL)")]),
        Event(id="event:cross-secretariat-task-team-meetings", name="Cross-Secretariat Task Team meetings",
              provenance=[place(PAG12, "participation in Cross-Secretariat Task Team meetings", 500)]),
        Organization(id="org:cross-secretariat-task-team", name="Cross-Secretariat Task Team",
                     provenance=[place(PAG12, "participation in Cross-Secretariat Task Team meetings", 500)]),
        Project(id="project:geo-flagship", name="GEO Flagship", provenance=[place(
            PAG12, "programmes such as GEO Flagship on “Global Observation System for Mercury - GOS4M”", 700)]),
        Project(id="project:gos4m", name="Global Observation System for Mercury", provenance=[place(
            PAG12, "programmes such as GEO Flagship on “Global Observation System for Mercury - GOS4M”", 700)]),
        Project(id="project:acp-meas-iii", name="ACP MEAs III", provenance=[place(PAG12, "the ACP MEAs III", 900)]),
        Project(id="project:acp-phase-3", name="Capacity building in ACP Countries - Phase 3", aliases=["ACP-MEA's"],
                provenance=[place(PAG12, "Capacity building in ACP Countries - Phase 3 (ACP-MEA's)", 950)]),
        Project(id="project:gmos", name="Global Mercury Observation System",
                provenance=[place(PAG12, "Global Mercury Observation System", 1000)]),
        Event(id="event:pag-11", name="PAG-11", provenance=[place(PAG12, "PAG-11", 1100)]),
        Event(id="event:pag-12", name="PAG-12", provenance=[place(PAG12, "PAG-12", 1200)]),
    ]
    for node in nodes:
        store.add_node(node)
    signs = {(p.a, p.b): p.sign for p in likely_duplicates(store)}
    assert signs == {
        ("org:moe-japan", "org:moej"): "acronym",
        ("org:partnership-secretariat", "org:secretariat-of-the-partnership"): "inverted",
        ("pub:resource-person-list", "pub:resource-persons-list"): "loose name",
        ("event:cross-secretariat-task-team-meetings", "org:cross-secretariat-task-team"): "wrapped",
        ("project:geo-flagship", "project:gos4m"): "adjacent",
        ("project:acp-meas-iii", "project:acp-phase-3"): "numbered",
    }  # GMOS is not GOS4M; PAG-11 is not PAG-12
    assert redundant_nodes(store) == 6 and len(groups_of(likely_duplicates(store))) == 6
    resolve_entities(store)
    assert redundant_nodes(store) == 0


def test_the_corpus_graph_has_no_more_than_three_redundant_nodes(corpus_store: GraphStore) -> None:
    # issue 29's audit counted 13 groups (13 redundant nodes) on the graph before these rules; the check lists
    # the same 13 on that graph
    pairs = likely_duplicates(corpus_store)
    assert redundant_nodes(corpus_store) <= 3, [(p.a, p.b, p.sign, p.why) for p in pairs]


def test_review_duplicates_lists_the_pairs_from_the_terminal(corpus_graph: Path) -> None:
    import json
    import subprocess

    from tests.conftest import gmpgraph_command

    proc = subprocess.run([*gmpgraph_command(), "review", "duplicates", "--graph", str(corpus_graph), "--json"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    answer = json.loads(proc.stdout)
    assert answer["redundant_nodes"] <= 3
    assert all(set(pair) == {"a", "b", "sign", "why"} for pair in answer["pairs"])


def test_two_countries_agencies_never_join_through_a_bare_name() -> None:
    # e-09 and a-11: 'The Environmental Protection Agency of Sierra Leone (EPA-SL)'; another text's bare
    # 'Environmental Protection Agency', which the reference's US agency goes by: the bare name may join the US
    # agency, never carry Sierra Leone's in with it
    store = resolved_nodes(
        Organization(id="org:united-states-environmental-protection-agency",
                     name="United States Environmental Protection Agency", aliases=["EPA"],
                     provenance=[place("b-06.txt", "the US Environmental Protection Agency")]),
        Organization(id="org:environmental-protection-agency", name="Environmental Protection Agency",
                     provenance=[place("f-01.txt", "the Environmental Protection Agency")]),
        Organization(id="org:environmental-protection-agency-of-sierra-leone",
                     name="Environmental Protection Agency of Sierra Leone", aliases=["EPA-SL"],
                     provenance=[place("e-09.txt", "The Environmental Protection Agency of Sierra Leone (EPA-SL)")]))
    assert {"United States Environmental Protection Agency", "Environmental Protection Agency of Sierra Leone"} <= {
        n.name for n in store.nodes("Organization")}
