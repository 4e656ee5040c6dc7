"""Bar charts drawn on the server as SVG (no script, no CDN; they print as they show): one
indicator, one bar per unit below."""

from __future__ import annotations

from django.utils.html import escape

from doimoi.compose.names import official_name
from doimoi.reporting.periodic.figures import UnitFigures

ROW, LABEL_W, BAR_W, PAD = 22, 230, 300, 8


def bar_chart(title: str, key: str, figures: list[UnitFigures]) -> str:
    """A horizontal bar chart of ``key`` for each unit in ``figures``."""
    top = max((f[key] for f in figures), default=0) or 1
    height = PAD * 3 + ROW * (len(figures) + 1)
    width = LABEL_W + BAR_W + 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}" '
        'class="chart" font-family="sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
        f'<text x="{PAD}" y="{PAD + 12}" font-weight="bold">{escape(title)}</text>',
    ]
    for i, f in enumerate(figures):
        y = PAD * 2 + ROW * (i + 1)
        length = round(BAR_W * f[key] / top)
        name = official_name(f.unit)
        parts += [
            f'<text x="{LABEL_W - 6}" y="{y + 14}" text-anchor="end">{escape(name[:38])}</text>',
            f'<rect x="{LABEL_W}" y="{y + 3}" width="{length}" height="{ROW - 8}" fill="#8b1c1c">'
            f"<title>{escape(name)}: {f[key]}</title></rect>",
            f'<text x="{LABEL_W + length + 4}" y="{y + 14}">{f[key]}</text>',
        ]
    parts.append("</svg>")
    return "".join(parts)
