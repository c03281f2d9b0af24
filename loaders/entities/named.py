"""The entity components of the pipeline: acronyms, organisations, people and titled things.

Organisations are read twice: first by the rules that need nothing but the text, so that people can be told
by the organisations around them ('Zaigham Abbas (Ministry of Climate Change, Pakistan)'); then, with the
people known, by the rules that need them ('Ministry of the Environment of Japan and Misuzu Asari' is two
names; 'funded by X' where X is not a person).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from loaders.annotated import Annotated
from loaders.spans import Spans
from loaders.entities.acronyms import find_definitions
from loaders.entities.doc_title import document_title, titled_headings
from loaders.entities.listed_documents import listed_documents
from loaders.entities.found import Found, clean_name, name_key
from loaders.entities.naming import entity_type, organization_kind
from loaders.entities.orgs import find_organizations
from loaders.entities.reference import convention_instruments
from loaders.entities.runs import HONORIFICS
from loaders.entities.same_thing import said_to_be_one
from loaders.entities.people import (AGENDA_TITLE, NAME_PAIR, STATISTICAL, first_name_mentions, is_job_title,
                                     opens_with_honorific, people_and_bodies, person_tail, plausible_name,
                                     TITLE_WORDS)
from loaders.fields import find_fields, value_items
from loaders.gazetteers.countries import find_countries, only_countries
from loaders.locate import sentence_span
from loaders.entities.titles import CARRIED_OUT_WORK, described_event, find_titled, without_owner_and_year
from loaders.learned.entities import NER_RULE


def acronym_definitions(ann: Annotated) -> None:
    """Pipeline component: every 'Long Form (ACR)' of the text (``ann.definitions``)."""
    ann.definitions = find_definitions(ann.text)


def organizations(ann: Annotated) -> None:
    """Pipeline component: the organisations the text names, found without knowing its people."""
    ann.found += _as_this_document_reads(ann, find_organizations(ann.text, ann.doc, set(), ann.definitions,
                                                                 context=False))


def _as_this_document_reads(ann: Annotated, orgs: list[Found]) -> list[Found]:
    """The organisations found, less those this document gives another sense (both passes read them so)."""
    return _named_for_their_class(ann.text, _not_across_areas(ann, _not_redefined(ann, orgs)))


# words that name a class of bodies, not one: 'Non-Governmental Organisation', 'UN Implementing Agency', 'Focal Office'
_CLASS_WORDS = frozenset({
    "Non-Governmental", "Non-governmental", "Nongovernmental", "Governmental", "Intergovernmental", "Civil", "Society",
    "Organisation", "Organisations", "Organization", "Organizations", "Implementing", "Executing", "Agency",
    "Agencies", "UN", "GEF", "Designated", "Institution", "Institutions", "Focal", "Office", "Point", "Private",
    "Sector", "Community-based", "Community-Based", "Partner", "Partners", "Lead", "Local", "Programs",
    "Programmes", "Stakeholders", "Academia", "Entity", "Entities"})


def _named_for_their_class(text: str, orgs: list[Found]) -> list[Found]:
    """Without the names made only of words of a class of bodies; the body a class names in brackets is one
    ('one Non-Governmental Organisation (Conservation International)')."""
    kept = []
    for o in orgs:
        if not set(o.name.split()) <= _CLASS_WORDS or "reference" in o.rule:
            kept.append(o)
            continue
        named = re.match(r"\s*\(\s*((?:the\s+)?[A-Z][\w&'\-]*(?:\s+[\w&'\-]+){1,8})\s*\)", text[o.end:o.end + 90])
        if named:
            name = clean_name(named.group(1))
            at = o.end + named.start(1) + named.group(1).find(name.split()[0])
            kept.append(Found("Organization", name, at, at + len(name), (name,), organization_kind(name)[0],
                              "a body its class names in brackets"))
    return kept


def _not_across_areas(ann: Annotated, orgs: list[Found]) -> list[Found]:
    """Without the names found by their head word that begin inside an area's name and run past it: 'The
    Partnership Area on Mercury Releases from Coal Combustion of the UNEP Global Mercury Partnership' names the
    area and the Partnership, not a body 'Coal Combustion of the UNEP ...'; 'the Coal Partnership (CP)' is the
    area."""
    areas = Spans((m.start, m.end) for m in ann.located if m.node.type == "Area")
    return [o for o in orgs if "reference" in o.rule or "acronym" in o.rule
            or not any(a < o.start < b < o.end or (a <= o.start and o.end <= b)
                       for a, b in areas.overlapping(o.start, o.end))]


def _not_redefined(ann: Annotated, orgs: list[Found]) -> list[Found]:
    """Without the well-known bodies whose acronym the document spells out as a titled thing of its own: in a
    page on 'The Global Mercury Project (GMP)', 'the GMP' is that project, not the Global Mercury Partnership."""
    redefined = {d.short for d in ann.definitions if entity_type(clean_name(d.long)) in ("Project", "Event", "Publication")}
    if not redefined:
        return orgs
    return [o for o in orgs if not ("reference" in o.rule and ann.text[o.start:o.end] in redefined)]


def people(ann: Annotated) -> None:
    """Pipeline component: the people the text names, whom they speak for, and the bodies named only as a
    listed person's affiliation ('Lafarge' in '(Alan Kreisberg, Lafarge, France)')."""
    orgs = ann.found_of("Organization")
    blocks = [(b.start, b.end, b.kind) for b in ann.doc.walk() if b.kind not in ("table", "row")]
    found = people_and_bodies(ann.text, orgs, blocks, _statistical_people(ann, orgs))
    ann.found += found
    _drop_parts_of_bodies(ann)


