"""``python -m gridfig``: the ``gridfig`` command line (see :mod:`gridfig.cli`)."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
