"""AFFILIATED_WITH: whom a person speaks for, works at or represents.

From the person finds' own affiliations (``loaders.entities.people``): 'Name (Organisation)', 'Name,
Organisation', 'Name, Role of Organisation', the body a list's lead-in names; 'Name (Country)' alone means the
country's government. A person of a unit is affiliated with the unit and with every body the text names it
under ('Chief of the Chemicals and Health Branch, Economy Division of UNEP': the branch, the division and UNEP),
as the training texts' gold has it.

An agenda item's body also implements the work the item's title names ('4. Global Partnership for ... in
ASGM, Mayer Ngomesia, Taylor Kennedy, Resolve'): the find of the title carries its presenter.
"""

from __future__ import annotations

from loaders.annotated import Annotated, Located
from loaders.entities.found import name_key
from loaders.entities.defined import said_to_be
from loaders.entities.nodes import government
from loaders.spans import line_spans
from schema import AffiliatedWith, Implements, Node


def read_affiliations(ann: Annotated) -> None:
    """Pipeline component: AFFILIATED_WITH edges from each person find's affiliation."""
    aliases = {name_key(a): n for n in ann.by_key.values() if n.type == "Organization" for a in (n.name, *n.aliases)}
    edges: dict[tuple[str, str], AffiliatedWith] = {}
    presented: dict[tuple[str, str], Implements] = {}
    ministries = {n.name.split(" ", 2)[2]: n for n in ann.by_key.values() if n.type == "Organization"
                  and n.name.startswith(("Ministry of ", "Ministry for "))}
    for key, found in ann.groups.items():
        for f, prov in found:
            org = aliases.get(name_key(f.props.get("presenter", "")))
            if org is not None and key[0] == "Project":
                edge = presented.setdefault((org.id, ann.by_key[key].id),
                                            Implements(source=org.id, target=ann.by_key[key].id))
                edge.provenance.append(prov)
        if key[0] != "Person":
            continue
        person = ann.by_key[key]
        for f, prov in found:
            org: Node | None = None
            named = [n for n in f.props.get("affiliations", f.props.get("affiliation", "")).split("\x1f") if n]
            orgs: list[Node] = [o for o in (aliases.get(name_key(n)) for n in named) if o is not None]
            if not orgs and f.props.get("country"):
                orgs = [government(ann, f.props["country"], prov, "a country named as a person's affiliation")]
            if not orgs and (ministry := _ministers_ministry(ann.text, f.start, f.end, ministries)) is not None:
                orgs = [ministry]  # 'The Minister for Environment, Science, ..., Hon. X': the Ministry for them
            for org in orgs:
                edge = edges.setdefault((person.id, org.id), AffiliatedWith(source=person.id, target=org.id))
                edge.provenance.append(prov)
    for (source, target), edge in edges.items():
        ann.edges.edges[("AFFILIATED_WITH", source, target)] = edge
    for (source, target), implements in presented.items():
        ann.edges.edges[("IMPLEMENTS", source, target)] = implements


#: words of a heading over a body's own people: 'Our team', 'Staff', 'Board of Trustees', 'Our people'
_PEOPLE_WORDS = frozenset({"team", "staff", "board", "trustees", "people", "leadership", "directors", "management",
                           "members"})
_HONORIFIC_WIDTH = 6  # 'Prof. ' before a listed name


def read_page_people(ann: Annotated) -> None:
    """Pipeline component: the people an organisation's own page lists under 'Our team', 'Staff' or 'Board of
    Directors' are its people (AFFILIATED_WITH), beside any body their line names. The page is the organisation's
    where its first paragraph opens with its name and says what it is ('Mazingira Safi Tanzania (MST) is a
    non-governmental organisation based in Dar es Salaam ...')."""
    owner = page_owner(ann)
    if owner is None:
        return
    bodies = [owner.node, *_parent_of(ann, owner)]
    text, under = ann.text, False
    blocks = list(ann.doc.walk())
    for i, block in enumerate(blocks):
        own = text[block.start:block.end]
        people = [m for m in ann.sentences.by_block.get(id(block), []) if m.node.type == "Person"]
        if block.kind == "heading" and not people:
            words = {w.strip(":,.()").lower() for w in own.split()}
            # a group's label inside the list keeps it going ('Members' / 'African States' / 'Ms. Nomvula ...')
            under = len(words) <= 5 and (not _PEOPLE_WORDS.isdisjoint(words) or (
                under and any(ann.sentences.opens_with_person(b) for b in blocks[i + 1:i + 2])))
            continue
        if not under:
            continue
        for line_start, line_end in line_spans(text, block.start, block.end):
            opening = [m for m in people if line_start <= m.start <= line_start + _HONORIFIC_WIDTH]
            for body in bodies if opening else []:
                ann.edges.add(AffiliatedWith, opening[0].node, body, block, (line_start, line_end))


def _parent_of(ann: Annotated, owner: Located) -> list[Node]:
    """The body the page's own body is part of, where its first sentence says so: 'The Center for Mercury Studies at
    Biodiversity Research Institute (BRI) works ...', 'HCWH Southeast Asia is the regional office of Health Care
    Without Harm (HCWH)'."""
    first = next((b for b in ann.doc.walk() if b.kind == "paragraph"), None)
    mentions = sorted(ann.sentences.by_block.get(id(first), []), key=lambda m: m.start) if first is not None else []
    named = next((m for m in mentions if m.node.id == owner.node.id), None)
    after = [m for m in mentions if named is not None and m.start > named.end and m.node.type == "Organization"]
    if not after:
        return []
    gap = ann.text[named.end:after[0].start].split()
    part_of = gap in (["at"], ["at", "the"], ["of"], ["of", "the"]) or (
        gap[:2] in (["is", "the"], ["is", "a"]) and gap[-1:] in (["of"], ["the"]) and len(gap) <= 6 and
        not {"project", "programme", "member", "partner"} & set(gap))
    return [after[0].node] if part_of and after[0].node.id != owner.node.id else []


