"""Child process of ``run.py``: measurements inside one running kiosk (or the bare reference).

Usage (run.py does this)::

    python benchmarks/_kiosk_probe.py session OUT.json --navs 1000 --seed 1
    python benchmarks/_kiosk_probe.py transitions OUT.json --count 18 [--bare --duration-ms 280]

The kiosk is started by ``kiosk.commands.cli.main([])``, as the ``kiosk`` command does (full
screen on the platform's primary screen, settings from ``$XDG_CONFIG_HOME``, logs to
``$XDG_STATE_HOME``);
``kiosk.app.create_application`` is wrapped only to schedule the driver once the event loop runs.
The driver is a generator: each ``yield ms`` hands the event loop back for *ms* milliseconds
(a single-shot QTimer), so painting, animations and deferred deletes run as they do for a visitor.

session
    1. every route of ``all_routes(content)`` in Chinese, then in English (``nav.go``, the
       transition runs to its end, then 30 ms of event loop); then the kiosk at rest (the idle
       reset, 2 s, ``gc.collect()``, see :func:`rest`): RSS, peak RSS (VmHWM) and PSS;
    2. Home; a 5 ms heartbeat QTimer (PreciseTimer) while the kiosk idles on it: the noise floor;
    3. every route again in each other combination of the three accessibility modes (large
       text, high contrast, low reach), in both languages (each page built whole, 40 ms of event
       loop: the random navigations below switch modes, so a page in a mode is a screen of its
       own, with its own fonts, glyphs and layouts); at rest: RSS (``after_modes``, info);
       ``--warmup`` random navigations (not measured: interrupted transitions allocate their
       buffers once); the arrays the navigations' notes go into, made now; at rest: RSS
       before; Home;
    4. the heartbeat during N random navigations (go to any route, back, home, sibling ±1,
       language toggle, an accessibility mode on or off), each ``--spacing-ms`` after the
       previous one returned, so a navigation may interrupt a running transition (the app
       supports it); RSS every 50; the
       time each navigation began and every beat's time (the longest stall after each tap);
    5. at rest again: RSS after the navigations; only then are the notes turned into lists;
       with ``--rounds`` N, N - 1 more rounds of as many navigations (no heartbeat), RSS at
       rest after each (``rests``: before, then after each round).
       The probe allocates nothing it keeps between the two readings (its notes as lists of
       floats and tuples were 1-2.7 MB per 1,000 navigations, counted as the kiosk's growth).
transitions
    a fixed cycle of page changes (forward, forward, sibling, back …, home), each a tap: for a
    card or Next, its press (``Navigation.expect``) ``--press-ms`` before the release (the
    change; the bar's Back and Home say nothing at a press); for each, from the release, the
    times of the ``Paint`` events of ``shell.host.overlay`` that show movement (``frames``: its
    progress above 0) and of all of them (``painted``: the first shows the page left, held as
    the screen showed it, before anything moves).
    With ``--bare``: a bare QWidget of the same size painting two opaque screen-sized pixmaps the
    same way (slide or cross-fade) under the same QVariantAnimation: the machine's own ceiling.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import random
import sys
import time
import traceback
from array import array
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any

from _proc import memory
from PySide6.QtCore import QEasingCurve, QEvent, QObject, QPointF, Qt, QTimer, QVariantAnimation
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

Driver = Generator[int, None, None]
RESULT: dict[str, Any] = {}


# -- plumbing --------------------------------------------------------------------------------------


def write_and_exit(out: Path, code: int) -> None:
    out.write_text(json.dumps(RESULT), encoding="utf-8")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # no teardown: the measurements are taken


def drive(steps: Iterator[int], out: Path) -> None:
    """Run *steps* on the event loop; write RESULT and exit when it ends or fails.

    Exceptions are caught here: the kiosk's own excepthook would log them and carry on.
    """

    def step() -> None:
        try:
            delay = next(steps)
        except StopIteration:
            write_and_exit(out, 0)
            return
        except Exception:
            RESULT["error"] = traceback.format_exc()
            write_and_exit(out, 3)
            return
        QTimer.singleShot(delay, step)

    QTimer.singleShot(0, step)


def start_kiosk(driver: Callable[[Any], Driver], out: Path) -> int:
    """Start the kiosk as ``kiosk`` does and run *driver(shell)* once the event loop runs."""
    import kiosk.app
    from kiosk.commands.cli import main

    original = kiosk.app.create_application

    def create_application(argv0: str = "kiosk") -> QApplication:
        app = original(argv0)

        def begin() -> None:
            shell = next(w for w in app.topLevelWidgets() if w.objectName() == "kioskShell")
            drive(driver(shell), out)

        QTimer.singleShot(0, begin)
        return app

    kiosk.app.create_application = create_application  # type: ignore[assignment]
    return main([])


class Heartbeat(QObject):
    """A 5 ms precise timer that notes when it fires.

    Its stamps go into arrays made in advance (:meth:`reserve`), so that a measurement of the
    kiosk's memory growth does not count the probe's own notes (see the module's docstring)."""

    def __init__(self, interval_ms: int = 5):
        super().__init__()
        self.stamps = array("d")
        #: The main thread's CPU time at each beat: a stall's CPU time is load-proof.
        self.cpu = array("d")
        self.count = 0
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._beat)

    def reserve(self, beats: int) -> None:
        """Room for *beats* beats, made now (more still fit: the arrays then grow)."""
        self.stamps = array("d", bytes(8 * beats))
        self.cpu = array("d", bytes(8 * beats))

    def _beat(self) -> None:
        if self.count < len(self.stamps):
            self.stamps[self.count] = time.perf_counter()
            self.cpu[self.count] = time.thread_time()
        else:
            self.stamps.append(time.perf_counter())
            self.cpu.append(time.thread_time())
        self.count += 1

    def start(self) -> None:
        self.count = 0
        self._beat()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def beats(self) -> list[float]:
        """The stamps of the last run."""
        return self.stamps[: self.count].tolist()

    def beats_cpu(self) -> list[float]:
        """The CPU times of the last run."""
        return self.cpu[: self.count].tolist()

    def intervals(self) -> list[float]:
        """The intervals between the last run's beats, in ms."""
        s = self.stamps[: self.count]
        return [(b - a) * 1000 for a, b in itertools.pairwise(s)]


