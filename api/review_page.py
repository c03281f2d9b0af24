"""The review page (``GET /review``): the claims that most need a look, each with the paragraph that states it
and the quote marked, and buttons that record a decision (``POST /reviews``, with the server's write token).

Document text reaches the page only as JSON inside a non-executed ``<script type="application/json">`` block
(``<``, ``>`` and ``&`` escaped) and reaches the screen through ``textContent``; the page's own script and
style carry a per-page nonce and the Content-Security-Policy allows nothing else (connections to the
server only).

>>> page = review_page([], [], "x")
>>> "application/json" in page.html and "nonce-" in page.csp
True
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass

Item = dict


@dataclass(frozen=True)
class ReviewPage:
    html: str
    csp: str


def _json_block(data: object) -> str:
    return json.dumps(data, ensure_ascii=False).replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def review_csp(nonce: str) -> str:
    return (f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; connect-src 'self'; "
            "img-src 'none'; form-action 'none'; base-uri 'none'")


_STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5rem auto; max-width: 60rem; color: #222; }
header { display: flex; gap: .75rem; flex-wrap: wrap; align-items: end; margin-bottom: 1rem; }
label { display: flex; flex-direction: column; font-size: 13px; color: #555; }
input, select, textarea { font: inherit; padding: .25rem .4rem; }
.claim { border: 1px solid #ccc; border-radius: 6px; padding: .75rem 1rem; margin: .75rem 0; }
.claim h3 { margin: 0 0 .25rem; font-size: 16px; }
.where { color: #555; font-size: 13px; }
.paragraph { white-space: pre-wrap; background: #f7f7f7; padding: .5rem; border-radius: 4px; }
mark { background: #ffe27a; }
button { font: inherit; padding: .25rem .8rem; margin-right: .4rem; cursor: pointer; }
.done { color: #1b7a2e; font-weight: 600; } .failed { color: #b00020; }
#coverage { color: #555; }
"""

_SCRIPT = r"""
(() => {
  const data = JSON.parse(document.getElementById('review-data').textContent);
  const el = (tag, text, cls) => { const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; };
  const token = document.getElementById('token'), by = document.getElementById('by');
  async function send(decision, status) {
    status.textContent = 'saving…'; status.className = '';
    try {
      const r = await fetch('/reviews', {method: 'POST', headers: {'Content-Type': 'application/json',
        'Authorization': 'Bearer ' + token.value}, body: JSON.stringify(Object.assign({by: by.value}, decision))});
      const body = await r.json();
      if (r.ok) { status.textContent = decision.action + 'ed: recorded'; status.className = 'done'; return true; }
      status.textContent = 'not recorded: ' + (body.detail || r.status); status.className = 'failed';
    } catch (e) { status.textContent = 'not recorded: ' + e; status.className = 'failed'; }
    return false;
  }
  const list = document.getElementById('claims');
  data.items.forEach((item, i) => {
    const box = el('section', undefined, 'claim'); box.id = 'claim-' + i;
    box.appendChild(el('h3', item.type + ': ' + item.source_name + ' → ' + item.target_name));
    box.appendChild(el('div', item.document + ' · ' + item.locator, 'where'));
    const para = el('div', undefined, 'paragraph');
    const text = item.paragraph || item.quote, at = item.quote_at;
    if (at >= 0) {
      para.appendChild(document.createTextNode(text.slice(0, at)));
      para.appendChild(el('mark', text.slice(at, at + item.quote.length)));
      para.appendChild(document.createTextNode(text.slice(at + item.quote.length)));
    } else { para.appendChild(el('mark', text)); }
    box.appendChild(para);
    const why = el('input'); why.placeholder = 'why (optional)'; why.className = 'why';
    const status = el('span');
    const edge = {type: item.type, source: item.source, target: item.target};
    for (const action of ['accept', 'reject']) {
      const b = el('button', action === 'accept' ? 'Accept' : 'Reject'); b.className = action;
      b.addEventListener('click', () => send({action, edge, why: why.value}, status));
      box.appendChild(b);
    }
    box.appendChild(why); box.appendChild(status);
    list.appendChild(box);
  });
  const docs = document.getElementById('add-document');
  data.documents.forEach(d => docs.appendChild(el('option', d)));
  const types = document.getElementById('add-type');
  data.edge_types.forEach(t => types.appendChild(el('option', t)));
  document.getElementById('add-button').addEventListener('click', () => send({action: 'add',
    edge: {type: types.value, source: document.getElementById('add-source').value,
           target: document.getElementById('add-target').value},
    document: docs.value, quote: document.getElementById('add-quote').value,
    why: document.getElementById('add-why').value}, document.getElementById('add-status')));
  document.getElementById('coverage').textContent = data.coverage;
  window.gmpReview = {ready: true, claims: data.items.length};
})();
"""


