"""Entry point of the PyInstaller bundle (packaging/kiosk.spec): the ``kiosk`` command line (or,
started by the kiosk itself with ``--speech-process``, its read-aloud engine)."""

import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["--speech-process"]:
        from kiosk.adapters.speech_process import main as speech

        sys.exit(speech(*sys.argv[2:3]))
    from kiosk.commands.cli import main

    sys.exit(main())
