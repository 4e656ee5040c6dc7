"""Everyone signed in manages their own second step; a unit admin resets a person's (lost phone)."""

import rules

rules.add_perm("twofactor.manage_own_device", rules.is_authenticated)
