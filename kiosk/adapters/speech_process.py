"""The speech process: Qt's text-to-speech engine, driven by lines on its standard input.

The kiosk starts it after its first frame (``python -m kiosk --speech-process [ENGINE]``, see
:class:`kiosk.adapters.speech.QtSpeech`). It answers on its standard output:

- ``ready zh en``: the languages it has a voice for (nothing after ``ready``: none), once;
- ``state Speaking`` and the like: each change of the engine's state.

It reads ``say LANG TEXT`` (one line, the text without line breaks) and ``stop``; it ends at the
end of its input, that is when the kiosk closes the pipe or ends.
"""

from __future__ import annotations

import contextlib
import os
import sys

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer, Slot

from kiosk.adapters.speech import LOCALES, Worker


class _Input(QObject):
    """Reads the commands from standard input and hands them to the worker."""

    def __init__(self, worker: Worker, app: QCoreApplication) -> None:
        super().__init__(app)
        self._worker = worker
        self._app = app
        self._buffer = b""
        self._notifier = QSocketNotifier(0, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)

    @Slot()
    def _read(self) -> None:
        chunk = os.read(0, 65536)
        if not chunk:  # the kiosk closed the pipe or ended
            self._notifier.setEnabled(False)
            self._worker.stop()
            self._app.quit()
            return
        self._buffer += chunk
        *lines, self._buffer = self._buffer.split(b"\n")
        for raw in lines:
            command, _, rest = raw.decode(errors="replace").partition(" ")
            if command == "say":
                lang, _, text = rest.partition(" ")
                if lang in LOCALES and text:
                    self._worker.say(text, lang)
            elif command == "stop":
                self._worker.stop()


def _answer(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


#: How much lower than the kiosk's the speech process runs (and the speech-dispatcher it
#: starts, which inherits it): listing speech-dispatcher's voices takes it 1-1.5 s of CPU just
#: after the kiosk's first frame, while the attract loop runs; the window must win that.
NICENESS = 5


def lower_priority() -> None:
    """Run below the kiosk (see :data:`NICENESS`); where that is refused, as it is."""
    with contextlib.suppress(OSError, AttributeError):
        os.nice(NICENESS)


def main(engine: str = "") -> int:
    """Run the speech process until its input ends; the exit status is the event loop's."""
    lower_priority()
    app = QCoreApplication([sys.argv[0]])
    worker = Worker(engine)
    worker.found.connect(lambda languages: _answer(" ".join(["ready", *sorted(languages)])))
    worker.state.connect(lambda state: _answer(f"state {state}"))
    _Input(worker, app)
    QTimer.singleShot(0, worker.start)
    return app.exec()
