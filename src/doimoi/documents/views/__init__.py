"""Pages of the documents app, thin: forms in, services and selectors do the work."""
