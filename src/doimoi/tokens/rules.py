"""Everyone signed in manages their own API tokens (which carry only their own rights)."""

import rules

rules.add_perm("tokens.manage_own_tokens", rules.is_authenticated)
