from tests.reporting.fixtures import ward  # noqa: F401  (a fixture)