def person_tails(ann: Annotated) -> None:
    """Pipeline component, after the entity decision: whom the people it added speak for ('Kanokwan Prasertsuk is
    a dental public health specialist with the Department of Health'), and a person named again by the first name
    alone as a biography's sentence's subject, with the body that sentence gives
    (:func:`loaders.entities.people.first_name_mentions`); a person the NER or a bracket gave whose words the text
    also writes in lower case ('Power Plants (POG)') is dropped."""
    lower = {w.strip(".,;:()'\"\u2019") for w in ann.text.split() if w.islower()}  # words it writes in lower case
    # a name the text spells an acronym for, or calls a project or publication, is nobody's ('Mazingira Safi
    # Tanzania (MST) is a non-governmental organisation', 'Through our Zebaki Sifuri project')
    things = {name_key(d.long) for d in ann.definitions} | {
        name_key(f.name) for f in ann.found if f.node_type in ("Project", "Publication")}
    ann.found = [f for f in ann.found if not (f.node_type == "Person" and (
        name_key(f.name) in things or f.rule in (NER_RULE, "name (affiliation)") and _common_words(f.name, lower)))]
    ann.found = [_name_alone(f) if f.node_type == "Person" else f for f in ann.found]
    ann.found = _surnames_of_people_named(ann.found)
    people, orgs = ann.found_of("Person"), ann.found_of("Organization")
    for f in people:
        if f.rule == NER_RULE and "affiliation" not in f.props:
            props, bodies = person_tail(ann.text, f.end, orgs)
            f.props.update(props)
            ann.found += bodies
    mentions = first_name_mentions(ann.text, people, orgs)
    given = {(f.start, f.end) for f in mentions if f.node_type == "Person"}
    ann.found = [f for f in ann.found if not (f.node_type == "Person" and (f.start, f.end) in given)]
    ann.found += mentions  # 'Ana Lucía' of 'Ana Lucía is ...' is Ana Lucía Quispe Huamán, no one else


