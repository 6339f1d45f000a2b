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


@pytest.fixture(scope="module")
def session(standin):
    """A viewer's MCP session, shared by the tests of one module."""
    return standin.initialize()


@pytest.fixture(scope="module")
def schemas(standin, session):
    """Output schema of every listed tool, by name."""
    return {t["name"]: t["outputSchema"] for t in standin.call(session, "tools/list").json["result"]["tools"]}
