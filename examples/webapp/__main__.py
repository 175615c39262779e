"""``python -m examples.webapp``: run the example web app (see ``app.py``)."""

import sys

from examples.webapp.app import main

sys.exit(main())
