"""Child process of ``run.py``: process start → first painted frame of the start screen.

Usage (run.py does this): ``python benchmarks/_first_frame.py kiosk|bare OUT.json [LINGER_MS]``

``BENCH_SPAWN`` holds the parent's ``time.monotonic()`` taken just before it spawned this process
(CLOCK_MONOTONIC is system-wide on Linux), so the figure includes the interpreter's own start-up.

* ``kiosk`` starts the real kiosk through ``kiosk.commands.cli.main([])`` (settings, logs, content,
  Shell, full screen, exactly as ``kiosk`` does, its modules imported where the kiosk imports
  them); the only changes are that ``kiosk.adapters.application.new_application`` is wrapped,
  once the kiosk has imported it, to note the time and make the probe, and
  ``QWidget.showFullScreen`` to install the probe on the start screen once it is shown.
* ``bare`` is the reference: a QApplication and a full-screen QWidget with one QLabel, shown the
  same way (frameless, on top, screen geometry, ``showFullScreen``).

The probe is an event filter on the watched widgets, not on the application: an application-wide
Python filter has every start-up event converted to Python (about 30-40 ms more for the kiosk's
few dozen widgets than for the bare window's two), which is not what a visitor waits for.
The filter notes the first ``Paint`` event of the start screen; a zero-timer then fires once that
paint pass, including the backing-store flush, has returned to the event loop: that is the
"first frame". The kiosk's start screen is first the picture the start before kept (object name
``startPicture``, :mod:`kiosk.ui.start_picture`), shown before the kiosk's own modules load,
then its window's attract page (``page:attract``): ``frame`` is the first of the two,
``live_frame`` the attract page's own (the window that takes touches); the bare window is both.
The child writes its time stamps (seconds since spawn), its CPU time (user + system, all threads)
and memory at the live frame to OUT.json and exits on the turn after the live frame, or
*LINGER_MS* after it. The kiosk reads its pictures from the cache a previous start left
(``XDG_CACHE_HOME``): run.py's first, unmeasured run of each platform lingers 3 s, so that the
kiosk writes them (its worker thread writes them after the first frame; a child ending on the
next turn leaves a ``.partial`` file, and every start after it painted the first slide again,
40-50 ms, and showed no start picture).
"""

from __future__ import annotations

import time

T_START = time.monotonic()

import json  # noqa: E402 - the time stamp above comes first
import os  # noqa: E402
import sys  # noqa: E402
from typing import Any  # noqa: E402

TIMEOUT_MS = 60_000


def memory() -> dict[str, float]:
    """VmRSS and VmHWM of this process, in MB."""
    out: dict[str, float] = {}
    with open("/proc/self/status", encoding="ascii") as status:  # noqa: PTH123 - no pathlib import
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0]) / 1024
    return out


