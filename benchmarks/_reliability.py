"""Shared by benchmarks/monkey.py and benchmarks/soak.py: a real shell offscreen, and meters.

Import this module before anything imports Qt: it selects the offscreen platform with the test
suite's 4K virtual screen (tests/offscreen.json; Qt's default offscreen screen is 800×800, and
touches beyond it would find no widget) and puts tests/ on the path for the touch helpers.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={TESTS / 'offscreen.json'}"
os.environ.setdefault("QT_ENABLE_HIGHDPI_SCALING", "1")
sys.path[:0] = [str(ROOT), str(TESTS)]

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.model.settings import Settings  # noqa: E402

#: Qt warnings the offscreen platform gives for what it has no window system for (as in
#: pyproject.toml's qt_log_ignore); they say nothing about the kiosk.
IGNORED = (
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)


def rss_mb() -> float:
    """Resident memory now (VmRSS), in MB."""
    return _status("VmRSS")


def peak_mb() -> float:
    """The highest resident memory so far (VmHWM), in MB."""
    return _status("VmHWM")


def malloc_in_use_mb() -> float:
    """Bytes the C allocator has handed out and not had back (glibc ``mallinfo2``: heap blocks
    in use plus mmapped blocks), in MB; NaN elsewhere. Unlike RSS it does not depend on when
    freed pages are returned to the system."""
    import ctypes

    class MallInfo2(ctypes.Structure):
        _fields_ = [(name, ctypes.c_size_t) for name in (
            "arena", "ordblks", "smblks", "hblks", "hblkhd",
            "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost",
        )]  # fmt: skip

    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = MallInfo2
    except (OSError, AttributeError):
        return float("nan")
    info = libc.mallinfo2()
    return (info.uordblks + info.hblkhd) / 2**20


def _status(key: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


@dataclass
class Meters:
    """Counts uncaught exceptions (both hooks and those raised out of a touch) and Qt warnings."""

    exceptions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def install(self) -> None:
        sys.excepthook = self.hook
        threading.excepthook = lambda a: self.hook(
            a.exc_type, a.exc_value or a.exc_type(), a.exc_traceback
        )
        meters = self

        class Count(logging.Handler):
            def emit(self, record: logging.LogRecord) -> None:
                message = record.getMessage()
                if record.levelno >= logging.WARNING and not message.startswith(IGNORED):
                    meters.warnings.append(message)

        qt = logging.getLogger("qt")
        qt.addHandler(Count())
        qt.propagate = False

    def hook(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        self.exceptions.append("".join(traceback.format_exception(kind, exc, tb)))


def private_resources() -> Path:
    """Register a private copy of the compiled resources.

    Qt maps the .rcc file; rebuilding it in place (tools/build_resources.py, while someone edits
    the assets) crashes every process that has it mapped, and a long benchmark would die of it.
    """
    import tempfile

    from kiosk.adapters import resources

    copy = Path(tempfile.mkdtemp(prefix="kiosk-bench-")) / "resources.rcc"
    copy.write_bytes(resources.RESOURCES_RCC.read_bytes())
    resources.RESOURCES_RCC = copy
    return copy


def make_shell(settings: Settings | None = None) -> tuple[QApplication, object]:
    """The application as the kiosk builds it and a shown kiosk-mode shell at 1920×1080."""
    from kiosk.adapters import resources

    private_resources()
    from kiosk.app import create_application
    from kiosk.content import Environment, load
    from kiosk.model.session import Session
    from kiosk.system.paths import bundled_content_dir
    from kiosk.ui.shell import Shell

    app = create_application("kiosk-benchmark")
    content = load(bundled_content_dir(), Environment(resource_exists=resources.exists))
    settings = settings or Settings.defaults().replace(transition_ms=150)
    shell = Shell(Session(content, settings))
    shell.resize(1920, 1080)
    shell.show()
    QTest.qWaitForWindowExposed(shell)
    for _ in range(500):  # touch and keys are watched from the first frame on
        if shell.ready:  # type: ignore[attr-defined]
            break
        QTest.qWait(10)
    return app, shell


def table(rows: list[tuple[str, ...]]) -> str:
    """A Markdown table (the first row is the header)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
             for row in rows]  # fmt: skip
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)
