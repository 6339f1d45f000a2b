"""The shell scripts an administrator runs, read for patterns that fail at random."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_pipe_into_an_early_exiting_grep_under_pipefail():
    """`cmd | grep -q` under `set -o pipefail` fails when grep exits on the first match and cmd
    dies of SIGPIPE: `make install` once reported a loaded extension as missing (1 in 200)."""
    offenders = []
    for script in [*ROOT.glob("scripts/*.sh"), *ROOT.glob("packaging/*.sh"), *ROOT.glob("benches/*.sh"), ROOT / ".ci/run"]:
        text = script.read_text()
        if "pipefail" not in text:
            continue
        for n, line in enumerate(text.splitlines(), 1):
            if re.search(r"\|\s*grep\s+(-\w*q\w*|--quiet)", line) and not line.lstrip().startswith("#"):
                offenders.append(f"{script.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not offenders, "\n".join(offenders)
