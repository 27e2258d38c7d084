"""The monkey: 2,000 random touch events on every screen of a real kiosk-mode shell at 1920×1080.

No exception may escape (neither to ``sys.excepthook`` nor out of a touch), no Qt warning may be
logged (``qt_log_level_fail``), and at the end Home still works. The gestures are seeded
(``MONKEY_SEED`` picks another sequence); benchmarks/monkey.py runs 100,000 of them.
"""

from __future__ import annotations

import os
import sys
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import TracebackType

import fingers
import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot
from touch_monkey import GESTURES, Monkey

from kiosk.content import Content
from kiosk.model.navigation import HOME
from kiosk.model.routes import SECTIONS, all_routes
from kiosk.ui.pages.home import HomePage
from kiosk.ui.shell import Shell
from kiosk.ui.strings import ui

SEED = int(os.environ.get("MONKEY_SEED", "20230525"))
TOUCH_EVENTS = 2000


@dataclass
class Guard:
    """Every exception of a run: those that reached the hooks and those raised out of a touch."""

    errors: list[str] = field(default_factory=list)

    def hook(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        self.errors.append("".join(traceback.format_exception(kind, exc, tb)))


@contextmanager
def guarded() -> Iterator[Guard]:
    guard = Guard()
    saved = sys.excepthook, threading.excepthook
    sys.excepthook = guard.hook
    threading.excepthook = lambda args: guard.hook(
        args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback
    )
    try:
        yield guard
    except Exception as exc:  # re-raised to the caller of a touch (PySide6)
        guard.hook(type(exc), exc, exc.__traceback__)
    finally:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
        sys.excepthook, threading.excepthook = saved


def home_works(qtbot: QtBot, shell: Shell) -> None:
    """Tap Home (or the attract loop, which leads there): Home shows, with its five tiles."""
    # Staff overlays are not a visitor's: the monkey may have opened the pad.
    shell.admin_control.close()
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)
    if shell.nav.attracting:
        assert shell.host.page is not None
        fingers.tap(shell.host.page)
    else:
        assert shell.bar.isVisible()
        fingers.tap(shell.bar.home)
    qtbot.waitUntil(lambda: shell.nav.current == HOME, timeout=3000)
    page = shell.host.page
    assert isinstance(page, HomePage) and page.route == HOME
    qtbot.waitUntil(page.isVisible, timeout=3000)
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)  # Home comes in parts
    names = {b.accessibleName() for b in page.findChildren(QAbstractButton) if b.isVisible()}
    for section in SECTIONS:
        assert ui(f"section.{section}", shell.session.lang) in names


def test_2000_random_touch_events_leave_a_working_kiosk(
    qtbot: QtBot, shell: Shell, content: Content
) -> None:
    monkey = Monkey(shell, SEED)
    with guarded() as guard:
        monkey.run(TOUCH_EVENTS)
    where = f"seed {SEED}, after {monkey.gestures} gestures on {shell.nav.current}"
    assert not guard.errors, f"{where}:\n" + "\n".join(guard.errors)
    assert monkey.touch_events >= TOUCH_EVENTS
    assert set(monkey.counts) == set(GESTURES), monkey.counts
    assert monkey.visited >= set(all_routes(content)), "every screen got touches"
    home_works(qtbot, shell)


def test_the_monkey_notices_an_exception(
    qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guard is not blind: a bug behind a touch (Home cannot be built) is caught."""
    from kiosk.ui import stage as stage_module

    build = stage_module.build_page

    def broken(ctx: object, route: object, *args: object, **kwargs: object) -> object:
        if route == HOME:
            raise RuntimeError("Home cannot be built")
        return build(ctx, route, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(stage_module, "build_page", broken)
    shell.host.drop_kept()  # Home may be built already, for the next visitor
    monkey = Monkey(shell, SEED)
    with guarded() as guard:
        monkey.jump()  # the attract loop: a touch anywhere opens Home
        monkey._tap()
    assert guard.errors and "Home cannot be built" in guard.errors[0]
