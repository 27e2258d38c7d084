"""What a real screen reader's client sees of the kiosk, through AT-SPI (the stack Orca uses).

Run it with the system Python (pyatspi is a Debian package, python3-pyatspi) inside a desktop
session with the accessibility bus (on a machine without a screen: Xvfb, a D-Bus session bus,
at-spi2-core's bus launcher and QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1), while the kiosk runs in it:

    .venv/bin/kiosk --windowed --idle-timeout 30 --idle-warning 20 &
    sleep 8; /usr/bin/python3 tools/atspi_probe.py

It checks the window's role and name, presses the attract loop's start control, watches the
focus move to the page's heading and then with Tab (real key events through XTest), opens every
section and every card and area of it through their press actions (coming back with Backspace
and Home, real keys), and waits for the "Still there?" alert. Each check prints one line, ``ok``
or ``FAIL``; the exit status is the number of failures.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from functools import partial
from typing import Any

import pyatspi  # type: ignore[import-not-found]

FAILURES: list[str] = []


def check(ok: bool, what: str) -> None:
    print(("ok    " if ok else "FAIL  ") + what, flush=True)
    if not ok:
        FAILURES.append(what)


def wait_for(test: Callable[[], Any], seconds: float = 10.0) -> Any:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = test()
        if value:
            return value
        time.sleep(0.2)
    return None


def kiosk_app() -> Any:
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.name and "kiosk" in app.name.lower():
            return app
    return None


def walk(node: Any) -> list[Any]:
    found, todo = [], [node]
    while todo:
        current = todo.pop()
        if current is None:
            continue
        found.append(current)
        try:
            todo.extend(current[i] for i in range(current.childCount))
        except Exception:  # a node that went away meanwhile
            continue
    return found


def showing(node: Any) -> bool:
    return bool(node.getState().contains(pyatspi.STATE_SHOWING))


def focused(app: Any) -> Any:
    for node in walk(app):
        if node.getState().contains(pyatspi.STATE_FOCUSED):
            return node
    return None


def press(node: Any) -> None:
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("Press", "press", "click"):
            action.doAction(i)
            return
    action.doAction(0)


def key(keysym_name: str) -> None:
    keysyms = {"Tab": 0xFF09, "BackSpace": 0xFF08, "Return": 0xFF0D, "Home": 0xFF50}
    pyatspi.Registry.generateKeyboardEvent(keysyms[keysym_name], None, pyatspi.KEY_SYM)


def heading_name(app: Any) -> str:
    """The name of the focused heading ('' when the focus is elsewhere)."""
    node = focused(app)
    if node is not None and node.getRole() == pyatspi.ROLE_HEADING:
        return str(node.name)
    return ""


def is_heading(app: Any, name: str) -> bool:
    return heading_name(app) == name


def left(app: Any, name: str) -> bool:
    return heading_name(app) not in ("", name)


def open_screen(app: Any, name: str, leaving: str = "") -> str:
    """Press the showing control *name*; the new page's heading ('' when no page came)."""
    control = next(
        (
            n
            for n in walk(app)
            if n.name == name and showing(n) and n.getRole() == pyatspi.ROLE_PUSH_BUTTON
        ),
        None,
    )
    if control is None:
        return ""
    leaving = leaving or heading_name(app)
    press(control)
    return str(wait_for(lambda: (h := heading_name(app)) and h != leaving and h, 3) or "")


def main() -> int:
    app = wait_for(kiosk_app, 30)
    check(app is not None, "the kiosk is on the accessibility bus")
    if app is None:
        return 1
    window = app[0]
    check(window.getRole() in (pyatspi.ROLE_WINDOW, pyatspi.ROLE_FRAME), "the window is a window")
    check(bool(window.name), f"the window is named ({window.name!r})")
    start = wait_for(
        lambda: next(
            (n for n in walk(app) if n.getRole() == pyatspi.ROLE_PUSH_BUTTON and showing(n)), None
        )
    )
    check(start is not None, "the attract loop offers a control to press")
    if start is None:
        return len(FAILURES)
    press(start)
    heading = wait_for(lambda: (f := focused(app)) and f.getRole() == pyatspi.ROLE_HEADING and f)
    check(
        bool(heading),
        f"Home opens with the focus on its heading ({getattr(heading, 'name', '')!r})",
    )
    before = focused(app)
    key("Tab")
    moved = wait_for(lambda: (f := focused(app)) and before is not None and f != before and f)
    check(bool(moved), f"Tab moves the focus ({getattr(moved, 'name', '')!r})")
    headings = [n for n in walk(app) if n.getRole() == pyatspi.ROLE_HEADING and showing(n)]
    check(len(headings) >= 1, f"{len(headings)} headings on Home")
    joined = [n.name for n in walk(app) if n.name and "\u2060" in n.name]
    check(not joined, f"names are plain words, without word joiners ({joined[:2]})")
    tiles = [
        n.name
        for n in walk(app)
        if n.getRole() == pyatspi.ROLE_PUSH_BUTTON and showing(n) and n.name and n.description
    ]  # the section tiles (the bar's buttons have no description)
    screens = 1
    for name in tiles:
        title = open_screen(app, name)
        check(bool(title), f"{name!r} opens a page with its heading focused ({title!r})")
        if not title:
            continue
        screens += 1
        controls = [
            n.name
            for n in walk(app)
            if n.getRole() == pyatspi.ROLE_PUSH_BUTTON and showing(n) and n.name and n.description
        ]
        for control in controls:
            item = open_screen(app, control, title)
            if item:  # a page (a figure tile only turns over)
                screens += 1
                key("BackSpace")
                back = wait_for(partial(is_heading, app, title), 5)
                check(bool(back), f"Backspace from {item!r} comes back to {title!r}")
        key("Home")
        wait_for(partial(left, app, title), 5)
    check(screens >= 40, f"{screens} screens reached through AT-SPI actions")
    alert = wait_for(
        lambda: next(
            (n for n in walk(app) if n.getRole() == pyatspi.ROLE_ALERT and showing(n)), None
        ),
        90,
    )
    check(alert is not None, "the 'Still there?' question comes as an alert")
    if alert is not None:
        button = wait_for(
            lambda: (f := focused(app)) and f.getRole() == pyatspi.ROLE_PUSH_BUTTON and f
        )
        check(bool(button), f"its button has the focus ({getattr(button, 'name', '')!r})")
    return len(FAILURES)


if __name__ == "__main__":
    sys.exit(main())
