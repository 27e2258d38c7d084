"""The main thread's CPU time per turn of the event loop during page changes (load-proof).

Every event the application dispatches at the top level (a tap, a timer's slice of a page build,
a grab, a paint) is one turn's work; its CPU time (``time.thread_time``) is what the main thread
spent on it, however busy the machine is. After one visit of every screen, N seeded random
navigations (go to any route, back, Home, the language now and then), each from a 0-ms timer
once the previous change has finished (a mode toggled now and then too: large text, high
contrast or low reach, on or off); for each: the longest turn, and the CPU time from the
navigation to the start of the transition's animation (tap → first frame, without its paint).

    .venv/bin/python benchmarks/turns.py [--navigations 150] [--seed 16]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from typing import Any, ClassVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication


class TimedApp(QApplication):
    """Notes the CPU time of every top-level event."""

    turns: ClassVar[list[float]] = []
    #: What the longest turn so far dispatched (receiver's class, event type).
    worst: tuple[float, str] = (0.0, "")
    depth = 0

    def notify(self, receiver: QObject, event: QEvent) -> bool:
        TimedApp.depth += 1
        began = time.thread_time()
        try:
            return super().notify(receiver, event)
        finally:
            TimedApp.depth -= 1
            if TimedApp.depth == 0:
                spent = (time.thread_time() - began) * 1000
                TimedApp.turns.append(spent)
                if spent > TimedApp.worst[0]:
                    what = f"{type(receiver).__name__} {event.type().name}"
                    TimedApp.worst = (spent, what)


#: The accessibility modes a navigation may toggle.
MODES = ("large_text", "high_contrast", "low_reach")


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--navigations", type=int, default=150)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    import kiosk.app

    kiosk.app.QApplication = TimedApp  # type: ignore[misc]
    from kiosk.app import create_application, load_content
    from kiosk.commands.fit import quiet_qt
    from kiosk.model.routes import all_routes
    from kiosk.model.session import Session
    from kiosk.model.settings import Settings
    from kiosk.ui.shell import Shell

    quiet_qt()
    app = create_application("turns")
    content = load_content(None)
    session = Session(content, Settings.defaults())
    shell = Shell(session, kiosk_mode=False)
    shell.allow_close()
    shell.resize(1920, 1080)
    shell.show()
    host = shell.host
    routes = [r for r in all_routes(content) if r.page != "attract"]
    rng = random.Random(args.seed)
    rows: list[tuple[str, float, float, str]] = []
    state: dict[str, Any] = {"cpu": None, "first": None}

    def started(new: Any, old: Any) -> None:
        running = new == host.animation.State.Running
        if state["cpu"] is not None and state["first"] is None and running:
            state["first"] = (time.thread_time() - state["cpu"]) * 1000

    host.animation.stateChanged.connect(started)

    def settle() -> None:
        while host.animating:
            app.processEvents()
        end = time.perf_counter() + 0.05
        while time.perf_counter() < end:
            app.processEvents()

    def navigate(kind: str) -> None:
        nav = session.nav
        if kind == "language":
            session.toggle_language()
        elif kind == "mode":
            mode = rng.choice(MODES)
            session.set_mode(mode, not session.modes[mode])
        elif kind == "back" and len(nav.stack) > 1:
            nav.back()
        elif kind == "home":
            nav.home()
        else:
            nav.go(rng.choice(routes))

    for route in routes:  # every screen once: caches, imports
        session.nav.go(route)
        settle()
    for _ in range(args.navigations):
        roll = rng.random()
        kind = "language" if roll < 0.08 else "back" if roll < 0.3 else "go"
        kind = "mode" if 0.08 <= roll < 0.12 else kind
        kind = "home" if 0.3 <= roll < 0.4 else kind
        TimedApp.turns, TimedApp.worst = [], (0.0, "")
        state["cpu"], state["first"] = time.thread_time(), None
        QTimer.singleShot(0, lambda k=kind: navigate(k))
        settle()
        where = f"{kind} → {session.nav.current}: {TimedApp.worst[1]}"
        rows.append((kind, max(TimedApp.turns), state["first"] or 0.0, where))
    longest = [r[1] for r in rows]
    first = [r[2] for r in rows if r[2]]
    print(f"{len(rows)} navigations, seed {args.seed}, 1920×1080 offscreen")
    p50, p95, top = statistics.median(longest), pct(longest, 0.95), max(longest)
    print(f"longest turn after a navigation, CPU ms: p50 {p50:.1f}  p95 {p95:.1f}  max {top:.1f}")
    for kind in ("go", "back", "home", "language", "mode"):
        some = [r[1] for r in rows if r[0] == kind]
        if some:
            mid = statistics.median(some)
            print(f"  {kind:9s} n={len(some):3d} p50 {mid:5.1f}  max {max(some):5.1f}")
    p50, p95, top = statistics.median(first), pct(first, 0.95), max(first)
    print(f"tap → animation start, CPU ms: p50 {p50:.1f}  p95 {p95:.1f}  max {top:.1f}")
    print("the longest turns:")
    for row in sorted(rows, key=lambda r: -r[1])[:6]:
        print(f"  {row[1]:5.1f} ms  {row[3]}")
    shell.close()
    QCoreApplication.processEvents()


if __name__ == "__main__":
    main()
