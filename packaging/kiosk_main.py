"""Entry point of the PyInstaller bundle (packaging/kiosk.spec): the ``kiosk`` command line."""

import sys

from kiosk.commands.cli import main

if __name__ == "__main__":
    sys.exit(main())
