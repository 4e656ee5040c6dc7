"""The directives pages (thin: forms parse, services write, selectors read)."""
