"""``python -m cplc_desk``: the same as the ``cplc-desk`` command."""

import sys

from cplc_desk.cli import main

sys.exit(main())
