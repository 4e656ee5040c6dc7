"""Rules of the core pages: the user guide is for every signed-in user."""

from __future__ import annotations

import rules

rules.add_perm("core.view_guide", rules.is_authenticated)
