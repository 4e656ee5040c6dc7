"""Bar charts drawn on the server as SVG (no script, no CDN; they print as they show): one
indicator, one bar per unit below (the drawing is core.charts', shared with outreach)."""

from __future__ import annotations

from doimoi.compose.names import official_name
from doimoi.core.charts import bars
from doimoi.core.templatetags.doimoi_format import number
from doimoi.reporting.periodic.figures import UnitFigures


def bar_chart(title: str, key: str, figures: list[UnitFigures]) -> str:
    """A horizontal bar chart of ``key`` for each unit in ``figures``."""
    return bars(title, [(official_name(f.unit), f[key], number(f[key])) for f in figures])