class PaintLog(QObject):
    """Event filter noting the time of every Paint event of one widget (:attr:`painted`), and
    of those that show movement (:attr:`stamps`: *progress* says how far the transition is)."""

    def __init__(self, widget: QWidget, progress: Callable[[], float] = lambda: 1.0):
        super().__init__()
        self.stamps: list[float] = []
        self.painted: list[float] = []
        self._progress = progress
        widget.installEventFilter(self)

    def clear(self) -> None:
        self.stamps.clear()
        self.painted.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            now = time.perf_counter()
            self.painted.append(now)
            if self._progress() > 0:
                self.stamps.append(now)
        return False


def settle(ms: int = 500) -> Driver:
    """Let the event loop run, collect garbage, let it run again."""
    yield ms
    gc.collect()
    yield 200


# -- session: memory after every screen, stalls and growth during random navigations --------------


def session(args: argparse.Namespace) -> Callable[[Any], Driver]:
    def run(shell: Any) -> Driver:
        from kiosk.model.routes import all_routes

        nav, host = shell.nav, shell.host
        routes = all_routes(shell.session.content)
        RESULT["size"] = [shell.width(), shell.height()]
        RESULT["routes"] = len(routes)
        yield 500
        RESULT["at_start"] = memory()
        for lang in ("zh", "en"):
            shell.session.set_language(lang)
            for route in routes:
                nav.go(route)
                while host.animating:
                    yield 10
                yield 30
        RESULT["visit_peak"] = memory()
        yield from rest(shell)
        RESULT["after_visit"] = memory()
        yield from home(shell)

        beat = Heartbeat()
        beat.reserve(args.idle_ms // 5 + 1000)
        beat.start()
        yield args.idle_ms
        beat.stop()
        RESULT["idle_intervals"] = beat.intervals()

        if args.modes:
            yield from every_mode(shell, routes)
            yield from rest(shell)
            RESULT["after_modes"] = memory()
            yield from home(shell)

        rng = random.Random(args.seed)
        yield from wander(rng, shell, routes, args.warmup, args.spacing_ms)
        # What the navigations note is made before the memory is read: growth is the kiosk's.
        beat.reserve(args.navs * 60)  # about 20 beats a navigation here; 3x room
        starts = array("d", bytes(8 * args.navs))
        spent = array("d", bytes(8 * args.navs))
        kinds = array("b", bytes(args.navs))
        targets = array("h", bytes(2 * args.navs))
        checkpoints = array("d", bytes(8 * (args.navs // 50 + 1)))
        index = {route: i for i, route in enumerate(routes)}
        yield from rest(shell)
        RESULT["before_navs"] = memory()
        yield from home(shell)

        beat.start()
        for i in range(args.navs):
            if i % 50 == 0:
                checkpoints[i // 50] = memory()["VmRSS"]
            kind, act = choose(rng, shell, routes)
            began = time.perf_counter()
            starts[i] = began
            act()
            spent[i] = (time.perf_counter() - began) * 1000
            kinds[i] = KINDS.index(kind)
            targets[i] = index.get(nav.current, -1)
            yield args.spacing_ms
        while host.animating:
            yield 10
        beat.stop()
        yield from rest(shell)
        RESULT["after_navs"] = memory()
        RESULT["nav_intervals"] = beat.intervals()
        RESULT["nav_starts"] = starts.tolist()
        RESULT["nav_beats"] = beat.beats()
        RESULT["nav_beats_cpu"] = beat.beats_cpu()
        RESULT["navs"] = [
            (KINDS[k], str(routes[t]) if t >= 0 else "?", ms)
            for k, t, ms in zip(kinds, targets, spent, strict=True)
        ]
        RESULT["rss_checkpoints"] = [
            (i * 50, rss) for i, rss in enumerate(checkpoints[: (args.navs + 49) // 50])
        ]
        # More rounds of as many navigations, each followed by a rest: RSS at rest swings by
        # 2-3 MB from one rest to the next, so growth is read from a series of them.
        rests = array("d", bytes(8 * (args.rounds + 1)))
        rests[0], rests[1] = RESULT["before_navs"]["VmRSS"], RESULT["after_navs"]["VmRSS"]
        for round_ in range(2, args.rounds + 1):
            yield from home(shell)
            yield from wander(rng, shell, routes, args.navs, args.spacing_ms)
            while host.animating:
                yield 10
            yield from rest(shell)
            rests[round_] = memory()["VmRSS"]
        RESULT["rests"] = rests.tolist()

    return run


def every_mode(shell: Any, routes: list[Any]) -> Driver:
    """Every route in each combination of the accessibility modes but none, in both languages,
    each page built whole; the modes off again at the end."""
    session, nav = shell.session, shell.nav
    names = ("large_text", "high_contrast", "low_reach")
    for combination in itertools.product((False, True), repeat=len(names)):
        if not any(combination):
            continue  # visited already
        for lang in ("zh", "en"):
            session.set_language(lang)
            for name, on in zip(names, combination, strict=True):
                session.set_mode(name, on)
            for route in routes:
                nav.go(route)
                shell.host.finish_transition()
                yield 40
    for name in names:
        session.set_mode(name, False)


def rest(shell: Any) -> Driver:
    """The kiosk at rest, where memory is read: the idle reset (attract loop, Chinese, the last
    visitor's kept pages dropped, Home built for the next one after 1 s), its transition done,
    2 s for that and the kiosk's own memory release, garbage collected."""
    shell.reset()
    shell.host.finish_transition()
    yield 2000
    gc.collect()
    yield 200


def home(shell: Any) -> Driver:
    """On Home, as after a visitor's touch on the attract loop, the transition done."""
    from kiosk.model.navigation import HOME

    if shell.nav.stack != [HOME]:
        shell.nav.home()
    shell.host.finish_transition()
    yield from settle()


def wander(
    rng: random.Random, shell: Any, routes: list[Any], count: int, spacing_ms: int
) -> Driver:
    """*count* random navigations (:func:`choose`), each *spacing_ms* after the one before
    returned; nothing noted."""
    for _ in range(count):
        choose(rng, shell, routes)[1]()
        yield spacing_ms


#: The kinds of navigation :func:`choose` makes.
KINDS = ("language", "mode", "back", "sibling", "home", "go")


def choose(rng: random.Random, shell: Any, routes: list[Any]) -> tuple[str, Callable[[], None]]:
    """A random navigation a visitor could make: (kind, action)."""
    from kiosk.model.navigation import HOME

    nav = shell.nav
    roll = rng.random()
    if roll < 0.10:
        return "language", shell.session.toggle_language
    if roll < 0.14:  # an accessibility mode, on or off
        mode = rng.choice(("large_text", "high_contrast", "low_reach"))
        session = shell.session
        return "mode", lambda: session.set_mode(mode, not session.modes[mode])
    if roll < 0.25 and len(nav.stack) > 1:
        return "back", nav.back
    if roll < 0.40:
        group = nav.siblings(nav.current)
        if nav.current in group and len(group) > 1:
            index = group.index(nav.current)
            steps = [s for s in (-1, 1) if 0 <= index + s < len(group)]
            step = rng.choice(steps)
            return "sibling", lambda: nav.sibling(step)
    if roll < 0.50 and nav.stack != [HOME]:
        return "home", nav.home
    target = rng.choice([r for r in routes if r != nav.current])
    return "go", lambda: nav.go(target)


# -- transitions -----------------------------------------------------------------------------------


def kiosk_transitions(args: argparse.Namespace) -> Callable[[Any], Driver]:
    def run(shell: Any) -> Driver:
        from kiosk.model.navigation import Route

        nav, host = shell.nav, shell.host
        content = shell.session.content
        theme = sorted(content.themes, key=lambda t: t.number)[0].id
        achievement = content.achievements[0].id
        # (kind, the tap's action at its release, what its press says it leads to)
        step_type = tuple[str, Callable[[], object], Callable[[], object] | None]

        def forward(route: Route) -> step_type:
            return ("forward", lambda: nav.go(route), lambda: nav.expect(route))

        following = ("sibling", lambda: nav.sibling(1), lambda: nav.expect_sibling(1))
        cycle: list[step_type] = [
            forward(Route("themes")),
            forward(Route("theme", theme)),
            following,
            ("back", nav.back, None),
            forward(Route("achievements")),
            forward(Route("achievement", achievement)),
            following,
            ("back", nav.back, None),
            ("home", nav.home, None),
        ]
        RESULT["size"] = [shell.width(), shell.height()]
        RESULT["duration_ms"] = host.animation.duration()
        paints = PaintLog(host.overlay, lambda: host.overlay.progress)
        nav.home()
        host.finish_transition()
        yield 500
        transitions = []
        for i in range(args.count):
            kind, act, press = cycle[i % len(cycle)]
            if press is not None and args.press_ms > 0:
                press()  # the finger comes down on a card or Next (the bar's buttons say nothing)
                yield args.press_ms
            paints.clear()
            called = time.perf_counter()  # the finger lifts
            act()
            returned = time.perf_counter()
            while host.animating:
                yield 10
            transitions.append(
                {
                    "kind": kind,
                    "called": called,
                    "returned": returned,
                    "frames": paints.stamps[:],
                    "painted": paints.painted[:],
                }
            )
            yield 250
        RESULT["transitions"] = transitions

    return run


class BareOverlay(QWidget):
    """The reference: two opaque pixmaps slid or cross-faded, painted like the kiosk's overlay."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("bare")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.old = QPixmap()
        self.new = QPixmap()
        self.motion = 0
        self.progress = 0.0

    def make_pixmaps(self) -> None:
        def page(top: str, bottom: str) -> QPixmap:
            pixmap = QPixmap(self.size())
            painter = QPainter(pixmap)
            gradient = QLinearGradient(0, 0, self.width() * 0.4, self.height())
            gradient.setColorAt(0, QColor(top))
            gradient.setColorAt(1, QColor(bottom))
            painter.fillRect(pixmap.rect(), gradient)
            painter.end()
            return pixmap

        self.old = page("#0A1A33", "#061226")
        self.new = page("#12294D", "#061226")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        w = self.width()
        p = self.progress
        if self.motion == 0:
            painter.drawPixmap(0, 0, self.old)
            painter.setOpacity(p)
            painter.drawPixmap(0, 0, self.new)
        else:
            shift = round(w * p) * self.motion
            painter.drawPixmap(QPointF(-shift, 0), self.old)
            painter.drawPixmap(QPointF(self.motion * w - shift, 0), self.new)
        painter.end()


def bare_transitions(args: argparse.Namespace, out: Path) -> int:
    app = QApplication([sys.argv[0]])
    window = BareOverlay()
    window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
    window.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
    window.setGeometry(app.primaryScreen().geometry())
    window.showFullScreen()
    animation = QVariantAnimation(window)
    animation.setStartValue(0.0)
    animation.setEndValue(1.0)
    animation.setDuration(args.duration_ms)
    animation.setEasingCurve(QEasingCurve.Type.OutCubic)

    def step(value: float) -> None:
        window.progress = float(value)
        window.update()

    animation.valueChanged.connect(step)
    motions = [("forward", 1), ("forward", 1), ("sibling", 1), ("back", -1)] * 2 + [("home", 0)]

    def run() -> Driver:
        yield 300
        window.make_pixmaps()
        RESULT["size"] = [window.width(), window.height()]
        RESULT["duration_ms"] = args.duration_ms
        paints = PaintLog(window, lambda: window.progress)
        yield 200
        transitions = []
        for i in range(args.count):
            kind, motion = motions[i % len(motions)]
            paints.clear()
            called = time.perf_counter()
            window.motion = motion
            window.progress = 0.0
            animation.start()
            animation.setCurrentTime(16)  # as the kiosk's: its first frame moves
            returned = time.perf_counter()
            while animation.state() == QVariantAnimation.State.Running:
                yield 10
            transitions.append(
                {
                    "kind": kind,
                    "called": called,
                    "returned": returned,
                    "frames": paints.stamps[:],
                    "painted": paints.painted[:],
                }
            )
            yield 250
        RESULT["transitions"] = transitions

    drive(run(), out)
    return app.exec()


# -- entry -----------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("session", "transitions"))
    parser.add_argument("out", type=Path)
    parser.add_argument("--navs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--idle-ms", type=int, default=5000)
    parser.add_argument("--spacing-ms", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument(
        "--rounds", type=int, default=1, help="rounds of --navs navigations, a rest after each"
    )
    parser.add_argument(
        "--no-modes", dest="modes", action="store_false", help="skip the visit in every mode"
    )
    parser.add_argument("--count", type=int, default=18)
    parser.add_argument(
        "--press-ms", type=int, default=80, help="how long a tap's finger is down (0: no press)"
    )
    parser.add_argument("--bare", action="store_true")
    parser.add_argument("--duration-ms", type=int, default=280)
    args = parser.parse_args()
    if args.mode == "session":
        return start_kiosk(session(args), args.out)
    if args.bare:
        return bare_transitions(args, args.out)
    return start_kiosk(kiosk_transitions(args), args.out)


if __name__ == "__main__":
    sys.exit(main())
