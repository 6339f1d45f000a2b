import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from standin import new_standin  # noqa: E402


@pytest.fixture(scope="session")
def standin():
    s = new_standin()
    yield s
    s.stop()


@pytest.fixture()
def fresh_standin():
    """A stand-in of its own, for tests that change settings or config."""
    s = new_standin()
    yield s
    s.stop()
