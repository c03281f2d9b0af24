"""Countries that act: a country a sentence names as the doer of something is its government.

The guidelines annotate a country named as an actor ("Spain and Uruguay took over", "projects were submitted
by Argentina, Armenia and Benin", "seven of its member states (Bulgaria, Denmark, ...) ratified") as the
government too. Read from the dependency parse: the country, or the list or apposition it stands in, is the
subject of a verb that is not ``be`` or ``have``, or the agent after a passive ("by ...").

A country in a place phrase ("in Ghana"), a modifier ("the Ghana project") or the subject of "is" or "has"
("Peru has a large sector") stays a country only.
"""

from __future__ import annotations

from loaders.annotated import Annotated, Located
from loaders.entities.nodes import government_named_at
from loaders.relations.context import of_type
from loaders.syntax import Parse, Token

_STATIVE = frozenset("is are was were be been being 's am has have had having".split())
_PLURALS = frozenset({"NNS", "NNPS"})  # 'its member states (A, B)', not 'the cooperative, Peru,'
_PLACE_WORDS = frozenset({"in", "at", "from", "to", "across", "within"})
_QUANTITIES = frozenset("some many all each most several both".split())


def acts(token: Token) -> bool:
    """Whether ``token`` (a country's head word) names the doer of its clause's verb.

    >>> from loaders.syntax import Parse
    >>> rows = [[0, "Spain", "NNP", "nsubj", 1], [6, "took", "VBD", "ROOT", 1], [11, "over", "RP", "prt", 1]]
    >>> acts(Parse.of("Spain took over", rows)[0])
    True
    """
    for _ in range(16):  # up the list it stands in: 'A, B and C', 'states (A, B)', 'seven of its states'
        if token.dep_ == "conj" or (token.dep_ == "appos" and token.head.tag_ in _PLURALS):
            token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ == "of" and _counts(token.head.head):
            token = token.head.head
        else:
            break
    if token.dep_ == "nsubj":
        verb = token.head
        infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)  # 'assist X to move'
        return verb.tag_.startswith("VB") and verb.lower_ not in _STATIVE and not infinitive
    if token.dep_ == "pobj" and token.head.lower_ == "by" and token.head.dep_ == "agent":
        return True
    return False


def _counts(token: Token) -> bool:
    """A number or quantity word that a list of countries can stand under ('seven of', 'some of')."""
    return token.tag_ == "CD" or token.lower_ in _QUANTITIES


def _head_word(parse: Parse, start: int, end: int) -> Token | None:
    """The token of ``parse[start:end]`` whose head lies outside it."""
    tokens = parse.char_span(start, end)
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    outside = [t for t in tokens if t.head_i not in inside or t.head_i == t.i]
    return outside[0] if len(outside) == 1 else None


def read_country_actors(ann: Annotated) -> None:
    """Pipeline component: the government of each country a sentence names as a doer."""
    todo: list[tuple[tuple[int, int], list[Located]]] = []
    for span, mentions, _block in ann.sentences.items():
        countries = [m for m in of_type(mentions, "Country")
                     if not _inside_name(m, mentions) and not _placed(ann.text, m) and not _ends_a_line(ann.text, m)]
        if countries:
            todo.append((span, countries))
    parses = ann.syntax.parse([span for span, _ in todo])
    for (span, countries), parse in zip(todo, parses, strict=True):
        for country in countries:
            word = _head_word(parse, country.start - span[0], country.end - span[0])
            if word is not None and acts(word) and not _after_place_word(parse, word):
                government_named_at(ann, country, country.block, "a country named as the doer of a verb")


def _after_place_word(parse: Parse, word: Token) -> bool:
    """'In Zimbabwe, Pact and UNDP partnered': a country after a place preposition is where, not who."""
    before = [t for t in parse.tokens[max(0, word.i - 3):word.i] if t.tag_ not in ("DT", "NNP")]
    return bool(before) and before[-1].lower_ in _PLACE_WORDS


def _placed(text: str, country: Located) -> bool:
    """A country of one or two words right after a place word ('in Ghana', 'to the Philippines'): where, never
    who (:func:`_after_place_word` says so of its parse), so its sentence is not parsed for it.

    >>> from schema import Country
    >>> ghana = Located(Country(id="country:GHA", name="Ghana", key="GHA"), 10, 15, None)
    >>> _placed("Miners in Ghana use", ghana), _placed("Since 2019 Ghana uses", ghana)
    (True, False)
    """
    if len(text[country.start:country.end].split()) > 2:
        return False
    before = text[max(0, country.start - 24):country.start].split()
    if before and before[-1].lower() == "the":
        before = before[:-1]
    return bool(before) and before[-1].lower() in _PLACE_WORDS


def _ends_a_line(text: str, country: Located) -> bool:
    """A country after a comma or dash at the end of its line is where a listed body is ('Manila Bay Clean
    Hospitals Alliance, Philippines'), never who acts.

    >>> from schema import Country
    >>> ph = Located(Country(id="country:PHL", name="Philippines", key="PHL"), 10, 21, None)
    >>> _ends_a_line("Alliance, Philippines\\nNext", ph), _ends_a_line("Alliance, Philippines signed", ph)
    (True, False)
    """
    line_end = text.find("\n", country.end)
    after = text[country.end:line_end if line_end >= 0 else len(text)]
    return not after.strip() and text[max(0, country.start - 3):country.start].rstrip().endswith((",", "–", "-"))


def _inside_name(country: Located, mentions: list[Located]) -> bool:
    """A country inside a name ('Ministry of Mines of Peru', 'planetGOLD Philippines') is no actor of its own."""
    return any(m.node.type != "Country" and m.start <= country.start and country.end <= m.end for m in mentions)
