import pytest


@pytest.fixture(autouse=True)
def _uploads_in_tmp(settings, tmp_path):
    # Pending imports wait under DATA_DIR; keep the tests' files out of the working copy.
    settings.DATA_DIR = tmp_path
