import functools
import os

import pytest

import harness
from test_leak_parity import FIXTURES


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """corpus(name) compiles a fixture once per test process."""
    here = os.path.dirname(os.path.abspath(__file__))
    outdir = str(tmp_path_factory.mktemp("leak-corpus"))

    @functools.lru_cache(maxsize=None)
    def _build(name):
        return harness.compile_fixture(os.path.join(here, name), outdir,
                                       FIXTURES[name])
    return _build
