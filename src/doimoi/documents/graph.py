"""The cascade seen from one document: what it answers to and what answered it.

``document_graph`` collects the neighbourhood (scoped to the viewer: a document the viewer may not
see shows as a locked node without its details); ``layout`` ranks it top-down, the document
answered to above the ones that answer it; ``render_svg`` draws it server-side.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from doimoi.documents.models import Citation, Document, DocumentState, Relation

DEPTH = 4
MAX_NODES = 60


@dataclass
class Node:
    """A document in the picture."""

    pk: int
    label: str
    caption: str
    visible: bool
    placeholder: bool
    current: bool
    rank: int = 0
    order: int = 0

    @property
    def url(self) -> str:
        return reverse("documents:document_detail", args=[self.pk]) if self.visible else ""


@dataclass
class Edge:
    """``source`` answers to ``target`` with ``relation``."""

    source: int
    target: int
    relation: str
    inferred: bool


@dataclass
class Graph:
    nodes: dict[int, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    truncated: bool = False


def _walk(start: int, up: bool) -> tuple[set[int], list[Citation]]:
    seen, frontier, edges = {start}, {start}, []
    for _depth in range(DEPTH):
        if not frontier or len(seen) > MAX_NODES:
            break
        key = "source_id__in" if up else "target_id__in"
        found = list(Citation.objects.filter(**{key: frontier}))
        edges += found
        nxt = {c.target_id if up else c.source_id for c in found} - seen
        seen |= nxt
        frontier = nxt
    return seen, edges


def _label(document: Document, visible: bool) -> tuple[str, str]:
    if not visible and document.confidentiality:
        return _("Văn bản mật"), ""
    label = document.reference or _("(không số)")
    if document.state == DocumentState.PLACEHOLDER:
        return label, _("chưa có văn bản")
    if not visible:
        return label, _("không có quyền xem")
    caption = document.date.strftime("%d/%m/%Y") if document.date else ""
    return label, caption


def document_graph(*, viewer: Any, document: Document) -> Graph:
    """The documents ``document`` answers to and those answering it, a few steps each way."""
    up_ids, up_edges = _walk(document.pk, up=True)
    down_ids, down_edges = _walk(document.pk, up=False)
    ids = up_ids | down_ids
    visible = set(
        Document.objects.restrict(viewer, "view").filter(pk__in=ids).values_list("pk", flat=True)
    )
    graph = Graph(truncated=len(ids) > MAX_NODES)
    for d in Document.objects.filter(pk__in=ids).order_by("date", "pk")[:MAX_NODES]:
        label, caption = _label(d, d.pk in visible)
        graph.nodes[d.pk] = Node(
            d.pk,
            label,
            caption,
            d.pk in visible,
            d.state == DocumentState.PLACEHOLDER,
            d.pk == document.pk,
        )
    unique = {(c.source_id, c.target_id): c for c in [*up_edges, *down_edges]}
    graph.edges = [
        Edge(c.source_id, c.target_id, c.relation, c.via_id is not None)
        for c in unique.values()
        if c.source_id in graph.nodes and c.target_id in graph.nodes
    ]
    layout(graph)
    return graph


def layout(graph: Graph) -> None:
    """Rank each node below everything it answers to (longest path), order within ranks."""
    answers_to: dict[int, list[int]] = defaultdict(list)
    for edge in graph.edges:
        answers_to[edge.source].append(edge.target)
    ranks: dict[int, int] = {}

    def rank(pk: int, trail: frozenset[int]) -> int:
        if pk in ranks:
            return ranks[pk]
        above = [rank(t, trail | {pk}) + 1 for t in answers_to[pk] if t not in trail]
        ranks[pk] = max(above, default=0)
        return ranks[pk]

    rows: dict[int, list[Node]] = defaultdict(list)
    for node in graph.nodes.values():
        node.rank = rank(node.pk, frozenset())
        rows[node.rank].append(node)
    for row in rows.values():
        for order, node in enumerate(row):
            node.order = order


BOX_W, BOX_H, GAP_X, GAP_Y, PAD = 170, 46, 30, 60, 14


def _box(node: Node) -> tuple[int, int]:
    return PAD + node.order * (BOX_W + GAP_X), PAD + node.rank * (BOX_H + GAP_Y)


def _edge_svg(edge: Edge, nodes: dict[int, Node]) -> str:
    sx, sy = _box(nodes[edge.source])
    tx, ty = _box(nodes[edge.target])
    x1, y1, x2, y2 = tx + BOX_W // 2, ty + BOX_H, sx + BOX_W // 2, sy
    label = Relation(edge.relation).label if edge.relation in Relation.values else edge.relation
    dash = ' stroke-dasharray="5 4"' if edge.inferred else ""
    return format_html(
        '<g class="edge edge-{}"><line x1="{}" y1="{}" x2="{}" y2="{}" marker-end="url(#arrow)"'
        '{}/><text x="{}" y="{}">{}</text></g>',
        edge.relation,
        x1,
        y1,
        x2,
        y2 - 4,
        mark_safe(dash),
        (x1 + x2) // 2 + 4,
        (y1 + y2) // 2,
        label,
    )


def _node_svg(node: Node) -> str:
    x, y = _box(node)
    classes = " ".join(
        c
        for c, on in (
            ("node", True),
            ("placeholder", node.placeholder),
            ("current", node.current),
            ("locked", not node.visible),
        )
        if on
    )
    inner = format_html(
        '<rect x="{}" y="{}" width="{}" height="{}" rx="6"/>'
        '<text x="{}" y="{}" class="label">{}</text><text x="{}" y="{}" class="caption">{}</text>',
        x,
        y,
        BOX_W,
        BOX_H,
        x + BOX_W // 2,
        y + 19,
        node.label,
        x + BOX_W // 2,
        y + 36,
        node.caption,
    )
    if node.url:
        inner = format_html('<a href="{}"><title>{}</title>{}</a>', node.url, node.label, inner)
    return format_html('<g class="{}" data-document="{}">{}</g>', classes, node.pk, inner)


def render_svg(graph: Graph, title: str) -> SafeString:
    """The graph as an inline SVG: boxes by rank, arrows from the answered to the answering."""
    columns = max((n.order for n in graph.nodes.values()), default=0) + 1
    rows = max((n.rank for n in graph.nodes.values()), default=0) + 1
    width = PAD * 2 + columns * BOX_W + (columns - 1) * GAP_X
    height = PAD * 2 + rows * BOX_H + (rows - 1) * GAP_Y
    parts = [_edge_svg(e, graph.nodes) for e in graph.edges]
    parts += [_node_svg(n) for n in graph.nodes.values()]
    head = format_html(
        '<svg class="citation-graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" '
        'width="{}" height="{}" role="img" aria-labelledby="graph-title"><title id="graph-title">{}'
        '</title><defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z"/></marker></defs>',
        width,
        height,
        width,
        height,
        title,
    )
    return mark_safe(head + "".join(parts) + "</svg>")  # every part is built by format_html


def outline(graph: Graph, root: int) -> list[dict[str, Any]]:
    """The graph as an indented list: what ``root`` answers to (upward), then what answered it."""
    answered_by: dict[int, list[Edge]] = defaultdict(list)
    answers_to: dict[int, list[Edge]] = defaultdict(list)
    for edge in graph.edges:
        answered_by[edge.target].append(edge)
        answers_to[edge.source].append(edge)
    rows: list[dict[str, Any]] = []

    def down(pk: int, depth: int, relation: str, trail: frozenset[int]) -> None:
        label = Relation(relation).label if relation in Relation.values else relation
        rows.append(
            {"node": graph.nodes[pk], "depth": depth, "relation": label, "repeat": pk in trail}
        )
        if pk in trail:
            return
        for edge in sorted(answered_by[pk], key=lambda e: graph.nodes[e.source].label):
            down(edge.source, depth + 1, edge.relation, trail | {pk})

    tops = _tops(graph, root, answers_to)
    for top in tops:
        down(top, 0, "", frozenset())
    return rows


def _tops(graph: Graph, root: int, answers_to: dict[int, list[Edge]]) -> list[int]:
    """The furthest documents up from ``root`` (those answering to nothing in the picture)."""
    tops, stack, seen = [], [root], set()
    while stack:
        pk = stack.pop()
        if pk in seen:
            continue
        seen.add(pk)
        parents = [e.target for e in answers_to[pk] if e.target in graph.nodes]
        if not parents:
            tops.append(pk)
        stack.extend(parents)
    return sorted(tops, key=lambda pk: graph.nodes[pk].label)