def _surnames_of_people_named(found: list[Found]) -> list[Found]:
    """'Dr. Ferreira' after 'Lucía Ferreira Sosa': the one person whose name holds that word, not another person.

    >>> people = [Found("Person", "Lucía Ferreira Sosa", 0, 19), Found("Person", "Dr. Ferreira", 40, 52)]
    >>> [f.name for f in _surnames_of_people_named(people)]
    ['Lucía Ferreira Sosa', 'Lucía Ferreira Sosa']
    """
    full = [f.name for f in found if f.node_type == "Person" and len(f.name.split()) >= 2
            and f.name.split()[0].rstrip(".") not in HONORIFICS]
    out = []
    for f in found:
        words = f.name.split()
        if f.node_type == "Person" and len(words) == 2 and words[0].rstrip(".") in HONORIFICS:
            holders = {n for n in full if words[1] in n.split()[1:]}
            if len(holders) == 1:
                name = holders.pop()
                f = Found("Person", name, f.start, f.end, (f.name,), f.kind, f.rule, f.props)
        out.append(f)
    return out


def _name_alone(person: Found) -> Found:
    """A person's name without a French honorific before it or a role after a dash ('M. Ousmane Diallo', 'Camila
    Ortúzar — Communications').

    >>> _name_alone(Found("Person", "Camila Ortúzar — Communications", 0, 31)).name
    'Camila Ortúzar'
    """
    name, start, end = person.name, person.start, person.end
    for dash in (" — ", " – ", " - "):
        if dash in name:
            end -= len(name) - name.index(dash)
            name = name[:name.index(dash)]
    for honorific in ("M. ", "Mme ", "Mme. ", "Mlle "):
        if name.startswith(honorific) and len(name.split()) >= 3:
            name, start = name[len(honorific):], start + len(honorific)
    if name == person.name:
        return person
    return Found("Person", name, start, end, tuple(a for a in person.aliases if a != person.name) or (name,),
                 person.kind, person.rule, person.props)


def _common_words(name: str, lower: set[str]) -> bool:
    """Whether every word of a name the NER calls a person is a word the text also writes in lower case, or a
    title ('Power Plants', 'Research Fellow', 'Endorsement Date'): no one's name.

    >>> _common_words("Power Plants", {"power", "plants"}), _common_words("Anna Berg", {"power"})
    (True, False)
    """
    words = [w.strip(".,;:'\u2019").lower() for w in name.split()]
    return bool(words) and all(w in lower or w in TITLE_WORDS for w in words)


_PERSON_CUE = re.compile(
    r"\b(?:[Ss]aid|[Ss]ays|[Tt]old|[Nn]oted|[Ee]xplained|[Ww]elcomed|[Pp]resented|[Oo]pened|[Cc]haired|[Mm]oderated|"
    r"[Tt]hanked|[Ii]ntroduced|[Hh]ighlighted|[Ee]mphasi[sz]ed|[Ss]tressed|[Aa]dded|[Aa]nnounced|[Jj]oined|[Ss]poke|"
    r"[Dd]elivered|[Aa]ddressed|he|she|his|her|him|Mr|Ms|Mrs|Dr|Prof|[Pp]rofessor|[Dd]irector|[Hh]ead|[Cc]hair\w*|"
    r"[Cc]o-chair\w*|[Mm]inister|[Ss]ecretary|[Cc]oordinator|[Oo]fficer|[Mm]anager|[Ee]xpert|[Cc]onsultant|"
    r"[Ss]pecialist|[Ss]cientist|[Rr]esearcher|[Rr]epresentative|[Pp]resident|[Ff]ounder|CEO|[Ll]ead|[Cc]o-lead|"
    r"[Aa]uthor\w*|[Ss]peaker\w*|[Pp]anel\w*|[Cc]ontact)\b")


