"""Score a graph export against gold annotations: the scoring of ``../shared/eval/gmp_eval.py``.

The rules are the shared evaluator's, copied so that an installed gmpgraph can score users'
own gold; ``tests/test_evaluate.py`` checks that both give the same numbers on the corpus.
Precision, recall and F1 per entity type and per relation type, micro averages, and the
share of nodes and edges with provenance.

>>> result = score({"nodes": [], "edges": []}, Gold([]))
>>> result["entities_micro"]["f1"]
0.0
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

ENTITY_TYPES = ("Area", "Article", "Country", "Organization", "Project",
                "Publication", "Event", "Person")
KEYED_TYPES = ("Area", "Article", "Country")
RELATION_TYPES = ("LEADS", "FUNDS", "IMPLEMENTS", "PART_OF", "LOCATED_IN",
                  "SUPPORTS", "COLLABORATES_WITH", "AFFILIATED_WITH")
UNDIRECTED = ("COLLABORATES_WITH",)
HONORIFICS = re.compile(r"^(mr|mrs|ms|dr|prof|professor|h ?e|sir|madam)\s+")


def norm(text: str) -> str:
    """Lower-case, accent-free, punctuation-free form of a name."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("&", " and ").replace(".", "").replace("'", "").replace("\u2019", "")
    text = re.sub(r"[^0-9a-z]+", " ", text).strip()
    text = re.sub(r"^the\s+", "", text)
    return HONORIFICS.sub("", text)


def norm_key(etype: str, key) -> str | None:
    if key is None or key == "":
        return None
    key = str(key).strip()
    if etype == "Article":
        m = re.search(r"\d+", key)
        return m.group(0).lstrip("0") or "0" if m else None
    if etype == "Country":
        return key.upper()
    return norm(key).replace(" ", "-")


def names_of(item: dict) -> set[str]:
    out = {norm(item.get("name", ""))}
    for alias in item.get("aliases") or []:
        out.add(norm(alias))
    out.discard("")
    return out


class Gold:
    """Gold entities merged across files into clusters, and gold triples."""

    def __init__(self, paths: list[Path]):
        self.clusters: dict[str, list[dict]] = defaultdict(list)  # type -> [{keys, names}]
        self.triples: set[tuple[str, int, int]] = set()
        self.warnings: list[str] = []
        self._entity_cluster: dict[int, tuple[str, int]] = {}
        files = []
        for p in paths:
            files += sorted(p.glob("*.json")) if p.is_dir() else [p]
        docs = [json.loads(f.read_text(encoding="utf-8")) for f in files]
        for doc in docs:
            for ent in doc.get("entities", []):
                if ent.get("type") in ENTITY_TYPES:
                    self._add_entity(ent)
        for doc in docs:
            self._add_relations(doc)

    def _add_entity(self, ent: dict) -> None:
        etype = ent["type"]
        key = norm_key(etype, ent.get("key"))
        names = names_of(ent)
        for idx, cl in enumerate(self.clusters[etype]):
            if (key and key in cl["keys"]) or (not (key and cl["keys"]) and names & cl["names"]):
                if key:
                    cl["keys"].add(key)
                cl["names"] |= names
                self._entity_cluster[id(ent)] = (etype, idx)
                return
        self.clusters[etype].append({"keys": {key} if key else set(), "names": set(names),
                                     "label": ent.get("name") or ent.get("key")})
        self._entity_cluster[id(ent)] = (etype, len(self.clusters[etype]) - 1)

    def _resolve_in_doc(self, doc: dict, ref: str) -> tuple[str, int] | None:
        wanted = norm(ref)
        for ent in doc.get("entities", []):
            if ent.get("type") not in ENTITY_TYPES:
                continue
            keys = {norm(str(ent.get("key", "")))} - {""}
            if wanted in keys or wanted in names_of(ent):
                return self._entity_cluster[id(ent)]
        return None

    def _add_relations(self, doc: dict) -> None:
        for rel in doc.get("relations", []):
            if rel.get("type") not in RELATION_TYPES:
                continue
            head = self._resolve_in_doc(doc, rel.get("head", ""))
            tail = self._resolve_in_doc(doc, rel.get("tail", ""))
            if head is None or tail is None:
                self.warnings.append(f"{doc.get('document')}: unresolved {rel}")
                continue
            self.triples.add(triple(rel["type"], head, tail))

    def match(self, node: dict) -> tuple[str, int] | None:
        etype = node.get("type")
        if etype not in ENTITY_TYPES:
            return None
        key = norm_key(etype, node.get("key"))
        names = names_of(node)
        best, best_score = None, 0
        for idx, cl in enumerate(self.clusters.get(etype, [])):
            if key and key in cl["keys"]:
                return etype, idx
            score = len(names & cl["names"])
            if score > best_score:
                best, best_score = (etype, idx), score
        return best


