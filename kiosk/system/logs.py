"""Runtime hygiene: logging, crash dumps, one exception hook and Qt messages in the log.

One named logger per subsystem (``kiosk.content``, ``kiosk.ui`` …). Qt's own messages go into the
``qt`` logger, so that the kiosk never prints to a console a visitor could see and tests can fail
on Qt warnings.

Crashes leave a trace for the next start:

* a native crash (segfault, abort) makes :mod:`faulthandler` write every thread's stack to
  ``crash.log`` in the log folder; so does ``SIGUSR1`` (the supervisor sends it to a kiosk that
  stopped answering, before it kills it, so the log says where it hung);
* :func:`setup` sets the previous run's ``crash.log`` aside (``crash.log.1`` …) before it opens a
  fresh one, and logs it; :func:`previous_crash` returns it for the admin menu.

Uncaught Python exceptions go through one hook (:func:`install_excepthook`). In PySide6 (6.5.2 and
later, PYSIDE-2335) an exception raised in a Python override of a Qt virtual (``event``,
``eventFilter``, ``paintEvent`` …) while the event loop runs reaches ``sys.excepthook``; raised
while a Python call into Qt (``QApplication.sendEvent``, ``QTest.qWait``) is running, it is
re-raised to that caller when the call returns.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

from kiosk.system.paths import user_dir

log = logging.getLogger("kiosk")

#: The log file's size limit and how many earlier files are kept (kiosk.log.1 …).
LOG_BYTES = 2_000_000
LOG_BACKUPS = 5
#: The crash log's name in the log folder, and how many earlier ones are kept (crash.log.1 …).
CRASH_LOG = "crash.log"
CRASH_KEEP = 3
#: At most this much of a previous crash log is returned (its end: the stacks of the crash).
CRASH_SHOWN = 64_000

_crash_file: IO[str] | None = None
_previous: str | None = None
#: The crash log :func:`previous_crash` returned in this run, kept for the fleet status.
_returned: str | None = None
_handlers: list[logging.Handler] = []


def log_dir() -> Path:
    """The platform's log folder for the kiosk (created on demand)."""
    path = user_dir("state") / "log"  # platformdirs' user_log_dir
    path.mkdir(parents=True, exist_ok=True)
    return path


def setup(
    verbose: bool = False,
    directory: Path | None = None,
    filename: str = "kiosk.log",
    crash_log: bool = True,
) -> Path:
    """Log to a rotating file (and to stderr: everything when *verbose*, else critical errors
    only); dump native crashes to a file.

    Args:
        verbose: log debug messages, and to stderr too.
        directory: the log folder (default: :func:`log_dir`).
        filename: the rotating log's name (the supervisor logs to its own file).
        crash_log: enable :mod:`faulthandler` into ``crash.log``, after setting the previous
            run's crash log aside (see :func:`previous_crash`). The supervisor passes False: the
            crash log belongs to the kiosk.

    Returns:
        The folder the logs are written to.
    """
    global _crash_file, _previous
    directory = directory or log_dir()
    directory.mkdir(parents=True, exist_ok=True)
    if crash_log and _crash_file is None:
        _previous = _set_aside(directory)
        _crash_file = (directory / CRASH_LOG).open("a", encoding="utf-8")
        faulthandler.enable(_crash_file, all_threads=True)
        if hasattr(signal, "SIGUSR1"):
            faulthandler.register(signal.SIGUSR1, _crash_file, all_threads=True)
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for old in _handlers:  # a second setup() replaces the first one's handlers
        root.removeHandler(old)
        old.close()
    _handlers.clear()
    handler: logging.Handler = RotatingFile(directory / filename, LOG_BYTES, LOG_BACKUPS)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _handlers.append(handler)
    console = logging.StreamHandler(sys.stderr)
    if verbose:
        console.setFormatter(logging.Formatter("%(asctime)s %(name)s: %(message)s"))
    else:  # fatal errors reach the terminal too, as one plain paragraph
        console.setLevel(logging.CRITICAL)
        console.setFormatter(logging.Formatter("%(message)s"))
    _handlers.append(console)
    for new in _handlers:
        root.addHandler(new)
    if crash_log and _previous is not None:
        log.warning("the previous run crashed; its crash log follows\n%s", _previous)
    return directory


