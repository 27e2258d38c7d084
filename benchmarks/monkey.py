"""Benchmark: 100,000 random touch events on a real kiosk-mode shell (tests/touch_monkey.py).

Run: ``.venv/bin/python benchmarks/monkey.py [--events N] [--seed S]`` (about 30
minutes for 100,000 on 2 cores). Prints a table: touch events, gestures, uncaught exceptions, Qt
warnings, RSS at the start, at the end and at its peak, and the duration; then RSS every 10,000
events (each read with no transition under way, garbage collected). Exits 1 on any exception or
Qt warning, or if Home does not work at the end.

The monkey lets the event loop turn once after each gesture (``processEvents``). A turn of the
kiosk's own event loop also deletes the objects whose deletion was posted in it (pages left,
pictures): ``processEvents`` called outside an event loop never does, so they are deleted here
after each gesture, as they would be at the end of that turn (without it, every page left waited
for the next long press's ``qWait``, a few dozen gestures, and the memory measured that).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

import _reliability as rel
import fingers
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtTest import QTest
from touch_monkey import Monkey

from kiosk.model.navigation import HOME


def font_maps() -> int:
    """How many times font files are mapped (FreeType maps a file once for each face it opens)."""
    maps = Path("/proc/self/maps").read_text(encoding="ascii", errors="replace").splitlines()
    return sum(1 for line in maps if line.endswith((".otf", ".ttf")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20230525)
    parser.add_argument("--every", type=int, default=10_000, help="RSS sample interval (events)")
    args = parser.parse_args()
    meters = rel.Meters()
    app, shell = rel.make_shell()
    meters.install()
    monkey = Monkey(shell, args.seed)  # type: ignore[arg-type]
    gc.collect()
    start_rss = rel.rss_mb()
    header = ("touch events", "gestures", "RSS MB", "widgets", "font maps", "s")
    samples: list[tuple[str, ...]] = [header]
    started = time.monotonic()
    next_sample = [args.every]

    def between(events: int) -> None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the turn's end
        if events >= next_sample[0]:
            next_sample[0] += args.every
            # Every sample in the same state: no transition under way (its pictures gone).
            shell.host.finish_transition()  # type: ignore[attr-defined]
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            gc.collect()
            samples.append(
                (
                    f"{events:,}",
                    f"{monkey.gestures:,}",
                    f"{rel.rss_mb():.1f}",
                    str(len(app.allWidgets())),
                    str(font_maps()),
                    f"{time.monotonic() - started:.0f}",
                )
            )
            print(" ".join(samples[-1]), file=sys.stderr, flush=True)

    while monkey.touch_events < args.events:
        try:
            monkey.run(args.events, between)
        except Exception as exc:  # raised out of a touch: count it and go on
            meters.hook(type(exc), exc, exc.__traceback__)
    duration = time.monotonic() - started
    shell.host.finish_transition()  # type: ignore[attr-defined]
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    end_rss = rel.rss_mb()

    shell.admin_control.close()  # type: ignore[attr-defined]
    QTest.qWait(400)
    if shell.nav.attracting:  # type: ignore[attr-defined]
        fingers.tap(shell.host.page)  # type: ignore[attr-defined]
    else:
        fingers.tap(shell.bar.home)  # type: ignore[attr-defined]
    QTest.qWait(400)
    home_works = shell.nav.current == HOME and shell.host.page.route == HOME  # type: ignore[attr-defined]

    print(
        rel.table(
            [
                ("touch events", "gestures", "exceptions", "Qt warnings", "RSS start MB",
                 "RSS end MB", "RSS peak MB", "duration s", "events/s", "Home works"),
                (f"{monkey.touch_events:,}", f"{monkey.gestures:,}",
                 str(len(meters.exceptions)), str(len(meters.warnings)), f"{start_rss:.1f}",
                 f"{end_rss:.1f}", f"{rel.peak_mb():.1f}", f"{duration:.0f}",
                 f"{monkey.touch_events / duration:.0f}", "yes" if home_works else "NO"),
            ]
        )
    )  # fmt: skip
    print()
    print("gestures: " + ", ".join(f"{k} {v:,}" for k, v in sorted(monkey.counts.items())))
    print(f"screens touched: {len(monkey.visited)} of {len(monkey.routes)}")
    print()
    print(rel.table(samples))
    for text in meters.exceptions[:3] + meters.warnings[:5]:
        print("\n" + text)
    shell.allow_close()  # type: ignore[attr-defined]
    shell.close()  # type: ignore[attr-defined]
    ok = not meters.exceptions and not meters.warnings and home_works
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
