from tests.reporting.fixtures import _private_file_store, ward  # noqa: F401  (fixtures)
