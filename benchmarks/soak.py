"""Soak: a 10-hour booth day at accelerated speed, memory sampled every simulated hour.

Run: ``.venv/bin/python benchmarks/soak.py [--hours 10] [--visitors 30] [--trace]``
(about 20 minutes on 2 cores). A real kiosk-mode shell at 1920×1080 (offscreen) lives through the
day: the attract loop runs, a visitor touches it, browses with real taps (tiles, items, Back, Home,
swipes, scrolls), toggles the language and the accessibility modes (when the shell has
``set_mode``), sometimes pauses until "Still there?" appears and touches again, then leaves; the
idle reset (shortened with ``shell.idle.configure``) brings the attract loop back. Everything is
driven by single-shot QTimers from the event loop (``app.exec()``), as a visitor's touches would
come.

Every simulated hour (``--visitors`` sessions) it samples, 1.5 s after the idle reset (the kiosk at
rest on the attract loop) and after deferred deletes and
``gc.collect()``: RSS, widgets alive (``QApplication.allWidgets()``), the shell's QObject children
and Python's objects. It prints the table, the linear trend of RSS in MB per simulated hour and the
growth from the first measured hour to the end (``--prewarm`` shows every screen in every language
and text size first; ``--warmup`` hours, 1 by default, warm the
caches up first; hour 0 is the start), and the Python
types whose counts grew most; with ``--trace``, tracemalloc's top growing lines too. Exits 1 when
RSS grows by 5 MB or more from the first measured hour, or on any exception or Qt warning.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable

import _reliability as rel
import fingers
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication

from kiosk.model.settings import Settings

LIMIT_MB = 5.0
#: How long after the idle reset an hour's sample is taken: after the kiosk's own memory release
#: and Home prepared for the next visitor (kiosk.ui.shell RELEASE_MEMORY_MS, PREPARE_HOME_MS).
SETTLE_MS = 1500


def _types() -> Counter[str]:
    return Counter(type(o).__qualname__ for o in gc.get_objects())


class Day(QObject):
    """The booth's day as a chain of single-shot timers; quits the application at its end."""

    def __init__(self, app: QApplication, shell: object, hours: int, visitors: int, seed: int):
        super().__init__()
        self.app = app
        self.shell: object = shell
        self.hours = hours
        self.visitors = visitors
        self.rng = random.Random(seed)
        self.sessions = 0
        self.steps_left = 0
        self.actions: Counter[str] = Counter()
        self.samples: list[tuple[int, int, int, float, int, int, int, float]] = []
        self.types: dict[int, Counter[str]] = {}
        self.snapshots: dict[int, tracemalloc.Snapshot] = {}
        self.started = time.monotonic()
        self.pages = 0
        self.baseline = 1  # the first measured hour (the hours before it warm the caches up)
        host = shell.host  # type: ignore[attr-defined]
        build = host.factory

        def counted(route: object) -> object:
            self.pages += 1
            return build(route)

        host.factory = counted
        shell.idle.expired.connect(self._left)  # type: ignore[attr-defined]

    # -- the day -------------------------------------------------------------------------------

    def start(self) -> None:
        self.sample()
        self._later(self._arrive, 0.2, 1.0)

    def _later(self, step: Callable[[], None], low: float, high: float) -> None:
        QTimer.singleShot(round(self.rng.uniform(low, high) * 1000), step)

    def _arrive(self) -> None:
        """A visitor touches the attract loop: Home opens."""
        shell = self.shell
        page = shell.host.page  # type: ignore[attr-defined]
        fingers.tap(page, QPoint(self.rng.randrange(page.width()), self.rng.randrange(600)))
        self.steps_left = self.rng.randrange(3, 13)
        self._later(self._browse, 0.03, 0.15)

    def _browse(self) -> None:
        if self.steps_left <= 0:
            return  # the visitor walks away: the idle reset follows
        self.steps_left -= 1
        kind = self.rng.choices(
            ["tile", "back", "home", "swipe", "scroll", "language", "mode", "pause"],
            weights=[45, 12, 8, 10, 10, 8, 5, 2],
        )[0]
        getattr(self, f"_{kind}")()
        self.actions[kind] += 1
        if kind == "pause":
            self._later(self._resume, 0.6, 0.9)  # long enough for "Still there?"
        else:
            self._later(self._browse, 0.03, 0.15)

    def _left(self) -> None:
        """The idle reset happened: the session is over."""
        self.sessions += 1
        if self.sessions % self.visitors == 0:
            # Sampled where an idle kiosk rests: the transition to the attract loop over, the
            # memory handed back after it and the next visitor's Home built.
            QTimer.singleShot(SETTLE_MS, self._hour_done)
            return
        self._later(self._arrive, 0.1, 0.8)

    def _hour_done(self) -> None:
        self.sample()
        if len(self.samples) > self.hours:
            self.app.exit(0)  # not quit(): it asks the windows, and the kiosk refuses
            return
        self._later(self._arrive, 0.1, 0.8)

    # -- what a visitor does -------------------------------------------------------------------

    def _tile(self) -> None:
        shell = self.shell
        page = shell.host.page  # type: ignore[attr-defined]
        buttons = [b for b in page.findChildren(QAbstractButton) if b.isVisible()]
        if buttons:
            fingers.tap(self.rng.choice(buttons))

    def _back(self) -> None:
        fingers.tap(self.shell.bar.back)  # type: ignore[attr-defined]

    def _home(self) -> None:
        fingers.tap(self.shell.bar.home)  # type: ignore[attr-defined]

    def _swipe(self) -> None:
        page = self.shell.host.page  # type: ignore[attr-defined]
        y = page.height() // 2
        left, right = QPoint(page.width() // 5, y), QPoint(page.width() * 4 // 5, y + 10)
        start, end = (left, right) if self.rng.random() < 0.5 else (right, left)
        fingers.drag(page, start, end, steps=6)

    def _scroll(self) -> None:
        page = self.shell.host.page  # type: ignore[attr-defined]
        x, h = page.width() // 2, page.height()
        down = self.rng.random() < 0.7
        start, end = (QPoint(x, h * 4 // 5), QPoint(x, h // 5))
        fingers.drag(page, *((start, end) if down else (end, start)), steps=8)

    def _language(self) -> None:
        fingers.tap(self.shell.bar.language)  # type: ignore[attr-defined]

    def _mode(self) -> None:
        shell = self.shell
        modes = getattr(shell.bar, "modes", {})  # type: ignore[attr-defined]
        if hasattr(shell, "set_mode") and modes:
            fingers.tap(self.rng.choice(list(modes.values())))

    def _pause(self) -> None:
        pass

    def _resume(self) -> None:
        shell = self.shell
        if shell.idle_overlay.isVisible():  # type: ignore[attr-defined]
            self.actions["still there"] += 1
            fingers.tap(shell.idle_overlay)  # type: ignore[attr-defined]
        self._browse()

    # -- measuring -----------------------------------------------------------------------------

    def sample(self) -> None:
        for _ in range(2):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QCoreApplication.processEvents()
        gc.collect()
        hour = len(self.samples)
        shell = self.shell
        self.samples.append(
            (
                hour,
                self.sessions,
                self.pages,
                rel.rss_mb(),
                len(self.app.allWidgets()),
                len(shell.findChildren(QObject)),  # type: ignore[attr-defined]
                len(gc.get_objects()),
                rel.malloc_in_use_mb(),
            )
        )
        if hour in (self.baseline, self.hours):
            self.types[hour] = _types()
            if tracemalloc.is_tracing():
                self.snapshots[hour] = tracemalloc.take_snapshot()
        elapsed = time.monotonic() - self.started
        print(f"hour {hour}: {self.samples[-1]} after {elapsed:.0f} s", file=sys.stderr, flush=True)


def prewarm(app: QApplication, shell: object) -> None:
    """Every screen once in each language, with and without large text: every text the day can
    show at every size it can have is laid out and drawn once (Qt keeps the glyphs it draws)."""
    from kiosk.model.routes import all_routes

    nav, host = shell.nav, shell.host  # type: ignore[attr-defined]
    for large in (False, True):
        shell.session.set_mode("large_text", large)  # type: ignore[attr-defined]
        for lang in ("zh", "en"):
            shell.session.set_language(lang)  # type: ignore[attr-defined]
            for route in all_routes(shell.session.content):  # type: ignore[attr-defined]
                nav.go(route)
                host.finish_transition()
                app.processEvents()
    shell.reset()  # type: ignore[attr-defined]
    host.finish_transition()


def slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of y over x."""
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    num = sum((x - mx) * (y - my) for x, y in points)
    den = sum((x - mx) ** 2 for x, _ in points)
    return num / den if den else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--hours", type=int, default=10, help="simulated hours measured")
    parser.add_argument(
        "--warmup", type=int, default=1, help="simulated hours before the first measured one"
    )
    parser.add_argument(
        "--prewarm",
        action="store_true",
        help="first show every screen in both languages, with and without large text",
    )
    parser.add_argument("--visitors", type=int, default=30, help="sessions per simulated hour")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--trace", action="store_true", help="tracemalloc (slower)")
    args = parser.parse_args()
    if args.trace:
        tracemalloc.start(12)
    meters = rel.Meters()
    settings = Settings.defaults().replace(transition_ms=150, attract_slide_seconds=3)
    app, shell = rel.make_shell(settings)
    meters.install()
    shell.idle.configure(0.4, 1)  # type: ignore[attr-defined]  # 60 s and 20 s at the booth
    day = Day(app, shell, args.warmup + args.hours - 1, args.visitors, args.seed)
    day.baseline = args.warmup
    if args.prewarm:
        prewarm(app, shell)
    QTimer.singleShot(0, day.start)
    started = time.monotonic()
    app.exec()
    duration = time.monotonic() - started

    rows: list[tuple[str, ...]] = [
        (
            "hour",
            "sessions",
            "pages built",
            "RSS MB",
            "malloc in use MB",
            "widgets",
            "shell QObjects",
            "Python objects",
        )
    ]
    for h, s, p, r, w, q, o, m in day.samples:
        rows.append((str(h), str(s), f"{p:,}", f"{r:.1f}", f"{m:.1f}", str(w), str(q), f"{o:,}"))
    print(rel.table(rows))
    first = args.warmup
    last = day.hours
    after_warmup = [(float(h), r) for h, _, _, r, *_ in day.samples[first:]]
    trend = slope(after_warmup)
    growth = day.samples[-1][3] - day.samples[first][3]
    pages = day.samples[-1][2] - day.samples[first][2]
    print()
    print(
        f"{day.sessions} sessions, {day.pages:,} pages built, "
        f"{sum(day.actions.values()):,} visitor actions "
        f"({', '.join(f'{k} {v}' for k, v in sorted(day.actions.items()))}) in {duration:.0f} s"
    )
    print(f"RSS trend, hours {first}-{last}: {trend:+.2f} MB per simulated hour")
    print(f"RSS growth, hour {first} to hour {last}: {growth:+.1f} MB (limit {LIMIT_MB:g} MB), "
          f"{growth * 1024 / max(1, pages):+.2f} KB per page built")  # fmt: skip
    print(f"peak RSS {rel.peak_mb():.1f} MB; exceptions {len(meters.exceptions)}; "
          f"Qt warnings {len(meters.warnings)}")  # fmt: skip
    if first in day.types and last in day.types:
        grown = (day.types[last] - day.types[first]).most_common(8)
        print(f"Python types that grew most (hour {first} → end): "
              + (", ".join(f"{name} +{n}" for name, n in grown) or "none"))  # fmt: skip
    if first in day.snapshots and last in day.snapshots:
        stats = day.snapshots[last].compare_to(day.snapshots[first], "lineno")
        print("tracemalloc, top growth:")
        for stat in stats[:10]:
            print(f"  {stat}")
    for text in meters.exceptions[:3] + meters.warnings[:5]:
        print("\n" + text)
    shell.allow_close()  # type: ignore[attr-defined]
    shell.close()  # type: ignore[attr-defined]
    ok = growth < LIMIT_MB and not meters.exceptions and not meters.warnings
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