def triple(rtype: str, head: tuple[str, int], tail: tuple[str, int]) -> tuple:
    if rtype in UNDIRECTED and tail < head:
        head, tail = tail, head
    return (rtype, head, tail)


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score(graph: dict, gold: Gold) -> dict:
    nodes = graph.get("nodes", [])
    edges = graph.get("edges", graph.get("links", []))
    by_id, matched = {}, defaultdict(set)
    ent_fp, errors = defaultdict(int), defaultdict(list)
    for node in nodes:
        etype = node.get("type")
        if etype not in ENTITY_TYPES:
            continue
        hit = gold.match(node)
        if hit is None or hit[1] in matched[etype]:
            ent_fp[etype] += 1
            errors[f"entity FP {etype}"].append(node.get("name") or node.get("key") or node.get("id"))
        else:
            matched[etype].add(hit[1])
        if hit is not None:
            by_id[node.get("id")] = hit
    entities = {}
    for etype in ENTITY_TYPES:
        total = len(gold.clusters.get(etype, []))
        tp = len(matched[etype])
        for idx, cl in enumerate(gold.clusters.get(etype, [])):
            if idx not in matched[etype]:
                errors[f"entity FN {etype}"].append(cl["label"])
        entities[etype] = prf(tp, ent_fp[etype], total - tp)

    sys_triples, unmapped = set(), defaultdict(int)
    for edge in edges:
        rtype = edge.get("type")
        if rtype not in RELATION_TYPES or edge.get("basis", "stated") != "stated":
            continue  # only what the text states is scored; inferred links are not in the gold
        if edge.get("status") == "planned":
            continue  # planned, proposed or hypothetical: not stated fact, not scored
        head, tail = by_id.get(edge.get("source")), by_id.get(edge.get("target"))
        if head is None or tail is None:
            unmapped[rtype] += 1
            errors[f"relation FP {rtype}"].append(f"{edge.get('source')} -> {edge.get('target')} (end not a gold entity)")
            continue
        sys_triples.add(triple(rtype, head, tail))
    label = lambda end: gold.clusters[end[0]][end[1]]["label"]  # noqa: E731
    relations = {}
    for rtype in RELATION_TYPES:
        s = {t for t in sys_triples if t[0] == rtype}
        g = {t for t in gold.triples if t[0] == rtype}
        for t in sorted(s - g):
            errors[f"relation FP {rtype}"].append(f"{label(t[1])} -> {label(t[2])}")
        for t in sorted(g - s):
            errors[f"relation FN {rtype}"].append(f"{label(t[1])} -> {label(t[2])}")
        relations[rtype] = prf(len(s & g), len(s - g) + unmapped[rtype], len(g - s))

    def micro(table: dict) -> dict:
        return prf(*(sum(v[k] for v in table.values()) for k in ("tp", "fp", "fn")))

    with_prov = sum(1 for x in nodes + edges if x.get("provenance"))
    return {"entities": entities, "relations": relations,
            "entities_micro": micro(entities), "relations_micro": micro(relations),
            "provenance_coverage": round(with_prov / len(nodes + edges), 4) if nodes + edges else 0.0,
            "gold_warnings": gold.warnings, "errors": dict(errors)}


def evaluate(graph_path: Path, gold_paths: list[Path]) -> dict:
    """Score the graph file at ``graph_path`` against gold files or folders."""
    return score(json.loads(Path(graph_path).read_text(encoding="utf-8")), Gold([Path(p) for p in gold_paths]))


def format_table(result: dict, show_errors: int = 0) -> str:
    """The evaluator's plain-text report."""
    lines = [f"{'':22}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    for section in ("entities", "relations"):
        for name, m in list(result[section].items()) + [("ALL " + section, result[section + "_micro"])]:
            lines.append(f"{name:22}{m['precision']:7.3f}{m['recall']:7.3f}{m['f1']:7.3f}{m['tp']:6}{m['fp']:6}"
                         f"{m['fn']:6}")
        lines.append("")
    lines.append(f"provenance coverage {result['provenance_coverage']:.3f}")
    if show_errors:
        for kind, items in sorted(result["errors"].items()):
            lines.append(f"\n{kind} ({len(items)}):")
            lines.extend(f"   {item}" for item in items[:show_errors])
    return "\n".join(lines)