def _statistical_people(ann: Annotated, orgs: list) -> list[tuple[int, int]]:
    """PERSON spans of the statistical model, in the sentences that hold a name-shaped phrase that no
    organisation covers and a word of people (a verb of speech, a pronoun, a title or a role) - only those
    sentences go through the model."""
    covered = sorted((o.start, o.end) for o in orgs)
    starts = [a for a, _ in covered]
    reach = list(accumulate((b for _, b in covered), max))  # the furthest end of the spans up to each one
    spans: list[tuple[int, int]] = []
    for m in NAME_PAIR.finditer(ann.text):
        i = bisect_right(starts, m.start()) - 1
        if (i >= 0 and reach[i] > m.start()) or not plausible_name(m.group(0)):
            continue
        block = ann.index.block_at(m.start())
        if block is None:
            continue
        span = sentence_span(ann.text, block, m.start(), m.end())
        if (not spans or spans[-1] != span) and _PERSON_CUE.search(ann.text, span[0], span[1]):
            spans.append(span)
    return [(a, b) for ents in ann.syntax.entities(spans) for a, b, label in ents if label == "PERSON"]


def _drop_parts_of_bodies(ann: Annotated) -> None:
    """An organisation found inside a longer body named as a listed person's affiliation is a part of its name
    ('Ministerio de Agricultura' of 'Ministerio de Agricultura, Alimentación y Medio Ambiente')."""
    bodies = [f for f in ann.found if f.rule.startswith("affiliation of a listed person")]
    if not bodies:
        return
    ann.found = [f for f in ann.found if not (
        f.node_type == "Organization" and not f.rule.startswith("affiliation of a listed person")
        and "reference" not in f.rule and "acronym" not in f.rule
        and any(b.start <= f.start and f.end <= b.end and f.end - f.start < b.end - b.start for b in bodies))]


def organizations_in_context(ann: Annotated) -> None:
    """Pipeline component: the organisations again, now that the people are known, with those found only by
    how they act ('funded by X', 'X is executing')."""
    persons = {p.name for p in ann.found_of("Person") if p.rule != STATISTICAL}
    others = [f for f in ann.found if f.node_type != "Organization" or f.rule.startswith("affiliation of a")]
    orgs = _as_this_document_reads(ann, find_organizations(ann.text, ann.doc, persons, ann.definitions))
    others = [f for f in others if not (f.rule == STATISTICAL and any(  # the rules know better than the model
        o.start <= f.start < o.end or f.start <= o.start < f.end for o in orgs))]
    ann.found = [*orgs, *others]
    _drop_parts_of_bodies(ann)


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_AND_THE = re.compile(r"\s(?:and|,)\s+(?:the\s+)?$")


_AGENT_PREFIX = re.compile(r"[\w.&]+-(?:funded|financed|led|supported|sponsored|based|driven)\s+")


def _without_agent_prefix(text: str, title: Found) -> Found | None:
    """'the Japan-funded Project for promoting ...': who funds it is no word of its name; a name that is only
    its head word after it ('Japan-funded Project') is none."""
    m = _AGENT_PREFIX.match(title.name)
    if m is None:
        return title
    rest = title.name[m.end():]
    if len(rest.split()) < 2:
        return None
    start = title.start + text[title.start:title.end].find(rest.split()[0])
    return Found(title.node_type, rest, start, title.end, tuple(a for a in title.aliases if a != title.name) or (rest,),
                 title.kind, title.rule, title.props)


_PROJECT_HEADINGS = frozenset({"project overview", "project description", "project summary", "about the project"})


def _project_page(opening: str) -> bool:
    """Whether a page's opening says it is a project's: a 'Project overview' heading, or 'This project, implemented
    by ...' opening a sentence.

    >>> _project_page("Gold in Peru\\n\\nProject overview\\n\\nMiners ..."), _project_page("The project ended.")
    (True, False)
    """
    if any(line.strip().lower() in _PROJECT_HEADINGS for line in opening.splitlines()):
        return True
    return any(f"{lead} project{link} " in opening for lead in ("This", "The") for link in (
        ", implemented", ", executed", ", funded", " is implemented", " is executed", " is funded", " is financed",
        " aims", ", launched", " was launched", ", led", " is led", ", known as"))


