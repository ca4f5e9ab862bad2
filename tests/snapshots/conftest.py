from tests.tui.conftest import fake_extractor  # noqa: F401  (the same stand-in extractor)
