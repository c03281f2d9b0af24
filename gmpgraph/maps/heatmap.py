"""The area × article coverage as a heat-map picture: an SVG (alone, or in a script-free HTML page).

Each cell's shade is the number of things in the area that the text ties to the article (stated
support); a cell the area's mandate covers has a dark outline and an ``M``. Hovering a cell shows
its count and the first quotes it rests on (an SVG ``<title>``, so plain text). Every piece of
text is XML-escaped where it is written.

>>> from gmpgraph.analysis import CoverageMatrix, CoverageCell
>>> matrix = CoverageMatrix(areas=["area:asgm"], articles=["article:7"], cells=[
...     CoverageCell(area="area:asgm", article="article:7", stated=2, area_mandate=1, evidence=[])])
>>> svg = coverage_svg(matrix, {"area:asgm": "ASGM <&>"})
>>> "ASGM &lt;&amp;&gt;" in svg and svg.startswith("<svg")
True
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from gmpgraph.analysis import CoverageMatrix
from gmpgraph.maps.render import content_security_policy
from gmpgraph.maps.style import short

CELL = 26
LEFT = 300
TOP = 200  # room for the articles' names, slanted above their columns
QUOTES_PER_CELL = 4
TITLE_LENGTH = 26


def _shade(count: int, top: int) -> str:
    """White for 0, up to a deep blue for the largest count."""
    if count == 0:
        return "#ffffff"
    level = 0.2 + 0.8 * count / max(top, 1)
    red, green, blue = (int(255 - level * (255 - c)) for c in (8, 69, 148))
    return f"#{red:02x}{green:02x}{blue:02x}"


def coverage_svg(matrix: CoverageMatrix, names: dict[str, str],
                 link: Callable[[str, str], str] | None = None) -> str:
    """The matrix as an SVG picture, with a column for every one of the Convention's 35 articles (named,
    the empty ones too: they are the gaps); ``names`` maps area ids to display names; with ``link``, a cell
    with support links to ``link(area id, article id)``, the supporters behind it."""
    from schema.reference import articles

    titles = {f"article:{a.number}": a.title for a in articles()}
    columns = list(titles) + [a for a in matrix.articles if a not in titles]
    top = max((c.stated for c in matrix.cells), default=0)
    width = max(LEFT + CELL * len(columns) + 140, 620)
    height = TOP + CELL * len(matrix.areas) + 80
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="system-ui, sans-serif" font-size="12" role="img">',
           "<title>Area × article coverage</title>"]
    for col, article in enumerate(columns):
        x = LEFT + col * CELL + CELL / 2
        number = article.split(":")[1]
        label = f"{number} {short(titles.get(article, ''), TITLE_LENGTH)}".strip()
        out.append(f'<g class="article" data-article="{escape(number)}"><title>Article {escape(number)}: '
                   f'{escape(titles.get(article, ""))}</title>'
                   f'<text transform="translate({x + 4},{TOP - 8}) rotate(-55)">{escape(label)}</text></g>')
    out.append(f'<text x="{LEFT - 8}" y="{TOP - 8}" text-anchor="end" font-weight="600">Convention article →</text>')
    for row, area in enumerate(matrix.areas):
        y = TOP + row * CELL
        out.append(f'<text x="{LEFT - 8}" y="{y + CELL * 0.65}" text-anchor="end">'
                   f'{escape(short(names.get(area, area), 44))}</text>')
        for col, article in enumerate(columns):
            x = LEFT + col * CELL
            cell = matrix.cell(area, article)
            stated, mandate = (cell.stated, cell.area_mandate) if cell else (0, 0)
            tip = [f"{names.get(area, area)} × Article {article.split(':')[1]}: {stated} stated"
                   + (", in the area's mandate" if mandate else "")]
            if cell:
                tip += [f"{e.type} {e.source} → {e.target}: “{short(e.quote, 160)}”"
                        for e in cell.evidence[:QUOTES_PER_CELL] if e.quote]
            stroke = 'stroke="#222" stroke-width="2"' if mandate else 'stroke="#ddd" stroke-width="1"'
            linked = link is not None and (stated or mandate)
            if linked:
                out.append(f'<a href="{escape(link(area, article))}">')
            out.append(f'<g class="cell" data-stated="{stated}" data-mandate="{mandate}">'
                       f'<title>{escape(chr(10).join(tip))}</title>'
                       f'<rect x="{x + 1}" y="{y + 1}" width="{CELL - 2}" height="{CELL - 2}" '
                       f'fill="{_shade(stated, top)}" {stroke}/>')
            if stated:
                colour = "#fff" if stated > top / 2 else "#222"
                out.append(f'<text x="{x + CELL / 2}" y="{y + CELL * 0.65}" text-anchor="middle" '
                           f'fill="{colour}">{stated}</text>')
            elif mandate:
                out.append(f'<text x="{x + CELL / 2}" y="{y + CELL * 0.65}" text-anchor="middle" '
                           f'fill="#888">M</text>')
            out.append("</g></a>" if linked else "</g>")
    legend_y = TOP + CELL * len(matrix.areas) + 30
    out.append(f'<text x="20" y="{legend_y}">Number: things in the area (its projects, publications, events) '
               'the text ties to the article.</text>')
    out.append(f'<text x="20" y="{legend_y + 18}">Dark outline, or M: the area\'s mandate covers the article. '
               'An empty column: no area\'s work is tied to that article.</text>')
    out.append("</svg>")
    return "\n".join(out)


def coverage_page(matrix: CoverageMatrix, names: dict[str, str], title: str = "Area × article coverage",
                  link: Callable[[str, str], str] | None = None) -> str:
    """A self-contained HTML page around :func:`coverage_svg`; it has no script and allows none."""
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(None)}">\n'
            f'<title>{escape(title)} · gmpgraph</title>\n'
            '<style>body { font-family: system-ui, sans-serif; margin: 16px; } '
            '.cell:hover rect { stroke: #E69F00; stroke-width: 3; }</style>\n'
            f'</head>\n<body>\n<h1>{escape(title)}</h1>\n{coverage_svg(matrix, names, link)}\n</body>\n</html>\n')