def titles(ann: Annotated) -> None:
    """Pipeline component: projects, publications and events; an organisation's name is not a title, and the
    words of a title ('Catalogue of ... Services on ...') are not bodies."""
    orgs = ann.found_of("Organization")
    org_index = Spans((o.start, o.end) for o in orgs)
    org_names = {name_key(o.name) for o in orgs} | {name_key(a) for o in orgs for a in o.aliases}
    fields = find_fields(ann.text)
    sheet = any(f.kind in ("implementer", "funder", "grant") for f in fields) or _project_page(ann.text[:2500])
    keys = [(f.key_start, f.key_start + len(f.key)) for f in fields]
    title = document_title(ann.text, sheet) + listed_documents(ann.text)
    title += [h for h in titled_headings(ann.doc) if not any(t.start < h.end and h.start < t.end for t in title)]
    titled = [t for t in find_titled(ann.text, ann.definitions)
              if not any(d.start <= t.start and t.end <= d.end for d in title)]
    titled = [t for t in [*title, *titled] if not any(t.start < b and a < t.end for a, b in keys)]  # keys aren't names
    titled = [without_owner_and_year(t) for t in titled]  # "Ghana's National Action Plan (2021)": the plan
    titled = [t for t in titled if not _BLANK_LINE.search(ann.text, t.start, t.end)]  # a name never spans a blank line
    titled = [t for t in (_without_agent_prefix(ann.text, t) for t in titled) if t is not None]
    known_ends = {o.end: o.start for o in orgs if "reference" in o.rule}
    titled = [t for t in titled if not (t.node_type in ("Project", "Publication") and t.start < known_ends.get(t.end, -1)
                                        and _AND_THE.search(ann.text, t.start, known_ends[t.end]))]
    # 'the World Bank and the UN Development Programme': a list that ends in a well-known body's name is no title
    # ('Report of the Sixth Meeting of the ... Partnership Advisory Group' is one)
    titled += [i for i in convention_instruments(ann.text)  # a title that holds it names more: it wins
               if not any(t.start < i.end and i.start < t.end for t in titled)]
    # an initiative or a study the text says is carried out is work wherever it is named, the title over the page
    # too ('Pacific Mercury Biomonitoring Initiative' / '... Initiative, led by UNEP, fills ...'); any other title a
    # body's name holds is the body's ('United Nations ... Programme')
    work = {name_key(t.name) for t in titled if t.rule == CARRIED_OUT_WORK}
    orgs = [o for o in orgs if name_key(o.name) not in work or "reference" in o.rule]
    titled = [t for t in titled if name_key(t.name) in work or (
              name_key(t.name) not in org_names and not org_index.holds(t.start, t.end))]
    page_event = next((t for t in title if t.node_type == "Event"), None)
    if page_event is not None:  # 'COP-5 Side Event' right over the event's title: its genre label, no event
        titled = [t for t in titled if not (t.node_type == "Event" and t.end < page_event.start and
                                            not ann.text[t.end:page_event.start].strip())]
    title_spans = Spans((t.start, t.end) for t in titled if t.node_type in ("Project", "Publication"))
    orgs = _without_modifying_acronyms(ann.text, orgs, titled)
    orgs = [o for o in orgs if "reference" in o.rule or "acronym" in o.rule
            or not any(a <= o.start and o.end <= b and (b - a) > (o.end - o.start)
                       for a, b in title_spans.overlapping(o.start, o.end))]
    titled += [f for f in ann.found if f.rule == AGENDA_TITLE and not title_spans.overlapping(f.start, f.end)]
    # a body's numbered meeting read with the bodies ('The First Conference of the Parties will take place ...')
    titled += [f for f in ann.found_of("Event") if not any(t.start < f.end and f.start < t.end for t in titled)]
    if not any(t.node_type == "Event" for t in titled):
        titled += described_event(ann.text)
    titled, doers = _doers_named_as_work(ann.text, titled)
    ann.found = [*orgs, *doers, *ann.found_of("Person"), *_as_the_page_project(titled)]


_DOER_CUES = ("implemented by", "executed by", "led by", "coordinated by")


