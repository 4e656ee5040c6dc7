"""Forms of the directives pages: they parse and validate input; services do the writing."""
