"""The served application settles before its first request (doimoi/startup.py, issue 16): every
view is imported and what start-up built is frozen out of the collector's full passes, which
walked it all on whichever request they fell (60–65 ms at p95, bench/floors.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CHECK = """
import gc, sys
import doimoi.wsgi
print(gc.get_freeze_count(), len(gc.get_objects()), "doimoi.documents.views" in sys.modules)
"""


def test_the_wsgi_application_is_settled_when_loaded(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {"DOIMOI_VAR_DIR": str(tmp_path), "PYTHONPATH": "src"}
    done = subprocess.run(
        [sys.executable, "-c", CHECK], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    frozen, tracked, views = done.stdout.split()
    assert views == "True"  # imported at start, not on the first request
    assert int(frozen) > 50_000  # start-up's objects, out of the full collections
    assert int(tracked) < int(frozen) // 10  # what a full collection still walks