def _doers_named_as_work(text: str, titled: list[Found]) -> tuple[list[Found], list[Found]]:
    """A programme's name right after 'implemented by' is a body's, a unit that does the work ('This project,
    implemented by UNITAR's Chemicals and Waste Management Programme together with ...'): only a body implements.

    >>> text = "This project, implemented by UNITAR's Chemicals and Waste Management Programme, works in Jamaica."
    >>> unit = Found("Project", "UNITAR's Chemicals and Waste Management Programme", 29, 79)
    >>> [(f.node_type, f.name) for f in _doers_named_as_work(text, [unit])[1]]
    [('Organization', 'Chemicals and Waste Management Programme')]
    """
    kept, doers = [], []
    for t in titled:
        before = " ".join(text[max(0, t.start - 24):t.start].split()[-3:]).removesuffix(" the")
        if t.node_type != "Project" or not before.endswith(_DOER_CUES):
            kept.append(t)
            continue
        owner, _, name = t.name.partition("'s ")
        name, start = (name, t.start + len(owner) + 3) if name else (t.name, t.start)
        kind, rule = organization_kind(name)
        doers.append(Found("Organization", name, start, t.end, (name, t.name), kind,
                           f"a programme named as the one that implements; kind: {rule}"))
    return kept, doers


def _as_the_page_project(titled: list[Found]) -> list[Found]:
    """The page's project, titled 'X in Y', named X where the page says what it does ('Minamata Initial Assessments
    in Saint Lucia and Grenada' / 'carrying out Minamata Initial Assessments (MIAs)'): X is the title's short form.

    >>> page = Found("Project", "Gold Recovery in Peru", 0, 21, rule="the document's title")
    >>> [f.name for f in _as_the_page_project([page, Found("Project", "Gold Recovery", 40, 53)])]
    ['Gold Recovery in Peru', 'Gold Recovery in Peru']
    """
    page = next((t for t in titled if t.rule == "the document's title" and t.node_type == "Project"), None)
    short = page.name.split(" in ")[0] if page is not None and " in " in page.name else ""
    if len(short.split()) < 2:
        return titled
    return [Found(f.node_type, page.name, f.start, f.end, (f.name,), f.kind, f.rule, f.props)
            if f.node_type == "Project" and f.name == short else f for f in titled]


def _without_modifying_acronyms(text: str, orgs: list[Found], titled: list[Found]) -> list[Found]:
    """A body's acronym that opens a longer name is a word of that name, not a mention of the body: 'IEA' in
    'IEA Clean Coal Centre', 'GEO' in 'GEO Task HE-02', 'UNEP' in 'UNEP Chemicals and Waste Branch', 'UNECE' in
    'UNECE Convention on Long-Range Transboundary Air Pollution'."""
    longer = Spans((f.start, f.end) for f in (*orgs, *titled))
    kept = []
    for f in orgs:
        if f.rule == "reference acronym" and (
                any(a == f.start and b > f.end + 1 for a, b in longer.overlapping(f.start, f.end))
                or re.match(r"\s+(?:Convention|Protocol|Agreement)\b", text[f.end:f.end + 14])):
            continue
        kept.append(f)
    return kept


