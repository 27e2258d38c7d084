"""``python -m kiosk`` runs the kiosk command line."""

import sys

from kiosk.commands.cli import main

sys.exit(main())
