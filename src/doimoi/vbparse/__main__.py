"""``python -m doimoi.vbparse parse FILE... [--json]``."""

from __future__ import annotations

import sys

from doimoi.vbparse.command import USAGE, run


def main(argv: list[str]) -> int:
    """Dispatch the one sub-command this module offers."""
    if argv and argv[0] == "parse":
        return run(argv[1:])
    print(USAGE, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
