"""The initiatives pages; each view names its rule (``require_rule``)."""