def make_probe(
    targets: tuple[str, ...], stamps: dict[str, float], out: str, linger_ms: int = 0
) -> Any:
    """An event filter that ends the process after the first frames of the widgets *targets*:
    ``paint`` and ``frame`` are the first of any of them (the start screen first on screen),
    ``live_paint`` and ``live_frame`` the last target's own (the window that takes touches)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    live = targets[-1]

    class FirstFrame(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.painted: set[str] = set()
            QTimer.singleShot(TIMEOUT_MS, self.give_up)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
            name = watched.objectName()
            if event.type() == QEvent.Type.Paint and name in targets and name not in self.painted:
                self.painted.add(name)
                if "paint" not in stamps:
                    stamps["paint"] = time.monotonic()
                    QTimer.singleShot(0, self.frame_done)
                if name == live:
                    stamps["live_paint"] = time.monotonic()
                    QTimer.singleShot(0, self.live_done)
            return False

        def frame_done(self) -> None:
            stamps["frame"] = time.monotonic()

        def live_done(self) -> None:
            stamps["live_frame"] = time.monotonic()
            mem = memory()  # at the frame of the window that takes touches (the kiosk built)
            mem["cpu"] = time.process_time()  # user + system time of all threads so far
            # One turn later (or *linger_ms*), so that what the frame queued runs as at any
            # start: not part of the figures.
            QTimer.singleShot(linger_ms, lambda: finish(stamps, out, mem))

        def give_up(self) -> None:
            finish(stamps, out, memory(), error=f"no paint of {live!r} within {TIMEOUT_MS} ms")

    return FirstFrame()


def finish(
    stamps: dict[str, float], out: str, mem: dict[str, float], error: str | None = None
) -> None:
    """Write the result and exit at once (also on an error here: the kiosk's excepthook would
    log it and keep running)."""
    try:
        spawn = float(os.environ["BENCH_SPAWN"])
        result: dict[str, Any] = {k: v - spawn for k, v in stamps.items()}
        result.update(mem)
        if error:
            result["error"] = error
        with open(out, "w", encoding="utf-8") as file:  # noqa: PTH123 - no pathlib import
            json.dump(result, file)
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:
        os._exit(5)
    os._exit(0 if error is None else 2)


def watch_after_show(names: tuple[str, ...], probe: Any) -> None:
    """Install *probe* on the widgets named *names* (a shown window or a child of it) as soon
    as ``showFullScreen`` or ``show`` returns, before the event loop paints them."""
    from PySide6.QtWidgets import QWidget

    def watching(original: Any) -> Any:
        def show(self: QWidget) -> None:
            original(self)
            for name in names:
                target = self if self.objectName() == name else self.findChild(QWidget, name)
                if target is not None:
                    target.installEventFilter(probe)

        return show

    QWidget.showFullScreen = watching(QWidget.showFullScreen)  # type: ignore[method-assign]
    QWidget.show = watching(QWidget.show)  # type: ignore[method-assign]


def run_kiosk(stamps: dict[str, float], out: str, linger_ms: int) -> int:
    from kiosk.commands.cli import main

    probes: list[Any] = []
    targets = ("startPicture", "page:attract")

    def wrap(module: Any) -> None:
        original = module.new_application

        def new_application(argv0: str = "kiosk") -> Any:
            from PySide6.QtWidgets import QApplication

            if QApplication.instance() is not None:  # the one made before, finished
                return original(argv0)
            stamps["create_application"] = time.monotonic()
            app = original(argv0)
            stamps["application_ready"] = time.monotonic()
            probe = make_probe(targets, stamps, out, linger_ms)
            probes.append(probe)
            watch_after_show(targets, probe)
            return app

        module.new_application = new_application

    when_imported("kiosk.adapters.application", wrap)
    return main([])


def when_imported(name: str, then: Any) -> None:
    """Call *then* with the module *name* as soon as the kiosk's own start has imported it (so
    that it is imported where and when the kiosk imports it, not earlier, by this script)."""
    import importlib.util  # the kiosk imports it too; importlib.abc (20 ms of imports) it does not

    class Finder:  # a meta path finder
        def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
            if fullname != name:
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(fullname)
            loader = spec.loader if spec is not None else None
            if loader is not None:
                execute = loader.exec_module

                def exec_module(module: Any) -> None:
                    execute(module)
                    then(module)

                loader.exec_module = exec_module  # type: ignore[method-assign]
            return spec

    sys.meta_path.insert(0, Finder())


def run_bare(stamps: dict[str, float], out: str, linger_ms: int) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

    stamps["create_application"] = time.monotonic()
    app = QApplication([sys.argv[0]])
    stamps["application_ready"] = time.monotonic()
    probe = make_probe(("bare",), stamps, out, linger_ms)
    watch_after_show(("bare",), probe)
    window = QWidget()
    window.setObjectName("bare")
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("Zhongguancun Forum 2023"))
    window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
    window.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
    window.setGeometry(app.primaryScreen().geometry())
    window.showFullScreen()
    return app.exec()


def main() -> int:
    which, out = sys.argv[1], sys.argv[2]
    linger_ms = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    stamps = {"start": T_START}
    run = run_kiosk if which == "kiosk" else run_bare
    return run(stamps, out, linger_ms)


if __name__ == "__main__":
    sys.exit(main())
