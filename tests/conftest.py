import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402


def pytest_sessionstart(session):
    if not os.path.exists(harness.VG_IN_PLACE):
        raise pytest.UsageError(
            "%s is missing: build memroot first (scripts/bootstrap or make)"
            % harness.VG_IN_PLACE)


@pytest.fixture
def source_line(request):
    """source_line("x.c", "m") is the line of the fixture beside the calling
    test file that carries /* SITE:m */."""
    here = os.path.dirname(str(request.fspath))
    return lambda name, marker: harness.marked_line(os.path.join(here, name), marker)


@pytest.fixture
def build(request, tmp_path):
    """build("name.c") compiles the fixture beside the calling test file."""
    here = os.path.dirname(str(request.fspath))

    def _build(name, extra=()):
        return harness.compile_fixture(os.path.join(here, name), str(tmp_path), extra)
    return _build