class RotatingFile(logging.FileHandler):
    """A log file moved aside (``name.1`` … ``name.N``, oldest dropped) when it would pass
    *max_bytes*.

    What ``logging.handlers.RotatingFileHandler`` does, without importing ``logging.handlers``
    (it pulls in socket, pickle and queue: about 20 ms before the kiosk's first frame).
    """

    def __init__(self, path: Path, max_bytes: int, backups: int):
        super().__init__(path, encoding="utf-8")
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            size = len(self.format(record).encode("utf-8")) + 1
            if self.stream is not None and self.stream.tell() + size > self.max_bytes:
                self._rotate()
        except Exception:  # a handler must never raise into the code that logs
            self.handleError(record)
            return
        super().emit(record)

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
        base = Path(self.baseFilename)
        for n in range(self.backups - 1, 0, -1):
            older = base.with_name(f"{base.name}.{n}")
            if older.exists():
                older.replace(base.with_name(f"{base.name}.{n + 1}"))
        if base.exists():
            base.replace(base.with_name(f"{base.name}.1"))
        self.stream = self._open()


def previous_crash(directory: Path | None = None) -> str | None:
    """The crash log the previous run left (non-empty), or None when it ended without one.

    :func:`setup` sets ``crash.log`` aside as ``crash.log.1`` (older ones become ``.2``, ``.3``)
    before it opens a fresh one, so call this any time after it: the admin menu can show it and
    the log already holds it. Called before (or without) :func:`setup`, it sets the crash log of
    *directory* (default: :func:`log_dir`) aside itself; a second call then returns None.
    """
    global _previous, _returned
    if _crash_file is None:
        _previous = _set_aside(directory or log_dir())
    found, _previous = _previous, None
    _returned = found or _returned
    return found


def crash_at_start() -> str | None:
    """The previous run's crash log, once :func:`previous_crash` has returned it (else None)."""
    return _returned


