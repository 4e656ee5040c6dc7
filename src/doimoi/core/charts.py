"""Charts drawn on the server as SVG: no script, no CDN, they print as they show and read without
colour (each bar carries its figure; the stacked bars a legend with patterns of shade).

Three shapes serve every page: horizontal bars (one figure per unit), a line over months, and
bars stacked by category over months. Labels and figures come in already formatted
(Vietnamese style: 1.250; 88,2 %)."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape

from doimoi.core.templatetags.doimoi_format import number

PAD, ROW, FONT = 8, 22, 12
PALETTE = ("#8b1c1c", "#c2410c", "#a16207", "#15803d", "#0f766e", "#1d4ed8", "#6d28d9", "#9d174d",
           "#57534e", "#b45309", "#047857", "#4338ca", "#be123c", "#374151")  # fmt: skip


def _open(title: str, width: int, height: int) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px" role="img" aria-label="{escape(title)}" '
        f'class="chart" font-family="sans-serif" font-size="{FONT}">',
        f"<title>{escape(title)}</title>",
        f'<text x="{PAD}" y="{PAD + 12}" font-weight="bold">{escape(title)}</text>',
    ]


def bars(title: str, rows: Sequence[tuple[str, float, str]], *, top: float | None = None) -> str:
    """One horizontal bar per (label, value, shown figure), the label above its bar so that long
    unit names stay whole on a phone; ``top`` fixes the scale (100 for a percentage)."""
    scale = top or max((v for _l, v, _s in rows), default=0) or 1
    width, bar_w, row = 440, 340, 34
    height = PAD * 4 + row * len(rows) + 8
    parts = _open(title, width, height)
    for i, (label, value, shown) in enumerate(rows):
        y = PAD * 4 + row * i
        length = round(bar_w * min(value, scale) / scale)
        parts += [
            f'<text x="{PAD}" y="{y + 12}">{escape(label[:64])}</text>',
            f'<rect x="{PAD}" y="{y + 16}" width="{max(length, 1)}" height="12" fill="{PALETTE[0]}">'
            f"<title>{escape(label)}: {escape(shown)}</title></rect>",
            f'<text x="{PAD + length + 4}" y="{y + 27}">{escape(shown)}</text>',
        ]
    parts.append("</svg>")
    return "".join(parts)


def line(title: str, points: Sequence[tuple[str, float]], *, unit: str = "") -> str:
    """A line over the months (label, value), each point with its figure."""
    width, height, left, bottom = 480, 220, 30, 40
    inner_w, inner_h = width - left - PAD * 2 - 24, height - bottom - PAD * 5
    top = max((v for _l, v in points), default=0) or 1
    step = inner_w / max(len(points) - 1, 1)
    parts = _open(title, width, height)
    base = PAD * 4 + inner_h
    parts.append(
        f'<line x1="{left}" y1="{base}" x2="{left + inner_w}" y2="{base}" stroke="#57534e"/>'
    )
    xy = []
    for i, (label, value) in enumerate(points):
        x, y = left + step * i, base - inner_h * value / top
        xy.append(f"{x:.1f},{y:.1f}")
        parts += [
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{PALETTE[0]}">'
            f"<title>{escape(label)}: {escape(number(value))} {escape(unit)}</title></circle>",
            f'<text x="{x:.1f}" y="{y - 6:.1f}" text-anchor="middle">{escape(number(value))}</text>',
            f'<text x="{x:.1f}" y="{base + 16}" text-anchor="middle">{escape(label)}</text>',
        ]
    if len(xy) > 1:
        parts.insert(
            4,
            f'<polyline points="{" ".join(xy)}" fill="none" stroke="{PALETTE[0]}" stroke-width="2"/>',
        )
    parts.append("</svg>")
    return "".join(parts)


def stacked(
    title: str, columns: Sequence[str], series: Sequence[tuple[str, Sequence[float]]]
) -> str:
    """Bars over ``columns`` (months), each stacked by the ``series`` (name, one value per
    column), with a legend; every segment carries its figure in a tooltip."""
    legend_h = ROW * ((len(series) + 1) // 2)
    width, chart_h, left = 480, 180, 30
    height = PAD * 5 + chart_h + 24 + legend_h
    totals = [sum(values[i] for _n, values in series) for i in range(len(columns))]
    top = max(totals, default=0) or 1
    slot = (width - left - PAD * 2) / max(len(columns), 1)
    parts = _open(title, width, height)
    base = PAD * 4 + chart_h
    for i, column in enumerate(columns):
        x, y = left + slot * i + slot * 0.15, float(base)
        for k, (name, values) in enumerate(series):
            h = chart_h * values[i] / top
            if h:
                y -= h
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{h:.1f}" '
                    f'fill="{PALETTE[k % len(PALETTE)]}" stroke="#fff" stroke-width="0.5">'
                    f"<title>{escape(column)} — {escape(name)}: {escape(number(values[i]))}</title></rect>"
                )
        parts += [
            f'<text x="{x + slot * 0.35:.1f}" y="{y - 4:.1f}" text-anchor="middle">{escape(number(totals[i]))}</text>',
            f'<text x="{x + slot * 0.35:.1f}" y="{base + 16}" text-anchor="middle">{escape(column)}</text>',
        ]
    for k, (name, _values) in enumerate(series):
        lx, ly = PAD + (k % 2) * (width // 2), base + 30 + ROW * (k // 2)
        parts += [
            f'<rect x="{lx}" y="{ly}" width="12" height="12" fill="{PALETTE[k % len(PALETTE)]}"/>',
            f'<text x="{lx + 18}" y="{ly + 11}">{escape(name[:34])}</text>',
        ]
    parts.append("</svg>")
    return "".join(parts)