def review_page(items: list[Item], documents: list[str], coverage: str,
                edge_types: tuple[str, ...] = ("IMPLEMENTS", "FUNDS", "LEADS", "LOCATED_IN", "SUPPORTS", "PART_OF",
                                               "AFFILIATED_WITH", "COLLABORATES_WITH")) -> ReviewPage:
    """The page for ``items`` (``type``, ``source``/``target`` ids and names, ``document``, ``locator``,
    ``quote``, ``paragraph`` and where the quote starts in it, ``quote_at``)."""
    nonce = secrets.token_urlsafe(18)
    data = {"items": items, "documents": documents, "edge_types": list(edge_types), "coverage": coverage}
    html = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>gmpgraph · review</title>
<style nonce="{nonce}">{_STYLE}</style></head>
<body>
<h1>Review the graph</h1>
<p>Each claim below is what the extractor read, with the paragraph that states it. Accept what the text
bears out, reject what it does not; decisions go to the review file beside the graph and are applied on
every build. Writing needs the server's write token.</p>
<header>
<label>write token <input id="token" type="password" autocomplete="off"></label>
<label>your name <input id="by" value="reviewer"></label>
<span id="coverage"></span>
</header>
<div id="claims"></div>
<h2>Add a relation the extractor missed</h2>
<div class="claim">
<label>type <select id="add-type"></select></label>
<label>source (id or name) <input id="add-source"></label>
<label>target (id or name) <input id="add-target"></label>
<label>document <select id="add-document"></select></label>
<label>quote, verbatim <textarea id="add-quote" rows="3"></textarea></label>
<label>why <input id="add-why"></label>
<button id="add-button">Add</button> <span id="add-status"></span>
</div>
<script type="application/json" id="review-data">{_json_block(data)}</script>
<script nonce="{nonce}">{_SCRIPT}</script>
</body></html>
"""
    return ReviewPage(html, review_csp(nonce))


def review_page_for(store, limit: int = 25, edge_type: str | None = None) -> ReviewPage:
    """The review page of a graph: its ``limit`` claims that most need a look (of ``edge_type`` only, if given),
    each with the paragraph of its document that states it (read from the document's file, where the graph
    knows it) and where the quote is in it."""
    from gmpgraph.review.apply import texts_from
    from gmpgraph.review.worklist import ORDER, coverage_line, to_review

    types = (edge_type.upper(),) if edge_type and edge_type.upper() in ORDER else ORDER
    text_of = texts_from(dict(store.nx.graph.get("sources") or {}))
    items = []
    for edge in to_review(store, types)[:limit]:
        prov = edge.provenance[0] if edge.provenance else None
        if prov is None:
            continue
        paragraph, at = _paragraph(text_of(prov.document), prov.start, prov.end, prov.quote)
        items.append({"type": edge.type, "source": edge.source, "target": edge.target,
                      "source_name": store.node(edge.source).name, "target_name": store.node(edge.target).name,
                      "document": prov.document, "locator": prov.locator, "quote": prov.quote,
                      "paragraph": paragraph, "quote_at": at})
    documents = sorted(d.file for d in store.nodes("Document"))
    return review_page(items, documents, coverage_line(store))


def _paragraph(text: str | None, start: int, end: int, quote: str, width: int = 1500) -> tuple[str, int]:
    """The paragraph (between blank lines, at most ``width`` characters around the quote) holding
    ``text[start:end]``, and where the quote starts in it (-1 if the text is not at hand)."""
    if not text or text[start:end] != quote:
        return quote, 0
    first = max(text.rfind("\n\n", 0, start) + 2, start - width // 2, 0)
    last = text.find("\n\n", end)
    last = min(len(text) if last < 0 else last, end + width // 2)
    return text[first:last], start - first