def page_owner(ann: Annotated) -> Located | None:
    """The organisation whose page this is: the one that opens the first paragraph and is said to be something,
    else the one the page's title is, whole ('Center for Mercury Studies' over 'Our Team')."""
    first = next((b for b in ann.doc.walk() if b.kind == "paragraph"), None)
    if first is None:
        return None
    mentions = sorted(ann.sentences.by_block.get(id(first), []), key=lambda m: m.start)
    opening = ann.text[first.start:mentions[0].start].strip() if mentions else None
    after = ann.text[mentions[0].end:mentions[0].end + 80] if mentions else ""
    if mentions and mentions[0].node.type == "Organization" and opening in ("", "The") and (
            said_to_be(after) or after.split()[:2] in (["is", "the"], ["was", "the"])):
        owner = mentions[0]  # '... is a non-governmental organisation', '... is the regional office of ...'
    else:
        title = next(iter(ann.doc.walk()), None)
        named = ann.sentences.by_block.get(id(title), []) if title is not None and title.kind == "heading" else []
        whole = [m for m in named if m.node.type == "Organization" and m.start == title.start and
                 not ann.text[m.end:title.end].strip()]
        owner = whole[0] if whole else None
    # a project's own 'Project Steering Committee' or 'Project Board' is no body of its own page
    return None if owner is None or owner.node.name.startswith("Project ") else owner


#: a line's label before the person a listed body names as its contact ('Focal point: Dr. Hannah Colbert, ...')
_CONTACT_LABELS = frozenset({"focal point", "focal points", "national focal point", "technical focal point", "contact",
                             "contact person", "contact point", "representative", "delegate"})


def _contact_label(before: str) -> bool:
    """Whether the start of a line before a person is a contact's label.

    >>> _contact_label("Focal point: Dr. "), _contact_label("- Contact person: "), _contact_label("Speaker: ")
    (True, True, False)
    """
    label = _without_titles(before.strip(" \t-\u2022*"))
    return label.endswith(":") and label[:-1].strip().lower() in _CONTACT_LABELS


def read_focal_points(ann: Annotated) -> None:
    """Pipeline component: a member list's contact line names a person of the body on the line above it
    ('University of the South Pacific (USP), Fiji' / 'Focal point: Dr. Ilisapeci Naivalu, Institute of Applied
    Sciences': AFFILIATED_WITH the university, beside the institute her own line names)."""
    text = ann.text
    for m in ann.located:
        if m.node.type != "Person" or m.block is None:
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        if line_start < 2 or not _contact_label(text[line_start:m.start]):
            continue
        above = text.rfind("\n", 0, line_start - 1) + 1
        if not text[above:line_start - 1].strip():
            continue  # a blank line: the contact is not the line above's
        opening = min((o for o in ann.located if o.node.type == "Organization" and above <= o.start < line_start
                       and not text[above:o.start].strip(" \t-\u2022*")), key=lambda o: o.start, default=None)
        if opening is None:
            continue
        line_end = text.find("\n", m.end)
        line_end = len(text) if line_end < 0 else line_end
        quote = " / ".join(line.strip() for line in text[above:line_end].split("\n"))
        ann.edges.add(AffiliatedWith, m.node, opening.node, m.block, (line_start, line_end), quote=quote)


_MINISTER = ("Minister of ", "Minister for ")
_RANKS = ("Deputy ", "Vice ", "Vice-", "Assistant ", "State ")
#: the titles written before a name, taken off the words before it ('Focal point: Dr. ', 'Minister for X, Hon. ')
_TITLES = ("Hon.", "Hon", "H.E.", "Dr.", "Dr", "Mr.", "Mr", "Ms.", "Ms", "Mrs.", "Mrs", "Prof.", "Prof")


def _without_titles(before: str) -> str:
    """The words before a name without the titles that end them.

    >>> _without_titles("Focal point: Dr."), _without_titles("Innovation, Hon. Dr.")
    ('Focal point:', 'Innovation,')
    """
    before = before.rstrip()
    while (title := next((t for t in _TITLES if before.endswith(" " + t) or before == t), None)) is not None:
        before = before[:-len(title)].rstrip()
    return before


def _ministers_ministry(text: str, start: int, end: int, ministries: dict[str, Node]) -> Node | None:
    """The ministry a person is minister of, where the text writes the role beside the name and names the ministry
    ('The Minister for Environment, Science, Technology and Innovation, Hon. Kwabena Asante-Darko'; 'Hon. Ama
    Serwaa, Deputy Minister for Environment, ...'): ``ministries`` by their portfolios.

    >>> from schema import Organization
    >>> m = {"Environment and Tourism": Organization(id="org:m", name="Ministry of Environment and Tourism")}
    >>> _ministers_ministry("Hon. B. Bold, Vice Minister of Environment and Tourism, spoke", 5, 12, m).name
    'Ministry of Environment and Tourism'
    """
    if not ministries:
        return None
    after = text[end:end + 200].removeprefix(",").lstrip()
    for rank in _RANKS:
        after = after.removeprefix(rank)
    before = _without_titles(text[max(0, start - 200):start]).removesuffix(",")
    held = next((after[len(m):] for m in _MINISTER if after.startswith(m)), None)
    cut, role = max((before.rfind(m), m) for m in _MINISTER)
    portfolio_before = before[cut + len(role):] if cut >= 0 else None
    for portfolio, node in sorted(ministries.items(), key=lambda item: -len(item[0])):
        if (held is not None and held.startswith(portfolio)) or portfolio_before == portfolio:
            return node
    return None
