"""Who may change the working-day calendar."""

import rules

rules.add_perm("workdays.change_calendar", rules.is_superuser)