def field_bodies(ann: Annotated) -> None:
    """Pipeline component: every item of a field whose value lists organisations ('Executing Agencies' /
    'Ministry of Environment, Green Economy and Climate Change(MEGECC), National Agency ... under Ministry of
    Mines (known as ANEEMAS), Artisanal Gold Council (AGC)') is an organisation, named as the item writes it,
    with its acronym or 'known as' name as an alias, and the body it sits 'under' as another."""
    text = ann.text
    made: list[Found] = []
    for field in find_fields(text):
        if field.kind not in ("implementer", "funder", "lead"):
            continue
        for start, end in value_items(field):
            made += _item_bodies(text, start, end)
    fields = find_fields(text)
    for field in fields:  # 'Project Name' / 'Project Title': the sheet's own project, named as the field writes it
        if field.kind == "title" and 8 <= len(field.value) <= 300 and not is_job_title(field.value) and not any(
                f.node_type in ("Project", "Publication", "Event") and field.start <= f.start < field.end
                and f.end >= field.end for f in ann.found):
            ann.found = [f for f in ann.found if not field.start <= f.start < field.end]  # its value is one name
            name = clean_name(field.value)
            made.append(Found("Project", name, field.start, field.start + len(field.value), (), None,
                              f"the value of a data sheet's {field.key!r} field"))
    keys = [(f.key_start, f.key_start + len(f.key)) for f in fields if f.kind != "grant"]  # 'GEF Project Grant': GEF
    others = [(f.start, f.end) for f in fields if f.kind == "other"]
    ann.found = [f for f in ann.found if not (  # a key is not a name, nor is a body running into one
        any(f.start <= a < f.end or a <= f.start < b for a, b in keys)
        or (f.node_type in ("Project", "Publication", "Event") and any(a <= f.start < b for a, b in others)))]
    if not made:
        return
    spans = [(f.start, f.end) for f in made]
    ann.found = [f for f in ann.found if not (f.node_type == "Organization" and any(
        a <= f.start and f.end <= b and (f.end - f.start) < (b - a) and "reference" not in f.rule
        and "acronym" not in f.rule for a, b in spans))]
    known = {(f.start, f.end) for f in ann.found if f.node_type == "Organization"}
    ann.found += [f for f in made if (f.start, f.end) not in known]


_KNOWN_AS = re.compile(r"\s*\((?:known\s+as|also\s+known\s+as|formerly|hereinafter)?\s*([A-Z][\w&\-]{1,15})\s*\)\s*$")


def _item_bodies(text: str, start: int, end: int) -> list[Found]:
    item = text[start:end]
    parent = re.search(r"\s+under\s+(?:the\s+)?([A-Z][^()]{3,80}?)(?=\s*\(|$)", item)
    found = []
    if parent:
        p_start = start + parent.start(1)
        found += _item_bodies(text, p_start, p_start + len(parent.group(1)))
        alias = _KNOWN_AS.search(item)
        head = item[:parent.start()] + (item[alias.start():] if alias else "")
        item_end = start + parent.start()
    else:
        head, item_end = item, end
    alias = _KNOWN_AS.search(head)
    name = clean_name(head[:alias.start()] if alias else head)
    if len(name) < 3 or not name[:1].isupper() or len(name.split()) > 14 or opens_with_honorific(name):
        return found  # 'Lead: Ms. Claude Lorea': a person, whose body follows
    countries = find_countries(name)
    if countries and countries[0].start == 0 and countries[0].end >= len(name) - 1:
        return found  # 'Ministry of Environment (MINAMB), Angola; UNITAR': the country of the item before
    if only_countries(name):
        return found  # 'Co-leads: Spain and Uruguay': countries, read as their governments (loaders.relations.fields)
    kind, rule = organization_kind(name)
    aliases = (name, alias.group(1)) if alias else (name,)
    found.append(Found("Organization", name, start, start + len(name), aliases, kind,
                       f"an item of a field that lists organisations; kind: {rule}"))
    if alias:
        at = start + item.find(alias.group(1))
        found.append(Found("Organization", name, at, at + len(alias.group(1)), (alias.group(1),), kind, "acronym"))
    del item_end
    return found


def same_things(ann: Annotated) -> None:
    """Pipeline component: the names the text says are one thing ('now branded as', 'formerly', 'hereinafter',
    'known as') become one (``loaders.entities.same_thing``); 'the Ministry' alone is the one ministry named before
    it ('the Ministry of Environmental Protection and Agriculture ... implemented by the Ministry together with
    WHO')."""
    ann.found = said_to_be_one(ann.text, ann.found)
    for f in ann.found:
        if f.node_type == "Organization" and f.name == "Ministry":
            before = {m.name for m in ann.found if m.node_type == "Organization" and m.start < f.start
                      and m.name.startswith("Ministry ")}
            if len(before) == 1:
                f.name = before.pop()
                f.aliases = tuple(a for a in f.aliases if a != "Ministry")