def crash_summary(text: str, width: int = 160) -> str:
    """One line for the admin menu from a crash log: what happened, not the stacks.

    The supervisor's notes and Python's fatal error lines say what happened; the stack lines that
    follow them do not. The last such line wins (the latest event), else the first line.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    telling = [
        line
        for line in lines
        if "supervisor:" in line or line.startswith(("Fatal Python error", "Traceback"))
    ]
    line = (telling or lines or [""])[-1 if telling else 0]
    return line if len(line) <= width else line[: width - 1] + "…"


def _set_aside(directory: Path) -> str | None:
    """Rotate ``crash.log`` to ``crash.log.1`` if it has anything; returns what it had."""
    path = directory / CRASH_LOG
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    text = raw[-CRASH_SHOWN:].decode("utf-8", errors="replace").strip()
    if not text:
        return None
    try:
        for n in range(CRASH_KEEP - 1, 0, -1):
            older = directory / f"{CRASH_LOG}.{n}"
            if older.exists():
                older.replace(directory / f"{CRASH_LOG}.{n + 1}")
        path.replace(directory / f"{CRASH_LOG}.1")
    except OSError as exc:  # a read-only folder: show it anyway, it may show again next time
        log.error("cannot set the crash log aside: %s", exc)
    return text


ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class ExceptHook:
    """The one handler of uncaught exceptions: logs them and has the kiosk recover.

    Recovery runs from the event loop (a zero timer), never inside the Qt virtual that raised: the
    widget that raised may be half-way through an event. It cannot loop:

    * an exception while recovery runs is logged, and no recovery is scheduled for it;
    * at most one recovery is pending at a time;
    * more than *storm_limit* exceptions within *storm_seconds* is an error storm: recovery stops
      and *on_storm* is called once (the kiosk then asks its supervisor for a restart); recovery
      resumes after *storm_seconds* without an exception.

    Exceptions in other threads are logged only: they do not break the screen.

    Attributes:
        count: uncaught exceptions seen since installation.
        recoveries: recoveries run.
        storms: error storms declared.
    """

    def __init__(
        self,
        recover: Callable[[], None] | None,
        storm_limit: int = 5,
        storm_seconds: float = 10.0,
        on_storm: Callable[[], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        later: Callable[[Callable[[], None]], None] | None = None,
    ) -> None:
        self.recover = recover
        #: Runs a callable from the event loop (kiosk.adapters.qt_logging.later); None: at once.
        self.later = later
        self.storm_limit = storm_limit
        self.storm_seconds = storm_seconds
        self.on_storm = on_storm
        self.clock = clock
        self.count = 0
        self.recoveries = 0
        self.storms = 0
        self._recent: list[float] = []
        self._pending = False
        self._recovering = False
        self._storming = False
        self._quieted = 0

    # -- hooks ---------------------------------------------------------------------------------

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        """``sys.excepthook``: never raises, whatever happens."""
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        try:
            self._handle((exc_type, exc, tb), ui_thread=True)
        except BaseException:  # the hook itself failed (a full disk?): say it the plain way
            with contextlib.suppress(BaseException):
                sys.__excepthook__(exc_type, exc, tb)

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        """``threading.excepthook``: logs the exception of a thread."""
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        try:
            name = args.thread.name if args.thread is not None else "?"
            exc_info = (args.exc_type, args.exc_value, args.exc_traceback)
            self._handle(exc_info, ui_thread=False, where=f" in thread {name}")
        except BaseException:
            with contextlib.suppress(BaseException):
                threading.__excepthook__(args)

    # -- policy --------------------------------------------------------------------------------

    def _handle(self, exc_info: ExcInfo, ui_thread: bool, where: str = "") -> None:
        self.count += 1
        now = self.clock()
        self._recent = [t for t in self._recent if now - t < self.storm_seconds] + [now]
        if self._storming and len(self._recent) == 1:
            log.warning("error storm over; recovery resumes")
            self._storming = False
        if self._recovering:
            log.critical(
                "uncaught exception during recovery%s; not recovering again",
                where,
                exc_info=exc_info,
            )
            return
        if self._storming:
            self._quieted += 1
            if self._quieted & (self._quieted - 1) == 0:  # 1, 2, 4, 8 …: the log stays small
                log.critical(
                    "uncaught exception%s during an error storm (%d so far): %s: %s",
                    where,
                    self._quieted,
                    exc_info[0].__name__,
                    exc_info[1],
                )
            return
        log.critical("uncaught exception%s", where, exc_info=exc_info)
        if len(self._recent) > self.storm_limit:
            self._storm()
            return
        if ui_thread and self.recover is not None:
            self._schedule()

    def _storm(self) -> None:
        self._storming = True
        self._quieted = 0
        self.storms += 1
        log.critical(
            "error storm: %d uncaught exceptions within %.0f s; no more recovery",
            len(self._recent),
            self.storm_seconds,
        )
        if self.on_storm is not None:
            try:
                self.on_storm()
            except Exception:
                log.exception("the error storm handler failed")

    def _schedule(self) -> None:
        if self._pending:
            return
        self._pending = True
        if self.later is None:
            self.run_recovery()
        else:
            self.later(self._run_pending)

    def _run_pending(self) -> None:
        if self._pending:  # not run meanwhile by hand
            self.run_recovery()

    def run_recovery(self) -> None:
        """Run *recover* now; an exception it raises is logged and goes no further."""
        self._pending = False
        if self.recover is None or self._storming:
            return
        self._recovering = True
        self.recoveries += 1
        try:
            log.warning("recovering")
            self.recover()
        except Exception:
            log.exception("recovery failed")
        finally:
            self._recovering = False


def install_excepthook(
    recover: Callable[[], None] | None = None,
    *,
    storm_limit: int = 5,
    storm_seconds: float = 10.0,
    on_storm: Callable[[], None] | None = None,
    later: Callable[[Callable[[], None]], None] | None = None,
) -> ExceptHook:
    """Log every uncaught exception (main and other threads) and call *recover*.

    A visitor never sees a traceback: the exception goes to the log and *recover* brings the
    kiosk back to a clean state (see :class:`ExceptHook` for why this cannot loop).

    Returns:
        The installed hook (its counters tell how many exceptions it saw).
    """
    hook = ExceptHook(recover, storm_limit, storm_seconds, on_storm, later=later)
    sys.excepthook = hook
    threading.excepthook = hook.thread_hook
    return hook
