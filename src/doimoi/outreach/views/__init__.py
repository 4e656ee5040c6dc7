"""The outreach pages (thin: they call selectors and services)."""
